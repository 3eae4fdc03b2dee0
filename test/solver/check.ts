/**
 * What a published allocation must honour, recomputed from the scenario alone (never from
 * `allocation.rules` or the model): the rules a funder reads in the call for projects.
 * Shared by the shipped-scenario tests and the property tests.
 */
import { expect } from 'vitest';
import type { Allocation, CandidateResult } from '../../src/domain/allocation.js';
import type { Policy, Scenario } from '../../src/domain/types.js';

/** Euros are whole numbers: a bound such as 0.4 × total may carry a float error of this size. */
const EURO_SLACK = 1e-6;

/** |a − b| ≤ tolerance × max(1, |a|, |b|). */
export function closeRelative(a: number, b: number, tolerance = 1e-6): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The candidates a rule groups together, recomputed from the scenario's columns. */
export function groupsOf(scenario: Scenario, rule: Scenario['rules'][number]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const listed = rule.group.in;
  for (const candidate of scenario.candidates) {
    const value = candidate.attributes[rule.group.column] ?? '';
    if (listed !== undefined && !listed.includes(value)) continue;
    const key = listed === undefined ? value : listed.join(' + ');
    const members = groups.get(key) ?? [];
    members.push(candidate.id);
    groups.set(key, members);
  }
  if (listed !== undefined && !groups.has(listed.join(' + '))) groups.set(listed.join(' + '), []);
  return groups;
}

/** Σ score × value of each grant, with the policy's return tiers, from the published euros. */
export function worthOf(scenario: Scenario, policy: Pick<Policy, 'returns'>, allocation: Allocation): number {
  const byId = new Map(allocation.candidates.map((result) => [result.id, result]));
  let sum = 0;
  for (const candidate of scenario.candidates) {
    const result = byId.get(candidate.id);
    if (result === undefined) continue;
    if (policy.returns.length === 0) {
      sum += result.score * result.grant;
      continue;
    }
    // README, "The model": tier k ends at e_k = min(cap_i, ⌊σ_k × request_i / step⌋) steps.
    const { step } = scenario.grant;
    const cap = Math.floor(Math.min(scenario.grant.max, candidate.request) / step + 1e-9);
    let start = 0;
    for (const tier of policy.returns) {
      const end = Math.max(start, Math.min(cap, Math.floor((tier.share * candidate.request) / step + 1e-9)) * step);
      sum += result.score * tier.value * Math.max(0, Math.min(result.grant, end) - start);
      start = end;
    }
  }
  return sum;
}

/**
 * Fails (vitest `expect`) unless the allocation honours every rule of the scenario exactly:
 * steps, grant range, envelope, year ceilings, per-year requests, laureates, rule bounds, locks,
 * and totals that add up to the euro. With `policy`, the objective is recomputed too.
 */
export function assertAllocationHonours(scenario: Scenario, allocation: Allocation, policy?: Pick<Policy, 'returns'>): void {
  const { step, min: grantMin, max: grantMax } = scenario.grant;
  const ids = allocation.candidates.map((result) => result.id);
  expect(new Set(ids).size, 'each candidate is listed once').toBe(ids.length);
  expect([...ids].sort(), 'every candidate of the scenario is listed').toEqual(scenario.candidates.map((candidate) => candidate.id).sort());
  const byId = new Map<string, CandidateResult>(allocation.candidates.map((result) => [result.id, result]));
  const yearLabels = scenario.envelope.years.map((entry) => entry.year);

  let spent = 0;
  let laureates = 0;
  const spentByYear = new Map<string, number>(yearLabels.map((year) => [year, 0]));
  for (const candidate of scenario.candidates) {
    const result = byId.get(candidate.id);
    if (result === undefined) throw new Error(`${candidate.id} missing from the allocation`);
    const who = `${candidate.id} (grant ${result.grant}, request ${candidate.request})`;
    expect(Number.isInteger(result.grant), `${who}: whole euros`).toBe(true);
    expect(result.grant % step === 0, `${who}: a multiple of the step ${step}`).toBe(true);
    expect(result.funded, `${who}: funded exactly when it gets euros`).toBe(result.grant > 0);
    if (result.funded) {
      laureates += 1;
      expect(result.grant, `${who}: at least grant.min`).toBeGreaterThanOrEqual(grantMin);
      expect(result.grant, `${who}: at most min(grant.max, request)`).toBeLessThanOrEqual(Math.min(grantMax, candidate.request));
    } else {
      expect(result.grant === 0, `${who}: unfunded gets 0`).toBe(true);
    }
    if (yearLabels.length === 0) {
      expect(Object.keys(result.years), `${who}: no years in a single-period call`).toEqual([]);
    } else {
      let sum = 0;
      for (const year of yearLabels) {
        const amount = result.years[year] ?? 0;
        expect(amount % step === 0, `${who}: ${year} (${amount}) is a multiple of the step`).toBe(true);
        expect(amount, `${who}: ${year} is not negative`).toBeGreaterThanOrEqual(0);
        const asked = candidate.requestByYear[year];
        if (asked !== undefined) expect(amount, `${who}: ${year} at most request_${year} = ${asked}`).toBeLessThanOrEqual(asked);
        sum += amount;
        spentByYear.set(year, (spentByYear.get(year) ?? 0) + amount);
      }
      expect(sum, `${who}: the years add up to the grant`).toBe(result.grant);
    }
    const lock = scenario.locks[candidate.id];
    if (lock === 'funded') expect(result.funded, `${who}: locked in`).toBe(true);
    if (lock === 'excluded') expect(result.grant === 0, `${who}: locked out`).toBe(true);
    spent += result.grant;
  }

  expect(allocation.spent, 'spent is the sum of the grants, to the euro').toBe(spent);
  expect(spent, `the envelope ${scenario.envelope.total}`).toBeLessThanOrEqual(scenario.envelope.total);
  for (const { year, ceiling } of scenario.envelope.years) {
    const inYear = spentByYear.get(year) ?? 0;
    expect(inYear, `year ${year} within its ceiling ${ceiling}`).toBeLessThanOrEqual(ceiling);
    expect(allocation.years.find((entry) => entry.year === year)?.spent, `year ${year} total as published`).toBe(inYear);
  }
  expect(allocation.laureates, 'laureates as published').toBe(laureates);
  expect(laureates, 'laureates.max').toBeLessThanOrEqual(scenario.laureates.max);
  expect(laureates, 'laureates.min').toBeGreaterThanOrEqual(scenario.laureates.min);

  const total = scenario.envelope.total;
  for (const rule of scenario.rules) {
    for (const [group, members] of groupsOf(scenario, rule)) {
      const results = members.map((id) => byId.get(id)).filter((result): result is CandidateResult => result !== undefined);
      const euros = results.reduce((sum, result) => sum + result.grant, 0);
      const count = results.filter((result) => result.funded).length;
      const what = `rule '${rule.label}', group '${group}'`;
      if (rule.share?.min !== undefined) expect(euros, `${what}: share ≥ ${rule.share.min}`).toBeGreaterThanOrEqual(rule.share.min * total - EURO_SLACK);
      if (rule.share?.max !== undefined) expect(euros, `${what}: share ≤ ${rule.share.max}`).toBeLessThanOrEqual(rule.share.max * total + EURO_SLACK);
      if (rule.amount?.min !== undefined) expect(euros, `${what}: amount ≥ ${rule.amount.min}`).toBeGreaterThanOrEqual(rule.amount.min);
      if (rule.amount?.max !== undefined) expect(euros, `${what}: amount ≤ ${rule.amount.max}`).toBeLessThanOrEqual(rule.amount.max);
      if (rule.count?.min !== undefined) expect(count, `${what}: count ≥ ${rule.count.min}`).toBeGreaterThanOrEqual(rule.count.min);
      if (rule.count?.max !== undefined) expect(count, `${what}: count ≤ ${rule.count.max}`).toBeLessThanOrEqual(rule.count.max);
    }
  }

  if (policy !== undefined) {
    const worth = worthOf(scenario, policy, allocation);
    // The published objective is rounded to the cent.
    expect(Math.abs(allocation.objective - worth), `objective ${allocation.objective} is what the grants are worth, ${worth}`).toBeLessThanOrEqual(0.01 + 1e-9 * Math.abs(worth));
  }
}
