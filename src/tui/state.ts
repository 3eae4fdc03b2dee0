/**
 * The simulator's state and its reducer. Pure: no Ink, no React, no files, no solver. Key handlers
 * dispatch actions; side effects (solving, writing files) are requested as data (`generation`, `task`)
 * and run by thin hooks, which report back with actions. Tests drive it without a terminal.
 */
import type { Allocation, AllocationOutcome, Selection } from '../analysis/allocation.js';
import type { ConflictReport } from '../analysis/conflicts.js';
import { formatEuros, groupDigits } from '../domain/money.js';
import { POLICY_NAME } from '../domain/names.js';
import type { Lock, Policy, ReturnTier, Scenario } from '../domain/types.js';
import { parseDecimal, parseMoneyInput } from '../io/numbers.js';
import { defaultExportPath } from '../io/export-path.js';
import { normaliseWeights, withShare, type Weights } from '../scoring/weights.js';
import {
  ANALYSIS_KINDS,
  ANALYSIS_NAMES,
  analysisKey,
  emptyCache,
  nextSamples,
  noRuns,
  remember,
  ROBUSTNESS_DEFAULTS,
  SPREAD_STEP,
  SWEEP_STEPS,
  TIPPING_STEPS,
  type AnalysisKind,
  type AnalysisRequest,
  type AnalysisResult,
  type AnalysisRun,
  type CachedResult,
  type RobustnessSettings,
} from './analyses.js';

/** The eight screens; the footer names their keys. The last four are the analyses. */
export type View = 'allocation' | 'weights' | 'budget' | 'summary' | AnalysisKind;
export const VIEWS: readonly View[] = ['allocation', 'weights', 'budget', 'summary', ...ANALYSIS_KINDS];

/** Areas that scroll as a whole, each with its own first line. */
export type ScrollArea = 'summary' | 'help' | AnalysisKind | PanelArea;

/** Areas whose first line is kept in `tops`: views with a cursor, the detail and the conflict panel. */
export type PanelArea = 'weights' | 'budget' | 'detail' | 'conflict';

/** What the Compare view lines up: the current edits with every other policy, or with the reference (`c`). */
export type CompareMode = 'policies' | 'reference';

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

/** A value of the budget form. `year:2013` is the 2013 ceiling. */
export type BudgetField = 'total' | `year:${string}` | 'grantMin' | 'grantMax' | 'laureatesMax';

export type Prompt =
  | { readonly kind: 'filter'; readonly text: string }
  | { readonly kind: 'budget'; readonly field: BudgetField; readonly text: string }
  | { readonly kind: 'save'; readonly text: string }
  | { readonly kind: 'export'; readonly text: string; readonly excel: boolean };

/** A side effect the hooks run once, then answer with `taskDone`. */
export type Task =
  | { readonly id: number; readonly kind: 'save'; readonly file: string; readonly policy: Policy }
  | { readonly id: number; readonly kind: 'export'; readonly path: string; readonly excel: boolean; readonly allocation: Allocation; readonly inputs: readonly string[]; readonly scenario?: Scenario };

export interface Message {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

/** What an edit changes, kept for `u` (undo). */
interface Edit {
  readonly scenario: Scenario;
  /** The scenario's edition: undo brings back the edition, and with it the analyses cached for it. */
  readonly edition: number;
  readonly policy: string;
  readonly weights: Weights | undefined;
}

export interface TuiState {
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
  /** Id of the candidate whose detail is open. */
  readonly detail: string | undefined;
  /**
   * `explain` for the open detail, for the allocation of `generation`: pending, its sentences, or why
   * it could not be computed. Cleared by every new solve.
   */
  readonly why: { readonly id: string; readonly generation: number; readonly lines: readonly string[] | 'pending' } | undefined;
  /** Id of the selected candidate of the table. */
  readonly selected: string | undefined;
  /** First row shown by the table (and by the summary and help, each its own). */
  readonly top: number;
  readonly summaryTop: number;
  readonly helpTop: number;
  readonly weightCursor: number;
  readonly budgetCursor: number;
  readonly filter: string;
  readonly prompt: Prompt | undefined;
  readonly message: Message | undefined;
  readonly task: Task | undefined;
  readonly nextTaskId: number;
  readonly undo: readonly Edit[];
  /** Where `e` proposes to write, relative to the working folder. */
  readonly exportPath: string;
  /** Description of the last edit, shown beside a conflict. */
  readonly lastEdit: string | undefined;
  /** The terminal's size: the key maps need the page height. */
  readonly size: { readonly columns: number; readonly rows: number };
  /** `q` was pressed: the app exits on its next render. */
  readonly quit: boolean;
  /** Each analysis: idle, running (with its progress), done or failed. */
  readonly analyses: Readonly<Record<AnalysisKind, AnalysisRun>>;
  /** Recent results of each analysis by key (see analyses.ts), most recent first. */
  readonly analysisCache: Readonly<Record<AnalysisKind, readonly CachedResult[]>>;
  /** Id of the next run: results and progress of any other run are ignored. */
  readonly nextRunId: number;
  /** First line shown by each analysis view. */
  readonly analysisTop: Readonly<Record<AnalysisKind, number>>;
  /** First line shown by the weights and budget views, a candidate's detail and the conflict panel. */
  readonly tops: Readonly<Record<PanelArea, number>>;
  readonly compareMode: CompareMode;
  /** Which compared column the change column measures against (0: the first after the current edits). */
  readonly compareTarget: number;
  readonly robustness: RobustnessSettings;
}

export type Action =
  | { readonly type: 'resize'; readonly columns: number; readonly rows: number }
  | { readonly type: 'quit' }
  | { readonly type: 'showView'; readonly view: View }
  | { readonly type: 'nextView'; readonly delta: 1 | -1 }
  | { readonly type: 'toggleHelp' }
  | { readonly type: 'move'; readonly delta: number; readonly rows: number }
  | { readonly type: 'moveTo'; readonly where: 'first' | 'last'; readonly rows: number }
  /** PgUp / PgDn: the selection and the window both move by a page. */
  | { readonly type: 'page'; readonly delta: 1 | -1; readonly rows: number }
  | { readonly type: 'scroll'; readonly area: ScrollArea; readonly delta: number; readonly rows: number; readonly total: number }
  | { readonly type: 'openDetail' }
  | { readonly type: 'closeDetail' }
  | { readonly type: 'cycleLock'; readonly id: string }
  /** `rows` and `total`: the view's height and length, so that its window follows the cursor (the weights view only). */
  | { readonly type: 'moveWeightCursor'; readonly delta: number; readonly rows?: number; readonly total?: number }
  | { readonly type: 'nudgeWeight'; readonly points: number }
  | { readonly type: 'zeroWeight' }
  | { readonly type: 'resetWeights' }
  | { readonly type: 'moveBudgetCursor'; readonly delta: number; readonly rows?: number; readonly total?: number }
  | { readonly type: 'switchPolicy'; readonly delta: 1 | -1 }
  | { readonly type: 'setReference' }
  | { readonly type: 'clearReference' }
  | { readonly type: 'clearFilter' }
  | { readonly type: 'undo' }
  | { readonly type: 'openPrompt'; readonly kind: Prompt['kind']; readonly text?: string }
  | { readonly type: 'editPrompt'; readonly text: string }
  | { readonly type: 'toggleExcel' }
  | { readonly type: 'submitPrompt' }
  | { readonly type: 'cancelPrompt' }
  | { readonly type: 'solved'; readonly generation: number; readonly outcome: AllocationOutcome }
  | { readonly type: 'explained'; readonly generation: number; readonly report: ConflictReport | { readonly error: string } }
  | { readonly type: 'why'; readonly id: string; readonly generation: number; readonly lines: readonly string[] | 'pending' }
  | { readonly type: 'taskDone'; readonly id: number; readonly ok: boolean; readonly text: string }
  /** Enter in an analysis view: run it again (after Esc or a failure). */
  | { readonly type: 'runAnalysis'; readonly kind: AnalysisKind }
  /** Esc in an analysis view: stop the run under way. */
  | { readonly type: 'cancelAnalysis'; readonly kind: AnalysisKind }
  | { readonly type: 'analysisProgress'; readonly kind: AnalysisKind; readonly id: number; readonly done: number; readonly total: number }
  | { readonly type: 'analysisDone'; readonly kind: AnalysisKind; readonly id: number; readonly result: AnalysisResult }
  | { readonly type: 'analysisFailed'; readonly kind: AnalysisKind; readonly id: number; readonly reason: string }
  | { readonly type: 'toggleCompareMode' }
  | { readonly type: 'moveCompareTarget'; readonly delta: 1 | -1 }
  | { readonly type: 'changeSamples'; readonly delta: 1 | -1 }
  | { readonly type: 'changeSpread'; readonly delta: 1 | -1 }
  | { readonly type: 'toggleUniform' }
  /** Draw the weights, the reviewers' marks, or both (scenarios with a reviews file). */
  | { readonly type: 'cycleOver' };

export interface StartOptions {
  readonly policy?: string;
  /** Raw weights replacing the policy's (`--weights`). */
  readonly weights?: Weights;
  /** Folder paths are shown relative to. @default the scenario's folder's parent */
  readonly cwd?: string;
  readonly size?: { readonly columns: number; readonly rows: number };
}

/** Weight steps of ←→ and Shift+←→, in percentage points. */
export const WEIGHT_STEP = 1;
export const WEIGHT_STEP_BIG = 5;

/** Moved to io/export-path.ts (it works on paths); re-exported for the code that reads it here. */
export { defaultExportPath };

export function initialState(scenario: Scenario, options: StartOptions = {}): TuiState {
  const policy = options.policy ?? scenario.policies[0]?.name ?? '';
  const weights = options.weights === undefined ? undefined : normaliseWeights(options.weights, scenario.criteria);
  return {
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
    detail: undefined,
    why: undefined,
    selected: undefined,
    top: 0,
    summaryTop: 0,
    helpTop: 0,
    weightCursor: 0,
    budgetCursor: 0,
    filter: '',
    prompt: undefined,
    message: undefined,
    task: undefined,
    nextTaskId: 1,
    undo: [],
    exportPath: defaultExportPath(scenario.file, options.cwd),
    lastEdit: undefined,
    size: options.size ?? { columns: 80, rows: 24 },
    quit: false,
    analyses: noRuns(),
    analysisCache: emptyCache(),
    nextRunId: 1,
    analysisTop: { compare: 0, sweep: 0, tipping: 0, robustness: 0 },
    tops: { weights: 0, budget: 0, detail: 0, conflict: 0 },
    compareMode: 'policies',
    compareTarget: 0,
    robustness: ROBUSTNESS_DEFAULTS,
  };
}

// ---------------------------------------------------------------------------------------------
// Selectors: what the screens read.

export function activePolicy(state: TuiState): Policy | undefined {
  return state.scenario.policies.find((policy) => policy.name === state.policy);
}

/** The selection the solver gets for the current edits. */
export function selectionOf(state: TuiState): Selection {
  return state.weights === undefined ? { policy: state.policy } : { policy: state.policy, weights: state.weights };
}

/** Shares (sum 1) of each criterion under the current weighting; undefined under a score formula. */
export function currentShares(state: TuiState): Weights | undefined {
  if (state.weights !== undefined) return state.weights;
  const policy = activePolicy(state);
  if (policy === undefined || policy.score !== undefined) return undefined;
  return normaliseWeights(policy.weights, state.scenario.criteria);
}

export function isSolving(state: TuiState): boolean {
  return state.solved < state.generation;
}

/** The current edits have no allocation: the one shown is the last feasible one. */
export function isStale(state: TuiState): boolean {
  return state.status !== undefined && state.status.kind !== 'optimal' && state.status.kind !== 'feasible';
}

/** Views 5–8, whose content is computed by an analysis run. */
export function isAnalysis(view: View): view is AnalysisKind {
  return (ANALYSIS_KINDS as readonly View[]).includes(view);
}

/** The policies the Compare view solves: every policy of the scenario but the active one as written (unless its weights are edited). */
export function comparedPolicies(state: TuiState): string[] {
  return state.scenario.policies.map((policy) => policy.name).filter((name) => name !== state.policy || state.weights !== undefined);
}

/** The criterion the sweep and tipping views show: the one selected in the weights view. */
export function selectedCriterion(state: TuiState): Scenario['criteria'][number] | undefined {
  return state.scenario.criteria[state.weightCursor];
}

/**
 * What an analysis would compute for the current edits, or why there is nothing to compute
 * (a formula policy has no weights to move; Compare against the reference needs no solve).
 */
export function analysisRequest(state: TuiState, kind: AnalysisKind): AnalysisRequest | string {
  const { scenario, policy } = state;
  if (kind === 'compare') {
    if (state.compareMode === 'reference') return 'the reference is compared as it is';
    const policies = comparedPolicies(state);
    return policies.length === 0 ? 'this scenario has one policy only: c sets a reference to compare with, m switches to it' : { kind, scenario, policies };
  }
  const weights = currentShares(state);
  if (weights === undefined) return `'${policy}' scores by a formula: there are no weights to move. p switches to a weighted policy`;
  switch (kind) {
    case 'sweep': {
      const criterion = selectedCriterion(state)?.column;
      return criterion === undefined ? 'the scenario has no criteria' : { kind, scenario, policy, weights, criterion, steps: SWEEP_STEPS };
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

/** The candidates the table lists: the allocation's order, narrowed by the filter (name, region or id). */
export function visibleCandidates(state: TuiState): Allocation['candidates'] {
  const candidates = state.allocation?.candidates ?? [];
  const needle = fold(state.filter.trim());
  if (needle === '') return candidates;
  return candidates.filter((candidate) => [candidate.name, candidate.region, candidate.id].some((text) => fold(text).includes(needle)));
}

/** Lower case without accents, so that `ile` finds Île-de-France. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Index of the selected candidate among the visible ones (0 when it is not among them). */
export function selectedIndex(state: TuiState): number {
  const index = visibleCandidates(state).findIndex((candidate) => candidate.id === state.selected);
  return index < 0 ? 0 : index;
}

/** First visible row so that `index` is on screen, moving as little as possible from `top`. */
export function windowTop(count: number, index: number, top: number, rows: number): number {
  const page = Math.max(1, rows);
  let start = Math.min(top, index);
  if (index >= start + page) start = index - page + 1;
  return Math.max(0, Math.min(start, Math.max(0, count - page)));
}

export function budgetFields(scenario: Scenario): BudgetField[] {
  return ['total', ...scenario.envelope.years.map((entry): BudgetField => `year:${entry.year}`), 'grantMin', 'grantMax', 'laureatesMax'];
}

export function budgetLabel(field: BudgetField): string {
  if (field.startsWith('year:')) return `Ceiling ${field.slice(5)}`;
  switch (field) {
    case 'total':
      return 'Envelope total';
    case 'grantMin':
      return 'Grant floor (smallest grant)';
    case 'grantMax':
      return 'Grant ceiling (largest grant)';
    case 'laureatesMax':
      return 'Laureates at most';
    default:
      return field;
  }
}

export function budgetValue(scenario: Scenario, field: BudgetField): number {
  if (field.startsWith('year:')) return scenario.envelope.years.find((entry) => `year:${entry.year}` === field)?.ceiling ?? 0;
  switch (field) {
    case 'total':
      return scenario.envelope.total;
    case 'grantMin':
      return scenario.grant.min;
    case 'grantMax':
      return scenario.grant.max;
    case 'laureatesMax':
      return scenario.laureates.max;
    default:
      return 0;
  }
}

export function formatBudgetValue(field: BudgetField, value: number): string {
  return field === 'laureatesMax' ? String(value) : formatEuros(value);
}

/**
 * The scenario with one budget value changed, or why the text cannot be that value.
 * Amounts accept `2,5 M€`, `2 500 000`, `2500000`, `750 k€` (see parseMoneyInput).
 */
export function applyBudget(scenario: Scenario, field: BudgetField, text: string): { ok: true; scenario: Scenario; value: number } | { ok: false; reason: string } {
  if (field === 'laureatesMax') {
    const parsed = parseDecimal(text);
    if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0) return { ok: false, reason: `'${text.trim()}' is not a whole number of laureates` };
    if (parsed.value < scenario.laureates.min) return { ok: false, reason: `at least ${scenario.laureates.min} laureates are required by the scenario (laureates.min)` };
    return { ok: true, value: parsed.value, scenario: { ...scenario, laureates: { ...scenario.laureates, max: parsed.value } } };
  }
  const parsed = parseMoneyInput(text);
  if (!parsed.ok) return { ok: false, reason: `'${text.trim()}' is not an amount (${parsed.reason}); try 2,5 M€, 2 500 000 or 750 k€` };
  const ambiguous = ambiguousAmount(text, parsed.value);
  if (ambiguous !== undefined) return { ok: false, reason: ambiguous };
  const value = Math.round(parsed.value);
  if (field === 'total' || field.startsWith('year:')) {
    if (!(value > 0)) return { ok: false, reason: 'an envelope must be above 0 €' };
    if (field === 'total') return { ok: true, value, scenario: { ...scenario, envelope: { ...scenario.envelope, total: value } } };
    const years = scenario.envelope.years.map((entry) => (`year:${entry.year}` === field ? { ...entry, ceiling: value } : entry));
    return { ok: true, value, scenario: { ...scenario, envelope: { ...scenario.envelope, years } } };
  }
  if (field === 'grantMin') {
    if (value > scenario.grant.max) return { ok: false, reason: `the grant floor cannot be above the grant ceiling (${formatEuros(scenario.grant.max)})` };
    return { ok: true, value, scenario: { ...scenario, grant: { ...scenario.grant, min: value } } };
  }
  if (!(value > 0) || value < scenario.grant.min) return { ok: false, reason: `the grant ceiling must be above 0 € and at least the grant floor (${formatEuros(scenario.grant.min)})` };
  return { ok: true, value, scenario: { ...scenario, grant: { ...scenario.grant, max: value } } };
}

/**
 * Why an amount typed without a unit cannot be taken as it is: below 1 000 it could mean euros or
 * millions (`2,5`, `3`). Undefined when the text has a unit or is clearly in euros.
 * @example ambiguousAmount('2,5', 2.5) // "'2,5' has no unit: 2,5 € or 2,5 M€? Type 2,5 M€ or 2 500 000 (2,5 € for euros)"
 */
export function ambiguousAmount(text: string, value: number): string | undefined {
  const typed = text.trim();
  if (/[€a-z]/i.test(typed) || value === 0 || value >= 1000) return undefined;
  return `'${typed}' has no unit: ${typed} € or ${typed} M€? Type ${typed} M€ or ${groupDigits(Math.round(value * 1e6))} (${typed} € for euros)`;
}

/** free → funded → excluded → free. */
export function nextLock(lock: Lock | undefined): Lock | undefined {
  return lock === undefined ? 'funded' : lock === 'funded' ? 'excluded' : undefined;
}

/** The weights to save for a new policy: percentages rounded to 0.01, in criteria order. */
export function weightsToSave(shares: Weights, scenario: Scenario): Record<string, number> {
  return Object.fromEntries(scenario.criteria.map((criterion) => [criterion.column, Math.round((shares[criterion.column] ?? 0) * 10_000) / 100]));
}

// ---------------------------------------------------------------------------------------------
// The reducer.

/** Actions a person causes (as opposed to results coming back): they clear the last message. */
const RESULTS = new Set<Action['type']>(['solved', 'explained', 'taskDone', 'resize', 'analysisProgress', 'analysisDone', 'analysisFailed']);

export function reduce(state: TuiState, action: Action): TuiState {
  const base = RESULTS.has(action.type) || state.message === undefined ? state : { ...state, message: undefined };
  const next = step(base, action);
  return next === undefined ? state : syncAnalyses(next);
}

function step(state: TuiState, action: Action): TuiState | undefined {
  switch (action.type) {
    case 'resize':
      return action.columns === state.size.columns && action.rows === state.size.rows ? undefined : { ...state, size: { columns: action.columns, rows: action.rows } };
    case 'quit':
      return { ...state, quit: true };
    case 'showView':
      return { ...state, view: action.view, help: false, detail: undefined };
    case 'nextView': {
      const index = (VIEWS.indexOf(state.view) + action.delta + VIEWS.length) % VIEWS.length;
      return { ...state, view: VIEWS[index] ?? 'allocation', help: false, detail: undefined };
    }
    case 'toggleHelp':
      return { ...state, help: !state.help, helpTop: 0 };
    case 'move':
      return moveSelection(state, (index) => index + action.delta, action.rows);
    case 'moveTo':
      return moveSelection(state, (_, count) => (action.where === 'first' ? 0 : count - 1), action.rows);
    case 'page': {
      const count = visibleCandidates(state).length;
      const top = Math.max(0, Math.min(windowTop(count, selectedIndex(state), state.top, action.rows) + action.delta * action.rows, count - action.rows));
      return moveSelection({ ...state, top }, (index) => index + action.delta * action.rows, action.rows);
    }
    case 'scroll': {
      const { area } = action;
      const now = area === 'summary' ? state.summaryTop : area === 'help' ? state.helpTop : isPanelArea(area) ? state.tops[area] : state.analysisTop[area];
      const top = Math.max(0, Math.min(now + action.delta, action.total - action.rows));
      if (area === 'summary') return { ...state, summaryTop: top };
      if (area === 'help') return { ...state, helpTop: top };
      if (isPanelArea(area)) return { ...state, tops: { ...state.tops, [area]: top } };
      return { ...state, analysisTop: { ...state.analysisTop, [area]: top } };
    }
    case 'openDetail': {
      const candidate = visibleCandidates(state)[selectedIndex(state)];
      return candidate === undefined ? state : { ...state, detail: candidate.id, selected: candidate.id, tops: { ...state.tops, detail: 0 } };
    }
    case 'closeDetail':
      return { ...state, detail: undefined };
    case 'cycleLock':
      return cycleLock(state, action.id);
    case 'moveWeightCursor': {
      const count = state.scenario.criteria.length;
      const weightCursor = Math.max(0, Math.min(count - 1, state.weightCursor + action.delta));
      return { ...state, weightCursor, tops: follow(state.tops, 'weights', WEIGHTS_LEAD + weightCursor, action) };
    }
    case 'nudgeWeight':
    case 'zeroWeight':
      return changeWeight(state, action);
    case 'resetWeights':
      if (state.weights === undefined) return { ...state, message: { text: `The weights are already those of '${state.policy}'.`, tone: 'info' } };
      return edit(state, { weights: undefined }, `weights reset to '${state.policy}'`);
    case 'moveBudgetCursor': {
      const count = budgetFields(state.scenario).length;
      const budgetCursor = Math.max(0, Math.min(count - 1, state.budgetCursor + action.delta));
      return { ...state, budgetCursor, tops: follow(state.tops, 'budget', BUDGET_LEAD + budgetCursor, action) };
    }
    case 'switchPolicy': {
      const names = state.scenario.policies.map((policy) => policy.name);
      if (names.length < 2) return { ...state, message: { text: `This scenario has one policy only.${state.weights === undefined ? '' : ' r resets the weights to it.'}`, tone: 'info' } };
      const index = (names.indexOf(state.policy) + action.delta + names.length) % names.length;
      const name = names[index] ?? state.policy;
      const policy = state.scenario.policies[index];
      // Edited weights are never dropped: set aside, they come back with their policy (and with u).
      const { [name]: restored, ...others } = state.setAside;
      const setAside = state.weights === undefined || name === state.policy ? others : { ...others, [state.policy]: state.weights };
      const words = [`Policy ${name}: ${policy?.label ?? name}${restored === undefined ? '' : ', with the weights you had edited (r resets them)'}.`];
      if (state.weights !== undefined && name !== state.policy) words.push(`Your edited weights of '${state.policy}' are kept: back on it, they return.`);
      return edit({ ...state, weightCursor: 0, setAside }, { policy: name, weights: name === state.policy ? state.weights : restored }, `policy ${name}`, words.join(' '));
    }
    case 'setReference':
      if (state.allocation === undefined || isStale(state)) return { ...state, message: { text: 'No allocation to compare with yet.', tone: 'error' } };
      return { ...state, reference: state.allocation, message: { text: `The change column now compares with this allocation (${referenceName(state.allocation)}). C goes back to the last solve.`, tone: 'info' } };
    case 'clearReference':
      return { ...state, reference: undefined, message: { text: 'The change column compares with the previous solve.', tone: 'info' } };
    case 'clearFilter':
      return { ...state, filter: '', top: 0 };
    case 'undo': {
      const last = state.undo[state.undo.length - 1];
      if (last === undefined) return { ...state, message: { text: 'Nothing to undo.', tone: 'info' } };
      return {
        ...state,
        ...last,
        undo: state.undo.slice(0, -1),
        generation: state.generation + 1,
        lastEdit: undefined,
        message: { text: 'Undone.', tone: 'info' },
      };
    }
    case 'openPrompt':
      return openPrompt(state, action.kind, action.text);
    case 'editPrompt':
      if (state.prompt === undefined) return undefined;
      if (state.prompt.kind === 'filter') return { ...state, prompt: { ...state.prompt, text: action.text }, filter: action.text, top: 0 };
      return { ...state, prompt: { ...state.prompt, text: action.text } };
    case 'toggleExcel':
      return state.prompt?.kind === 'export' ? { ...state, prompt: { ...state.prompt, excel: !state.prompt.excel } } : undefined;
    case 'cancelPrompt':
      if (state.prompt?.kind === 'filter') return { ...state, prompt: undefined, filter: '', top: 0 };
      return { ...state, prompt: undefined };
    case 'submitPrompt':
      return submitPrompt(state);
    case 'solved':
      return solved(state, action.generation, action.outcome);
    case 'why':
      // Only for the detail still open, on the allocation still shown.
      if (action.id !== state.detail || action.generation !== state.solved) return undefined;
      return { ...state, why: { id: action.id, generation: action.generation, lines: action.lines } };
    case 'explained':
      if (action.generation !== state.generation || state.status?.kind !== 'infeasible') return undefined;
      return { ...state, conflicts: 'error' in action.report ? { kind: 'failed', reason: action.report.error } : { kind: 'report', report: action.report } };
    case 'taskDone':
      if (state.task?.id !== action.id) return undefined;
      return taskDone(state, state.task, action);
    case 'runAnalysis':
    case 'cancelAnalysis':
    case 'analysisProgress':
    case 'analysisDone':
    case 'analysisFailed':
      return analysisStep(state, action);
    case 'toggleCompareMode': {
      const compareMode: CompareMode = state.compareMode === 'policies' ? 'reference' : 'policies';
      const text = compareMode === 'reference' ? (state.reference === undefined ? 'Compare with the reference: none yet; c in any view makes the current allocation the reference.' : `Comparing with the reference (${referenceName(state.reference)}).`) : 'Comparing with every policy of the scenario.';
      return { ...state, compareMode, compareTarget: 0, analysisTop: { ...state.analysisTop, compare: 0 }, message: { text, tone: 'info' } };
    }
    case 'moveCompareTarget': {
      const last = state.compareMode === 'reference' ? 0 : Math.max(0, comparedPolicies(state).length - 1);
      return { ...state, compareTarget: Math.max(0, Math.min(last, state.compareTarget + action.delta)) };
    }
    case 'changeSamples': {
      const samples = nextSamples(state.robustness.samples, action.delta);
      return samples === state.robustness.samples ? undefined : { ...state, robustness: { ...state.robustness, samples } };
    }
    case 'changeSpread': {
      const spread = Math.round(Math.max(0, Math.min(1, state.robustness.spread + action.delta * SPREAD_STEP)) * 100) / 100;
      return spread === state.robustness.spread ? undefined : { ...state, robustness: { ...state.robustness, spread } };
    }
    case 'toggleUniform':
      return { ...state, robustness: { ...state.robustness, uniform: !state.robustness.uniform } };
    case 'cycleOver': {
      if (state.scenario.reviews === undefined) return { ...state, message: { text: 'This scenario has no reviews file: only the weights can be drawn.', tone: 'info' } };
      const order = ['weights', 'marks', 'both'] as const;
      const over = order[(order.indexOf(state.robustness.over ?? 'weights') + 1) % order.length] ?? 'weights';
      return { ...state, robustness: { ...state.robustness, over } };
    }
  }
}

type AnalysisAction = Extract<Action, { type: 'runAnalysis' | 'cancelAnalysis' | 'analysisProgress' | 'analysisDone' | 'analysisFailed' }>;

function analysisStep(state: TuiState, action: AnalysisAction): TuiState | undefined {
  const run = state.analyses[action.kind];
  const set = (next: AnalysisRun, extra: Partial<TuiState> = {}): TuiState => ({ ...state, ...extra, analyses: { ...state.analyses, [action.kind]: next } });
  switch (action.type) {
    case 'runAnalysis':
      if (run.status === 'running') return undefined;
      // Forget which request was cancelled or failed: the view being shown, syncAnalyses starts it again.
      return set({ status: 'idle', key: undefined });
    case 'cancelAnalysis':
      if (run.status !== 'running') return undefined;
      return set({ status: 'idle', key: run.key }, { message: { text: `${ANALYSIS_NAMES[action.kind]} was stopped. Enter runs it again.`, tone: 'info' } });
    case 'analysisProgress':
      if (run.status !== 'running' || run.id !== action.id) return undefined;
      return set({ ...run, done: action.done, total: action.total });
    case 'analysisDone': {
      if (run.status !== 'running' || run.id !== action.id) return undefined;
      const analysisCache = { ...state.analysisCache, [action.kind]: remember(state.analysisCache[action.kind], { key: run.key, result: action.result }) };
      return set({ status: 'done', key: run.key, result: action.result }, { analysisCache });
    }
    case 'analysisFailed':
      if (run.status !== 'running' || run.id !== action.id) return undefined;
      return set({ status: 'failed', key: run.key, reason: action.reason });
  }
}

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

function isPanelArea(area: ScrollArea): area is PanelArea {
  return area === 'weights' || area === 'budget' || area === 'detail' || area === 'conflict';
}

/** Lines above the first criterion of the weights view (the policy, the column titles) and above the first budget value. */
export const WEIGHTS_LEAD = 2;
export const BUDGET_LEAD = 3;

/** The area's first line moved as little as needed for line `line` to be on screen. */
function follow(tops: TuiState['tops'], area: PanelArea, line: number, window: { readonly rows?: number; readonly total?: number }): TuiState['tops'] {
  if (window.rows === undefined || window.total === undefined) return tops;
  return { ...tops, [area]: windowTop(window.total, line, tops[area], window.rows) };
}

/**
 * The first line a view shows of `total` lines in `rows`: its scroll position, moved as little as
 * needed for the cursor's line to be on screen, and never past the end.
 */
export function windowFor(top: number, total: number, rows: number, cursor?: number): number {
  const start = cursor === undefined ? top : windowTop(total, cursor, top, rows);
  return Math.max(0, Math.min(start, total - rows));
}

function referenceName(allocation: Allocation): string {
  return `policy ${allocation.policy}, ${formatEuros(allocation.spent)}, ${allocation.laureates} laureates`;
}

function moveSelection(state: TuiState, target: (index: number, count: number) => number, rows: number): TuiState {
  const candidates = visibleCandidates(state);
  if (candidates.length === 0) return state;
  const index = Math.max(0, Math.min(candidates.length - 1, target(selectedIndex(state), candidates.length)));
  const selected = candidates[index]?.id;
  const top = windowTop(candidates.length, index, state.top, rows);
  const detail = state.detail === undefined ? undefined : selected;
  return { ...state, selected, top, detail };
}

/** Records an edit that needs a new solve, with what undo brings back. */
function edit(state: TuiState, change: Partial<Omit<Edit, 'edition'>>, description: string, note?: string): TuiState {
  const before: Edit = { scenario: state.scenario, edition: state.edition, policy: state.policy, weights: state.weights };
  const edition = change.scenario === undefined ? {} : { edition: state.editions + 1, editions: state.editions + 1 };
  return {
    ...state,
    ...change,
    ...edition,
    undo: [...state.undo.slice(-49), before],
    generation: state.generation + 1,
    lastEdit: description,
    message: note === undefined ? state.message : { text: note, tone: 'info' },
  };
}

function cycleLock(state: TuiState, id: string): TuiState {
  const candidate = state.scenario.candidates.find((entry) => entry.id === id);
  if (candidate === undefined) return state;
  const lock = nextLock(state.scenario.locks[id]);
  const { [id]: _dropped, ...others } = state.scenario.locks;
  const locks = lock === undefined ? others : { ...others, [id]: lock };
  const words = lock === undefined ? 'free' : lock === 'funded' ? 'locked in (funded)' : 'locked out (excluded)';
  return edit(state, { scenario: { ...state.scenario, locks } }, `${candidate.name} ${words}`, `${candidate.name}: ${words}.`);
}

function changeWeight(state: TuiState, action: Extract<Action, { type: 'nudgeWeight' | 'zeroWeight' }>): TuiState {
  const shares = currentShares(state);
  if (shares === undefined) return { ...state, message: { text: `'${state.policy}' scores by a formula: its weights cannot be changed here. p switches policy.`, tone: 'error' } };
  const criterion = state.scenario.criteria[state.weightCursor];
  if (criterion === undefined) return state;
  const now = shares[criterion.column] ?? 0;
  const target = action.type === 'zeroWeight' ? 0 : Math.round(Math.max(0, Math.min(1, now + action.points / 100)) * 1000) / 1000;
  if (target === now) return state;
  const next = withShare(shares, state.scenario.criteria, criterion.column, target);
  const rounded = Object.fromEntries(Object.entries(next).map(([column, share]) => [column, Math.round(share * 1e6) / 1e6]));
  return edit(state, { weights: rounded }, `${criterion.label} ${(now * 100).toFixed(1)} % → ${(target * 100).toFixed(1)} %`);
}

function openPrompt(state: TuiState, kind: Prompt['kind'], text: string | undefined): TuiState {
  switch (kind) {
    case 'filter':
      return { ...state, prompt: { kind, text: text ?? state.filter }, detail: undefined };
    case 'budget': {
      const field = budgetFields(state.scenario)[state.budgetCursor] ?? 'total';
      return { ...state, prompt: { kind, field, text: text ?? '' } };
    }
    case 'save':
      if (currentShares(state) === undefined) return { ...state, message: { text: `'${state.policy}' scores by a formula: there are no weights to save.`, tone: 'error' } };
      if (state.scenario.file === '') return { ...state, message: { text: 'This scenario has no file to save into.', tone: 'error' } };
      return { ...state, prompt: { kind, text: text ?? '' } };
    case 'export':
      if (state.allocation === undefined) return { ...state, message: { text: 'Nothing to export yet: the first solve is not finished.', tone: 'error' } };
      if (isStale(state)) return { ...state, message: { text: 'The current edits have no allocation to export. Undo the last edit (u) first.', tone: 'error' } };
      return { ...state, prompt: { kind, text: text ?? state.exportPath, excel: true } };
  }
}

function submitPrompt(state: TuiState): TuiState | undefined {
  const prompt = state.prompt;
  if (prompt === undefined) return undefined;
  switch (prompt.kind) {
    case 'filter':
      return { ...state, prompt: undefined };
    case 'budget': {
      const closed = { ...state, prompt: undefined };
      if (prompt.text.trim() === '') return closed;
      const applied = applyBudget(state.scenario, prompt.field, prompt.text);
      // A refused entry keeps the prompt and its text, to be corrected, with the reason beneath.
      if (!applied.ok) return { ...state, message: { text: `${budgetLabel(prompt.field)} kept at ${formatBudgetValue(prompt.field, budgetValue(state.scenario, prompt.field))}: ${applied.reason}.`, tone: 'error' } };
      const was = formatBudgetValue(prompt.field, budgetValue(state.scenario, prompt.field));
      const now = formatBudgetValue(prompt.field, applied.value);
      return edit(closed, { scenario: applied.scenario }, `${budgetLabel(prompt.field)} ${was} → ${now}`, `${budgetLabel(prompt.field)}: ${was} → ${now}.`);
    }
    case 'save': {
      const name = prompt.text.trim();
      if (!POLICY_NAME.test(name)) return { ...state, message: { text: `'${name}' is not a usable name: use a-z, 0-9, _ and -.`, tone: 'error' } };
      if (state.scenario.policies.some((policy) => policy.name === name)) return { ...state, message: { text: `The scenario already has a policy named '${name}'.`, tone: 'error' } };
      const shares = currentShares(state);
      const base = activePolicy(state);
      if (shares === undefined || base === undefined) return { ...state, prompt: undefined };
      const returns: readonly ReturnTier[] = base.returns;
      const policy: Policy = { name, label: `${base.label}, adjusted`, weights: weightsToSave(shares, state.scenario), returns };
      const task: Task = { id: state.nextTaskId, kind: 'save', file: state.scenario.file, policy };
      return { ...state, prompt: undefined, task, nextTaskId: state.nextTaskId + 1, message: { text: `Saving policy '${name}'…`, tone: 'info' } };
    }
    case 'export': {
      const path = prompt.text.trim();
      if (path === '') return { ...state, message: { text: 'Give a file name for the CSV.', tone: 'error' } };
      if (state.allocation === undefined) return { ...state, prompt: undefined };
      const inputs = [state.scenario.file, state.scenario.candidatesFile, state.scenario.reviews?.settings.file ?? ''].filter((file) => file !== '');
      const task: Task = { id: state.nextTaskId, kind: 'export', path, excel: prompt.excel, allocation: state.allocation, inputs, scenario: state.scenario };
      return { ...state, prompt: undefined, task, nextTaskId: state.nextTaskId + 1, exportPath: path, message: { text: `Writing ${path}…`, tone: 'info' } };
    }
  }
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

function taskDone(state: TuiState, task: Task, action: Extract<Action, { type: 'taskDone' }>): TuiState {
  const done = { ...state, task: undefined, message: { text: action.text, tone: action.ok ? 'info' : 'error' } as const };
  if (!action.ok || task.kind !== 'save') return done;
  // The new policy is now in the file: add it to the scenario and make it the active one.
  const scenario = { ...state.scenario, policies: [...state.scenario.policies, task.policy] };
  const original = { ...state.original, policies: [...state.original.policies, task.policy] };
  return { ...done, scenario, original, edition: state.editions + 1, editions: state.editions + 1, policy: task.policy.name, weights: undefined, generation: state.generation + 1, lastEdit: `policy ${task.policy.name}` };
}
