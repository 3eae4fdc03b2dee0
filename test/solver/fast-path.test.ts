/**
 * HiGHS's fast path (relaxation, reduced-cost fixing, residual MILP, certificate) against the full
 * MILP, on every shipped scenario under every policy and on random calls. Both are asked for the
 * exact optimum (gap 0): they must publish the same allocation, byte for byte (the JSON but its
 * engine line), and it must honour every rule. The two paths often find different optima first;
 * the canonical tie-break (solver/canonical.ts, over the optimal face) makes them publish one.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/pipeline/allocate.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { allocationJson } from '../../src/io/allocation-export.js';
import type { AllocationModel } from '../../src/model/types.js';
import { STAGE_SIZES } from '../../src/solver/fast-path.js';
import { solveWithHighs } from '../../src/solver/highs.js';
import { writeHardCall } from '../../bench/hard-call.js';
import { scenarioArbitrary } from './arbitrary.js';
import { assertAllocationHonours } from './check.js';

const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const shipped: { name: string; scenario: Scenario }[] = [];
for (const file of readdirSync(SCENARIOS).filter((name) => name.endsWith('.yaml')).sort()) {
  shipped.push({ name: basename(file, '.yaml'), scenario: await loadScenario(join(SCENARIOS, file)) });
}


/** The published allocation: the JSON document but its engine line (and the status when there is none). */
function published(outcome: AllocationOutcome): string {
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return outcome.status;
  return allocationJson(outcome.allocation, outcome.status).replace(/\n {2}"engine": "[a-z]+",/, '');
}

async function bothPaths(scenario: Scenario, policy: string): Promise<{ fast: AllocationOutcome; full: AllocationOutcome }> {
  const fast = await allocate(scenario, { policy }, { engine: 'highs', relativeGap: 0, fastPath: true });
  const full = await allocate(scenario, { policy }, { engine: 'highs', relativeGap: 0, fastPath: false });
  return { fast, full };
}

/** On 25 random calls, the fast path publishes what the full MILP publishes (and, with `honours`, every rule holds). */
async function sameOnRandomCalls(honours: boolean): Promise<void> {
  await fc.assert(
    fc.asyncProperty(scenarioArbitrary({ min: 4, max: 25 }), async (scenario) => {
      const policy = scenario.policies[0];
      if (policy === undefined) return;
      const { fast, full } = await bothPaths(scenario, policy.name);
      expect(published(fast)).toEqual(published(full));
      if (honours && fast.status === 'optimal') assertAllocationHonours(scenario, fast.allocation, policy);
    }),
    { numRuns: 25 },
  );
}

describe('the fast path proves what the full MILP proves', () => {
  for (const { name, scenario } of shipped) {
    for (const policy of scenario.policies) {
      it(`${name} / ${policy.name}`, async () => {
        const { fast, full } = await bothPaths(scenario, policy.name);
        expect(fast.status).toBe('optimal');
        expect(published(fast)).toEqual(published(full));
        if (fast.status === 'optimal') {
          expect(fast.allocation.gap).toBeLessThanOrEqual(1e-9);
          assertAllocationHonours(scenario, fast.allocation, policy);
        }
      }, 60_000);
    }
  }

  it('on random calls: the same allocation, every rule honoured', async () => {
    await sameOnRandomCalls(true);
  }, 240_000);

  it('at the default gap, the fast path proves its gap and stays within it of the exact optimum', async () => {
    for (const { scenario } of shipped) {
      for (const policy of scenario.policies) {
        const exact = await allocate(scenario, { policy: policy.name }, { engine: 'highs', relativeGap: 0, fastPath: false });
        const fast = await allocate(scenario, { policy: policy.name }, { engine: 'highs' });
        if (exact.status !== 'optimal' || fast.status !== 'optimal') {
          expect(fast.status).toBe(exact.status);
          continue;
        }
        expect(fast.allocation.gap).toBeLessThanOrEqual(1e-4);
        expect(fast.allocation.objective).toBeGreaterThanOrEqual(exact.allocation.objective * (1 - 1e-4) - 1e-6);
        expect(fast.allocation.objective).toBeLessThanOrEqual(exact.allocation.objective + 1e-6);
      }
    }
  }, 120_000);
});

describe('a new model is solved on HiGHS\'s presolve (highs.ts presolvedSolve)', () => {
  it('brings back the objective constant presolve takes out, and every column', async () => {
    // y is fixed at 3 (worth 15): presolve removes it and keeps 15 as a constant of the objective.
    const model: AllocationModel = {
      unit: 1,
      variables: [
        { name: 'x', kind: 'integer', lower: 0, upper: 10 },
        { name: 'y', kind: 'integer', lower: 3, upper: 3 },
        { name: 'z', kind: 'binary', lower: 0, upper: 1 },
      ],
      objective: [['x', 2], ['y', 5], ['z', 7]],
      rows: [{ name: 'room', terms: [['x', 2], ['z', 3], ['y', 1]], lower: undefined, upper: 16, origin: { kind: 'total' } }],
      candidates: [],
      comments: [],
    };
    const fast = await solveWithHighs(model, 10_000, 0, true);
    const full = await solveWithHighs(model, 10_000, 0, false);
    expect(full).toMatchObject({ status: 'solved', gap: 0 });
    // 2x + 3z ≤ 13: x = 5, z = 1 (worth 17) beats x = 6, z = 0 (12); with y, 32.
    expect(fast).toEqual({ status: 'solved', values: { x: 5, y: 3, z: 1 }, gap: 0 });
    expect(fast).toEqual(full);
  });

  it('with a gap, the published allocation states the gap its first solve proved, and the exact optimum lies within it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-gap-'));
    try {
      const scenario = await loadScenario(writeHardCall(folder, 1_000));
      const withGap = await allocate(scenario, { policy: 'equilibre' }, { relativeGap: 1e-3, ties: false });
      const exact = await allocate(scenario, { policy: 'equilibre' }, { relativeGap: 0, ties: false });
      if (withGap.status !== 'optimal' || exact.status !== 'optimal') throw new Error(`${withGap.status} / ${exact.status}`);
      // On this call the 0.1 % solve stops short of the exact optimum: a gap of 0 would be false.
      expect(withGap.allocation.objective).toBeLessThan(exact.allocation.objective);
      expect(withGap.allocation.gap).toBeGreaterThan(0);
      expect(withGap.allocation.gap).toBeLessThanOrEqual(1e-3);
      expect(exact.allocation.objective).toBeLessThanOrEqual(withGap.allocation.objective * (1 + withGap.allocation.gap) + 1e-6);
      assertAllocationHonours(scenario, withGap.allocation, scenario.policies.find((policy) => policy.name === 'equilibre'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the relaxation solved on the more valuable columns first (fast-path.ts valuableFirst), on every call', () => {
  const usual = STAGE_SIZES.valuableFirst;
  beforeAll(() => {
    STAGE_SIZES.valuableFirst = 0;
  });
  afterAll(() => {
    STAGE_SIZES.valuableFirst = usual;
  });

  it('publishes what the full MILP publishes, on the shipped scenarios and on random calls', async () => {
    for (const { scenario } of shipped) {
      for (const policy of scenario.policies) {
        const { fast, full } = await bothPaths(scenario, policy.name);
        expect(published(fast)).toEqual(published(full));
      }
    }
    await sameOnRandomCalls(false);
  }, 240_000);
});
