/**
 * The solve pipeline, one way: score → build the model → solve (with the canonical tie-break) →
 * publish. Analyses (analysis/) and the faces call `allocate`; nothing here reads files or keeps
 * state between calls (what a face keeps lives in its Session).
 */
import type { Allocation, Selection, SolveStatus } from '../domain/allocation.js';
import type { Lottery, Policy, Scenario } from '../domain/types.js';
import { buildModel } from '../model/build.js';
import type { AllocationModel } from '../model/types.js';
import { buildYearSplit, splitTwoYears } from '../model/year-split.js';
import { solveCanonical } from '../solver/canonical.js';
import { solveModel } from '../solver/solve.js';
import { DEFAULT_SOLVE_OPTIONS, type EngineName, type SolveOptions } from '../solver/types.js';
import { publish } from './publish.js';
import { findPolicy, scoreCandidates, type Scored } from './score.js';
import { createSession, type Session } from './session.js';
import { drawOf, findTies, pooledScores, priorityOrder, tieRuleText } from './tiebreak.js';

/** Outcomes are values: each status is rendered by the caller. */
export type AllocationOutcome =
  | { readonly status: 'optimal'; readonly allocation: Allocation; readonly model: AllocationModel }
  /** The time limit stopped the search: the best allocation found, which passes every rule, and its proven gap. */
  | { readonly status: 'feasible'; readonly allocation: Allocation; readonly model: AllocationModel }
  | { readonly status: Exclude<SolveStatus, 'optimal' | 'feasible' | 'failed'>; readonly engine: EngineName; readonly ms: number; readonly model: AllocationModel; readonly notes: readonly string[] }
  | { readonly status: 'failed'; readonly reason: string; readonly engine: EngineName | undefined; readonly ms: number; readonly notes: readonly string[] };

/** Scores, models, solves and publishes one allocation. */
export interface AllocateOptions extends Partial<SolveOptions> {
  /**
   * Split grants between years close to the requests (a second, small solve). Analyses that only
   * read totals turn it off. @default true
   */
  readonly splitYears?: boolean;
  /**
   * Look for other optimal allocations (exact ties), or near-optimal ones within `near` (0.001 =
   * 0.1 %) of the optimum, and say which candidates they swap; false skips the search (analyses
   * that only count who is funded). @default { near: 0 }
   */
  readonly ties?: false | { readonly near: number };
  /**
   * Work out what each candidate's reviewers say (spread, own scores) for the published allocation;
   * analyses that only read grants turn it off. @default true
   */
  readonly reviews?: boolean;
  /** A lottery replacing the scenario's own (`--lottery SEED`). */
  readonly lottery?: Lottery;
  /** Changes scores after scoring (explain: "what if this candidate scored 80?"). */
  readonly adjustScores?: (scores: readonly number[]) => readonly number[];
  /** What the calling face keeps between solves (compiled formulas). @default a session of its own */
  readonly session?: Session;
}

export async function allocate(scenario: Scenario, selection: Selection, options: AllocateOptions = {}): Promise<AllocationOutcome> {
  const started = performance.now();
  const scoring = await scoreCandidates(scenario, selection, options.session ?? createSession(), { reviews: options.reviews ?? true });
  if (typeof scoring === 'string') return { status: 'failed', reason: scoring, engine: undefined, ms: performance.now() - started, notes: [] };
  const scored: Scored = options.adjustScores === undefined ? scoring : { ...scoring, scores: [...options.adjustScores(scoring.scores)] };
  const policy = findPolicy(scenario, selection.policy) as Policy;
  const lottery = options.lottery ?? scenario.lottery;
  // The canonical solves re-solve in the session's kept models (warm); a call without a session keeps none.
  const solveOptions: Partial<SolveOptions> = { ...solveOptionsOf(options), models: options.session?.highs };
  const timeLeft = (): number => (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs) - (performance.now() - started);

  // With a lottery band, the line is found first; the band's scores then count as the line's.
  const line = await bandLine(scenario, scored.scores, policy, lottery, solveOptions);
  const modelScores = line === undefined || lottery === undefined ? scored.scores : pooledScores(scored.scores, line, lottery.band);
  const model = buildModel(scenario, modelScores, policy);
  const priority = priorityOrder(scenario, modelScores, lottery);
  // Read for every candidate of every class the tie-break and the tie search look at: written once.
  const keys = modelScores.map(String);
  const tieKey = (index: number): string => keys[index] ?? 'undefined';
  const solved = (await solveCanonical(model, priority, tieKey, solveOptions)).outcome;
  if (solved.status === 'failed') return { status: 'failed', reason: solved.reason, engine: solved.engine, ms: solved.ms, notes: solved.notes };
  if (solved.status !== 'optimal' && solved.status !== 'feasible') return { status: solved.status, engine: solved.engine, ms: solved.ms, model, notes: solved.notes };
  // The split between years gets what is left of the time limit (at least a second), not a second full limit.
  const split = options.splitYears === false ? { values: solved.values } : await splitYears(scenario, model, solved.values, { ...solveOptions, models: undefined, engine: solved.engine, timeLimitMs: Math.max(1_000, timeLeft()) });
  // The tie search is bounded by a count (tiebreak.ts), not by what is left of the clock: its sentences must not depend on the load.
  const search = options.ties === false || solved.status !== 'optimal' ? { ties: [], note: undefined } : await findTies(scenario, modelScores, model, solved.values, { near: options.ties?.near ?? 0, lottery, options: solveOptions, priority, tieKey });
  const notes = [...solved.notes, ...(split.note === undefined ? [] : [split.note]), ...(search.note === undefined ? [] : [search.note])];
  const ties = search.ties;
  const drawn = lottery === undefined ? undefined : drawOf(scenario, scored.scores, lottery, line ?? lineOf(model, solved.values, scored.scores) ?? 0);
  const run = { engine: solved.engine, gap: solved.gap, ms: performance.now() - started, notes };
  const allocation = publish(scenario, policy, scored, model, split.values, run, { tiebreak: { rule: tieRuleText(lottery), lottery: drawn }, ties });
  return { status: solved.status, allocation, model };
}

/** The solver's options among allocate's. */
export function solveOptionsOf(options: AllocateOptions): Partial<SolveOptions> {
  const { ties: _ties, lottery: _lottery, splitYears: _split, adjustScores: _adjust, session: _session, reviews: _reviews, ...solve } = options;
  return solve;
}

/** Under a lottery with a band: the funding line of a first solve, at which the band is drawn; undefined otherwise. */
async function bandLine(scenario: Scenario, scores: readonly number[], policy: Policy, lottery: Lottery | undefined, options: Partial<SolveOptions>): Promise<number | undefined> {
  if (lottery === undefined || lottery.band <= 0) return undefined;
  const model = buildModel(scenario, scores, policy);
  const first = await solveCanonical(model, priorityOrder(scenario, scores, lottery), (index) => String(scores[index]), options);
  return first.outcome.status === 'optimal' ? lineOf(model, first.outcome.values, scores) : undefined;
}

/** The funding line: the lowest score among the funded candidates. */
function lineOf(model: AllocationModel, values: ReadonlyMap<string, number>, scores: readonly number[]): number | undefined {
  let line: number | undefined;
  for (const candidate of model.candidates) {
    const total = candidate.grants.reduce((sum, grant) => sum + Math.round(values.get(grant.variable) ?? 0), 0);
    const score = scores[candidate.index] ?? 0;
    if (total > 0 && (line === undefined || score < line)) line = score;
  }
  return line;
}

/**
 * Splits each grant between years as close as possible to the candidate's per-year requests
 * (or the ceilings' proportions), keeping totals and ceilings; see model/year-split.ts.
 */
async function splitYears(scenario: Scenario, model: AllocationModel, values: ReadonlyMap<string, number>, options: Partial<SolveOptions>): Promise<{ values: ReadonlyMap<string, number>; note?: string | undefined }> {
  const years = scenario.envelope.years;
  if (years.length < 2) return { values };
  const ceilings = years.reduce((sum, entry) => sum + entry.ceiling, 0);
  const targets = (index: number, total: number): number[] => {
    const requests = years.map((entry) => scenario.candidates[index]?.requestByYear[entry.year]);
    const asked = requests.reduce<number>((sum, request) => sum + (request ?? 0), 0);
    if (requests.every((request) => request !== undefined) && asked > 0) return requests.map((request) => (total * (request ?? 0)) / asked);
    return years.map((entry) => (total * entry.ceiling) / ceilings);
  };
  const [first, second] = years;
  if (years.length === 2 && first !== undefined && second !== undefined) {
    const greedy = splitTwoYears(model, values, targets, [Math.floor(first.ceiling / scenario.grant.step + 1e-9), Math.floor(second.ceiling / scenario.grant.step + 1e-9)]);
    if (greedy !== undefined) return { values: new Map([...values, ...greedy]) };
  }
  const outcome = await solveModel(buildYearSplit(model, values, targets), options);
  if (outcome.status !== 'optimal') return { values, note: `the split between years was left as the solver found it (${outcome.status})` };
  const merged = new Map(values);
  for (const [name, value] of outcome.values) if (name.startsWith('g_')) merged.set(name, value);
  return { values: merged };
}
