/**
 * The analysis runs' slice (views 5–8): where each run stands, the results kept per edits, and the
 * rule that starts and stops runs after any change (`syncAnalyses`). The hooks carry the runs out.
 */
import { comparedPolicies } from '../compare/state.js';
import {
  ANALYSIS_KINDS,
  analysisKey,
  emptyCache,
  noRuns,
  remember,
  SWEEP_STEPS,
  TIPPING_STEPS,
  type AnalysisKind,
  type AnalysisRequest,
  type AnalysisResult,
  type AnalysisRun,
  type CachedResult,
} from './kinds.js';
import { tell } from '../edits.js';
import { currentShares, selectedCriterion } from '../selectors.js';
import type { Handlers, TuiState } from '../state.js';
import { RUN_WORDS } from './words.js';

export interface RunsState {
  /** Each analysis: idle, running (with its progress), done or failed. */
  readonly analyses: Readonly<Record<AnalysisKind, AnalysisRun>>;
  /** Recent results of each analysis by key (see runs/kinds.ts), most recent first. */
  readonly analysisCache: Readonly<Record<AnalysisKind, readonly CachedResult[]>>;
  /** Id of the next run: results and progress of any other run are ignored. */
  readonly nextRunId: number;
  /** First line shown by each analysis view. */
  readonly analysisTop: Readonly<Record<AnalysisKind, number>>;
}

export type RunAction =
  /** Enter in an analysis view: run it again (after Esc or a failure). */
  | { readonly type: 'runAnalysis'; readonly kind: AnalysisKind }
  /** Esc in an analysis view: stop the run under way. */
  | { readonly type: 'cancelAnalysis'; readonly kind: AnalysisKind }
  | { readonly type: 'analysisProgress'; readonly kind: AnalysisKind; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'analysisDone'; readonly kind: AnalysisKind; readonly id: number; readonly result: AnalysisResult }
  | { readonly type: 'analysisFailed'; readonly kind: AnalysisKind; readonly id: number; readonly reason: string };

export function runsStart(): RunsState {
  return { analyses: noRuns(), analysisCache: emptyCache(), nextRunId: 1, analysisTop: { compare: 0, sweep: 0, tipping: 0, robustness: 0 } };
}

/**
 * What an analysis would compute for the current edits, or why there is nothing to compute
 * (a formula policy has no weights to move; Compare against the reference needs no solve).
 */
export function analysisRequest(state: TuiState, kind: AnalysisKind): AnalysisRequest | string {
  const { scenario, policy } = state;
  const words = RUN_WORDS[state.lang];
  if (kind === 'compare') {
    if (state.compareMode === 'reference') return words.referenceAsIs;
    const policies = comparedPolicies(state);
    return policies.length === 0 ? words.onePolicy : { kind, scenario, policies };
  }
  const weights = currentShares(state);
  if (weights === undefined) return words.formula(policy);
  switch (kind) {
    case 'sweep': {
      const criterion = selectedCriterion(state)?.column;
      return criterion === undefined ? words.noCriteria : { kind, scenario, policy, weights, criterion, steps: SWEEP_STEPS };
    }
    case 'tipping':
      return { kind, scenario, policy, weights, steps: TIPPING_STEPS };
    case 'robustness':
      return { kind, scenario, policy, weights, settings: state.robustness };
  }
}

/** The result of an analysis when it matches the current edits. */
export function analysisResult<K extends AnalysisKind>(state: TuiState, kind: K): Extract<AnalysisResult, { kind: K }> | undefined {
  const run = state.analyses[kind];
  if (run.status !== 'done' || run.result.kind !== kind) return undefined;
  const request = analysisRequest(state, kind);
  if (typeof request === 'string' || analysisKey(state.edition, request) !== run.key) return undefined;
  return run.result as Extract<AnalysisResult, { kind: K }>;
}

/** The state with run `kind` replaced by `next` (and `extra` fields). */
function setRun(state: TuiState, kind: AnalysisKind, next: AnalysisRun, extra: Partial<TuiState> = {}): TuiState {
  return { ...state, ...extra, analyses: { ...state.analyses, [kind]: next } };
}

/** The run `action` reports on, when it is still the one under way. */
function running(state: TuiState, action: { readonly kind: AnalysisKind; readonly id: number }): Extract<AnalysisRun, { status: 'running' }> | undefined {
  const run = state.analyses[action.kind];
  return run.status === 'running' && run.id === action.id ? run : undefined;
}

export const RUN_HANDLERS: Handlers<RunAction> = {
  // Forget which request was cancelled or failed: the view being shown, syncAnalyses starts it again.
  runAnalysis: (state, action) => (state.analyses[action.kind].status === 'running' ? undefined : setRun(state, action.kind, { status: 'idle', key: undefined })),
  cancelAnalysis: (state, action) => {
    const run = state.analyses[action.kind];
    if (run.status !== 'running') return undefined;
    return setRun(tell(state, RUN_WORDS[state.lang].stopped(action.kind)), action.kind, { status: 'idle', key: run.key });
  },
  analysisProgress: (state, action) => {
    const run = running(state, action);
    return run === undefined ? undefined : setRun(state, action.kind, { ...run, done: action.done, total: action.total });
  },
  analysisDone: (state, action) => {
    const run = running(state, action);
    if (run === undefined) return undefined;
    const analysisCache = { ...state.analysisCache, [action.kind]: remember(state.analysisCache[action.kind], { key: run.key, result: action.result }) };
    return setRun(state, action.kind, { status: 'done', key: run.key, result: action.result }, { analysisCache });
  },
  analysisFailed: (state, action) => {
    const run = running(state, action);
    return run === undefined ? undefined : setRun(state, action.kind, { status: 'failed', key: run.key, reason: action.reason });
  },
};

/**
 * Starts, reuses or stops analysis runs after any change: the analysis on screen runs for the current
 * edits (from the cache when it can); a run for edits no longer current stops (a newer request of the
 * same analysis replaces it). Runs of views not on screen go on in the background while their edits hold.
 * Returns `state` itself when nothing changes.
 */
export function syncAnalyses(state: TuiState): TuiState {
  let analyses = state.analyses;
  let nextRunId = state.nextRunId;
  for (const kind of ANALYSIS_KINDS) {
    const run = analyses[kind];
    const request = analysisRequest(state, kind);
    const key = typeof request === 'string' ? undefined : analysisKey(state.edition, request);
    const shown = state.view === kind;
    let next = run;
    if (typeof request === 'string' || key === undefined) {
      if (run.status === 'running') next = { status: 'idle', key: undefined };
    } else if (run.key !== key && (shown || run.status === 'running')) {
      const cached = state.analysisCache[kind].find((entry) => entry.key === key);
      if (cached !== undefined) next = { status: 'done', key, result: cached.result };
      else if (shown) next = { status: 'running', id: nextRunId++, key, request, done: 0, total: 0 };
      else next = { status: 'idle', key: undefined };
    }
    if (next !== run) analyses = { ...analyses, [kind]: next };
  }
  return analyses === state.analyses ? state : { ...state, analyses, nextRunId };
}
