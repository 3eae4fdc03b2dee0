/**
 * The held model's reduction (solver/held.ts): the small model must allow exactly what the held
 * model allows. On random calls (two-year ones included), a class of candidates is left free and
 * everyone else is held as an optimal allocation has them; each free candidate's largest total is
 * then found on the held model as it is and through the reduction: the same optimum, and the
 * reduction's answer, put back into the whole model, passes every bound and row of it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../src/pipeline/score.js';
import { buildModel } from '../../src/model/build.js';
import { roundAndCheck } from '../../src/model/check.js';
import type { AllocationModel, Term } from '../../src/model/types.js';
import { maximiseTotal, objectiveInSteps, optimumRow, OPTIMUM_SLACK } from '../../src/solver/canonical.js';
import { heldSolver, reduceHeld, solveHeld } from '../../src/solver/held.js';
import { solveModel } from '../../src/solver/solve.js';
import { scenarioArbitrary } from './arbitrary.js';


const HIGHS = { engine: 'highs', relativeGap: 0 } as const;

function objectiveValue(model: AllocationModel, values: ReadonlyMap<string, number>): number {
  return model.objective.reduce((sum, [name, coefficient]) => sum + coefficient * (values.get(name) ?? 0), 0);
}

describe('a held model solved through its reduction', () => {
  it('reaches the held model’s own optimum with an allocation that passes every row of it', async () => {
    let reduced = 0;
    let split = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 4, max: 25 }), fc.nat(), async (scenario, pick) => {
        const policy = scenario.policies[0];
        if (policy === undefined) return;
        const scored = await scoreCandidates(scenario, { policy: policy.name });
        if (typeof scored === 'string') return;
        const model = buildModel(scenario, scored.scores, policy);
        const first = await solveModel(model, HIGHS);
        if (first.status !== 'optimal' || model.candidates.length === 0) return;
        // The free class: the candidates sharing the score of one picked at random (at least two when scores tie).
        const score = model.candidates[pick % model.candidates.length]?.score;
        const members = model.candidates.filter((candidate) => candidate.score === score).map((candidate) => candidate.index);
        const rows = [optimumRow(model, objectiveInSteps(model, first.values) - OPTIMUM_SLACK)];
        const solve = heldSolver(maximiseTotal(model, members[0] ?? 0, rows, { members, values: first.values }));
        for (const member of members) {
          const held = maximiseTotal(model, member, rows, { members, values: first.values });
          const reduction = reduceHeld(held);
          if (reduction !== undefined) reduced += 1;
          // Two-year calls: held candidates gathered into classes.
          if (reduction?.model.variables.some((variable) => variable.name.startsWith('held_split_')) === true) split += 1;
          const plain = await solveModel(held, HIGHS);
          const objective = (model.candidates[member]?.grants ?? []).map((grant): Term => [grant.variable, 1]);
          for (const small of [await solveHeld(held, HIGHS), await solve(objective, [], HIGHS)]) {
            expect(small.status).toBe(plain.status);
            if (small.status !== 'optimal' || plain.status !== 'optimal') continue;
            expect(objectiveValue(held, small.values)).toBeCloseTo(objectiveValue(held, plain.values), 6);
            expect(roundAndCheck(held, small.values).violations).toEqual([]);
            // The answer, read through the reduction, lists each variable of the held model once.
            expect([...small.values.keys()].sort()).toEqual(held.variables.map((variable) => variable.name).sort());
            expect(small.values.size).toBe(held.variables.length);
          }
        }
      }),
      { numRuns: 40 },
    );
    expect(reduced).toBeGreaterThan(0);
    expect(split).toBeGreaterThan(0);
  }, 240_000);
});
