/**
 * roundAndCheck (model/check.ts) reads return-tier pieces off the rounded grants: a solver's answer
 * whose pieces carry round-off (GLPK's came back 2e-6 off a row whose bound is 0) passes, with each
 * piece a whole number of steps, filled in tier order, adding up to the grant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel, pieceName } from '../../src/model/build.js';
import { roundAndCheck } from '../../src/model/check.js';
import { solveModel } from '../../src/solver/solve.js';
import { scenarioArbitrary } from '../solver/arbitrary.js';

describe('roundAndCheck with return tiers', () => {
  it('sets the pieces from the rounded grants, whatever round-off the solver left on them', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 3, max: 10 }), fc.integer({ min: 1, max: 1_000 }), async (scenario, seed) => {
        const scores = scenario.candidates.map((_, index) => 1 + (index % 5));
        const model = buildModel(scenario, scores, { returns: [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }] });
        const outcome = await solveModel(model, { engine: 'highs', timeLimitMs: 10_000 });
        if (outcome.status !== 'optimal') return;
        // The solver's answer, with round-off: grants a hair off whole steps, pieces 2e-6 off.
        const noisy = new Map<string, number>();
        let k = seed;
        const noise = (size: number): number => {
          k = (k * 48_271) % 2_147_483_647;
          return ((k % 2_001) / 1_000 - 1) * size;
        };
        for (const [name, value] of outcome.values) noisy.set(name, value + noise(name.startsWith('p_') ? 2e-6 : 1e-7));
        const { values, violations } = roundAndCheck(model, noisy);
        expect(violations).toEqual([]);
        for (const candidate of model.candidates) {
          const total = candidate.grants.reduce((sum, grant) => sum + (values.get(grant.variable) ?? 0), 0);
          const pieces = candidate.tiers.map((_, index) => values.get(pieceName(candidate.index, index)) ?? 0);
          expect(pieces.every(Number.isInteger)).toBe(true);
          expect(pieces.reduce((sum, piece) => sum + piece, 0)).toBe(total);
          // In tier order: a piece holds something only when the one before it is full.
          pieces.forEach((piece, index) => {
            if (index === 0 || piece === 0) return;
            const before = model.variables.find((variable) => variable.name === pieceName(candidate.index, index - 1));
            expect(pieces[index - 1]).toBe(before?.upper);
          });
        }
      }),
      { numRuns: 30, seed: 11 },
    );
  }, 120_000);
});
