/**
 * The simulator's warm-up (src/tui/hooks/use-solver.ts, pipeline/warm-up.ts): once a policy's
 * allocation is on screen and the keys are left alone, the session solves the policy's warm-up
 * weightings, one at a time; a key stops it after the solve in hand and the user's edit is solved
 * next; it picks up where it stopped when the keys are left alone again; each policy once; never on
 * the screen. The warm-up's solves are counted through a service of the test's (nothing is timed).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Selection } from '../../src/domain/allocation.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { WARM_UP_SOLVES, warmUpCount, warmUpSelections } from '../../src/pipeline/warm-up.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { WARM_UP_IDLE_MS } from '../../src/tui/hooks/use-solver.js';
import { drive, KEYS, settled, type Driven } from './drive.js';

let tiny: Scenario;
let app: Driven | undefined;

beforeAll(async () => {
  tiny = await loadScenario('scenarios/tiny.yaml');
});
afterEach(() => app?.unmount());
afterAll(stopJslpWorker);

const size = { columns: 100, rows: 16 };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A warm-up service that records each selection and answers when the test says (the first `free` at once). */
function recorder(free: number): { calls: Selection[]; release: () => void; warmUp: () => Promise<void> } {
  const calls: Selection[] = [];
  let gate: (() => void) | undefined;
  return {
    calls,
    release: () => gate?.(),
    warmUp: (_scenario?: Scenario, selection?: Selection) => {
      if (selection !== undefined) calls.push(selection);
      return calls.length <= free ? Promise.resolve() : new Promise<void>((resolve) => (gate = resolve));
    },
  };
}

describe('the warm-up', { timeout: 30_000 }, () => {
  test('runs after the first allocation once the keys are left alone, solves the policy’s warm-up weightings, and leaves the screen as it was', async () => {
    const warm = recorder(Infinity);
    app = drive({ scenario: tiny, size, warmUp: true, services: { warmUp: warm.warmUp } });
    const first = await app.until(settled);
    expect(warm.calls).toHaveLength(0);
    await vi.waitFor(() => expect(warm.calls).toHaveLength(WARM_UP_SOLVES), { timeout: 10_000 });
    expect(warm.calls).toEqual(warmUpSelections(tiny, 'social'));
    expect(app.frame()).toBe(first);
    // Warmed once: an edit and the keys left alone again warm nothing more.
    await app.press('2', KEYS.shiftLeft);
    await app.until((frame) => settled(frame) && frame.includes('70.0 %'));
    await sleep(WARM_UP_IDLE_MS * 2);
    expect(warm.calls).toHaveLength(WARM_UP_SOLVES);
  });

  test('a key stops it after the solve in hand; the edit is solved next; it picks up where it stopped', async () => {
    const warm = recorder(3);
    const solved: Selection[] = [];
    const { allocate } = await import('../../src/analysis/pipeline.js');
    app = drive({
      scenario: tiny,
      size,
      warmUp: true,
      services: {
        warmUp: warm.warmUp,
        allocate: (scenario, selection, options) => {
          solved.push(selection);
          return allocate(scenario, selection, options);
        },
      },
    });
    await app.until(settled);
    // The fourth warm-up solve is in hand: the edit waits for it.
    await vi.waitFor(() => expect(warm.calls).toHaveLength(4), { timeout: 10_000 });
    await app.press('2', KEYS.shiftLeft);
    await app.until('⠿ solving…');
    expect(solved).toHaveLength(1);
    warm.release();
    await app.until((frame) => settled(frame) && frame.includes('70.0 %'));
    expect(solved).toHaveLength(2);
    expect(warm.calls).toHaveLength(4);
    // Keys that change nothing keep it waiting too.
    for (let press = 0; press < 4; press++) {
      await sleep(WARM_UP_IDLE_MS / 2);
      await app.press(KEYS.down);
    }
    expect(warm.calls).toHaveLength(4);
    // Left alone: the rest of the policy's warm-up, from where it stopped (the fourth counts as done).
    await vi.waitFor(() => expect(warm.calls.length).toBeGreaterThan(4), { timeout: 10_000 });
    warm.release();
    await vi.waitFor(() => expect(warm.calls.length).toBeGreaterThan(5), { timeout: 10_000 });
    expect(warm.calls[4]).toEqual(warmUpSelections(tiny, 'social')[4]);
  });

  test('a key that changes nothing (moving down the table) stops it too, after the solve in hand', async () => {
    const warm = recorder(3);
    app = drive({ scenario: tiny, size, warmUp: true, services: { warmUp: warm.warmUp } });
    await app.until(settled);
    await vi.waitFor(() => expect(warm.calls).toHaveLength(4), { timeout: 10_000 });
    await app.press(KEYS.down);
    warm.release();
    await sleep(WARM_UP_IDLE_MS / 2);
    expect(warm.calls).toHaveLength(4);
    await vi.waitFor(() => expect(warm.calls.length).toBeGreaterThan(4), { timeout: 10_000 });
    warm.release();
  });

  test('each policy is warmed once, when its allocation is on screen', async () => {
    const warm = recorder(Infinity);
    app = drive({ scenario: tiny, size, warmUp: true, services: { warmUp: warm.warmUp } });
    await app.until(settled);
    await vi.waitFor(() => expect(warm.calls).toHaveLength(WARM_UP_SOLVES), { timeout: 10_000 });
    await app.press('p');
    await app.until((frame) => settled(frame) && frame.includes('policy emploi'));
    await vi.waitFor(() => expect(warm.calls).toHaveLength(2 * WARM_UP_SOLVES), { timeout: 10_000 });
    expect(warm.calls.slice(WARM_UP_SOLVES)).toEqual(warmUpSelections(tiny, 'emploi'));
    await app.press('p');
    await app.until((frame) => settled(frame) && frame.includes('policy social'));
    await sleep(WARM_UP_IDLE_MS * 2);
    expect(warm.calls).toHaveLength(2 * WARM_UP_SOLVES);
  });

  test('is off unless asked for (tests that count solves), and never runs on a call of more than 300 candidates', async () => {
    const warm = recorder(Infinity);
    app = drive({ scenario: tiny, size, services: { warmUp: warm.warmUp } });
    await app.until(settled);
    await sleep(WARM_UP_IDLE_MS * 2);
    expect(warm.calls).toHaveLength(0);
    app.unmount();
    // 301 candidates: tiny's five, again and again.
    const large: Scenario = { ...tiny, candidates: Array.from({ length: 301 }, (_, index) => ({ ...(tiny.candidates[index % 5] as Scenario['candidates'][number]), id: `large-${index}`, line: index + 2 })) };
    app = drive({ scenario: large, size, warmUp: true, services: { warmUp: warm.warmUp } });
    await app.until(settled, 20_000);
    await sleep(WARM_UP_IDLE_MS * 2);
    expect(warm.calls).toHaveLength(0);
  });
});

describe('the warm-up’s weightings', () => {
  test('are the same on every run, weights 1 to 5 on every criterion, and none for a policy scored by a formula', async () => {
    const ptce = await loadScenario('scenarios/ptce-2013.yaml');
    const selections = warmUpSelections(ptce, 'emploi');
    expect(selections).toHaveLength(WARM_UP_SOLVES);
    expect(warmUpSelections(ptce, 'emploi')).toEqual(selections);
    for (const selection of selections) {
      expect(selection.policy).toBe('emploi');
      expect(Object.keys(selection.weights ?? {})).toEqual(ptce.criteria.map((criterion) => criterion.column));
      for (const weight of Object.values(selection.weights ?? {})) expect([1, 2, 3, 4, 5]).toContain(weight);
    }
    expect(new Set(selections.map((selection) => JSON.stringify(selection.weights))).size).toBeGreaterThan(WARM_UP_SOLVES / 2);
    expect(warmUpSelections(ptce, 'solidite')).toEqual([]);
    expect(warmUpSelections(ptce, 'no-such-policy')).toEqual([]);
    // The count the simulator reads after each solve, without drawing the weightings.
    for (const policy of ['equilibre', 'emploi', 'solidite', 'no-such-policy']) expect(warmUpCount(ptce, policy)).toBe(warmUpSelections(ptce, policy).length);
  });
});
