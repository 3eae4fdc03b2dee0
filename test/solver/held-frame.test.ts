/**
 * The first solve of a model built on a scenario's frame reaches the engine with the frame's own
 * rows, so that the solver's arrays of the frame serve it (model/build.ts, solver/arrays.ts): a copy
 * of the rows would rebuild them at every robustness draw, tipping share and simulator key.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AllocationModel } from '../../src/model/types.js';

const seen: AllocationModel[] = [];
vi.mock('../../src/solver/solve.js', () => ({
  solveModel: (model: AllocationModel) => {
    seen.push(model);
    return Promise.resolve({ status: 'infeasible', notes: [], ms: 0 });
  },
}));

const { buildModel } = await import('../../src/model/build.js');
const { heldSolver } = await import('../../src/solver/held.js');
const { loadScenario } = await import('../../src/io/scenario.js');

describe('heldSolver on a model with nothing held', () => {
  it('passes the model its own rows when no row is added, and a longer copy when one is', async () => {
    const scenario = await loadScenario(new URL('../../scenarios/tiny.yaml', import.meta.url).pathname);
    const model = buildModel(scenario, scenario.candidates.map((_, index) => 50 + index), { returns: [] });
    const solve = heldSolver(model);
    await solve(model.objective, [], {});
    expect(seen.at(-1)?.rows).toBe(model.rows);
    const extra = { name: 'extra', terms: [[model.candidates[0]?.funded ?? '', 1]] as const, lower: 0, upper: 1, origin: { kind: 'optimum' } as const };
    await solve(model.objective, [extra], {});
    expect(seen.at(-1)?.rows).toHaveLength(model.rows.length + 1);
    expect(model.rows).not.toContain(extra);
  });
});
