/**
 * The tie-break's shortcuts (tie-classes.ts): a candidate it settles without a solve could not have
 * gained by one. `largestTotal` bounds a total by the years' own bounds; `fundingAllowed` says when an
 * unfunded candidate cannot be funded because the call already names all its laureates and its
 * class cannot lose money (the tie-break, and the tie search's tries, where the candidate comes
 * first). Each "cannot" is checked here against the held model that would otherwise have been
 * solved, on random calls full of ties, solved with a gap (where the tie-break's shortcut applies:
 * classes of one score, no optimal face).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/model/build.js';
import { totalOf } from '../../src/model/totals.js';
import type { AllocationModel } from '../../src/model/types.js';
import { scoreCandidates } from '../../src/pipeline/score.js';
import { priorityOrder } from '../../src/pipeline/tiebreak.js';
import { objectiveInSteps, OPTIMUM_SLACK, optimumRow, settledRow } from '../../src/solver/canonical.js';
import { maximiseTotal } from '../../src/solver/hold.js';
import { solveModel } from '../../src/solver/solve.js';
import { classesByKey, fundingAllowed, fundingState, largestTotal } from '../../src/solver/tie-classes.js';
import { scenarioArbitrary, tiedScenario } from './arbitrary.js';

const TIED = scenarioArbitrary({ min: 8, max: 24 }).map(tiedScenario);

describe('the tie-break settles without a solve only who could not gain', () => {
  it('largestTotal: never below a total an allocation reaches, and the years bounds when they are lower than the cap', async () => {
    let belowCap = 0;
    await fc.assert(
      fc.asyncProperty(TIED, async (scenario) => {
        const scored = await scoreCandidates(scenario, { policy: scenario.policies[0]?.name ?? '' });
        if (typeof scored === 'string') return;
        const model = buildModel(scenario, scored.scores, scenario.policies[0] ?? { returns: [] });
        const solved = await solveModel(model, { engine: 'highs' });
        for (const candidate of model.candidates) {
          const years = candidate.grants.reduce((sum, grant) => sum + (model.variables.find((variable) => variable.name === grant.variable)?.upper ?? Infinity), 0);
          expect(largestTotal(model, candidate.index)).toBe(Math.min(candidate.capUnits, years));
          if (years < candidate.capUnits) belowCap++;
          if (solved.status === 'optimal') expect(totalOf(model, candidate.index, solved.values)).toBeLessThanOrEqual(largestTotal(model, candidate.index));
        }
      }),
      { numRuns: 40, seed: 61 },
    );
    // The case that matters was met: per-year requests rounded down apart.
    expect(belowCap).toBeGreaterThan(0);
  });

  it('fundingAllowed: when it says no, the held model cannot fund the candidate', { timeout: 600_000 }, async () => {
    let refused = 0;
    let refusedFirst = 0;
    let asked = 0;
    await fc.assert(
      fc.asyncProperty(TIED, fc.constantFrom(0.01, 0.05), async (scenario, gap) => {
        const policy = scenario.policies[0];
        const scored = await scoreCandidates(scenario, { policy: policy?.name ?? '' });
        if (typeof scored === 'string' || policy === undefined || policy.returns.length > 0) return;
        const model = buildModel(scenario, scored.scores, policy);
        const first = await solveModel(model, { engine: 'highs', relativeGap: gap });
        if (first.status !== 'optimal' && first.status !== 'feasible') return;
        const values = first.values;
        const floor = objectiveInSteps(model, values) - OPTIMUM_SLACK;
        const state = fundingState(model, values, OPTIMUM_SLACK);
        const priority = priorityOrder(scenario, scored.scores, undefined);
        for (const members of classesByKey(priority, (index) => String(scored.scores[index])).values()) {
          if (members.length < 2) continue;
          for (const [place, candidate] of members.entries()) {
            if (Math.round(values.get(model.candidates[candidate]?.funded ?? '') ?? 0) !== 0) continue;
            asked++;
            if (fundingAllowed(state, candidate, members)) continue;
            refused++;
            // The tie-break's held model at this candidate, had nobody before it gained: the optimum
            // row, the earlier members kept at least at their totals, everyone else held.
            const settled = members.slice(0, place).map((earlier) => settledRow(model, earlier, totalOf(model, earlier, values)));
            const held: AllocationModel = maximiseTotal(model, candidate, [optimumRow(model, floor), ...settled], { members, values });
            const best = await solveModel(held, { engine: 'highs', relativeGap: 0 });
            expect(best.status, `candidate ${candidate}`).toBe('optimal');
            if (best.status === 'optimal') expect(totalOf(model, candidate, best.values), `candidate ${candidate} was said unfundable`).toBe(0);
          }
          // The tie search's try (pipeline/tiebreak.ts findTies): the candidate taken first, nobody settled.
          for (const candidate of members) {
            if (Math.round(values.get(model.candidates[candidate]?.funded ?? '') ?? 0) !== 0) continue;
            const first = [candidate, ...members.filter((other) => other !== candidate)];
            if (fundingAllowed(state, candidate, first)) continue;
            refusedFirst++;
            const held = maximiseTotal(model, candidate, [optimumRow(model, floor)], { members, values });
            const best = await solveModel(held, { engine: 'highs', relativeGap: 0 });
            if (best.status === 'optimal') expect(totalOf(model, candidate, best.values), `candidate ${candidate}, taken first, was said unfundable`).toBe(0);
          }
        }
      }),
      { numRuns: 60, seed: 62 },
    );
    // The shortcut was taken often enough for this to mean something.
    expect(refused).toBeGreaterThan(10);
    expect(refusedFirst).toBeGreaterThan(10);
    expect(asked).toBeGreaterThan(refused);
  });
});
