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
import type { AllocationModel, ModelRow, Term } from '../../src/model/types.js';
import type { Scenario } from '../../src/domain/types.js';
import type { SolveOutcome } from '../../src/solver/types.js';
import { objectiveInSteps, optimumRow, OPTIMUM_SLACK } from '../../src/solver/canonical.js';
import { heldBase, maximiseTotal } from '../../src/solver/hold.js';
import { heldSolver, reduceHeld, solveHeld } from '../../src/solver/held.js';
import { solveModel } from '../../src/solver/solve.js';
import { scenarioArbitrary } from './arbitrary.js';


const HIGHS = { engine: 'highs', relativeGap: 0 } as const;

function objectiveValue(model: AllocationModel, values: ReadonlyMap<string, number>): number {
  return model.objective.reduce((sum, [name, coefficient]) => sum + coefficient * (values.get(name) ?? 0), 0);
}

/**
 * A random call solved to its optimum, the class of candidates sharing the score of one picked at
 * random (at least two when scores tie), and the row keeping the optimum; undefined when the call
 * has no optimum to hold.
 */
async function heldCall(scenario: Scenario, pick: number): Promise<{ model: AllocationModel; first: Extract<SolveOutcome, { status: 'optimal' }>; members: number[]; rows: ModelRow[] } | undefined> {
  const policy = scenario.policies[0];
  if (policy === undefined) return undefined;
  const scored = await scoreCandidates(scenario, { policy: policy.name });
  if (typeof scored === 'string') return undefined;
  const model = buildModel(scenario, scored.scores, policy);
  const first = await solveModel(model, HIGHS);
  if (first.status !== 'optimal' || model.candidates.length === 0) return undefined;
  const score = model.candidates[pick % model.candidates.length]?.score;
  const members = model.candidates.filter((candidate) => candidate.score === score).map((candidate) => candidate.index);
  return { model, first, members, rows: [optimumRow(model, objectiveInSteps(model, first.values) - OPTIMUM_SLACK)] };
}

describe('a held model solved through its reduction', () => {
  it('reaches the held model’s own optimum with an allocation that passes every row of it', async () => {
    let reduced = 0;
    let split = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 4, max: 25 }), fc.nat(), async (scenario, pick) => {
        const call = await heldCall(scenario, pick);
        if (call === undefined) return;
        const { model, first, members, rows } = call;
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

  it('derived from a base that holds everyone outside a wider set, reaches the same optimum and answers for the whole model', async () => {
    let derived = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 4, max: 25 }), fc.nat(), fc.array(fc.nat(), { maxLength: 8 }), async (scenario, pick, extra) => {
        const call = await heldCall(scenario, pick);
        if (call === undefined) return;
        const { model, first, members, rows } = call;
        // The base leaves free the class and a few others, as the tie-break's leaves every class still to settle.
        const open = new Set([...members, ...extra.map((index) => index % model.candidates.length)]);
        const base = heldBase({ ...model, rows: [...model.rows, ...rows] }, open, first.values);
        if (base === undefined) return;
        derived += 1;
        for (const member of members) {
          const held = maximiseTotal(model, member, rows, { members, values: first.values });
          const plain = await solveModel(held, HIGHS);
          const narrow = await solveHeld(maximiseTotal(base.model, member, [], { members, values: first.values }), HIGHS);
          expect(narrow.status).toBe(plain.status);
          if (narrow.status !== 'optimal' || plain.status !== 'optimal') continue;
          const values = base.expand(narrow.values);
          expect(objectiveValue(held, values)).toBeCloseTo(objectiveValue(held, plain.values), 6);
          expect(roundAndCheck(held, values).violations).toEqual([]);
          expect([...values.keys()].sort()).toEqual(held.variables.map((variable) => variable.name).sort());
        }
      }),
      { numRuns: 40 },
    );
    expect(derived).toBeGreaterThan(0);
  }, 240_000);
});
