/**
 * The simulator's re-solve after a weight change runs in the session's kept HiGHS model: new costs,
 * the last answer as a start (solver/highs.ts, HighsModels). Which optimum HiGHS meets first may then
 * depend on the solves before; the canonical tie-break must make the published allocation the same
 * as a fresh solve's. Checked here for sequences of random weight changes on every shipped scenario,
 * on random calls, and on small seeded hard calls (bench/hard-call.ts). Nothing here is timed.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHardCall } from '../../bench/hard-call.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { allocate, type AllocationOutcome } from '../../src/pipeline/allocate.js';
import { createSession, type Session } from '../../src/pipeline/session.js';
import { warmUpSelections, warmUpSolve } from '../../src/pipeline/warm-up.js';
import { disposeHighsModels } from '../../src/solver/highs.js';
import { scenarioArbitrary } from './arbitrary.js';

const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
const shipped: { name: string; scenario: Scenario }[] = [];
for (const file of readdirSync(SCENARIOS).filter((name) => name.endsWith('.yaml')).sort()) {
  shipped.push({ name: basename(file, '.yaml'), scenario: await loadScenario(join(SCENARIOS, file)) });
}
const work = mkdtempSync(join(tmpdir(), 'enveloppe-warm-'));
const sessions: Session[] = [];
afterAll(() => {
  for (const session of sessions) disposeHighsModels(session.highs);
  rmSync(work, { recursive: true, force: true });
});

function newSession(): Session {
  const session = createSession();
  sessions.push(session);
  return session;
}

/** Everything a user is shown, but the solve time. */
function published(outcome: AllocationOutcome): unknown {
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return { status: outcome.status };
  const { ms: _ms, ...allocation } = outcome.allocation;
  return { status: outcome.status, allocation };
}

/** Weights of 0..5 on each criterion, at least one of them positive. */
function weightsArbitrary(scenario: Scenario): fc.Arbitrary<Record<string, number>> {
  const columns = scenario.criteria.map((criterion) => criterion.column);
  return fc.array(fc.integer({ min: 0, max: 5 }), { minLength: columns.length, maxLength: columns.length }).map((values) => Object.fromEntries(columns.map((column, index) => [column, index === 0 ? Math.max(1, values[index] ?? 1) : (values[index] ?? 0)])));
}

/** Each weight change solved in one session (warm) and alone (fresh, no kept model): both publish the same. */
async function sameAsFresh(scenario: Scenario, policy: string, sequence: readonly Record<string, number>[], ties: boolean): Promise<void> {
  const session = newSession();
  for (const weights of sequence) {
    const options = { engine: 'highs' as const, ...(ties ? {} : { ties: false as const }) };
    const warm = await allocate(scenario, { policy, weights }, { ...options, session });
    const fresh = await allocate(scenario, { policy, weights }, options);
    expect(published(warm)).toEqual(published(fresh));
  }
}

describe('a warm re-solve in the session publishes what a fresh solve publishes', () => {
  for (const { name, scenario } of shipped) {
    for (const policy of scenario.policies.filter((entry) => entry.score === undefined)) {
      it(`${name} / ${policy.name}: random weight changes`, async () => {
        await fc.assert(fc.asyncProperty(fc.array(weightsArbitrary(scenario), { minLength: 3, maxLength: 4 }), (sequence) => sameAsFresh(scenario, policy.name, sequence, true)), { numRuns: 2, seed: 15 });
      }, 240_000);
    }
  }

  it('on random calls, tiers or not: the same allocation after each weight change', async () => {
    const calls = scenarioArbitrary({ min: 4, max: 25 }).chain((scenario) => fc.tuple(fc.constant(scenario), fc.array(weightsArbitrary(scenario), { minLength: 3, maxLength: 5 })));
    await fc.assert(fc.asyncProperty(calls, ([scenario, sequence]) => sameAsFresh(scenario, scenario.policies[0]?.name ?? '', sequence, true)), { numRuns: 25, seed: 16 });
  }, 240_000);

  it('on small seeded hard calls (bench/hard-call.ts): the same allocation after each weight change', async () => {
    for (const seed of [1, 2]) {
      const scenario = await loadScenario(writeHardCall(join(work, `hard-${seed}`), 60, seed));
      const policy = scenario.policies[0]?.name ?? '';
      await fc.assert(fc.asyncProperty(fc.array(weightsArbitrary(scenario), { minLength: 3, maxLength: 3 }), (sequence) => sameAsFresh(scenario, policy, sequence, false)), { numRuns: 2, seed });
    }
  }, 240_000);
});

describe('after the simulator’s warm-up (pipeline/warm-up.ts)', () => {
  it('the session publishes what a fresh solve publishes, on the 2013 call with and without return tiers', async () => {
    const ptce = shipped.find((entry) => entry.name === 'ptce-2013')?.scenario;
    if (ptce === undefined) throw new Error('scenarios/ptce-2013.yaml is missing');
    for (const policy of ['equilibre', 'emploi']) {
      const session = createSession({ repeated: true });
      sessions.push(session);
      await allocate(ptce, { policy }, { session });
      for (const selection of warmUpSelections(ptce, policy)) await warmUpSolve(ptce, selection, session);
      for (const weights of fc.sample(weightsArbitrary(ptce), { numRuns: 3, seed: 17 })) {
        const warm = await allocate(ptce, { policy, weights }, { session });
        const fresh = await allocate(ptce, { policy, weights }, { engine: 'highs' });
        expect(published(warm), `${policy} ${JSON.stringify(weights)}`).toEqual(published(fresh));
      }
    }
  }, 240_000);
});

describe('auto in a session that solves again and again (the simulator, a pool worker)', () => {
  it('answers with HiGHS where a one-shot command answers with javascript-lp-solver, and publishes the same allocation', async () => {
    let compared = 0;
    for (const { name, scenario } of shipped) {
      for (const policy of scenario.policies.filter((entry) => entry.score === undefined && entry.returns.length === 0)) {
        if (scenario.candidates.length > 300) continue;
        const repeated = createSession({ repeated: true });
        sessions.push(repeated);
        const warm = await allocate(scenario, { policy: policy.name }, { session: repeated });
        const once = await allocate(scenario, { policy: policy.name });
        if (warm.status !== 'optimal' || once.status !== 'optimal') throw new Error(`${name}/${policy.name}: ${warm.status}, ${once.status}`);
        expect(warm.allocation.engine, `${name}/${policy.name}`).toBe('highs');
        expect(once.allocation.engine, `${name}/${policy.name}`).toBe('jslp');
        const { ms: _a, engine: _b, notes: _c, ...published } = warm.allocation;
        const { ms: _d, engine: _e, notes: _f, ...alone } = once.allocation;
        expect(published).toEqual(alone);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(2);
  }, 240_000);
});
