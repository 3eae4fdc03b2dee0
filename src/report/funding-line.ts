/**
 * The candidates nearest the funding line and the facts that put each in or out: its score against
 * the last funded one, its lock, the grant floor, and the rules that bind on a group it belongs to.
 * Facts only, read from the allocation; the re-solved figures of `explain` (issue 10) come in through
 * `ReportInput.explanations` and take the place of these reasons when present.
 */
import type { CandidateResult, RuleResult } from '../domain/allocation.js';
import type { Lock, Scenario } from '../domain/types.js';
import { ruleGroups } from '../model/build.js';
import type { ReportAllocation } from './types.js';

export type LineReason =
  | { readonly kind: 'locked'; readonly lock: Lock }
  | { readonly kind: 'below-floor'; readonly request: number; readonly floor: number }
  | { readonly kind: 'score'; readonly gap: number; readonly last: string }
  | { readonly kind: 'rule'; readonly rule: RuleResult }
  | { readonly kind: 'envelope-spent'; readonly left: number }
  | { readonly kind: 'laureates-full'; readonly max: number }
  | { readonly kind: 'partial'; readonly share: number };

export interface LineEntry {
  readonly candidate: CandidateResult;
  /** Score minus the score of the last funded candidate (the lowest-scoring laureate). */
  readonly gap: number | undefined;
  readonly reasons: readonly LineReason[];
}

export interface FundingLine {
  /** The funded candidate with the lowest score, if any is funded. */
  readonly last: CandidateResult | undefined;
  /** In score order (rank): the last `around` funded and the first `around` left out. */
  readonly entries: readonly LineEntry[];
}

/** For each rule result, the ids of the candidates its group holds. */
function membersByRule(scenario: Scenario): Map<string, Set<string>> {
  const members = new Map<string, Set<string>>();
  scenario.rules.forEach((_, ruleIndex) => {
    for (const group of ruleGroups(scenario, ruleIndex)) {
      members.set(`${ruleIndex}\u0000${group.label}`, new Set(group.members.map((index) => scenario.candidates[index]?.id ?? '')));
    }
  });
  return members;
}

/** The candidates nearest the funding line, with the facts that explain their place. */
export function fundingLine(scenario: Scenario, allocation: ReportAllocation, around = 5): FundingLine {
  const byRank = [...allocation.candidates].sort((a, b) => a.rank - b.rank);
  const funded = byRank.filter((candidate) => candidate.funded);
  const out = byRank.filter((candidate) => !candidate.funded);
  const last = funded.at(-1);
  const chosen = new Set([...funded.slice(-around), ...out.slice(0, around)].map((candidate) => candidate.id));
  const members = membersByRule(scenario);
  const left = allocation.total - allocation.spent;
  const entries = byRank
    .filter((candidate) => chosen.has(candidate.id))
    .map((candidate): LineEntry => {
      const reasons: LineReason[] = [];
      if (candidate.lock !== undefined) reasons.push({ kind: 'locked', lock: candidate.lock });
      if (!candidate.eligible) reasons.push({ kind: 'below-floor', request: candidate.request, floor: scenario.grant.min });
      if (last !== undefined && candidate.id !== last.id) reasons.push({ kind: 'score', gap: candidate.score - last.score, last: last.id });
      for (const rule of allocation.rules) {
        if (rule.binding && members.get(`${rule.rule}\u0000${rule.group}`)?.has(candidate.id) === true) reasons.push({ kind: 'rule', rule });
      }
      if (!candidate.funded && candidate.eligible && candidate.lock === undefined) {
        if (left < scenario.grant.min) reasons.push({ kind: 'envelope-spent', left });
        if (allocation.laureates >= allocation.laureatesMax) reasons.push({ kind: 'laureates-full', max: allocation.laureatesMax });
      }
      if (candidate.funded && candidate.shareOfRequest < 1) reasons.push({ kind: 'partial', share: candidate.shareOfRequest });
      return { candidate, gap: last === undefined ? undefined : candidate.score - last.score, reasons };
    });
  return { last, entries };
}

/**
 * Candidates with the same score on both sides of the funding line: a tie the committee should see,
 * whatever the solve says about it.
 */
export function tiesAcrossLine(allocation: ReportAllocation): CandidateResult[][] {
  const byScore = new Map<string, CandidateResult[]>();
  for (const candidate of allocation.candidates) {
    if (!candidate.eligible || candidate.lock !== undefined) continue;
    const key = candidate.score.toFixed(6);
    byScore.set(key, [...(byScore.get(key) ?? []), candidate]);
  }
  return [...byScore.values()]
    .filter((group) => group.some((candidate) => candidate.funded) && group.some((candidate) => !candidate.funded))
    .map((group) => [...group].sort((a, b) => a.rank - b.rank))
    .sort((a, b) => (b[0]?.score ?? 0) - (a[0]?.score ?? 0));
}
