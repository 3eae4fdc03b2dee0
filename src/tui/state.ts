/**
 * The simulator's store: its state, put together from each screen's slice (allocation/state.ts,
 * weights/state.ts, …), and the reducer that routes each action to the slice that owns it. Pure: no
 * Ink, no React, no files, no solver. Key handlers dispatch actions; side effects (solving, writing
 * files) are requested as data (`generation`, `task`) and run by thin hooks, which report back with
 * actions. Tests drive it without a terminal.
 */
import type { Allocation } from '../domain/allocation.js';
import type { AllocationOutcome } from '../analysis/pipeline.js';
import type { ConflictReport } from '../analysis/conflicts.js';
import type { Lang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import { defaultExportPath } from '../io/export-path.js';
import { normaliseWeights, type Weights } from '../scoring/weights.js';
import { ALLOCATION_HANDLERS, ALLOCATION_START, type AllocationAction, type AllocationState } from './allocation/state.js';
import { ANALYSIS_KINDS, type AnalysisKind } from './runs/kinds.js';
import { BUDGET_HANDLERS, type BudgetAction, type BudgetState } from './budget/state.js';
import { COMPARE_HANDLERS, COMPARE_START, type CompareAction, type CompareState } from './compare/state.js';
import { DETAIL_HANDLERS, DETAIL_START, type DetailAction, type DetailState } from './detail/state.js';
import { EDIT_HANDLERS, type Edit, type EditAction } from './edits.js';
import { PROMPT_HANDLERS, type PromptAction, type PromptState } from './prompt/state.js';
import { ROBUSTNESS_HANDLERS, ROBUSTNESS_START, type RobustnessAction, type RobustnessState } from './robustness/state.js';
import { RUN_HANDLERS, runsStart, syncAnalyses, type RunAction, type RunsState } from './runs/state.js';
import { scroll, type PanelArea, type ScrollAction } from './scroll.js';
import { WEIGHTS_HANDLERS, type WeightsAction, type WeightsState } from './weights/state.js';

/** The eight screens; the footer names their keys. The last four are the analyses. */
export type View = 'allocation' | 'weights' | 'budget' | 'summary' | AnalysisKind;
export const VIEWS: readonly View[] = ['allocation', 'weights', 'budget', 'summary', ...ANALYSIS_KINDS];

/** What the last solve of the current edits gave. */
export type SolveStatus =
  | { readonly kind: 'optimal'; readonly ms: number }
  /** The time limit stopped the search: the allocation shown passes every rule, within `gap` of the optimum. */
  | { readonly kind: 'feasible'; readonly ms: number; readonly gap: number }
  | { readonly kind: 'infeasible' | 'timedout' | 'unbounded'; readonly ms: number }
  | { readonly kind: 'failed'; readonly ms: number; readonly reason: string };

export type Conflicts =
  | { readonly kind: 'pending' }
  | { readonly kind: 'report'; readonly report: ConflictReport }
  | { readonly kind: 'failed'; readonly reason: string };

export interface Message {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

/** What every screen shares: the scenario and its edits, the solve, the view shown, the messages. */
export interface SessionState {
  /** The language every screen speaks: `--lang`, else the locale. */
  readonly lang: Lang;
  /** The scenario with the user's edits (budget, locks, saved policies): a new object per edit. */
  readonly scenario: Scenario;
  /** The scenario as loaded, to show what the budget form changed. */
  readonly original: Scenario;
  readonly policy: string;
  /** Normalised weights replacing the policy's; undefined: the policy as written. */
  readonly weights: Weights | undefined;
  /** Edited weights of other policies, set aside by `p`: switching back to the policy brings them back. */
  readonly setAside: Readonly<Record<string, Weights>>;
  /** Bumped by every edit that needs a new solve; results of older generations are ignored. */
  readonly generation: number;
  /** Which version of the scenario this is: a new number per edit of the scenario (budget, locks, policies), kept by undo. */
  readonly edition: number;
  /** The highest edition given so far: a new edition never reuses an undone one's number. */
  readonly editions: number;
  /** Generation of the last result received. Below `generation`: a solve is under way. */
  readonly solved: number;
  readonly status: SolveStatus | undefined;
  /** The last optimal allocation (the last feasible one when the current edits have none). */
  readonly allocation: Allocation | undefined;
  /** The optimal allocation before it: the change column's baseline without a reference. */
  readonly previous: Allocation | undefined;
  /** Set with `c`: the change column compares against it instead. */
  readonly reference: Allocation | undefined;
  readonly conflicts: Conflicts | undefined;
  readonly view: View;
  readonly help: boolean;
  /** First line shown by the summary and by the help, each its own. */
  readonly summaryTop: number;
  readonly helpTop: number;
  readonly message: Message | undefined;
  readonly undo: readonly Edit[];
  /** Description of the last edit, shown beside a conflict. */
  readonly lastEdit: string | undefined;
  /** The terminal's size: the key maps need the page height. */
  readonly size: { readonly columns: number; readonly rows: number };
  /** `q` was pressed: the app exits on its next render. */
  readonly quit: boolean;
  /** First line shown by the weights and budget views, a candidate's detail and the conflict panel. */
  readonly tops: Readonly<Record<PanelArea, number>>;
}

export interface TuiState extends SessionState, AllocationState, DetailState, WeightsState, BudgetState, PromptState, RunsState, CompareState, RobustnessState {}

type SessionAction =
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'quit' }
  | { readonly type: 'showView'; readonly view: View }
  | { readonly type: 'nextView'; readonly delta: 1 | -1 }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'solved'; readonly generation: number; readonly outcome: AllocationOutcome }
  | { readonly type: 'explained'; readonly generation: number; readonly report: ConflictReport | { readonly error: string } };

export type Action = SessionAction | ScrollAction | EditAction | AllocationAction | DetailAction | WeightsAction | BudgetAction | PromptAction | RunAction | CompareAction | RobustnessAction;

/**
 * A slice's reducer: one function per action it owns. Each returns the new state, or undefined when
 * the action changes nothing (the message is then kept, and no analysis is started).
 */
export type Handlers<A extends { readonly type: string }> = { readonly [T in A['type']]: (state: TuiState, action: Extract<A, { readonly type: T }>) => TuiState | undefined };

export interface StartOptions {
  readonly policy?: string;
  /** Raw weights replacing the policy's (`--weights`). */
  readonly weights?: Weights;
  /** Folder paths are shown relative to. @default the scenario's folder's parent */
  readonly cwd?: string;
  readonly size?: { readonly columns: number; readonly rows: number };
  /** @default 'en' */
  readonly lang?: Lang;
}

export function initialState(scenario: Scenario, options: StartOptions = {}): TuiState {
  const policy = options.policy ?? scenario.policies[0]?.name ?? '';
  const weights = options.weights === undefined ? undefined : normaliseWeights(options.weights, scenario.criteria);
  return {
    lang: options.lang ?? 'en',
    scenario,
    original: scenario,
    policy,
    weights,
    setAside: {},
    generation: 1,
    edition: 1,
    editions: 1,
    solved: 0,
    status: undefined,
    allocation: undefined,
    previous: undefined,
    reference: undefined,
    conflicts: undefined,
    view: 'allocation',
    help: false,
    summaryTop: 0,
    helpTop: 0,
    message: undefined,
    undo: [],
    lastEdit: undefined,
    size: options.size ?? { columns: 80, rows: 24 },
    quit: false,
    tops: { weights: 0, budget: 0, detail: 0, conflict: 0 },
    ...ALLOCATION_START,
    ...DETAIL_START,
    weightCursor: 0,
    budgetCursor: 0,
    prompt: undefined,
    task: undefined,
    nextTaskId: 1,
    exportPath: defaultExportPath(scenario.file, options.cwd),
    ...runsStart(),
    ...COMPARE_START,
    ...ROBUSTNESS_START,
  };
}

function solved(state: TuiState, generation: number, outcome: AllocationOutcome): TuiState | undefined {
  // A newer edit superseded this solve: its result describes edits no longer on screen.
  if (generation !== state.generation) return undefined;
  const ms = outcome.status === 'optimal' || outcome.status === 'feasible' ? outcome.allocation.ms : outcome.ms;
  if (outcome.status === 'optimal' || outcome.status === 'feasible') {
    const { allocation } = outcome;
    const selected = state.selected ?? allocation.candidates[0]?.id;
    const status: SolveStatus = outcome.status === 'optimal' ? { kind: 'optimal', ms } : { kind: 'feasible', ms, gap: allocation.gap };
    return { ...state, solved: generation, status, previous: state.allocation, allocation, selected, conflicts: undefined };
  }
  if (outcome.status === 'failed') return { ...state, solved: generation, status: { kind: 'failed', ms, reason: outcome.reason }, conflicts: undefined };
  return { ...state, solved: generation, status: { kind: outcome.status, ms }, conflicts: outcome.status === 'infeasible' ? { kind: 'pending' } : undefined };
}

const SESSION_HANDLERS: Handlers<SessionAction | ScrollAction> = {
  resize: (state, action) => (action.columns === state.size.columns && action.rows === state.size.rows ? undefined : { ...state, size: { columns: action.columns, rows: action.rows } }),
  quit: (state) => ({ ...state, quit: true }),
  showView: (state, action) => ({ ...state, view: action.view, help: false, detail: undefined }),
  nextView: (state, action) => {
    const index = (VIEWS.indexOf(state.view) + action.delta + VIEWS.length) % VIEWS.length;
    return { ...state, view: VIEWS[index] ?? 'allocation', help: false, detail: undefined };
  },
  toggleHelp: (state) => ({ ...state, help: !state.help, helpTop: 0 }),
  scroll,
  solved: (state, action) => solved(state, action.generation, action.outcome),
  explained: (state, action) => {
    if (action.generation !== state.generation || state.status?.kind !== 'infeasible') return undefined;
    return { ...state, conflicts: 'error' in action.report ? { kind: 'failed', reason: action.report.error } : { kind: 'report', report: action.report } };
  },
};

/** Every action, with the slice that owns it. */
const HANDLERS: Handlers<Action> = {
  ...SESSION_HANDLERS,
  ...EDIT_HANDLERS,
  ...ALLOCATION_HANDLERS,
  ...DETAIL_HANDLERS,
  ...WEIGHTS_HANDLERS,
  ...BUDGET_HANDLERS,
  ...PROMPT_HANDLERS,
  ...RUN_HANDLERS,
  ...COMPARE_HANDLERS,
  ...ROBUSTNESS_HANDLERS,
};

/** Actions a person causes (as opposed to results coming back): they clear the last message. */
const RESULTS = new Set<Action['type']>(['solved', 'explained', 'taskDone', 'resize', 'analysisProgress', 'analysisDone', 'analysisFailed']);

export function reduce(state: TuiState, action: Action): TuiState {
  const base = RESULTS.has(action.type) || state.message === undefined ? state : { ...state, message: undefined };
  const next = step(base, action);
  return next === undefined ? state : syncAnalyses(next);
}

function step(state: TuiState, action: Action): TuiState | undefined {
  // The table pairs each type with its own action's handler; TypeScript cannot follow that pairing through a lookup.
  const handle = HANDLERS[action.type] as (state: TuiState, action: Action) => TuiState | undefined;
  return handle(state, action);
}
