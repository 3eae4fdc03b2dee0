/**
 * GLPK beside HiGHS (solver/glpk.ts): with the residuals it proves and the tie-break's held models
 * it solves, enveloppe must publish the very allocation HiGHS alone publishes (the full MILP, no
 * fast path), GLPK must really answer (else this file tests nothing), and when it fails HiGHS
 * answers with the same allocation. GLPK is wrapped to count its solves and, on demand, to fail.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/pipeline/allocate.js';
import { loadScenario } from '../../src/io/scenario.js';
import type { Weights } from '../../src/domain/weights.js';
import { findWithGlpk, glpkSolvesWhole, glpkWillProve, loadGlpk, solveHeldWithGlpk } from '../../src/solver/glpk.js';
import type { Arrays } from '../../src/solver/arrays.js';
import { seededRandom } from '../../src/domain/random.js';

const glpkCalls = vi.hoisted(() => ({ solves: 0, fail: false }));

vi.mock('glpk.js/node', async (importOriginal) => {
  const real = (await importOriginal<typeof import('glpk.js/node')>()).default;
  return {
    default: async () => {
      const glpk = await real();
      return {
        ...glpk,
        solve: (...args: Parameters<typeof glpk.solve>) => {
          glpkCalls.solves += 1;
          if (glpkCalls.fail) throw new Error('glpk failed (test)');
          return glpk.solve(...args);
        },
      };
    },
  };
});

const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const call = await loadScenario(join(SCENARIOS, 'ptce-2013.yaml'));
const criteria = call.criteria.map((criterion) => criterion.column);

/** One criterion at `share` of the weight, the others sharing the rest equally: the tipping run's weightings. */
function weighting(criterion: string, share: number): Weights {
  return Object.fromEntries(criteria.map((column) => [column, column === criterion ? share : (1 - share) / (criteria.length - 1)]));
}

function grants(outcome: AllocationOutcome): readonly (readonly [string, number])[] {
  if (outcome.status !== 'optimal') return [];
  return outcome.allocation.candidates.map((candidate) => [candidate.id, candidate.grant] as const);
}

const WEIGHTINGS = (['financement', 'utilite_sociale', 'perennite_emplois'] as const).flatMap((criterion) => [0.2, 0.5, 0.8].map((share) => ({ criterion, share })));

// n binaries worth 3, 2, 1, 3, 2, 1…, at most two of each three taken (rows x_3k + x_3k+1 + x_3k+2 ≤ 2).
const knapsacks = (n: number): Arrays => {
  const groups = Math.ceil(n / 3);
  return {
    numCols: n,
    numRows: groups,
    colCost: Float64Array.from({ length: n }, (_, column) => 3 - (column % 3)),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    rowLower: new Float64Array(groups).fill(-Infinity),
    rowUpper: new Float64Array(groups).fill(2),
    starts: Int32Array.from({ length: groups + 1 }, (_, row) => Math.min(n, 3 * row)),
    indices: Int32Array.from({ length: n }, (_, column) => column),
    values: new Float64Array(n).fill(1),
    integer: new Uint8Array(n).fill(1),
    names: Array.from({ length: n }, (_, column) => `x${column}`),
  };
};

describe('GLPK beside HiGHS', () => {
  it('proves residuals and solves held models of the 2013 call, and publishes what HiGHS alone publishes', async () => {
    glpkCalls.solves = 0;
    for (const { criterion, share } of WEIGHTINGS) {
      for (const policy of ['equilibre', 'emploi']) {
        const selection = { policy, weights: weighting(criterion, share) };
        const fast = await allocate(call, selection, { engine: 'highs' });
        const alone = await allocate(call, selection, { engine: 'highs', fastPath: false });
        expect(fast.status, `${policy} ${criterion} ${share}`).toBe('optimal');
        expect(grants(fast), `${policy} ${criterion} ${share}`).toEqual(grants(alone));
      }
    }
    expect(glpkCalls.solves).toBeGreaterThan(WEIGHTINGS.length);
  }, 240_000);

  it('when GLPK fails, HiGHS answers with the same allocation', async () => {
    const before: unknown[] = [];
    for (const { criterion, share } of WEIGHTINGS) before.push(grants(await allocate(call, { policy: 'emploi', weights: weighting(criterion, share) }, { engine: 'highs' })));
    glpkCalls.fail = true;
    glpkCalls.solves = 0;
    try {
      const after: unknown[] = [];
      for (const { criterion, share } of WEIGHTINGS) after.push(grants(await allocate(call, { policy: 'emploi', weights: weighting(criterion, share) }, { engine: 'highs' })));
      expect(glpkCalls.solves).toBeGreaterThan(0);
      expect(after).toEqual(before);
    } finally {
      glpkCalls.fail = false;
    }
  }, 120_000);

  it('solves whole only small models whose objective counts whole steps on integer columns, up to a common factor', async () => {
    await loadGlpk();
    const arrays = (costs: number[], integer: number[], upper = 10): Arrays =>
      ({ numCols: costs.length, colCost: Float64Array.from(costs), integer: Uint8Array.from(integer), colLower: new Float64Array(costs.length), colUpper: new Float64Array(costs.length).fill(upper) }) as unknown as Arrays;
    expect(glpkSolvesWhole(arrays([1, 1, 0], [1, 1, 0]))).toBe(true);
    // One score on every grant (a try of the tie search), or a score and 0.6 of it: whole up to a factor.
    expect(glpkSolvesWhole(arrays([72_770.8, 72_770.8, 0], [1, 1, 1]))).toBe(true);
    expect(glpkSolvesWhole(arrays([59_166.7, 0.6 * 59_166.7], [1, 1]))).toBe(true);
    // Scores' decimals with no common factor: two objectives may differ by less than GLPK's tolerance.
    expect(glpkSolvesWhole(arrays([72_770.8, 70_770.8], [1, 1]))).toBe(false);
    expect(glpkSolvesWhole(arrays([1, Math.SQRT2], [1, 1]))).toBe(false);
    // A cost on a continuous column.
    expect(glpkSolvesWhole(arrays([1, 1], [1, 0]))).toBe(false);
    // Objectives past 1e6: 1e-7 × (1 + |z|) would reach 0.1.
    expect(glpkSolvesWhole(arrays([1, 1], [1, 1], 1e6))).toBe(false);
    // More columns than a held model has.
    expect(glpkSolvesWhole(arrays(new Array(65).fill(1), new Array(65).fill(1)))).toBe(false);
  });

  it("takes GLPK's proof only where its tolerance falls under the certificate's round-off, on a residual of at most 1,000 free columns", async () => {
    await loadGlpk();
    const residual = (free: number): { arrays: Arrays; bounds: { lower: Float64Array; upper: Float64Array } } => ({
      arrays: { numCols: free, integer: new Uint8Array(free).fill(1) } as unknown as Arrays,
      bounds: { lower: new Float64Array(free), upper: new Float64Array(free).fill(1) },
    });
    const { arrays, bounds } = residual(2);
    const bound = 2.4e8;
    const slack = 1e-9 * bound;
    // 1e-7 × (1 + 7e4) = 7e-3 ≤ 0.24: the near-full residuals of the 2013 call (gap 3e-4).
    expect(glpkWillProve(arrays, bounds, { bound, incumbent: bound - 7e4, slack })).toBe(true);
    // A 2 % gap: 1e-7 × 4.8e6 = 0.48 > 0.24.
    expect(glpkWillProve(arrays, bounds, { bound, incumbent: bound * 0.98, slack })).toBe(false);
    expect(glpkWillProve(residual(1_000).arrays, residual(1_000).bounds, { bound, incumbent: bound - 7e4, slack })).toBe(true);
    const wide = residual(1_001);
    expect(glpkWillProve(wide.arrays, wide.bounds, { bound, incumbent: bound - 7e4, slack })).toBe(false);
    // Columns fixed by reduced costs do not count.
    wide.bounds.upper[0] = 0;
    expect(glpkWillProve(wide.arrays, wide.bounds, { bound, incumbent: bound - 7e4, slack })).toBe(true);
  });

  it('searches a neighbourhood of at most 400 free columns for an allocation that meets its rows, and leaves larger ones to HiGHS', async () => {
    await loadGlpk();
    const small = knapsacks(6);
    const bounds = { lower: small.colLower, upper: small.colUpper };
    const found = findWithGlpk(small, bounds, 1);
    expect(found?.optimal).toBe(false);
    expect([...(found?.values ?? [])]).toEqual([1, 1, 0, 1, 1, 0]);
    expect(found?.objective).toBe(10);
    // A column fixed at 0 by the fixing: the neighbourhood's best takes the third of its group.
    const fixed = { lower: small.colLower, upper: Float64Array.from([0, 1, 1, 1, 1, 1]) };
    expect(findWithGlpk(small, fixed, 1)?.objective).toBe(8);
    const wide = knapsacks(402);
    expect(findWithGlpk(wide, { lower: wide.colLower, upper: wide.colUpper }, 1)).toBeUndefined();
  });

  it('leaves to HiGHS a neighbourhood GLPK does not finish within its budget: what it had found then would depend on the load', async () => {
    await loadGlpk();
    // A knapsack of 100 items in five dimensions, each item worth about its mean weight: GLPK's
    // branch and bound, without cuts, needs far more than its 50 ms to prove it.
    const random = seededRandom(15);
    const n = 100;
    const dimensions = 5;
    const weights = Array.from({ length: dimensions }, () => Array.from({ length: n }, () => 20 + Math.floor(random() * 80)));
    const hard: Arrays = {
      numCols: n,
      numRows: dimensions,
      colCost: Float64Array.from({ length: n }, (_, item) => weights.reduce((sum, row) => sum + (row[item] ?? 0), 0) / dimensions + Math.floor(random() * 10)),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: new Float64Array(dimensions).fill(-Infinity),
      rowUpper: Float64Array.from(weights, (row) => Math.floor(row.reduce((sum, weight) => sum + weight, 0) / 2)),
      starts: Int32Array.from({ length: dimensions + 1 }, (_, row) => row * n),
      indices: Int32Array.from({ length: n * dimensions }, (_, slot) => slot % n),
      values: Float64Array.from(weights.flat()),
      integer: new Uint8Array(n).fill(1),
      names: Array.from({ length: n }, (_, item) => `x${item}`),
    };
    const bounds = { lower: hard.colLower, upper: hard.colUpper };
    // The same answer whatever the budget: nothing (HiGHS then searches), never what GLPK had when stopped.
    const soon = findWithGlpk(hard, bounds, 0.001);
    const later = findWithGlpk(hard, bounds, 1);
    expect(soon).toBeUndefined();
    expect(later).toBeUndefined();
  });

  it('is given only the free columns: the fixed ones move into the row bounds, and a row they alone break makes the model infeasible', async () => {
    await loadGlpk();
    const model = knapsacks(9);
    const random = seededRandom(21);
    const seen = { solved: 0, infeasible: 0 };
    for (let trial = 0; trial < 60; trial++) {
      // Each column fixed at 0, fixed at 1, or free.
      const states = Array.from({ length: 9 }, () => Math.floor(random() * 3));
      const lower = Float64Array.from(states, (state) => (state === 1 ? 1 : 0));
      const upper = Float64Array.from(states, (state) => (state === 0 ? 0 : 1));
      let best: number | undefined;
      for (let mask = 0; mask < 512; mask++) {
        const x = Array.from({ length: 9 }, (_, column) => (mask >> column) & 1);
        if (x.some((value, column) => value < (lower[column] ?? 0) || value > (upper[column] ?? 0))) continue;
        if ([0, 1, 2].some((group) => (x[3 * group] ?? 0) + (x[3 * group + 1] ?? 0) + (x[3 * group + 2] ?? 0) > 2)) continue;
        const value = x.reduce((sum, taken, column) => sum + taken * (model.colCost[column] ?? 0), 0);
        best = Math.max(best ?? value, value);
      }
      const held = solveHeldWithGlpk({ ...model, colLower: lower, colUpper: upper }, 1);
      // Costs a score times whole numbers (solved divided by the score): the same answer.
      expect(solveHeldWithGlpk({ ...model, colCost: model.colCost.map((cost) => cost * 72_770.8), colLower: lower, colUpper: upper }, 1)).toEqual(held);
      if (best === undefined) {
        expect(held).toEqual({ status: 'infeasible' });
        seen.infeasible += 1;
        continue;
      }
      expect(held?.status).toBe('solved');
      const values = held?.status === 'solved' ? held.values : {};
      expect(model.names.reduce((sum, name, column) => sum + (values[name] ?? 0) * (model.colCost[column] ?? 0), 0)).toBe(best);
      states.forEach((state, column) => {
        if (state !== 2) expect(values[model.names[column] ?? '']).toBe(state);
      });
      seen.solved += 1;
    }
    expect(seen.solved).toBeGreaterThan(10);
    expect(seen.infeasible).toBeGreaterThan(0);
  });
});
