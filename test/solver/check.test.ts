/**
 * The checker the engine tests rely on must itself catch a broken allocation: each tampering of a
 * valid allocation of a shipped scenario below breaks one rule, and assertAllocationHonours says so.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Allocation, CandidateResult } from '../../src/domain/allocation.js';
import { allocate } from '../../src/pipeline/allocate.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { assertAllocationHonours } from './check.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function solved(name: string, policy?: string): Promise<{ scenario: Scenario; allocation: Allocation }> {
  const scenario = await loadScenario(join(ROOT, `scenarios/${name}.yaml`));
  const outcome = await allocate(scenario, { policy: policy ?? scenario.policies[0]?.name ?? '' }, { engine: 'highs' });
  if (outcome.status !== 'optimal') throw new Error(outcome.status);
  return { scenario, allocation: outcome.allocation };
}

/** The allocation with one candidate's result changed (and the totals kept consistent unless told). */
function tamper(allocation: Allocation, id: string, change: (result: CandidateResult) => Partial<CandidateResult>, totals = true): Allocation {
  const candidates = allocation.candidates.map((result) => (result.id === id ? { ...result, ...change(result) } : result));
  const spent = candidates.reduce((sum, result) => sum + result.grant, 0);
  const years = allocation.years.map((entry) => ({ ...entry, spent: candidates.reduce((sum, result) => sum + (result.years[entry.year] ?? 0), 0) }));
  const laureates = candidates.filter((result) => result.funded).length;
  return totals ? { ...allocation, candidates, spent, years, laureates } : { ...allocation, candidates };
}

describe('assertAllocationHonours', { timeout: 60_000 }, () => {
  it('accepts the published allocations of tiny and ptce-2013', async () => {
    for (const name of ['tiny', 'ptce-2013']) {
      const { scenario, allocation } = await solved(name);
      expect(() => assertAllocationHonours(scenario, allocation, scenario.policies[0])).not.toThrow();
    }
  });

  it('catches each broken rule on tiny', async () => {
    const { scenario, allocation } = await solved('tiny');
    const broken: [string, Allocation, RegExp][] = [
      ['a grant off the step', tamper(allocation, 'tiny-2', () => ({ grant: 99_500 })), /multiple of the step/],
      ['a grant above the request', tamper(allocation, 'tiny-3', () => ({ grant: 81_000 })), /min\(grant.max, request\)/],
      ['a grant below the floor', tamper(allocation, 'tiny-3', () => ({ grant: 39_000 })), /grant.min/],
      ['an unfundable candidate funded', tamper(allocation, 'tiny-5', () => ({ grant: 35_000, funded: true })), /grant.min/],
      ['funded without euros', tamper(allocation, 'tiny-4', () => ({ funded: true })), /funded exactly when/],
      ['the envelope overspent', tamper(allocation, 'tiny-4', () => ({ grant: 40_000, funded: true })), /laureates.max|envelope/],
      ['spent not the sum', { ...allocation, spent: allocation.spent - 1000 }, /sum of the grants/],
      ['the rural share broken', tamper(tamper(allocation, 'tiny-1', () => ({ grant: 0, funded: false })), 'tiny-3', () => ({ grant: 40_000 })), /share ≥ 0.3/],
      ['the objective not what the grants are worth', { ...allocation, objective: allocation.objective + 1 }, /worth/],
    ];
    for (const [what, wrong, message] of broken) {
      expect(() => assertAllocationHonours(scenario, wrong, scenario.policies[0]), what).toThrow(message);
    }
  });

  it('catches broken years, locks, counts and shares on rhone-alpes and ptce-2013', async () => {
    const rhone = await solved('rhone-alpes');
    const locked = rhone.allocation.candidates.find((result) => result.lock === 'funded');
    if (locked === undefined) throw new Error('rhone-alpes locks ra-04 in');
    const first = rhone.scenario.envelope.years[0]?.year ?? '';
    const second = rhone.scenario.envelope.years[1]?.year ?? '';
    expect(() => assertAllocationHonours(rhone.scenario, tamper(rhone.allocation, locked.id, () => ({ grant: 0, funded: false, years: { [first]: 0, [second]: 0 } })))).toThrow(/locked in/);
    const split = rhone.allocation.candidates.find((result) => result.grant > 0 && result.id !== locked.id);
    if (split === undefined) throw new Error('no laureate');
    // The whole grant in the first year: above that year's request.
    expect(() => assertAllocationHonours(rhone.scenario, tamper(rhone.allocation, split.id, (result) => ({ years: { [first]: result.grant, [second]: 0 } })))).toThrow(new RegExp(`request_${first}`));
    expect(() => assertAllocationHonours(rhone.scenario, tamper(rhone.allocation, split.id, (result) => ({ years: { [first]: result.years[first] ?? 0, [second]: 0 } })))).toThrow(/add up to the grant/);

    const ptce = await solved('ptce-2013');
    const regions = new Map<string, CandidateResult[]>();
    for (const result of ptce.allocation.candidates) regions.set(result.region, [...(regions.get(result.region) ?? []), result]);
    // A fifth laureate in a region that already has four (rule: at most 4 per region), or one more where a region is at its share.
    const crowded = [...regions.values()].find((members) => members.filter((member) => member.funded).length >= 1 && members.some((member) => !member.funded && member.request >= 100_000));
    const newcomer = crowded?.find((member) => !member.funded && member.request >= 100_000);
    if (newcomer === undefined) throw new Error('no unfunded candidate beside a laureate');
    const years = ptce.scenario.envelope.years.map((entry) => entry.year);
    const added = tamper(ptce.allocation, newcomer.id, () => ({ grant: 100_000, funded: true, years: { [years[0] ?? '']: 50_000, [years[1] ?? '']: 50_000 } }));
    expect(() => assertAllocationHonours(ptce.scenario, added)).toThrow(/envelope|year|laureates.max|count ≤|share ≤|request_/);
  });
});
