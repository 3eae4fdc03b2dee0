/**
 * The core's words in French: explain's sentences, the conflict explanation and the warnings, each
 * said from the same figures as in English (which stay as they were), with French numbers and the
 * officers' words, and no English word left.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { explainInfeasibility, cheapSums } from '../../src/analysis/conflicts.js';
import { explainCandidate, type Explanation } from '../../src/analysis/explain.js';
import { scenarioWarnings } from '../../src/analysis/scenario-warnings.js';
import { policyWeights } from '../../src/analysis/sweep.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';

const TINY = await loadScenario(fileURLToPath(new URL('../../scenarios/tiny.yaml', import.meta.url)));
const HIGHS = { engine: 'highs' } as const;
const ENGLISH = /\b(the|is|are|would|funded|score|grant|asked|envelope|laureates?|rule|below|above|fund|nobody|cost|holds|locked|raise|lower|needs|candidates)\b/;

afterAll(async () => {
  await stopJslpWorker();
});

async function explained(id: string, lang?: 'fr' | 'en'): Promise<Explanation> {
  const why = await explainCandidate(TINY, { policy: 'social' }, id, HIGHS, lang);
  if (typeof why === 'string') throw new Error(why);
  return why;
}

describe('explain in French', () => {
  it('says why tiny-4 is left out with the same figures as in English, in French words and numbers', async () => {
    const [english, french] = [await explained('tiny-4'), await explained('tiny-4', 'fr')];
    expect(english.sentences[0]).toBe('tiny-4 is not funded: its score is 57.50 (rank 5); it asked for 110 000 €.');
    expect(french.sentences).toEqual([
      'tiny-4 n’est pas financé\u00a0: sa note est de 57,50 (rang 5)\u00a0; montant demandé\u00a0: 110\u00a0000\u00a0€.',
      'Le dernier candidat financé, tiny-2, a une note de 67,50 (10,00\u00a0points de plus que tiny-4) et reçoit 100\u00a0000\u00a0€.',
      'Le financer (100\u00a0000\u00a0€) coûterait 4,619\u00a0% de l’objectif\u00a0: sortie de tiny-2 (100\u00a0000\u00a0€).',
      'Ce qui le retient\u00a0: au plus 3 lauréats\u00a0; l’enveloppe (300\u00a0000\u00a0€, toute dépensée).',
      'Une note de 67,51 (+10,01\u00a0points) le financerait à hauteur de 100\u00a0000\u00a0€.',
      'Aucune baisse de son montant demandé seule ne le financerait.',
    ]);
    // The figures are the same: only the words differ.
    const { sentences: _en, ...figures } = english;
    const { sentences: _fr, ...same } = french;
    expect({ ...same, lockedIn: undefined }).toEqual({ ...figures, lockedIn: undefined });
    for (const sentence of french.sentences) expect(sentence).not.toMatch(ENGLISH);
  }, 60_000);

  it('says why a laureate keeps its grant, in French', async () => {
    const french = await explained('tiny-1', 'fr');
    expect(french.sentences[0]).toBe('tiny-1 est financé\u00a0: 120\u00a0000\u00a0€ sur les 120\u00a0000\u00a0€ demandés, avec une note de 77,50 (rang 2).');
    expect(french.sentences).toContain('Même avec une note de 0, il garderait une subvention\u00a0: une règle l’exige.');
    for (const sentence of french.sentences) expect(sentence).not.toMatch(ENGLISH);
  }, 60_000);
});

describe('conflicts and warnings in French', () => {
  const ruralShare = (min: number): Scenario => ({ ...TINY, rules: TINY.rules.map((rule) => ({ ...rule, share: { min } })) });

  it('name the conflicting rule, the sum that fails and the repair in French', async () => {
    const [english, french] = [await explainInfeasibility(ruralShare(0.9), HIGHS), await explainInfeasibility(ruralShare(0.9), HIGHS, 'fr')];
    expect(english.conflicting.map((item) => item.kind)).toEqual(french.conflicting.map((item) => item.kind));
    expect(english.fixes[0]).toMatch(/^lower the bound of '.*' for rural \(now ≥ 270 000 €\)$/);
    expect(french.fixes[0]).toMatch(/^abaisser la borne de la règle «\u00a0.*\u00a0» pour rural \(aujourd’hui ≥ 270\u00a0000\u00a0€\)$/);
    expect(french.sums[0]).toMatch(/exige 270\u00a0000\u00a0€ pour rural, mais ses 2 candidats finançables peuvent recevoir au plus 200\u00a0000\u00a0€$/);
    for (const text of [...french.sums, ...french.fixes]) expect(text.replace(/«.*»/, '')).not.toMatch(ENGLISH);
  }, 60_000);

  it('repair a conflict by its year, lock and laureate bound, whatever the language of its label', async () => {
    const locked: Scenario = { ...TINY, laureates: { min: 0, max: 1 }, locks: { 'tiny-1': 'funded', 'tiny-2': 'funded' } };
    const [english, french] = [await explainInfeasibility(locked, HIGHS), await explainInfeasibility(locked, HIGHS, 'fr')];
    expect(french.fixes.length).toBe(english.fixes.length);
    expect(french.fixes).toContain('autoriser plus de 1 lauréat');
    expect(english.fixes).toContain('allow more than 1 laureates');
    expect(cheapSums(locked, 'fr')).toEqual(['2 candidats sont retenus d’office, au-delà du maximum de 1 lauréat']);
    expect(cheapSums(locked)).toEqual(['2 candidates are locked in, above the maximum of 1 laureates']);
  }, 60_000);

  it('warn in French when nobody can be funded, and say why a policy has no weights', () => {
    const nobody: Scenario = { ...TINY, grant: { ...TINY.grant, min: 500_000, max: 600_000 } };
    expect(scenarioWarnings(nobody)[0]).toMatch(/^no candidate can be funded: every request is below the grant floor of 500 000 €/);
    expect(scenarioWarnings(nobody, 'fr')[0]).toBe(
      'aucun candidat ne peut être financé\u00a0: chaque montant demandé est sous le plancher de subvention de 500\u00a0000\u00a0€ ou écarté d’office, donc toute répartition est vide',
    );
    expect(policyWeights(TINY, 'absente', 'fr')).toBe('le scénario n’a pas de pondération \'absente\'');
    expect(policyWeights(TINY, 'absente')).toBe("the scenario has no policy 'absente'");
  });
});
