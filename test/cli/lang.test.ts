/**
 * The command line in the user's language, run as a user runs it (the BUILT program): French under a
 * French locale or `--lang fr`, with French numbers and the officers' words; English otherwise, as it
 * always was. vitest forces LANG=C.UTF-8, so each run here sets the locale itself.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, noStackTrace, requireBuild, ROOT, type Run } from './built.js';

const FRENCH = { LANG: 'fr_FR.UTF-8' };
const C = { LANG: 'C' };

/** Runs the program with this locale (LC_ALL and LC_MESSAGES cleared unless given). */
function runIn(locale: Readonly<Record<string, string>>, args: readonly string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', LC_ALL: '', LC_MESSAGES: '', ...locale };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env });
  if (result.error !== undefined) throw result.error;
  expect(result.signal).toBeNull();
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SOLVE = ['solve', 'scenarios/tiny.yaml', '--solver', 'highs'];

describe('the language of the command line', () => {
  requireBuild();

  it('solve prints its table in French under a French locale, with French numbers', () => {
    const result = runIn(FRENCH, SOLVE);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Optimum prouvé par HiGHS\u00a0; note moyenne pondérée par les euros\u00a0: 72,17');
    expect(result.stdout).toMatch(/^Rang {2}Id {6}Nom .* Note {3}Subvention {3}% dem\.$/m);
    expect(result.stdout).toContain('77,50    120\u00a0000\u00a0€  100,0\u00a0%');
    expect(result.stdout).toContain('Enveloppe  300\u00a0000\u00a0€ sur 300\u00a0000\u00a0€  ● toute dépensée');
    expect(result.stdout).toContain('Lauréats   3 sur 3 au plus');
    expect(result.stdout).toContain('  Bretagne                       120\u00a0000\u00a0€  1 lauréat');
    expect(result.stdout).not.toMatch(/Laureates|Envelope|Grant/);
  }, 60_000);

  it('solve prints its table in English under LANG=C, as it always did', () => {
    const result = runIn(C, SOLVE);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Proven optimum by HiGHS; mean score weighted by the euros: 72.17');
    expect(result.stdout).toContain('77.50    120 000 €  100.0 %');
    expect(result.stdout).toContain('Envelope   300 000 € of 300 000 €  ● all spent');
    expect(result.stdout).toContain('Laureates  3 of 3 at most');
    expect(result.stdout).not.toContain('\u00a0');
  }, 60_000);

  it('--lang overrides the locale, and LC_ALL overrides LANG', () => {
    expect(runIn(C, [...SOLVE, '--lang', 'fr']).stdout).toContain('Lauréats   3 sur 3 au plus');
    expect(runIn(FRENCH, [...SOLVE, '--lang=en']).stdout).toContain('Laureates  3 of 3 at most');
    expect(runIn({ LANG: 'fr_FR.UTF-8', LC_ALL: 'C' }, SOLVE).stdout).toContain('Laureates  3 of 3 at most');
    expect(runIn({ LANG: 'C', LC_MESSAGES: 'fr_FR.UTF-8' }, SOLVE).stdout).toContain('Lauréats   3 sur 3 au plus');
  }, 120_000);

  it('--help is in French under a French locale, and in English under LANG=C; both name --lang', () => {
    const french = runIn(FRENCH, ['--help']);
    expect(french.status).toBe(0);
    expect(french.stdout).toMatch(/^Utilisation\u00a0: enveloppe \[options\] \[command\] \[scenario\]$/m);
    expect(french.stdout).toContain('Commandes\u00a0:');
    expect(french.stdout).toContain('pondération du scénario');
    const solve = runIn(FRENCH, ['solve', '--help']).stdout;
    expect(solve).toContain('(par défaut\u00a0: "20")');
    expect(solve).toContain('afficher l’aide de la commande');
    const english = runIn(C, ['--help']);
    expect(english.stdout).toMatch(/^Usage: enveloppe \[options\] \[command\] \[scenario\]$/m);
    expect(english.stdout).toContain('  validate [options] <scenario>      check a scenario');
    expect(english.stdout).toContain('--lang <code>                      fr or en (default: from the locale)');
    expect(french.stdout).toContain('--lang <code>                      fr ou en (par défaut : selon la locale)');
    expect(runIn({}, ['solve', '--help']).stdout).toBe(runIn(C, ['solve', '--help']).stdout);
  }, 60_000);

  it('a mistake is one line in French under a French locale, in English under LANG=C, exit 2', () => {
    const args = ['solve', 'scenarios/tiny.yaml', '--policy', 'sociale'];
    const french = runIn(FRENCH, args);
    expect(french.status).toBe(2);
    expect(french.stderr).toBe("enveloppe: --policy: pondération inconnue 'sociale'. Vouliez-vous dire 'social'\u00a0? Les pondérations du scénario sont\u00a0: social, emploi.\n");
    noStackTrace(french.stderr);
    const english = runIn(C, args);
    expect(english.status).toBe(2);
    expect(english.stderr).toBe("enveloppe: --policy: unknown policy 'sociale'. Did you mean 'social'? The scenario's policies are: social, emploi.\n");
  }, 60_000);

  it("Commander's own mistakes are in French too, and a bad --lang is refused in the locale's language", () => {
    expect(runIn(FRENCH, ['solve', 'scenarios/tiny.yaml', '--jsn']).stderr).toBe("enveloppe: option inconnue --jsn. Vouliez-vous dire --json\u00a0? Voir 'enveloppe --help'.\n");
    expect(runIn(FRENCH, ['solv', 'scenarios/tiny.yaml']).stderr).toBe("enveloppe: commande inconnue 'solv'. Vouliez-vous dire 'solve'\u00a0?\n");
    const bad = runIn(FRENCH, ['solve', 'scenarios/tiny.yaml', '--lang', 'de']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("enveloppe: --lang: langue inconnue 'de'. Choisissez fr ou en.\n");
    expect(runIn(C, ['validate', 'scenarios/tiny.yaml', '--lang', 'de']).stderr).toBe("enveloppe: --lang: unknown language 'de'. Choose fr or en.\n");
  }, 60_000);

  it('validate summarises the scenario in French', () => {
    const result = runIn(FRENCH, ['validate', 'scenarios/tiny.yaml']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('scenarios/tiny.yaml\u00a0: le scénario et son fichier de candidats sont valides');
    expect(result.stdout).toContain('  enveloppe 300\u00a0000\u00a0€');
    expect(result.stdout).toContain('  faisable\u00a0: une répartition respecte toutes les règles');
  }, 60_000);
});
