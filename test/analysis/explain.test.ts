/**
 * `explain` on the 2013 call: every figure it states is checked by solving again at the stated
 * change (and one hundredth of a point, or one grant step, short of it).
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allocate, type AllocateOptions } from '../../src/pipeline/allocate.js';
import { explainCandidate, explanationJson, withRequest, type Explanation } from '../../src/analysis/explain.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const scenario = await loadScenario(join(ROOT, 'scenarios/ptce-2013.yaml'));
const selection = { policy: 'equilibre' };
const SOLVE: AllocateOptions = { engine: 'highs', ties: false, splitYears: false };

afterAll(async () => {
  await stopJslpWorker();
});

async function grantOf(target: Scenario, id: string, score?: number): Promise<number> {
  const index = target.candidates.findIndex((candidate) => candidate.id === id);
  const options: AllocateOptions = score === undefined ? SOLVE : { ...SOLVE, adjustScores: (scores) => scores.map((value, at) => (at === index ? score : value)) };
  const outcome = await allocate(target, selection, options);
  if (outcome.status !== 'optimal') throw new Error(`not optimal: ${outcome.status}`);
  return outcome.allocation.candidates.find((candidate) => candidate.id === id)?.grant ?? Number.NaN;
}

function explained(value: Explanation | string): Explanation {
  if (typeof value === 'string') throw new Error(value);
  return value;
}

describe('explain on the 2013 call', { timeout: 300_000 }, () => {
  it('ptce-096, left out at the tie: each figure holds when solved again, and one hundredth short does not', async () => {
    const why = explained(await explainCandidate(scenario, selection, 'ptce-096', { engine: 'highs' }));
    expect(why.funded).toBe(false);
    expect(why.line).toEqual({ id: 'ptce-074', score: 78, grant: 149_000 });
    expect(why.sentences[0]).toBe('ptce-096 is not funded: its score is 78.00 (rank 17); it asked for 193 150 €.');
    // Locked in, it is funded and the figures of that allocation are the ones stated.
    const locked = { ...scenario, locks: { ...scenario.locks, 'ptce-096': 'funded' as const } };
    const lockedIn = why.lockedIn;
    if (lockedIn?.status !== 'optimal') throw new Error('locked in: not optimal');
    expect(await grantOf(locked, 'ptce-096')).toBe(lockedIn.grant);
    for (const { id, to } of lockedIn.reduced) expect(await grantOf(locked, id), id).toBe(to);
    for (const { id } of lockedIn.leaves) expect(await grantOf(locked, id), id).toBe(0);
    // The smallest score rise that funds it.
    const rise = why.scoreToFund;
    if (rise === undefined) throw new Error('no score rise stated');
    expect(await grantOf(scenario, 'ptce-096', rise.score)).toBe(rise.grant);
    expect(rise.grant).toBeGreaterThan(0);
    expect(await grantOf(scenario, 'ptce-096', Math.round(rise.score * 100 - 1) / 100)).toBe(0);
    // The smallest cut of its request that funds it.
    const cut = why.requestToFund;
    if (cut === undefined) throw new Error('no request cut stated');
    const index = scenario.candidates.findIndex((candidate) => candidate.id === 'ptce-096');
    expect(await grantOf(withRequest(scenario, index, cut.request), 'ptce-096')).toBe(cut.grant);
    expect(cut.grant).toBeGreaterThan(0);
    expect(await grantOf(withRequest(scenario, index, cut.request + scenario.grant.step), 'ptce-096')).toBe(0);
    expect(why.sentences.join('\n')).toContain(`A score of ${rise.score.toFixed(2)} (+${rise.change.toFixed(2)} points) would fund it`);
  });

  it('ptce-074, the last laureate: the stated score drop loses its grant, one hundredth less does not', async () => {
    const why = explained(await explainCandidate(scenario, selection, 'ptce-074', { engine: 'highs' }));
    expect(why.funded).toBe(true);
    const drop = why.scoreToLose;
    if (drop === undefined) throw new Error('no score drop stated');
    expect(await grantOf(scenario, 'ptce-074', drop.score)).toBe(0);
    expect(await grantOf(scenario, 'ptce-074', Math.round(drop.score * 100 + 1) / 100)).toBeGreaterThan(0);
    expect(why.sentences.at(-1)).toBe(`It would lose its grant if its score fell by ${drop.change.toFixed(2)} points, to ${drop.score.toFixed(2)}.`);
  });
});

describe('explain --json keeps its words', () => {
  const base: Explanation = { id: 'c-1', name: 'One', score: 50, rank: 3, funded: false, grant: 0, request: 10_000, line: undefined, lockedIn: undefined, scoreToFund: undefined, requestToFund: undefined, scoreToLose: undefined, sentences: [] };

  it('a locked-in solve that proved nothing prints as unknown, its reason and the field order kept', () => {
    const json = JSON.stringify(explanationJson({ ...base, lockedIn: { status: 'timedout', reason: 'timedout' } }), null, 2);
    expect(json).toBe(JSON.stringify({ ...base, lockedIn: { status: 'unknown', reason: 'timedout' } }, null, 2));
  });

  it('an allocation or a conflict prints as it is', () => {
    const infeasible = { ...base, lockedIn: { status: 'infeasible' as const, conflicts: ['at most 2 laureates'] } };
    expect(JSON.stringify(explanationJson(infeasible))).toBe(JSON.stringify(infeasible));
    expect(explanationJson(base)).toBe(base);
  });
});
