/**
 * One allocation whatever the engine: on calls built to tie (marks on a coarse grid, a few equal
 * requests), javascript-lp-solver, HiGHS (its fast path and its full MILP) and auto publish byte-identical allocations, and every
 * published allocation still honours every rule and reaches the optimum.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/pipeline/allocate.js';
import { lotteryTicket, priorityOrder } from '../../src/pipeline/tiebreak.js';
import type { Scenario } from '../../src/domain/types.js';
import { allocationCsv, allocationJson } from '../../src/io/allocation-export.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { createHash } from 'node:crypto';
import { scenarioArbitrary, tiedScenario } from './arbitrary.js';
import { assertAllocationHonours } from './check.js';

afterAll(async () => {
  await stopJslpWorker();
});

const TIED = scenarioArbitrary({ min: 6, max: 16 }).map(tiedScenario);

/** The JSON document without its engine line, and the CSV: what must not depend on the engine. */
function published(outcome: AllocationOutcome): string {
  if (outcome.status !== 'optimal') return outcome.status;
  const json = allocationJson(outcome.allocation, 'optimal').replace(/\n {2}"engine": "[a-z]+",/, '');
  return `${json}\n${allocationCsv(outcome.allocation, { excel: false }).toString('utf8')}`;
}

describe('the canonical optimum', () => {
  it('on 200 calls full of ties, jslp, highs (fast path and full MILP) and auto publish byte-identical allocations that honour every rule', { timeout: 1_200_000 }, async () => {
    let tied = 0;
    let optimal = 0;
    let wandered = 0;
    await fc.assert(
      fc.asyncProperty(TIED, async (scenario) => {
        const selection = { policy: scenario.policies[0]?.name ?? '' };
        // The tie band (its sentences) is part of what must be the same.
        const ties = {};
        const highs = await allocate(scenario, selection, { engine: 'highs', ...ties });
        const jslp = await allocate(scenario, selection, { engine: 'jslp', timeLimitMs: 3_000, ...ties });
        const auto = await allocate(scenario, selection, { engine: 'auto', ...ties });
        // HiGHS's full MILP finds other optima first than its fast path: ties across scores (48 × 90,000 = 36 × 120,000) too.
        const full = await allocate(scenario, selection, { engine: 'highs', fastPath: false, ...ties });
        // javascript-lp-solver may wander past its time limit on return tiers (docs/engines.md): it
        // then publishes nothing, never another allocation.
        if (jslp.status === 'timedout') wandered++;
        else expect(published(jslp), 'jslp = highs').toBe(published(highs));
        expect(published(auto), 'auto = highs').toBe(published(highs));
        expect(published(full), 'full MILP = fast path').toBe(published(highs));
        if (highs.status === 'optimal') {
          optimal++;
          assertAllocationHonours(scenario, highs.allocation, scenario.policies[0]);
          // Two candidates of one score, one funded and one not: a tie the rule had to settle.
          const funded = new Set(highs.allocation.candidates.filter((candidate) => candidate.funded).map((candidate) => candidate.score));
          if (highs.allocation.candidates.some((candidate) => !candidate.funded && candidate.eligible && funded.has(candidate.score))) tied++;
        }
      }),
      { numRuns: Number(process.env['TIE_RUNS'] ?? 200), seed: 20261201, endOnFailure: true },
    );
    expect(wandered, 'runs where javascript-lp-solver ran out of time').toBeLessThan(5);
    // The generator must really produce ties at the funding line, or the test proves nothing.
    expect(optimal).toBeGreaterThan(100);
    expect(tied).toBeGreaterThan(20);
  });

  it('equal scores are served by the smaller request, then the earlier row; a lottery orders them by ticket', () => {
    const base = tiedScenario(fc.sample(scenarioArbitrary({ min: 6, max: 6 }), { seed: 7, numRuns: 1 })[0] as Scenario);
    const scores = base.candidates.map(() => 50);
    const order = priorityOrder(base, scores, undefined);
    const requests = order.map((index) => base.candidates[index]?.request ?? 0);
    expect(requests).toEqual([...requests].sort((a, b) => a - b));
    const drawn = priorityOrder(base, scores, { seed: '48213', band: 0 });
    const tickets = drawn.map((index) => lotteryTicket('48213', base.candidates[index]?.id ?? ''));
    expect(tickets).toEqual([...tickets].sort());
    // Anyone can recompute a ticket: SHA-256 of "seed:id".
    expect(lotteryTicket('48213', 'ptce-074')).toBe(createHash('sha256').update('48213:ptce-074').digest('hex'));
  });
});
