/**
 * A published allocation, as a committee reads it: grants in whole euros per candidate, totals,
 * rules and regions, and how ties at the optimum were settled. Computed by the solve pipeline
 * (pipeline/publish.ts, ties by pipeline/tiebreak.ts); read by io (exports, records), cli and tui.
 */
import type { EngineName } from './engines.js';
import type { CandidateReview } from './reviews.js';
import type { TieFacts } from './tie-words.js';
import type { Lock } from './types.js';
import type { Weights } from './weights.js';

/**
 * How a solve ended, in the one vocabulary the solver, the pipeline, the analyses and the faces
 * share: proven optimal; a feasible allocation the time limit stopped short of proving; no
 * allocation at all (infeasible); an unbounded model; the time limit with nothing found; or a
 * failure, with its reason.
 */
export type SolveStatus = 'optimal' | 'feasible' | 'infeasible' | 'unbounded' | 'timedout' | 'failed';

/** Which weighting to apply: a policy of the scenario, optionally with its weights replaced. */
export interface Selection {
  readonly policy: string;
  /** Raw weights replacing the policy's (and its formula, if any). */
  readonly weights?: Weights;
}

export interface CandidateResult {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly score: number;
  /** 1 = best score; equal scores are ranked by id. */
  readonly rank: number;
  readonly funded: boolean;
  /** Euros, a multiple of the grant step. */
  readonly grant: number;
  /** Euros by year; empty for a single-period call. */
  readonly years: Readonly<Record<string, number>>;
  readonly request: number;
  /** grant / request, 0..1. */
  readonly shareOfRequest: number;
  readonly lock: Lock | undefined;
  /** False when min(grant.max, request) is below the grant floor: the candidate cannot be funded. */
  readonly eligible: boolean;
  /** Points each criterion adds to the score (weighted policies only). */
  readonly contributions: Readonly<Record<string, number>> | undefined;
  /** What its reviewers say (number, spread, disagreement flag), when the scenario has a reviews file. */
  readonly review?: CandidateReview;
}

export interface RuleResult {
  readonly label: string;
  /** Index of the rule in the scenario. */
  readonly rule: number;
  readonly measure: 'share' | 'amount' | 'count';
  /** The group's value of the rule's column, or the listed values joined with ' + '. */
  readonly group: string;
  /** Euros granted to the group (share, amount) or its number of laureates (count). */
  readonly value: number;
  /** Bounds in euros (share × total rounded inwards to whole steps) or in laureates. */
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The group sits on one of its bounds. */
  readonly binding: boolean;
}

export interface RegionTotal {
  readonly region: string;
  readonly amount: number;
  readonly laureates: number;
}

export interface Allocation {
  readonly scenario: string;
  readonly policy: string;
  readonly policyLabel: string;
  /** Normalised weights (sum 1), or undefined under a score formula. */
  readonly weights: Weights | undefined;
  readonly formula: string | undefined;
  /** Σ score × value of grant: the optimum of the exported LP model. */
  readonly objective: number;
  readonly total: number;
  /** Grant step in euros: every grant is a multiple of it. */
  readonly step: number;
  readonly spent: number;
  readonly years: readonly { readonly year: string; readonly ceiling: number; readonly spent: number }[];
  readonly laureates: number;
  readonly laureatesMax: number;
  /** Sorted by grant, then score, then id. */
  readonly candidates: readonly CandidateResult[];
  readonly rules: readonly RuleResult[];
  readonly regions: readonly RegionTotal[];
  readonly engine: EngineName;
  /**
   * Relative gap proven between `objective` and the best possible one: at most the solve's
   * `relativeGap` when the status is `optimal`, larger when the time limit stopped the search.
   */
  readonly gap: number;
  readonly ms: number;
  readonly notes: readonly string[];
  /** How ties at the optimum were settled: the rule in words, and the lottery when one was drawn. */
  readonly tiebreak: { readonly rule: string; readonly lottery: LotteryDraw | undefined };
  /** Other allocations of the same (or, with `near`, nearly the same) value, each in plain words. */
  readonly ties: readonly Tie[];
}

/** The lottery as published: its seed, band, the line it was drawn at, and the band's tickets in drawn order. */
export interface LotteryDraw {
  readonly seed: string;
  readonly band: number;
  /** Score of the last funded candidate before the draw. */
  readonly line: number;
  readonly tickets: readonly { readonly id: string; readonly score: number; readonly ticket: string }[];
}

/** Another allocation of (nearly) the same value that funds `gains` where the published one does not. */
export interface Tie {
  readonly kind: 'exact' | 'near';
  /** Left out (or given less) by the published allocation, funded by the other one. */
  readonly gains: string;
  /** Funded by the published allocation and left out (or given less) by the other one. */
  readonly loses: readonly string[];
  /** Objective lost by the other allocation, relative to the optimum (0 for an exact tie). */
  readonly loss: number;
  /** The tie in English (the JSON's words); `tieSentenceIn(tie.facts, lang)` says it in another language. */
  readonly sentence: string;
  /** What the sentence says, in no language (domain/tie-words.ts). */
  readonly facts: TieFacts;
}
