/**
 * The four analysis views (compare, sweep, tipping points, robustness) as data: what each asks the
 * hooks to compute, how far a run has gone, and what it gave. Pure: the reducer decides when a run
 * starts or stops, hooks/use-runs.ts runs it.
 */
import type { Allocation } from '../../domain/allocation.js';
import type { Robustness, RobustnessOptions } from '../../analysis/robustness.js';
import type { TippingAnalysis, WeightSweep } from '../../analysis/sweep.js';
import type { Scenario } from '../../domain/types.js';
import type { Weights } from '../../scoring/weights.js';

export type AnalysisKind = 'compare' | 'sweep' | 'tipping' | 'robustness';
export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['compare', 'sweep', 'tipping', 'robustness'];

/** Points of the weight sweep: 0 %, 5 %, … 100 % (plus the policy's own share). */
export const SWEEP_STEPS = 21;
/** Grid of the tipping-point search before narrowing (as the CLI). */
export const TIPPING_STEPS = 11;

/** What the robustness view draws: the CLI's options with the simulator's defaults. */
export type RobustnessSettings = RobustnessOptions;
export const ROBUSTNESS_DEFAULTS: RobustnessSettings = { samples: 200, spread: 0.2, seed: 1, uniform: false };
/** `+` and `-` move along these sample counts. */
export const SAMPLE_STEPS: readonly number[] = [25, 50, 100, 200, 500, 1000, 2000, 5000];
/** `[` and `]` change the spread by this much, from 0 (the policy's weights only) to 1. */
export const SPREAD_STEP = 0.05;

/** A run the hooks carry out: everything it needs, so that it never reads the state again. */
export type AnalysisRequest =
  | { readonly kind: 'compare'; readonly scenario: Scenario; readonly policies: readonly string[] }
  | { readonly kind: 'sweep'; readonly scenario: Scenario; readonly policy: string; readonly weights: Weights; readonly criterion: string; readonly steps: number }
  | { readonly kind: 'tipping'; readonly scenario: Scenario; readonly policy: string; readonly weights: Weights; readonly steps: number }
  | { readonly kind: 'robustness'; readonly scenario: Scenario; readonly policy: string; readonly weights: Weights; readonly settings: RobustnessSettings };

/** The allocations of the policies the current edits are compared with (those that have one). */
export interface PolicyAllocations {
  readonly policies: readonly string[];
  readonly allocations: readonly Allocation[];
  /** Policies without an optimal allocation, and why. */
  readonly missing: readonly { readonly policy: string; readonly status: string }[];
}

export type AnalysisResult =
  | ({ readonly kind: 'compare' } & PolicyAllocations)
  | { readonly kind: 'sweep'; readonly sweep: WeightSweep }
  | { readonly kind: 'tipping'; readonly tipping: TippingAnalysis }
  | { readonly kind: 'robustness'; readonly robustness: Robustness };

/**
 * Where an analysis stands. `key` says which edits a run or result belongs to (see `analysisKey`):
 * a result whose key is not the current one describes other edits. An idle run with a key was
 * cancelled for those edits and does not start again by itself.
 */
export type AnalysisRun =
  | { readonly status: 'idle'; readonly key: string | undefined }
  | { readonly status: 'running'; readonly id: number; readonly key: string; readonly request: AnalysisRequest; readonly done: number; readonly total: number }
  | { readonly status: 'done'; readonly key: string; readonly result: AnalysisResult }
  | { readonly status: 'failed'; readonly key: string; readonly reason: string };

export interface CachedResult {
  readonly key: string;
  readonly result: AnalysisResult;
}

/** Results kept per analysis, most recent first, so that going back to earlier edits costs nothing. */
export const CACHE_SIZE = 8;

export const IDLE: AnalysisRun = { status: 'idle', key: undefined };

export function noRuns(): Readonly<Record<AnalysisKind, AnalysisRun>> {
  return { compare: IDLE, sweep: IDLE, tipping: IDLE, robustness: IDLE };
}

export function emptyCache(): Readonly<Record<AnalysisKind, readonly CachedResult[]>> {
  return { compare: [], sweep: [], tipping: [], robustness: [] };
}

/**
 * The cache key of a request: the scenario's edition (bumped by every edit of the scenario), then
 * what the analysis depends on. Weights are written to 6 decimals in criteria order.
 * @example analysisKey(3, sweepRequest) // 'sweep|e3|social|utilite_sociale=0.750000,emplois=0.250000|emplois|21'
 */
export function analysisKey(edition: number, request: AnalysisRequest): string {
  const weights = (shares: Weights): string => request.scenario.criteria.map((criterion) => `${criterion.column}=${(shares[criterion.column] ?? 0).toFixed(6)}`).join(',');
  switch (request.kind) {
    case 'compare':
      return `compare|e${edition}|${request.policies.join(',')}`;
    case 'sweep':
      return `sweep|e${edition}|${request.policy}|${weights(request.weights)}|${request.criterion}|${request.steps}`;
    case 'tipping':
      return `tipping|e${edition}|${request.policy}|${weights(request.weights)}|${request.steps}`;
    case 'robustness': {
      const { samples, spread, seed, uniform, over } = request.settings;
      return `robustness|e${edition}|${request.policy}|${weights(request.weights)}|${samples}|${spread}|${seed}|${uniform ? 'uniform' : 'around'}|${over ?? 'weights'}`;
    }
  }
}

/** The cache with `entry` first, without an older entry of the same key, cut to CACHE_SIZE. */
export function remember(cache: readonly CachedResult[], entry: CachedResult): readonly CachedResult[] {
  return [entry, ...cache.filter((cached) => cached.key !== entry.key)].slice(0, CACHE_SIZE);
}

/** The next sample count up or down the steps (from wherever the count is now). */
export function nextSamples(samples: number, delta: 1 | -1): number {
  if (delta > 0) return SAMPLE_STEPS.find((step) => step > samples) ?? samples;
  return [...SAMPLE_STEPS].reverse().find((step) => step < samples) ?? samples;
}
