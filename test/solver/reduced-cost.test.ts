/**
 * The bounds the fast path searches and proves in (solver/fast-path.ts): every allocation worth at
 * least a floor must lie within them, or the optimum could be cut off.
 * - By reduced costs (solver/arrays.ts boundByReducedCost): each integer column the relaxation holds
 *   at a bound stays within gap / |d_j| steps of it. A narrowing one step stricter would cut some
 *   allocations off.
 * - By each candidate's own rows (solver/face.ts boundsByCandidate): the Lagrangian bound with the
 *   shared rows priced by the relaxation's duals; only for a model of candidates alone.
 * Checked on random calls, with and without return tiers, against allocations of every quality: the
 * optimum and the optima of other objectives, each judged by this model's costs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Policy, Scenario } from '../../src/domain/types.js';
import type { AllocationModel } from '../../src/model/types.js';
import { buildModel } from '../../src/model/build.js';
import { withTierLinks } from '../../src/model/cuts.js';
import { scoreCandidates } from '../../src/pipeline/score.js';
import { boundByReducedCost, fixByReducedCost, objectiveOf, toArrays, type Arrays } from '../../src/solver/arrays.js';
import { boundsByCandidate } from '../../src/solver/face.js';
import { holdOthers } from '../../src/solver/hold.js';
import { loadHighs, newModel } from '../../src/solver/highs.js';
import { scenarioArbitrary } from './arbitrary.js';

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** HiGHS on the arrays with these costs: the relaxation's columns, reduced costs and row duals, or the MILP's optimum. */
function solve(highs: Highs, arrays: Arrays, costs: Float64Array, relaxation: boolean): { values: Float64Array; duals: Float64Array; rowDuals: Float64Array; objective: number } | undefined {
  const model = newModel(highs, { ...arrays, colCost: costs });
  try {
    model.options.set({ solve_relaxation: relaxation, mip_rel_gap: 0 });
    if (model.run().modelStatus !== 7) return undefined;
    const solution = model.getSolution();
    return { values: Float64Array.from(solution.colValue, (value, column) => (arrays.integer[column] === 1 ? Math.round(value) : value)), duals: Float64Array.from(solution.colDual), rowDuals: Float64Array.from(solution.rowDual), objective: model.getObjectiveValue() };
  } finally {
    model.dispose();
  }
}

/** The call's model under its first policy, with or without return tiers, as the fast path sees it (tier links included). */
async function modelOf(scenario: Scenario, tiers: boolean): Promise<AllocationModel | undefined> {
  const first = scenario.policies[0];
  if (first === undefined) return undefined;
  const policy: Policy = { ...first, returns: tiers ? [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }] : [] };
  const scored = await scoreCandidates({ ...scenario, policies: [policy] }, { policy: policy.name });
  if (typeof scored === 'string') return undefined;
  return withTierLinks(buildModel(scenario, scored.scores, policy));
}

async function arraysOf(scenario: Scenario, tiers: boolean): Promise<Arrays | undefined> {
  const model = await modelOf(scenario, tiers);
  return model === undefined ? undefined : toArrays(model);
}

/** The model's optimum and the optima of three other objectives (costs scaled column by column by `factors`), as columns. */
function allocationsOf(highs: Highs, arrays: Arrays, factors: readonly number[]): Float64Array[] {
  return [0, 1, 2, 3].flatMap((shift) => {
    const costs = shift === 0 ? arrays.colCost : Float64Array.from(arrays.colCost, (cost, column) => cost * (factors[(column * 7 + shift * 13) % factors.length] ?? 1));
    return solve(highs, arrays, costs, false)?.values ?? [];
  });
}

describe('the proof narrows each integer column by its reduced cost (arrays.ts boundByReducedCost)', () => {
  it('keeps every allocation within the gap, at the limit: one step stricter would cut some off', async () => {
    const highs = await loadHighs();
    let atTheLimit = 0;
    let narrowed = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 6, max: 22 }), fc.boolean(), fc.array(fc.double({ min: 0.3, max: 1.7, noNaN: true }), { minLength: 40, maxLength: 40 }), async (scenario, tiers, factors) => {
        const arrays = await arraysOf(scenario, tiers);
        if (arrays === undefined) return;
        const relaxation = solve(highs, arrays, arrays.colCost, true);
        if (relaxation === undefined) return;
        const bound = relaxation.objective;
        const slack = 1e-9 * Math.max(1, Math.abs(bound));
        // Allocations of every quality: this model's optimum, and those of other objectives.
        for (const values of allocationsOf(highs, arrays, factors)) {
          const gap = bound - objectiveOf(arrays, values) + slack;
          const box = boundByReducedCost(arrays, relaxation.values, relaxation.duals, gap);
          const fixing = fixByReducedCost(arrays, relaxation.values, relaxation.duals, gap);
          expect(box.fixed).toBe(fixing.fixed);
          for (let column = 0; column < arrays.numCols; column++) {
            const value = values[column] ?? 0;
            expect(value, `column ${arrays.names[column]} within the narrowed bounds`).toBeGreaterThanOrEqual((box.lower[column] ?? 0) - 1e-9);
            expect(value, `column ${arrays.names[column]} within the narrowed bounds`).toBeLessThanOrEqual((box.upper[column] ?? 0) + 1e-9);
            // Narrowed without being fixed, more than fixByReducedCost does: the residual is smaller.
            const inside = (box.lower[column] ?? 0) > (arrays.colLower[column] ?? 0) || (box.upper[column] ?? 0) < (arrays.colUpper[column] ?? 0);
            if (inside && (box.lower[column] ?? 0) < (box.upper[column] ?? 0)) narrowed++;
            if ((box.upper[column] ?? 0) < (arrays.colUpper[column] ?? 0) && value === box.upper[column] && value > (arrays.colLower[column] ?? 0)) atTheLimit++;
            if ((box.lower[column] ?? 0) > (arrays.colLower[column] ?? 0) && value === box.lower[column] && value < (arrays.colUpper[column] ?? 0)) atTheLimit++;
          }
        }
      }),
      { numRuns: 40, seed: 20261205 },
    );
    expect(narrowed).toBeGreaterThan(0);
    expect(atTheLimit).toBeGreaterThan(0);
  }, 120_000);

  it('by each candidate\'s own rows: every allocation above the floor within them, and they narrow', async () => {
    const highs = await loadHighs();
    let pinned = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 6, max: 22 }), fc.boolean(), fc.array(fc.double({ min: 0.3, max: 1.7, noNaN: true }), { minLength: 40, maxLength: 40 }), async (scenario, tiers, factors) => {
        const model = await modelOf(scenario, tiers);
        if (model === undefined) return;
        const arrays = toArrays(model);
        const relaxation = solve(highs, arrays, arrays.colCost, true);
        if (relaxation === undefined) return;
        const above = boundsByCandidate(model, arrays)(relaxation.rowDuals);
        expect(above, 'a model of candidates alone gets bounds').toBeDefined();
        const allocations = allocationsOf(highs, arrays, factors);
        for (const values of allocations) {
          const floor = objectiveOf(arrays, values);
          const box = above?.(floor);
          expect(box, 'every allocation reaches its own value').toBeDefined();
          if (box === undefined) continue;
          for (let column = 0; column < arrays.numCols; column++) {
            const value = values[column] ?? 0;
            expect(value, `column ${arrays.names[column]} within the candidates' bounds`).toBeGreaterThanOrEqual((box.lower[column] ?? 0) - 1e-9);
            expect(value, `column ${arrays.names[column]} within the candidates' bounds`).toBeLessThanOrEqual((box.upper[column] ?? 0) + 1e-9);
            if (arrays.integer[column] === 1 && (box.upper[column] ?? 0) < (arrays.colUpper[column] ?? 0)) pinned++;
          }
        }
        // A held model (the others' grants fixed at what the optimum gives them) is not one of candidates alone.
        const optimum = allocations[0];
        if (optimum === undefined) return;
        const held = holdOthers(model, [0], new Map(arrays.names.map((name, column) => [name, optimum[column] ?? 0])));
        const heldArrays = toArrays(held);
        if (heldArrays.colLower.some((lower, column) => lower > 0 && heldArrays.integer[column] === 1 && heldArrays.names[column]?.startsWith('g_') === true)) expect(boundsByCandidate(held, heldArrays)(relaxation.rowDuals)).toBeUndefined();
      }),
      { numRuns: 40, seed: 20261205 },
    );
    expect(pinned).toBeGreaterThan(0);
  }, 120_000);
});
