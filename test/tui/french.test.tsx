/** The simulator in French (`--lang fr` or a French locale): the translated views speak French with French numbers, English has none of it. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { drive, KEYS, settled, type Driven } from './drive.js';

const NBSP = '\u00a0';
/** English words that must not be left on a French screen of the translated views. */
const ENGLISH = ['Spent', 'Laureates', 'policy', 'Rank', 'Name', 'Grant', '% req', 'funded of', 'rows ', 'move', 'detail', 'lock', 'filter', 'quit', 'undo', 'export', 'Keys', 'Everywhere', 'scroll', 'vs previous'];
/** French words that must not reach an English screen. */
const FRENCH = ['Dépensé', 'Lauréats', 'pondération', 'Rang', 'Subvention', 'financés sur', 'lignes ', 'quitter', 'Touches', 'Partout', 'Répartition'];

let ptce: Scenario;
let app: Driven | undefined;

beforeAll(async () => {
  ptce = await loadScenario('scenarios/ptce-2013.yaml');
});
afterEach(() => app?.unmount());
afterAll(stopJslpWorker);

/** The words of the list found in the frame as words (`quit` is not in `quitter`). */
function without(frame: string, words: readonly string[]): string[] {
  const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return words.filter((word) => new RegExp(`(?<![\\p{L}])${escape(word)}(?![\\p{L}])`, 'u').test(frame));
}

describe('the simulator in French', { timeout: 40_000 }, () => {
  test('header, table, footer and keys in French, with French numbers', async () => {
    app = drive({ scenario: ptce, lang: 'fr', size: { columns: 160, rows: 40 } });
    const table = await app.until(settled, 30_000);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Appel à projets PTCE 2013 · pondération equilibre \(Équilibrée \(poids égaux\)\) +✓ optimal · N ms$/);
    expect(lines[1]).toContain(`Dépensé 3${NBSP}000${NBSP}000${NBSP}€ / 3${NBSP}000${NBSP}000${NBSP}€`);
    expect(lines[1]).toMatch(/Lauréats \d+ \/ 23$/);
    expect(lines[2]).toMatch(/Rang +Id +Nom +Région +Note .* Subvention +% dem\. Δ précédent$/);
    expect(table).toMatch(new RegExp(`ptce-109 Pôle Sud \\(Groupe Archer\\) .* 84,00 .*290${NBSP}000${NBSP}€ +89,8${NBSP}%`));
    expect(table).toMatch(/\d+ financés sur 130 · lignes 1–\d+ sur 130/);
    expect(table).toContain('Δ par rapport au calcul précédent');
    expect(table).toContain('1 Répartition 2 Pondération 3 Budget 4 Synthèse');
    expect(table).toContain('q quitter');
    expect(without(table, ENGLISH)).toEqual([]);

    await app.press('?');
    const keys = await app.until('Touches');
    expect(keys).toContain('Partout');
    expect(keys).toContain('verrou : libre → financé → exclu');
    expect(without(keys, ENGLISH)).toEqual([]);
    await app.press(KEYS.escape);

    await app.press('/', ...'zzz', KEYS.enter);
    const none = await app.until('Aucun candidat');
    expect(none).toContain('filtre « zzz »');
  });

  test('the English frames have none of the French', async () => {
    app = drive({ scenario: ptce, size: { columns: 160, rows: 40 } });
    const table = await app.until(settled, 30_000);
    expect(without(table, FRENCH)).toEqual([]);
    await app.press('?');
    expect(without(await app.until('Everywhere'), FRENCH)).toEqual([]);
  });
});
