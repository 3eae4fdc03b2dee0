/** Policy comparison: the same call allocated under several weightings, side by side. */
import type { Candidate, Scenario } from '../domain/types.js';
import type { SolveOptions } from '../solver/types.js';
import type { Allocation, SolveStatus } from '../domain/allocation.js';
import { allocate, type AllocationOutcome } from '../pipeline/allocate.js';
import { createSession, type Session } from '../pipeline/session.js';

/** A candidate as it is named in every allocation, with its fate under each policy. */
export interface ComparedCandidate extends Pick<Candidate, 'id' | 'name' | 'region'> {
  /** Grant under each policy, in the order of `policies`. */
  readonly grants: readonly number[];
  /** Score rank under each policy. */
  readonly ranks: readonly number[];
  readonly funded: readonly boolean[];
}

export interface PairComparison {
  readonly a: string;
  readonly b: string;
  /** Laureates funded under both. */
  readonly common: number;
  /** Funded under b but not a. */
  readonly entering: readonly string[];
  /** Funded under a but not b. */
  readonly leaving: readonly string[];
  /** Euros that change hands: the sum of the increases from a to b. */
  readonly moved: number;
}

export interface GroupTotals {
  /** `region` or a rule's label. */
  readonly by: string;
  readonly group: string;
  /** Euros under each policy. */
  readonly amounts: readonly number[];
  readonly laureates: readonly number[];
}

export interface Comparison {
  readonly policies: readonly string[];
  readonly allocations: readonly Allocation[];
  /** Sorted by the first policy's table order. */
  readonly candidates: readonly ComparedCandidate[];
  readonly pairs: readonly PairComparison[];
  readonly groups: readonly GroupTotals[];
}

/** Optimal under every policy, or the first policy that is not, with its own status and outcome. */
export type ComparisonOutcome =
  | { readonly status: 'optimal'; readonly comparison: Comparison }
  | { readonly status: Exclude<SolveStatus, 'optimal'>; readonly policy: string; readonly outcome: Exclude<AllocationOutcome, { status: 'optimal' }> };

/** Allocates under each policy and lines the results up. */
export async function comparePolicies(scenario: Scenario, policies: readonly string[], options: Partial<SolveOptions> = {}, signal?: AbortSignal, session: Session = createSession()): Promise<ComparisonOutcome> {
  const allocations: Allocation[] = [];
  for (const policy of policies) {
    // Solves block this thread: yield once so that a Ctrl-C handler can run, then honour it.
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
    const outcome = await allocate(scenario, { policy }, { ...options, ties: false, session });
    if (outcome.status !== 'optimal') return { status: outcome.status, policy, outcome };
    allocations.push(outcome.allocation);
  }
  return { status: 'optimal', comparison: lineUp(policies, allocations) };
}

/** Lines allocations of the same candidates up (pure; also used by the simulator). */
export function lineUp(policies: readonly string[], allocations: readonly Allocation[]): Comparison {
  const first = allocations[0];
  const lookups = allocations.map((allocation) => new Map(allocation.candidates.map((candidate) => [candidate.id, candidate])));
  const candidates: ComparedCandidate[] = (first?.candidates ?? []).map((candidate) => ({
    id: candidate.id,
    name: candidate.name,
    region: candidate.region,
    grants: lookups.map((lookup) => lookup.get(candidate.id)?.grant ?? 0),
    ranks: lookups.map((lookup) => lookup.get(candidate.id)?.rank ?? 0),
    funded: lookups.map((lookup) => lookup.get(candidate.id)?.funded ?? false),
  }));
  const pairs: PairComparison[] = [];
  for (let a = 0; a < policies.length; a++) {
    for (let b = a + 1; b < policies.length; b++) {
      let moved = 0;
      const entering: string[] = [];
      const leaving: string[] = [];
      let common = 0;
      for (const candidate of candidates) {
        const before = candidate.grants[a] ?? 0;
        const after = candidate.grants[b] ?? 0;
        if (after > before) moved += after - before;
        const inA = candidate.funded[a] ?? false;
        const inB = candidate.funded[b] ?? false;
        if (inA && inB) common++;
        if (!inA && inB) entering.push(candidate.id);
        if (inA && !inB) leaving.push(candidate.id);
      }
      pairs.push({ a: policies[a] ?? '', b: policies[b] ?? '', common, entering, leaving, moved });
    }
  }
  const groups: GroupTotals[] = [];
  const regions = [...new Set(candidates.map((candidate) => candidate.region))].sort();
  for (const region of regions) {
    const members = candidates.filter((candidate) => candidate.region === region);
    groups.push({
      by: 'region',
      group: region,
      amounts: policies.map((_, p) => members.reduce((sum, member) => sum + (member.grants[p] ?? 0), 0)),
      laureates: policies.map((_, p) => members.filter((member) => member.funded[p] === true).length),
    });
  }
  const ruleKeys = new Map<string, { by: string; group: string }>();
  for (const allocation of allocations) {
    for (const rule of allocation.rules) if (rule.measure !== 'count') ruleKeys.set(`${rule.label}\u0000${rule.group}`, { by: rule.label, group: rule.group });
  }
  for (const [key, { by, group }] of ruleKeys) {
    if (by === 'region') continue;
    const values = allocations.map((allocation) => allocation.rules.find((rule) => `${rule.label}\u0000${rule.group}` === key && rule.measure !== 'count')?.value ?? 0);
    const counts = allocations.map((allocation) => allocation.rules.find((rule) => rule.label === by && rule.group === group && rule.measure === 'count')?.value ?? Number.NaN);
    groups.push({ by, group, amounts: values, laureates: counts });
  }
  return { policies, allocations, candidates, pairs, groups };
}
