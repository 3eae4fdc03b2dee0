/**
 * The analyses publish the allocation `solve` publishes: robustness at spread 0, the sweep at the
 * policy's own weights and a policy compared with itself, on every shipped scenario, with each
 * command's default engine (auto for solve, HiGHS for the analyses). Before the canonical
 * tie-break, ptce-2013 funded ptce-096 in solve and ptce-074 in the analyses.
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/pipeline/allocate.js';
import { comparePolicies } from '../../src/analysis/compare.js';
import type { PoolOptions } from '../../src/analysis/pool.js';
import { robustness } from '../../src/analysis/robustness.js';
import { policyWeights, sweepWeight } from '../../src/analysis/sweep.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const NAMES = readdirSync(join(ROOT, 'scenarios')).filter((name) => name.endsWith('.yaml')).map((name) => basename(name, '.yaml')).sort();
const POOL: PoolOptions = { solve: { engine: 'highs' }, workers: 2 };

afterAll(async () => {
  await stopJslpWorker();
});

describe.each(NAMES)('%s: the analyses agree with solve', (name) => {
  it('robustness at spread 0, the sweep at the policy weights and compare with itself fund exactly what solve funds', { timeout: 300_000 }, async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios', `${name}.yaml`));
    const policy = scenario.policies.find((entry) => entry.score === undefined) ?? scenario.policies[0];
    const selection = { policy: policy?.name ?? '' };
    const solved = await allocate(scenario, selection);
    if (solved.status !== 'optimal') throw new Error(`${name}: ${solved.status}`);
    const grants = Object.fromEntries(solved.allocation.candidates.map((candidate) => [candidate.id, candidate.grant]));
    const weights = policyWeights(scenario, policy?.name ?? '');

    const compared = await comparePolicies(scenario, [selection.policy, selection.policy], { engine: 'highs' });
    if (compared.status !== 'optimal') throw new Error('compare: not optimal');
    for (const candidate of compared.comparison.candidates) expect(candidate.grants, `compare ${candidate.id}`).toEqual([grants[candidate.id], grants[candidate.id]]);

    if (typeof weights === 'string') return;
    const spread0 = await robustness(scenario, selection.policy, weights, { samples: 3, spread: 0, seed: 1, uniform: false }, POOL);
    for (const candidate of spread0.candidates) expect(candidate.meanGrant, `robustness ${candidate.id}`).toBe(grants[candidate.id]);

    const criterion = scenario.criteria[0]?.column ?? '';
    const sweep = await sweepWeight(scenario, selection.policy, weights, criterion, 2, POOL);
    const own = sweep.points.find((point) => point.share === sweep.policyShare)?.result;
    if (own?.status !== 'optimal') throw new Error('sweep: not optimal at the policy share');
    expect(Object.fromEntries(scenario.candidates.map((candidate, index) => [candidate.id, own.grants[index]]))).toEqual(grants);
  });
});
