/** The simulator in French (`--lang fr` or a French locale): the translated views speak French with French numbers, English has none of it. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { helpHeight, helpLines } from '../../src/tui/help/lines.js';
import type { Line } from '../../src/tui/lines.js';
import { probabilityText, rangeText } from '../../src/tui/robustness/lines.js';
import { progressLine, windowNote } from '../../src/tui/runs/lines.js';
import { RUN_WORDS } from '../../src/tui/runs/words.js';
import { wordsOf } from '../../src/tui/words.js';
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
    const refused = await app.until('n’est pas un montant');
    expect(refused).toContain('Enveloppe totale reste à');
    expect(refused).toContain('n’est pas un montant (pas un nombre)');
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

/** The simulator in French on the five-candidate scenario: the candidate detail, the four analyses and the conflict panel. */
describe('the rest of the simulator in French', { timeout: 30_000 }, () => {
  let tiny: Scenario;
  beforeAll(async () => {
    tiny = await loadScenario('scenarios/tiny.yaml');
  });
  /** The lines of a frame that start with `start`. */
  const lineOf = (frame: string, start: string): string => frame.split('\n').find((line) => line.startsWith(start)) ?? '';
  const frenchSettled = (frame: string): boolean => !frame.includes('calcul…') && /✓ optimal|✗ sans solution/.test(frame);

  test('the candidate detail: its marks, score, grant and rules in French, with French numbers', async () => {
    app = drive({ scenario: ptce, lang: 'fr', size: { columns: 160, rows: 40 } });
    await app.until(settled, 30_000);
    await app.press('/', ...'ptce-109', KEYS.enter, KEYS.enter);
    const detail = await app.until('Pourquoi financé');
    expect(detail).toMatch(/Critère +Note +Poids +Points/);
    const euros = (digits: string): string => `${digits.replace(' ', NBSP)}${NBSP}€`;
    expect(detail).toMatch(new RegExp(`^Rang \\d+ · note 84,00 · subvention ${euros('290 000')} \\(2013 ${euros('141 000')}, 2014 ${euros('149 000')}\\) pour ${euros('322 950')} demandés \\(89,8${NBSP}%\\)$`, 'm'));
    expect(detail).toContain(`Rapporteurs 4 (+1 en conflit d’intérêts, écarté) · leurs notes globales de 79,1 à 88,0`);
    expect(detail).toMatch(/Note globale +84,00/);
    expect(detail).toMatch(new RegExp(`\\d+/\\d+ +\\d+,\\d${NBSP}% +\\d+,\\d\\d`));
    expect(detail).toContain('Échap retour');
    // The simulator's own text only: the ties and "why" sentences come from the core (see the report).
    const own = detail.split('\n').filter((line) => !/^[=≈] /.test(line)).slice(0, detail.split('\n').findIndex((line) => line.startsWith('Pourquoi')));
    expect(without(own.join('\n'), [...ENGLISH, 'Criterion', 'Mark', 'Weight', 'Score', 'grant', 'asked', 'Reviewers', 'Rules', 'binding', 'free', 'locked'])).toEqual([]);
    // A lock is said in French, in the detail and under the screen.
    await app.press(KEYS.space);
    expect(await app.until('verrouillé (financé).')).toContain(' : verrouillé (financé).');
  });

  test('the detail’s tie and “why” in French: the core’s sentences said in the simulator’s language', async () => {
    app = drive({ scenario: ptce, lang: 'fr', size: { columns: 160, rows: 40 } });
    await app.until(settled, 30_000);
    await app.press('/', ...'ptce-074', KEYS.enter, KEYS.enter);
    const detail = await app.until('Il perdrait sa subvention', 30_000);
    expect(detail).toContain(`= ptce-096 et ptce-074 sont ex aequo pour la dernière place${NBSP}: même note (78,00), même subvention (149${NBSP}000${NBSP}€)`);
    expect(detail).toContain('Pourquoi financé, et ce qui le changerait');
    expect(detail).toContain(`ptce-074 est financé${NBSP}: 149${NBSP}000${NBSP}€ sur les 190${NBSP}200${NBSP}€ demandés, avec une note de 78,00`);
    expect(detail).toMatch(/^Il perdrait sa subvention si sa note baissait de 0,01\u00a0point,/m);
    expect(without(detail, ['tied', 'same score', 'same grant', 'funds', 'instead', 'asked for less', 'is funded', 'would lose', 'Cannot explain'])).toEqual([]);
  });

  test('Compare: who enters and leaves, the change and the totals in French', async () => {
    app = drive({ scenario: tiny, lang: 'fr', size: { columns: 100, rows: 30 } });
    await app.until(frenchSettled);
    await app.press('5');
    const frame = await app.until('Lauréats    ');
    expect(lineOf(frame, 'Comparer')).toBe('Comparer social avec emploi  (avec toutes les pondérations du scénario ; m bascule)');
    expect(frame).toContain(`emploi → social : 2 lauréats en commun · 110${NBSP}000${NBSP}€ changent de mains`);
    expect(frame).toContain('entrent tiny-3 · sortent tiny-4');
    expect(frame).toMatch(/Id +Nom +social +emploi Δ depuis emploi +Rang/);
    expect(lineOf(frame, 'tiny-1')).toMatch(new RegExp(`120${NBSP}000${NBSP}€ +90${NBSP}000${NBSP}€ ▲ \\+30${NBSP}000${NBSP}€ .* 5→2$`));
    expect(lineOf(frame, 'tiny-3')).toMatch(/ entre +[█▏▎▍▌▋▊▉]+ +4→3$/);
    expect(lineOf(frame, 'tiny-4')).toMatch(/ sort +[█▏▎▍▌▋▊▉]+ +3→5$/);
    expect(frame).toContain('1 autre candidat ne reçoit rien dans aucune d’elles.');
    expect(frame).toMatch(/Totaux par région .* Δ depuis emploi/);
    expect(frame).toContain('Par groupe de règle');
    expect(frame).toMatch(/ {2}Dépensé +300\u00a0000\u00a0€/);
    expect(without(frame, [...ENGLISH, 'Compare', 'with', 'Totals', 'Spent', 'enter', 'leave', 'new', 'out', 'vs', 'change hands', 'By rule group'])).toEqual([]);
    await app.press('m');
    expect(await app.until('Pas encore de référence')).toContain('Comparer à la référence : aucune pour l’instant');
  });

  test('Sweep: the chart, its axis and the strips in French, with French percentages and amounts', async () => {
    app = drive({ scenario: tiny, lang: 'fr', size: { columns: 100, rows: 30 } });
    await app.until(frenchSettled);
    await app.press('6', KEYS.right);
    const frame = await app.until((text) => text.includes('Balayage Création') && text.includes('Financé selon la part'));
    expect(frame).toContain("Balayage Création d'emplois  (← → critère 2 sur 2)");
    expect(frame).toContain(`Sa part du poids de 0 à 100${NBSP}%, les autres en proportion · social lui donne 25${NBSP}% · 21 calculs`);
    expect(frame).toContain('Subventions des 3 candidats qui bougent le plus');
    expect(frame).toContain(`120${NBSP}k€ ┤`);
    expect(frame).toContain(`0${NBSP}€ ┤`);
    expect(frame).toMatch(new RegExp(`0${NBSP}% +25${NBSP}% +50${NBSP}% +75${NBSP}% +100${NBSP}%`));
    expect(frame).toContain('█ financé  · non  ▼ ┊ la part de la pondération');
    expect(without(frame, [...ENGLISH, 'Sweep', 'Grants', 'Funded', 'funded', 'solves', 'criterion', 'share'])).toEqual([]);
  });

  test('Tipping: each candidate’s interval in French, with decimal commas', async () => {
    app = drive({ scenario: tiny, lang: 'fr', size: { columns: 100, rows: 16 } });
    await app.until(frenchSettled);
    await app.press('7', KEYS.right);
    const frame = await app.until('Tient de–à');
    expect(frame).toContain("Points de bascule Création d'emplois  (← → critère 2 sur 2)");
    expect(frame).toContain(`social lui donne 25${NBSP}% du poids · 27 calculs sur 2 critères · aucun à moins de 5 points`);
    expect(frame).toMatch(/Id +Nom +Statut/);
    expect(lineOf(frame, '  tiny-4')).toMatch(new RegExp(`non financé +░+┃░+·+ 0${NBSP}%–58,3${NBSP}%$`));
    expect(frame).toContain(`2 financés et 1 non financé gardent leur statut de 0 à 100${NBSP}%.`);
    expect(without(frame, [...ENGLISH, 'Tipping', 'Now', 'Holds', 'funded', 'out', 'solves', 'criteria', 'borderline'])).toEqual([]);
    await app.press(KEYS.left);
    expect(lineOf(app.frame(), '  tiny-3')).toMatch(new RegExp(` financé +·+█+┃█+ 41,7${NBSP}%–100${NBSP}%$`));
  });

  test('Robustness: the draws, the table and the classes in French', async () => {
    app = drive({ scenario: tiny, lang: 'fr', size: { columns: 100, rows: 20 } });
    await app.until(frenchSettled);
    await app.press('8', '[', '[', '[', '[', '-', '-', '-');
    const frame = await app.until('25 sur 25 résolus');
    expect(lineOf(frame, 'Robustesse')).toBe('Robustesse 25 pondérations autour des poids de social (dispersion 0,00), graine 1');
    expect(frame).toContain('+/- tirages (25 à 5000) · [ ] dispersion (0 : les poids tels quels) · U tire uniformément');
    expect(frame).toMatch(new RegExp(`Id +Nom +Financé +Moyenne +Subv. 5–95${NBSP}% Classe`));
    expect(lineOf(frame, 'tiny-1')).toMatch(new RegExp(`100${NBSP}% +120${NBSP}000${NBSP}€ +120${NBSP}000${NBSP}€ toujours$`));
    expect(lineOf(frame, 'tiny-4')).toMatch(new RegExp(` 0${NBSP}% +— +— jamais$`));
    expect(frame).toContain('3 toujours · 0 souvent · 0 parfois · 2 jamais · 25 sur 25 résolus');
    expect(without(frame, [...ENGLISH, 'Robustness', 'weightings', 'seed', 'samples', 'spread', 'Class', 'always', 'never', 'solved', 'Mean'])).toEqual([]);
  });

  test('the conflict panel in French, beside the last allocation: the core’s own report, in French', async () => {
    // The real explanation (explainInfeasibility in French): tiny-1 locked in, then no laureate allowed.
    const locked: Scenario = { ...tiny, locks: { 'tiny-1': 'funded' } };
    app = drive({ scenario: locked, lang: 'fr', size: { columns: 100, rows: 40 } });
    await app.until(frenchSettled);
    await app.press('3', KEYS.down, KEYS.down, KEYS.down, KEYS.enter, '0', KEYS.enter, '1');
    const frame = await app.until('Sommes :', 20_000);
    expect(frame).toContain('✗ sans solution');
    expect(frame).toContain('│ Aucune répartition ne respecte toutes');
    expect(frame).toContain('│ Après : Lauréats au plus 3 → 0.');
    expect(frame).toContain('│ Ce qui le résoudrait (au choix) :');
    expect(frame).toContain('│ • autoriser plus de 0 lauréat');
    expect(frame).toContain('│ Règles incompatibles :');
    expect(frame).toContain('│ • au plus 0 lauréat');
    expect(frame).toContain('│ Sommes :');
    expect(without(frame, [...ENGLISH, 'After', 'What would fix', 'These cannot', 'Sums', 'allocation', 'infeasible', 'at most', 'allow', 'raise', 'lower', 'locked', 'laureate', 'laureates', 'grants', 'rule'])).toEqual([]);
  });
});

test('the analyses’ progress, notes and amounts in French, and in English as before', () => {
  const fr = (line: Line): string => line.map((segment) => segment.text).join('').trimEnd();
  expect(fr(progressLine(73, 200, 80, { unit: RUN_WORDS.fr.samples }, 'fr'))).toMatch(new RegExp(`^Calcul [█▏▎▍▌▋▊▉·]+  36${NBSP}% +73 sur 200 tirages$`));
  expect(fr(progressLine(73, 200, 80, { unit: RUN_WORDS.en.samples }))).toMatch(/^Solving [█▏▎▍▌▋▊▉·]+ {2}36 % +73 of 200 weightings$/);
  expect(windowNote(0, 10, 40, 'fr')).toBe('lignes 1–10 sur 40 · ↑↓ PgUp PgDn défiler');
  expect(windowNote(0, 10, 40)).toBe('rows 1–10 of 40 · ↑↓ PgUp PgDn scroll');
  expect(probabilityText(0.004, 'fr')).toBe(`<1${NBSP}%`);
  expect(probabilityText(0.995, 'fr')).toBe(`>99${NBSP}%`);
  expect(probabilityText(0.995)).toBe('>99 %');
  expect(rangeText(72_000, 274_000, 19, 'fr')).toBe(`72${NBSP}000${NBSP}€–274${NBSP}000${NBSP}€`);
  expect(rangeText(72_000, 274_000, 12, 'fr')).toBe(`72–274${NBSP}k€`);
  expect(rangeText(72_000, 274_000, 12)).toBe('72–274 k€');
  expect(wordsOf('fr').n.share(0.583)).toBe(`58,3${NBSP}%`);
  expect(wordsOf('en').n.share(0.583)).toBe('58.3 %');
  expect(wordsOf('fr').n.compact(1_500_000, 8)).toBe(`1${NBSP}500${NBSP}k€`);
  // A run's name agrees with its participle.
  expect(RUN_WORDS.fr.stopped('robustness')).toBe('L’analyse de robustesse a été arrêtée. Entrée pour relancer.');
  expect(RUN_WORDS.fr.failed('sweep', 'mémoire épuisée')).toBe('Le balayage s’est arrêté : mémoire épuisée');
  expect(RUN_WORDS.en.stopped('robustness')).toBe('The robustness analysis was stopped. Enter runs it again.');
});
