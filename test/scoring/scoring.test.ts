/**
 * Scores: rescaling, weights, the weighted sum checked by hand on tiny, and the score-formula
 * sandbox: what it computes, what it refuses, and how a division by zero reaches the user.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/pipeline/allocate.js';
import type { Criterion, Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { compileFormula, type FormulaResult } from '../../src/scoring/formula.js';
import { rescale } from '../../src/scoring/rescale.js';
import { scoreOf } from '../../src/scoring/score.js';
import { normaliseWeights } from '../../src/scoring/weights.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tiny = await loadScenario(join(ROOT, 'scenarios/tiny.yaml'));
const COLUMNS = ['utilite_sociale', 'emplois'];

function candidate(scenario: Scenario, id: string): Scenario['candidates'][number] {
  const found = scenario.candidates.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no candidate ${id}`);
  return found;
}

async function refused(text: string, columns: readonly string[] = COLUMNS): Promise<Extract<FormulaResult, { ok: false }>> {
  const result = await compileFormula(text, columns);
  if (result.ok) throw new Error(`the formula ${JSON.stringify(text)} was accepted`);
  return result;
}

describe('rescale', () => {
  const higher: Pick<Criterion, 'scale' | 'better'> = { scale: [0, 5], better: 'higher' };
  const lower: Pick<Criterion, 'scale' | 'better'> = { scale: [0, 5], better: 'lower' };

  it('maps a higher-is-better scale onto [0, 1]', () => {
    expect(rescale(0, higher)).toBe(0);
    expect(rescale(5, higher)).toBe(1);
    expect(rescale(4, higher)).toBeCloseTo(0.8, 12);
    expect(rescale(4.5, higher)).toBeCloseTo(0.9, 12);
  });

  it('reverses a lower-is-better scale', () => {
    expect(rescale(0, lower)).toBe(1);
    expect(rescale(5, lower)).toBe(0);
    expect(rescale(4, lower)).toBeCloseTo(0.2, 12);
  });

  it('uses the declared bounds, not [0, 5]: cost per job on [0, 40000], lower is better', () => {
    expect(rescale(10_000, { scale: [0, 40_000], better: 'lower' })).toBeCloseTo(0.75, 12);
    expect(rescale(30, { scale: [10, 110], better: 'higher' })).toBeCloseTo(0.2, 12);
  });
});

describe('normaliseWeights', () => {
  const criteria = tiny.criteria;

  it('divides by the sum: 3:1 becomes 0.75 / 0.25, and the weights add up to 1', () => {
    const weights = normaliseWeights({ utilite_sociale: 3, emplois: 1 }, criteria);
    expect(weights).toEqual({ utilite_sociale: 0.75, emplois: 0.25 });
    const sum = Object.values(weights ?? {}).reduce((total, weight) => total + weight, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('gives 0 to a criterion without a weight and ignores names that are not criteria', () => {
    expect(normaliseWeights({ utilite_sociale: 2, inconnu: 5 }, criteria)).toEqual({ utilite_sociale: 1, emplois: 0 });
  });

  it('returns undefined when every weight is zero, or there is none', () => {
    expect(normaliseWeights({ utilite_sociale: 0, emplois: 0 }, criteria)).toBeUndefined();
    expect(normaliseWeights({}, criteria)).toBeUndefined();
  });
});

describe('scoreOf on tiny, by hand', { timeout: 60_000 }, () => {
  const social = { kind: 'weights' as const, weights: { utilite_sociale: 0.75, emplois: 0.25 } };
  const emploi = { kind: 'weights' as const, weights: { utilite_sociale: 0.25, emplois: 0.75 } };

  it("policy social: tiny-1 (utilite_sociale 4.5, emplois 2) scores 100 × (0.75 × 0.9 + 0.25 × 0.4) = 77.5", () => {
    expect(scoreOf(candidate(tiny, 'tiny-1'), tiny.criteria, social)).toBe(77.5);
  });

  it.each([
    ['tiny-1', 77.5, 52.5],
    ['tiny-2', 67.5, 82.5],
    ['tiny-3', 70, 70],
    ['tiny-4', 57.5, 72.5],
    ['tiny-5', 100, 100],
  ])('%s scores %s under social and %s under emploi', (id, underSocial, underEmploi) => {
    expect(scoreOf(candidate(tiny, id), tiny.criteria, social)).toBe(underSocial);
    expect(scoreOf(candidate(tiny, id), tiny.criteria, emploi)).toBe(underEmploi);
  });

  it('the published allocation carries those scores and ranks by score', async () => {
    const outcome = await allocate(tiny, { policy: 'social' }, { engine: 'highs' });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    const byId = Object.fromEntries(outcome.allocation.candidates.map((entry) => [entry.id, [entry.score, entry.rank]]));
    expect(byId).toEqual({ 'tiny-5': [100, 1], 'tiny-1': [77.5, 2], 'tiny-3': [70, 3], 'tiny-2': [67.5, 4], 'tiny-4': [57.5, 5] });
    expect(outcome.allocation.weights).toEqual({ utilite_sociale: 0.75, emplois: 0.25 });
  });
});

describe('score formula sandbox', { timeout: 60_000 }, () => {
  async function evaluate(text: string, u: Record<string, number>): Promise<number> {
    const result = await compileFormula(text, COLUMNS);
    if (!result.ok) throw new Error(`${text}: ${result.reason}`);
    return result.evaluate(u);
  }
  const u = { utilite_sociale: 0.9, emplois: 0.4 };

  it.each([
    ['utilite_sociale * 0.75 + emplois * 0.25', 0.775],
    ['(utilite_sociale + emplois) / 2', 0.65],
    ['min(utilite_sociale, emplois)', 0.4],
    ['max(utilite_sociale, emplois, 0.95)', 0.95],
    ['min(utilite_sociale, emplois) * 2 + max(1, emplois)', 1.8],
    ['-emplois + 1', 0.6],
    ['utilite_sociale ^ 2', 0.81],
    ['pow(emplois, 2) + sqrt(0.25) + abs(-1)', 1.66],
    ['emplois > 0.5 ? 1 : 0', 0],
    ['utilite_sociale >= 0.9', 1],
    ['round(utilite_sociale * 10) / 10 + floor(1.7) + ceil(0.2)', 2.9],
    ['pi * 0', 0],
  ])('computes %s = %s', async (text, expected) => {
    expect(await evaluate(text, u)).toBeCloseTo(expected, 12);
  });

  it('lists the criteria a formula uses', async () => {
    const result = await compileFormula('max(emplois, 1) + 2', COLUMNS);
    expect(result.ok && result.names).toEqual(['emplois']);
  });

  it('refuses assignment', async () => {
    expect((await refused('a = 1')).reason).toMatch(/assign/);
    expect((await refused('utilite_sociale = 1')).reason).toMatch(/assign/);
  });

  it('refuses a function definition', async () => {
    expect((await refused('f(x) = x')).reason).toMatch(/define a function/);
  });

  it('refuses an unknown name, with a "Did you mean" hint for a typo', async () => {
    const typo = await refused('utilite_socale * 2');
    expect(typo.reason).toContain("unknown name 'utilite_socale'");
    expect(typo.hint).toBe("Did you mean 'utilite_sociale'?");
    const unknown = await refused('budget + 1');
    expect(unknown.reason).toContain("unknown name 'budget'");
    expect(unknown.hint).toContain('utilite_sociale, emplois');
  });

  it.each(['import("fs")', 'evaluate("1")', 'cos(1)', 'createUnit("x")', 'utilite_sociale(1)'])('refuses a call outside the whitelist: %s', async (text) => {
    const result = await refused(text);
    expect(result.reason).toMatch(/^calling '.*' is not allowed/);
    expect(result.hint).toContain('min, max');
  });

  it.each(['utilite_sociale.constructor', 'utilite_sociale["constructor"]', 'emplois.toString'])('refuses property access: %s', async (text) => {
    expect((await refused(text)).reason).toMatch(/not allowed/);
  });

  it.each(['1; 2', 'utilite_sociale\nemplois'])('refuses a block: %j', async (text) => {
    expect((await refused(text)).reason).toMatch(/single expression/);
  });

  it.each(['[1, 2]', '{a: 1}', '"text"', 'true', '5!', 'emplois and 1', 'min()', 'pow(2)', 'x => x'])('refuses %j with a reason', async (text) => {
    expect((await refused(text)).reason.length).toBeGreaterThan(10);
  });

  describe('a formula that divides by zero', () => {
    // tiny-1 has emplois 2 on [0, 5], i.e. u = 0.4: this formula divides by zero for it alone.
    const withFormula = (score: string): Scenario => ({
      ...tiny,
      policies: [...tiny.policies, { name: 'ratio', label: 'ratio', weights: {}, score, returns: [] }],
    });

    it.each([
      ['utilite_sociale / (emplois - 0.4)', 'Infinity'],
      ['(emplois - 0.4) / (emplois - 0.4)', 'NaN'],
    ])('%s: allocate fails, naming the candidate (%s)', async (formula, value) => {
      const outcome = await allocate(withFormula(formula), { policy: 'ratio' }, { engine: 'highs' });
      expect(outcome.status).toBe('failed');
      if (outcome.status !== 'failed') return;
      expect(outcome.reason).toContain('tiny-1');
      expect(outcome.reason).toContain(value);
      expect(outcome.reason).not.toContain('tiny-2');
    });

    it('the same formula without the zero solves', async () => {
      const outcome = await allocate(withFormula('utilite_sociale / (emplois + 0.1)'), { policy: 'ratio' }, { engine: 'highs' });
      expect(outcome.status).toBe('optimal');
    });
  });
});
