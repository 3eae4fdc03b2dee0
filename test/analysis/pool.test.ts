/**
 * The analysis pool shared by batches at once (tipping points refine every criterion together): each
 * batch gets its own results, in its jobs' order, as it would alone; an abort fails every batch under way.
 */
import { expect, test } from 'vitest';
import { createPool, prestartPool, runPool, type PoolJob } from '../../src/analysis/pool.js';
import { loadScenario } from '../../src/io/scenario.js';

const jobsOf = (policy: string, columns: readonly string[], count: number, offset: number): PoolJob[] =>
  Array.from({ length: count }, (_, k) => ({ selection: { policy, weights: Object.fromEntries(columns.map((column, i) => [column, 1 + ((k + offset + i) % 4)])) } }));

test('batches run at the same time get what each gets alone, in job order', { timeout: 120_000 }, async () => {
  const scenario = await loadScenario('scenarios/ptce-2013.yaml');
  const columns = scenario.criteria.map((criterion) => criterion.column);
  const first = jobsOf('equilibre', columns, 7, 0);
  const second = jobsOf('emploi', columns, 5, 3);
  const alone = [await runPool(scenario, first, { workers: 1 }), await runPool(scenario, second, { workers: 1 })];
  const pool = createPool(scenario, { workers: 2 });
  const progress: number[] = [];
  try {
    const together = await Promise.all([pool.run(first, (done) => progress.push(done)), pool.run(second)]);
    expect(together).toEqual(alone);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Different jobs give different allocations: the comparison above could fail.
    expect(new Set(alone[0]?.map((result) => JSON.stringify(result))).size).toBeGreaterThan(1);
  } finally {
    await pool.close();
  }
});

test('workers started before the scenario was read serve a pool as new ones do', { timeout: 120_000 }, async () => {
  // The commands start them ahead (cli/main.ts); the jobs' answers must not depend on it.
  prestartPool(2);
  const scenario = await loadScenario('scenarios/ptce-2013.yaml');
  const jobs = jobsOf('equilibre', scenario.criteria.map((criterion) => criterion.column), 6, 2);
  const ahead = await runPool(scenario, jobs, { workers: 2 });
  const fresh = await runPool(scenario, jobs, { workers: 2 });
  expect(ahead).toEqual(fresh);
  expect(ahead.every((result) => result.status === 'optimal')).toBe(true);
});

test('an abort fails every batch under way with its reason', { timeout: 120_000 }, async () => {
  const scenario = await loadScenario('scenarios/ptce-2013.yaml');
  const columns = scenario.criteria.map((criterion) => criterion.column);
  const controller = new AbortController();
  const pool = createPool(scenario, { workers: 2, signal: controller.signal });
  try {
    const batches = [pool.run(jobsOf('equilibre', columns, 40, 0)), pool.run(jobsOf('emploi', columns, 40, 1))];
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 200);
    const settled = await Promise.allSettled(batches);
    expect(settled.map((entry) => (entry.status === 'rejected' ? (entry.reason as Error).message : 'resolved'))).toEqual(['cancelled by the test', 'cancelled by the test']);
  } finally {
    await pool.close();
  }
});
