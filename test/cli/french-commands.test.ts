/**
 * Every command in French under a French locale (issue 12): the analyses' tables, explain, validate,
 * verify, report's messages, the conflicts, the warnings and the tie sentences, run as a user runs
 * them (the BUILT program). Each checks French headers and words, French numbers, and that the
 * English words the command used to print are gone; the JSON stays the same in both languages.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, noStackTrace, requireBuild, ROOT, type Run } from './built.js';

const FRENCH = { LANG: 'fr_FR.UTF-8' };
const C = { LANG: 'C' };
const folder = mkdtempSync(join(tmpdir(), 'enveloppe-fr-'));

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function runIn(locale: Readonly<Record<string, string>>, args: readonly string[]): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', LC_ALL: '', LC_MESSAGES: '', ...locale };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, env });
  if (result.error !== undefined) throw result.error;
  expect(result.signal).toBeNull();
  noStackTrace(result.stderr);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs under a French locale and expects success. */
function french(args: readonly string[]): Run {
  const result = runIn(FRENCH, args);
  expect(result.status, result.stderr).toBe(0);
  return result;
}

/** A word of the command's English output, as a whole word. */
function noEnglish(text: string, words: readonly string[]): void {
  for (const word of words) expect(text, `'${word}' is English`).not.toMatch(new RegExp(`(^|[^\\p{L}/])${word.replace(/[/()]/g, '\\$&')}($|[^\\p{L}/])`, 'u'));
}

const TINY = 'scenarios/tiny.yaml';
const PTCE = 'scenarios/ptce-2013.yaml';

describe('every command in French under a French locale', () => {
  requireBuild();

  it('compare: French headers, words and numbers; its JSON as in English', () => {
    const two = french(['compare', TINY]);
    expect(two.stdout).toMatch(/^Id {10}Nom {35}social {8}emploi {9}Écart {7}Rang$/m);
    expect(two.stdout).toContain('120\u00a0000\u00a0€      90\u00a0000\u00a0€     −30\u00a0000\u00a0€        2→5');
    expect(two.stdout).toMatch(/^Totaux {36} +300\u00a0000\u00a0€/m);
    expect(two.stdout).toMatch(/^Lauréats {34} +3/m);
    expect(two.stdout).toContain('social → emploi\u00a0: 2 lauréats en commun, 110\u00a0000\u00a0€ déplacés');
    expect(two.stdout).toContain('  entrent\u00a0: tiny-4');
    expect(two.stdout).toContain('Par région et groupe de règle');
    noEnglish(two.stdout, ['Name', 'Change', 'Rank', 'Totals', 'Laureates', 'laureates', 'enter', 'leave', 'new', 'out', 'moved', 'By region']);
    const four = french(['compare', PTCE]);
    expect(four.stdout).toMatch(/ Étendue {7}Rang$/m);
    expect(four.stdout).toContain('entre/sort');
    expect(four.stdout).toContain('3\u00a0000\u00a0000\u00a0€');
    noEnglish(four.stdout, ['Spread', 'Rank', 'in/out', 'Name']);
    expect(french(['compare', TINY, '--json']).stdout).toBe(runIn(C, ['compare', TINY, '--json']).stdout);
  }, 60_000);

  it('sweep, tipping and budget-sweep: French titles, headers and numbers', () => {
    const sweep = french(['sweep', TINY, '--criterion', 'emplois', '--steps', '5']);
    expect(sweep.stdout).toContain('pondération social\u00a0: part de «\u00a0emplois\u00a0» de 0 à 100\u00a0% (pondération\u00a0: 25,0\u00a0%)');
    expect(sweep.stdout).toContain('financé au fil du balayage');
    expect(sweep.stdout).toContain('Parts\u00a0: 0\u00a0% 25\u00a0% 50\u00a0% 75\u00a0% 100\u00a0%');
    noEnglish(sweep.stdout, ['policy', 'share', 'funded', 'Shares', 'Name']);
    const tipping = french(['tipping', TINY]);
    expect(tipping.stdout).toMatch(/points de bascule autour de la pondération social \(\d+ calculs\)/);
    expect(tipping.stdout).toContain('tiny-3 reste financé tant que Utilité sociale pèse entre 41,7\u00a0% et 100,0\u00a0% de la pondération (aujourd’hui 75,0\u00a0%)');
    noEnglish(tipping.stdout, ['stays', 'funded', 'while', 'weight', 'now', 'solves']);
    const budget = french(['budget-sweep', TINY, '--steps', '3']);
    expect(budget.stdout).toContain('pondération social\u00a0: enveloppe de 150\u00a0000\u00a0€ à 450\u00a0000\u00a0€');
    expect(budget.stdout).toMatch(/^ {4}Enveloppe {8}Dépensé {3}Lauréats {8}Objectif {3}Par € en \+$/m);
    expect(budget.stdout).toContain('11\u00a0325\u00a0000');
    noEnglish(budget.stdout, ['Envelope', 'Spent', 'Laureates', 'Objective', 'Per extra', 'policy']);
  }, 90_000);

  it('robustness: French classes, columns and sentences, over the weights and over the marks', () => {
    const weights = french(['robustness', TINY, '--samples', '20']);
    expect(weights.stdout).toContain('20 tirages\u00a0: pondérations autour de la pondération social (écart 0,2)\u00a0; graine 1');
    expect(weights.stdout).toMatch(/Financé {3}Subv\. moy\. .*Rang \(5–95\u00a0%\) {2}Classe$/m);
    expect(weights.stdout).toMatch(/100\u00a0% {4}120\u00a0000\u00a0€ .* 2,2 \(2–3\) {2}toujours$/m);
    expect(weights.stdout).toContain('2 candidats ne sont jamais financés. Classes\u00a0: toujours = à chaque tirage');
    noEnglish(weights.stdout, ['draws', 'Funded', 'Mean grant', 'Class', 'always', 'often', 'sometimes', 'never', 'seed', 'weightings']);
    const marks = french(['robustness', PTCE, '--samples', '10', '--over', 'both']);
    expect(marks.stdout).toContain('et notes tirées en rééchantillonnant avec remise les rapporteurs de chaque candidat hors conflit d’intérêts (moyenne), pondération equilibre');
    noEnglish(marks.stdout, ['marks', 'mean', 'to discuss', 'draws']);
  }, 90_000);

  it('explain: its reasons in French, its JSON as in English', () => {
    const left = french(['explain', TINY, 'tiny-4']);
    expect(left.stdout).toContain('tiny-4 n’est pas financé\u00a0: sa note est de 57,50 (rang 5)\u00a0; montant demandé\u00a0: 110\u00a0000\u00a0€.');
    expect(left.stdout).toContain('Ce qui le retient\u00a0: au plus 3 lauréats\u00a0; l’enveloppe (300\u00a0000\u00a0€, toute dépensée).');
    noEnglish(left.stdout, ['is not funded', 'score', 'would', 'holds', 'envelope', 'laureates']);
    expect(french(['explain', TINY, 'tiny-4', '--json']).stdout).toBe(runIn(C, ['explain', TINY, 'tiny-4', '--json']).stdout);
    expect(runIn(FRENCH, ['explain', TINY, 'tiny-9']).stderr).toBe('enveloppe: id: aucun candidat n’a l’identifiant \'tiny-9\'. Vouliez-vous dire \'tiny-1\'\u00a0?\n');
  }, 60_000);

  it('validate, verify and report: French lines and messages', () => {
    const valid = french(['validate', PTCE]);
    expect(valid.stdout).toContain('enveloppe 3\u00a0000\u00a0000\u00a0€ (2013\u00a0: 1\u00a0500\u00a0000\u00a0€, 2014\u00a0: 1\u00a0500\u00a0000\u00a0€)');
    expect(valid.stdout).toContain('critères = moyenne des notes');
    noEnglish(valid.stdout, ['mean', 'valid', 'feasible']);
    const record = join(folder, 'decision.json');
    const html = join(folder, 'rapport.html');
    const report = french(['report', TINY, '--out', html, '--record', record]);
    expect(report.stderr).toContain(`Procès-verbal de décision écrit dans ${record}\u00a0;`);
    expect(report.stderr).toMatch(/Rapport écrit dans .*rapport\.html \(3 lauréats, [\d\u00a0]+ caractères\)\u00a0; ouvrez-le dans un navigateur/);
    noEnglish(report.stderr, ['Wrote', 'laureates', 'characters']);
    expect(readFileSync(html, 'utf8')).toContain('<html lang="fr"');
    const verify = french(['verify', record]);
    expect(verify.stdout).toMatch(/^.*decision\.json\u00a0?: reproduit octet pour octet \(Exemple à cinq candidats, pondération social, optimum 21\u00a0650\u00a0000,/);
    noEnglish(verify.stdout, ['reproduced', 'policy', 'recorded']);
  }, 90_000);

  it('an infeasible call: the conflicts, the sums and the repairs in French', () => {
    for (const file of ['tiny.csv']) copyFileSync(join(ROOT, 'scenarios', file), join(folder, file));
    const yaml = readFileSync(join(ROOT, TINY), 'utf8').replace('share: {min: 0.30}', 'share: {min: 0.90}');
    writeFileSync(join(folder, 'infaisable.yaml'), yaml);
    const result = runIn(FRENCH, ['solve', join(folder, 'infaisable.yaml'), '--solver', 'highs']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('aucune répartition ne respecte toutes les règles de ce scénario (infaisable).');
    expect(result.stderr).toMatch(/exige 270\u00a0000\u00a0€ pour rural, mais ses 2 candidats finançables peuvent recevoir au plus 200\u00a0000\u00a0€/);
    expect(result.stderr).toMatch(/- abaisser la borne de la règle «\u00a0.*\u00a0» pour rural \(aujourd’hui ≥ 270\u00a0000\u00a0€\)/);
    noEnglish(result.stderr, ['needs', 'fundable', 'lower the bound', 'now']);
  }, 60_000);

  it('the tie band and the tie-break rule of solve in French', () => {
    const result = french(['solve', PTCE, '--solver', 'highs', '--near', '0.001']);
    expect(result.stdout).toContain('Ex aequo\u00a0: parmi les répartitions optimales, la note la plus haute d’abord, puis le montant demandé le plus faible');
    expect(result.stdout).toContain('= ptce-096 et ptce-074 sont ex aequo pour la dernière place\u00a0: même note (78,00), même subvention (149\u00a0000\u00a0€)');
    expect(result.stdout).toContain('≈ ptce-003 (note 77,78) pourrait être financé à la place de ptce-074 pour 0,006\u00a0% de valeur en moins');
    noEnglish(result.stdout, ['tied', 'same score', 'funds', 'instead', 'among optimal', 'less value']);
    expect(runIn(C, ['solve', PTCE, '--solver', 'highs', '--near', '0.001']).stdout).toContain(
      '= ptce-096 and ptce-074 are tied for the last place: same score (78.00), same grant (149 000 €); the rule (higher score, then smaller request, then earlier row) funds ptce-074, which asked for less (190 200 € against 193 150 €).',
    );
  }, 60_000);

  it('mistakes of the analyses in French', () => {
    expect(runIn(FRENCH, ['sweep', TINY]).stderr).toBe('enveloppe: --criterion: il manque le critère. Donnez --criterion avec l’un de\u00a0: utilite_sociale, emplois.\n');
    expect(runIn(FRENCH, ['robustness', TINY, '--samples', 'x']).stderr).toContain('\'x\' n’est pas un nombre entier de 1 à 100000');
    expect(runIn(FRENCH, ['robustness', TINY, '--over', 'marks']).stderr).toContain('--over marks tire les notes des rapporteurs, et ce scénario n’en a pas');
    expect(runIn(FRENCH, ['budget-sweep', TINY, '--from', 'zéro']).stderr).toContain('n’est pas un montant en euros supérieur à 0');
  }, 60_000);
});
