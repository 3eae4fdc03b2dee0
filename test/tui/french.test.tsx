/** The simulator in French (`--lang fr` or a French locale): the translated views speak French with French numbers, English has none of it. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { helpHeight, helpLines } from '../../src/tui/help/lines.js';
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
    await app.press(KEYS.escape);
  });

  test('weights, budget and summary in French', async () => {
    app = drive({ scenario: ptce, lang: 'fr', size: { columns: 160, rows: 40 } });
    await app.until(settled, 30_000);
    await app.press('2');
    const weights = await app.until('Pondération equilibre');
    expect(weights).toMatch(/Critère +Poids/);
    expect(weights).toMatch(new RegExp(`11,1${NBSP}%`));
    expect(weights).toContain('Les barres vont de 0 à');
    expect(without(weights, [...ENGLISH, 'Criterion', 'Weight', 'What moved', 'Bars'])).toEqual([]);

    await app.press('3');
    const budget = await app.until('Budget de l’appel');
    expect(budget).toContain('Enveloppe totale');
    expect(budget).toContain(`3${NBSP}000${NBSP}000${NBSP}€`);
    expect(budget).toContain('Plancher de subvention');
    expect(without(budget, [...ENGLISH, 'Envelope', 'Ceiling', 'Grants from'])).toEqual([]);
    // A refused entry says why, in French.
    await app.press(KEYS.enter, ...'abc', KEYS.enter);
    expect(await app.until('n’est pas un montant')).toContain('Enveloppe totale gardé à');
    await app.press(KEYS.escape);

    await app.press('4');
    const summary = await app.until('Dépense par région');
    expect(summary).toMatch(/Note moyenne pondérée par les euros : \d+,\d\d/);
    expect(without(summary, [...ENGLISH, 'Mean score', 'Spend by region', 'binding'])).toEqual([]);
  });

  test('the English frames have none of the French', async () => {
    app = drive({ scenario: ptce, size: { columns: 160, rows: 40 } });
    const table = await app.until(settled, 30_000);
    expect(without(table, FRENCH)).toEqual([]);
    await app.press('?');
    expect(without(await app.until('Everywhere'), FRENCH)).toEqual([]);
  });
});

test('the French help counts its lines as it lays them out', () => {
  for (const width of [60, 80, 109, 110, 140, 200]) expect(helpHeight(width, 'fr'), `width ${width}`).toBe(helpLines(width, 'fr').length);
});
