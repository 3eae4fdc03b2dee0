/**
 * How enveloppe chooses among allocations of equal value, and how it tells the committee: the
 * priority order (higher score, then smaller request, then earlier row; or a public lottery),
 * the lottery's tickets, and the tie band: the candidates another optimal (or near-optimal)
 * allocation would fund instead.
 */
import { createHash } from 'node:crypto';
import { tieRuleIn, tieSentenceIn, type TieFacts } from '../domain/tie-words.js';
import type { Lottery, Scenario } from '../domain/types.js';
import type { LotteryDraw, Tie } from '../domain/allocation.js';
import type { AllocationModel, ModelRow } from '../model/types.js';
import { objectiveInSteps, OPTIMUM_SLACK, solveCanonical, type CanonicalOutcome } from '../solver/canonical.js';
import { heldBase, holdOthers, throughBase } from '../solver/hold.js';
import { classesByKey, fundingAllowed, fundingState } from '../solver/tie-classes.js';
import type { Reduction } from '../solver/held.js';
import type { SolveOptions } from '../solver/types.js';

/** The published lottery and tie band are words of a published allocation (domain/allocation.ts); re-exported here. */
export type { LotteryDraw, Tie };

/** The rule in words, as the table, the JSON and the report state it. */
export function tieRuleText(lottery: Lottery | undefined): string {
  return tieRuleIn(lottery);
}

/** A candidate's lottery ticket: SHA-256("<seed>:<id>") in hexadecimal; anyone can recompute it. */
export function lotteryTicket(seed: string, id: string): string {
  return createHash('sha256').update(`${seed}:${id}`, 'utf8').digest('hex');
}

/** Candidate indices, first served first: score descending, then the lottery or the request and the row. */
export function priorityOrder(scenario: Scenario, scores: readonly number[], lottery: Lottery | undefined): number[] {
  const tickets = lottery === undefined ? undefined : scenario.candidates.map((candidate) => lotteryTicket(lottery.seed, candidate.id));
  return scenario.candidates
    .map((_, index) => index)
    .sort((a, b) => {
      const byScore = (scores[b] ?? 0) - (scores[a] ?? 0);
      if (byScore !== 0) return byScore;
      if (tickets !== undefined) {
        const left = tickets[a] ?? '';
        const right = tickets[b] ?? '';
        if (left !== right) return left < right ? -1 : 1;
      }
      return (scenario.candidates[a]?.request ?? 0) - (scenario.candidates[b]?.request ?? 0) || a - b;
    });
}


/**
 * Scores for the model under a lottery band: candidates within `band` points of the line take the
 * line's score, so that the model sees them as tied and the draw orders them.
 */
export function pooledScores(scores: readonly number[], line: number, band: number): number[] {
  if (band <= 0) return [...scores];
  return scores.map((score) => (Math.abs(score - line) <= band + 1e-9 ? line : score));
}

/** The draw among the candidates whose score is within the band of the line (exact ties with a band of 0). */
export function drawOf(scenario: Scenario, scores: readonly number[], lottery: Lottery, line: number): LotteryDraw {
  const tickets = scenario.candidates
    .map((candidate, index) => ({ id: candidate.id, score: scores[index] ?? 0, ticket: lotteryTicket(lottery.seed, candidate.id) }))
    .filter((entry) => Math.abs(entry.score - line) <= lottery.band + 1e-9)
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0));
  return { seed: lottery.seed, band: lottery.band, line, tickets };
}


export interface TieSearch {
  /** Relative loss still called near-optimal (0.001 for 0.1 %); 0 looks for exact ties only. */
  readonly near: number;
  /** The tie-break's priority and classes, so that each alternative is itself the canonical one. */
  readonly priority: readonly number[];
  readonly tieKey: (candidate: number) => string;
  readonly lottery: Lottery | undefined;
  readonly options: Partial<SolveOptions>;
}

/**
 * How many left-out candidates the tie search tries at most, first by score. A count, not a clock:
 * what the search finds (and the sentences it writes) must not depend on how busy the machine is.
 */
export const MAX_TIE_TRIES = 50;

/** The ties found, and a note when the search left candidates untried (MAX_TIE_TRIES) or a solve unfinished. */
export interface TieSearchResult {
  readonly ties: Tie[];
  readonly note: string | undefined;
}

/**
 * Looks for other allocations of the same value (or within `near` of it) that fund a candidate the
 * published one leaves out. Exact ties are sought among the left-out candidates that share their
 * score with a funded one; with `near`, the ten best left-out candidates are tried too. Each tie is
 * proven by a solve with that candidate locked in. Each solve has the whole time limit, as a safety
 * only: the search is bounded by MAX_TIE_TRIES, so that its answer does not depend on the load.
 */
export async function findTies(
  scenario: Scenario,
  scores: readonly number[],
  model: AllocationModel,
  published: ReadonlyMap<string, number>,
  search: TieSearch,
): Promise<TieSearchResult> {
  const optimum = objectiveInSteps(model, published);
  const fundedNow = (values: ReadonlyMap<string, number>, index: number): number =>
    (model.candidates[index]?.grants ?? []).reduce((sum, grant) => sum + Math.round(values.get(grant.variable) ?? 0), 0);
  const funded = model.candidates.filter((candidate) => fundedNow(published, candidate.index) > 0).map((candidate) => candidate.index);
  const fundedScores = new Set(funded.map((index) => scores[index]));
  const out = model.candidates
    .map((candidate) => candidate.index)
    .filter((index) => fundedNow(published, index) === 0 && (model.candidates[index]?.capUnits ?? 0) > 0 && scenario.locks[scenario.candidates[index]?.id ?? ''] === undefined)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const tried = new Set(out.filter((index) => fundedScores.has(scores[index])));
  const nearTried = new Set(search.near > 0 ? out.slice(0, 10) : []);
  nearTried.forEach((index) => tried.add(index));
  const ties: Tie[] = [];
  const candidates = out.filter((index) => tried.has(index));
  const unfinished: string[] = [];
  const byKey = classesByKey(model.candidates.map((other) => other.index), search.tieKey);
  const classOf = (index: number): readonly number[] => byKey.get(search.tieKey(index)) ?? [index];
  const exactOnly = (index: number): boolean => search.near === 0 || !nearTried.has(index);
  const trying = candidates.slice(0, MAX_TIE_TRIES);
  // An exact tie moves money only among equal scores: everyone else is held, once, in a base that
  // each try's held model derives from (canonical.ts heldBase), which keeps the tries small on large calls.
  const open = new Set(trying.filter(exactOnly).flatMap(classOf));
  // Built when a try first needs it: on a call that names all its laureates, most exact tries cannot be ties (below).
  let base: Reduction | undefined | 'unbuilt' = open.size === 0 ? undefined : 'unbuilt';
  // A try is the candidate funded with its class's money and all else held: when the call names all
  // its laureates and the class cannot hold its money with the candidate in (tie-classes.ts
  // fundingAllowed, the candidate taken first), no such allocation comes within the tie's reach of
  // the optimum, and the try is not solved (on the hard 1,000-candidate call, the held base and the
  // tries were a tenth of the run).
  const reach = fundingState(model, published, OPTIMUM_SLACK + search.near * Math.abs(optimum));
  const cannotTie = (index: number): boolean => exactOnly(index) && !fundingAllowed(reach, index, [index, ...classOf(index).filter((other) => other !== index)]);
  // Reading a try's value over the whole model costs a read per variable through its held expansions
  // (84 ms of 50 tries on the hard 10,000-candidate call). Without return tiers a candidate's part of
  // the objective is its grants' (its score per step), so what its members changed is the change.
  const withTiers = model.candidates.some((candidate) => candidate.tiers.length > 0);
  const objectiveChange = (movers: readonly number[], values: ReadonlyMap<string, number>): number => {
    let change = 0;
    for (const mover of movers) change += (model.candidates[mover]?.score ?? 0) * (fundedNow(values, mover) - fundedNow(published, mover));
    return change;
  };
  for (const index of trying) {
    const variables = model.candidates[index];
    if (variables === undefined || cannotTie(index)) continue;
    if (base === 'unbuilt') base = heldBase(model, open, published);
    const lock: ModelRow = { name: `tie_${index}`, terms: [[variables.funded, 1]], lower: 1, upper: 1, origin: { kind: 'lock', candidate: index } };
    // The best allocation with the candidate locked in, itself settled by the rule: a plain solve
    // (no row on the objective), so that every engine finds the same one.
    // Served first among its equals, so that the alternative shows it in the other's place.
    const key = search.tieKey(index);
    const first = search.priority.findIndex((other) => search.tieKey(other) === key);
    const priority = search.priority.filter((other) => other !== index);
    priority.splice(Math.max(0, first), 0, index);
    // A near tie may trade across scores: the whole model.
    const members = classOf(index);
    const { outcome } = await solveTry(model, exactOnly(index) ? { members, base, values: published } : undefined, lock, priority, search);
    if (outcome.status !== 'optimal') {
      if (outcome.status !== 'infeasible') unfinished.push(scenario.candidates[index]?.id ?? '');
      continue;
    }
    // A try that holds everyone outside the class moves only its members: its value and who loses are read off them.
    const movers = exactOnly(index) ? [...members].sort((a, b) => a - b) : undefined;
    const value = movers === undefined || withTiers ? objectiveInSteps(model, outcome.values) : optimum + objectiveChange(movers, outcome.values);
    if (value < optimum - OPTIMUM_SLACK - search.near * Math.abs(optimum)) continue;
    const loss = optimum === 0 ? 0 : Math.max(0, (optimum - value) / Math.abs(optimum));
    const exact = value >= optimum - OPTIMUM_SLACK;
    const loses = (movers ?? funded).filter((other) => fundedNow(outcome.values, other) < fundedNow(published, other)).map((other) => scenario.candidates[other]?.id ?? '');
    const gains = scenario.candidates[index]?.id ?? '';
    const facts = tieFacts(scenario, scores, index, loses, exact, loss, search.lottery, model, published, outcome.values);
    ties.push({ kind: exact ? 'exact' : 'near', gains, loses, loss: exact ? 0 : loss, sentence: tieSentenceIn(facts), facts });
  }
  return { ties, note: tieSearchNote(candidates.length, unfinished) };
}

/**
 * The canonical allocation with one candidate locked in: with `held`, every candidate outside its
 * class held (through the base when there is one), the answer read back for the whole model.
 */
async function solveTry(model: AllocationModel, held: { readonly members: readonly number[]; readonly base: Reduction | undefined; readonly values: ReadonlyMap<string, number> } | undefined, lock: ModelRow, priority: readonly number[], search: TieSearch): Promise<CanonicalOutcome> {
  const solve = (from: AllocationModel, rows: readonly ModelRow[], movable?: ReadonlySet<number>): Promise<CanonicalOutcome> => solveCanonical({ ...from, rows: [...from.rows, ...rows] }, priority, search.tieKey, search.options, movable);
  if (held === undefined) return solve(model, [lock]);
  const { members, base, values } = held;
  const movable = new Set(members);
  const lockRows = base === undefined ? undefined : throughBase(base, [lock]);
  if (base === undefined || lockRows === undefined) return solve(holdOthers(model, members, values), [lock], movable);
  const solved = await solve(holdOthers(base.model, members, values), lockRows, movable);
  const { outcome } = solved;
  return outcome.status === 'optimal' || outcome.status === 'feasible' ? { ...solved, outcome: { ...outcome, values: base.expand(outcome.values) } } : solved;
}

function tieSearchNote(candidates: number, unfinished: readonly string[]): string | undefined {
  const notes: string[] = [];
  if (candidates > MAX_TIE_TRIES) notes.push(`the tie search tried the ${MAX_TIE_TRIES} best of ${candidates} left-out candidates that could tie`);
  if (unfinished.length > 0) notes.push(`the tie search could not finish for ${unfinished.join(', ')}`);
  return notes.length === 0 ? undefined : notes.join('; ');
}

/** What the tie says, in no language: domain/tie-words.ts says it in English (the JSON's sentence) or French. */
function tieFacts(
  scenario: Scenario,
  scores: readonly number[],
  index: number,
  loses: readonly string[],
  exact: boolean,
  loss: number,
  lottery: Lottery | undefined,
  model: AllocationModel,
  published: ReadonlyMap<string, number>,
  alternative: ReadonlyMap<string, number>,
): TieFacts {
  const id = scenario.candidates[index]?.id ?? '';
  const score = scores[index] ?? 0;
  const grantIn = (values: ReadonlyMap<string, number>, who: string): number => {
    const at = scenario.candidates.findIndex((candidate) => candidate.id === who);
    return (model.candidates[at]?.grants ?? []).reduce((sum, grant) => sum + Math.round(values.get(grant.variable) ?? 0), 0) * model.unit;
  };
  if (!exact) return { kind: 'near', id, score, loses, loss };
  const draw = lottery === undefined ? undefined : { seed: lottery.seed, band: lottery.band };
  if (loses.length === 1) {
    const other = loses[0] ?? '';
    const at = scenario.candidates.findIndex((candidate) => candidate.id === other);
    const sameScore = scores[at] === scores[index];
    const mineAsked = scenario.candidates[index]?.request ?? 0;
    const theirAsked = scenario.candidates[at]?.request ?? 0;
    const why = lottery !== undefined || !sameScore ? undefined : theirAsked < mineAsked ? ({ kind: 'asked-less', theirs: theirAsked, mine: mineAsked } as const) : theirAsked === mineAsked && at < index ? ({ kind: 'earlier-row' } as const) : undefined;
    return { kind: 'pair', id, other, score, otherScore: sameScore ? undefined : scores[at] ?? 0, theirs: grantIn(published, other), mine: grantIn(alternative, id), lottery: draw, why };
  }
  return { kind: 'many', id, score, loses, lottery: draw };
}
