/**
 * holdOthers fixes a held candidate's return-tier pieces, filled best value first up to its held
 * total. That must keep every allocation the held model had: the optimum itself, with its pieces so
 * filled, still meets every row of the held model and the optimum row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import type { ModelRow } from '../../src/model/types.js';
import { objectiveInSteps, OPTIMUM_SLACK, optimumRow } from '../../src/solver/canonical.js';
import { holdOthers } from '../../src/solver/hold.js';
import { solveModel } from '../../src/solver/solve.js';
import { scenarioArbitrary } from './arbitrary.js';

function meets(row: ModelRow, values: ReadonlyMap<string, number>): boolean {
  const sum = row.terms.reduce((total, [name, coefficient]) => total + coefficient * (values.get(name) ?? 0), 0);
  return (row.lower === undefined || sum >= row.lower - 1e-6) && (row.upper === undefined || sum <= row.upper + 1e-6);
}

describe('holdOthers on a model with return tiers', () => {
  it('keeps the optimum: with held pieces filled best value first, it meets every row and the optimum row', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 3, max: 12 }), fc.nat(), async (scenario, pick) => {
        const scores = scenario.candidates.map((_, index) => 1 + (index % 3));
        const model = buildModel(scenario, scores, { returns: [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }] });
        const outcome = await solveModel(model, { engine: 'highs' });
        if (outcome.status !== 'optimal') return;
        const key = 1 + (pick % 3);
        const members = model.candidates.filter((candidate) => scores[candidate.index] === key).map((candidate) => candidate.index);
        const held = holdOthers(model, members, outcome.values);
        const values = new Map(outcome.values);
        for (const variable of held.variables) if (variable.name.startsWith('p_') && variable.lower === variable.upper) values.set(variable.name, variable.lower);
        for (const variable of held.variables) {
          const value = values.get(variable.name) ?? 0;
          expect(value, variable.name).toBeGreaterThanOrEqual(variable.lower - 1e-6);
          expect(value, variable.name).toBeLessThanOrEqual((variable.upper ?? Infinity) + 1e-6);
        }
        for (const row of [...held.rows, optimumRow(model, objectiveInSteps(model, outcome.values) - OPTIMUM_SLACK)]) expect(meets(row, values), row.name).toBe(true);
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 120_000);
});
