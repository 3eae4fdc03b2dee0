/**
 * The canonical optimum: among all allocations that reach the optimum, the one a stated rule
 * chooses, so that every engine (and every path inside an engine) publishes the same grants.
 *
 * The rule is lexicographic: candidates are taken in priority order (higher score first, then the
 * caller's tie-break: smaller request and earlier row, or a lottery), and each gets the largest
 * total grant it can have among the optimal allocations that keep the grants already settled for
 * those before it. It is computed inside the model: a row keeps the objective at its optimum, and
 * each settled grant is a row, so every funder's rule still holds exactly.
 *
 * Only the candidates that can move among optimal allocations need a solve: at the exact optimum,
 * those the optimal face leaves free (face.ts), whatever their scores (48 × 90,000 = 36 × 120,000
 * under a laureate cap); with a gap, or in the tie search, those of a class of equal score
 * (tie-classes.ts). Each solve keeps every other candidate's grant as the optimum found it, which
 * makes it a small problem (a few free candidates; hold.ts) instead of the whole model under an objective
 * row. A candidate that cannot gain (tie-classes.ts canGain), or that is unfunded where its class
 * cannot make room for it (fundingAllowed), is settled as it stands.
 */
import { totalOf, totalTerms } from '../model/totals.js';
import type { AllocationModel, ModelRow, Term } from '../model/types.js';
import { canGain, fundingAllowed, fundingState, tieClasses, type FundingState } from './tie-classes.js';
import type { FaceRanges } from './face.js';
import { heldSolver, type Reduction } from './held.js';
import { heldBase, maximiseTotal, throughBase } from './hold.js';
import { DEFAULT_SOLVE_OPTIONS, type SolveOptions, type SolveOutcome } from './types.js';

/**
 * Slack of the optimum row, in score points × grant steps. Scores carry 4 decimals, so two
 * allocations whose objectives differ by less than 1e-4 point on one step are tied "to the
 * rounding of scores"; this is half of that.
 * @default 5e-5
 */
export const OPTIMUM_SLACK = 5e-5;

/** The canonical tie-break's answer: the solve outcome, and how many extra solves it took. */
export interface CanonicalOutcome {
  readonly outcome: SolveOutcome;
  /** Solves after the first one, to settle ties. */
  readonly tieSolves: number;
  /** The optimum in score points × grant steps (undefined when not optimal). */
  readonly optimum: number | undefined;
}

/** Objective in score points × grant steps (the model's objective divided by the grant step). */
export function objectiveInSteps(model: AllocationModel, values: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const [variable, coefficient] of model.objective) sum += (coefficient / model.unit) * (values.get(variable) ?? 0);
  return sum;
}

/** A row keeping the objective within `slack` (score points × steps) of `optimum`. */
export function optimumRow(model: AllocationModel, lower: number): ModelRow {
  const terms: Term[] = model.objective.map(([variable, coefficient]) => [variable, coefficient / model.unit]);
  return { name: 'optimum', terms, lower, upper: undefined, origin: { kind: 'optimum' } };
}

/** The note when the time limit stops the tie-break (domain/solve-notes.ts has it in French). */
const TIME_LIMIT_STOPPED = 'the time limit stopped the tie-break: ties may not follow the stated rule';

type HeldSolve = ReturnType<typeof heldSolver>;

/**
 * One class's held model (every other candidate held as `values` has it, `rows` kept), solved
 * through the base when there is one; answers are in the whole model's terms either way.
 */
function classSolver(model: AllocationModel, candidate: number, rows: readonly ModelRow[], free: { readonly members: readonly number[]; readonly values: ReadonlyMap<string, number> }, base: Reduction | undefined, baseRows: number): HeldSolve {
  const whole = (): HeldSolve => heldSolver(maximiseTotal(model, candidate, rows, free));
  const settled = base === undefined ? undefined : throughBase(base, rows.slice(baseRows));
  if (base === undefined || settled === undefined) return whole();
  const small = heldSolver(maximiseTotal(base.model, candidate, settled, free));
  let fallback: HeldSolve | undefined;
  return async (objective, extra, options) => {
    const terms = base.objective(objective);
    const more = throughBase(base, extra);
    if (terms === undefined || more === undefined) {
      fallback ??= whole();
      return fallback(objective, extra, options);
    }
    const outcome = await small(terms, more, options);
    return outcome.status === 'optimal' || outcome.status === 'feasible' ? { ...outcome, values: base.expand(outcome.values) } : outcome;
  };
}

/** A row: candidate's total grant at least `units` steps. */
export function settledRow(model: AllocationModel, candidate: number, units: number): ModelRow {
  return { name: `settled_${candidate}`, terms: totalTerms(model.candidates[candidate]), lower: units, upper: undefined, origin: { kind: 'settled', candidate } };
}

/**
 * Solves to the proven optimum, then settles ties by `priority` (candidate indices, first = served
 * first). `tieKey` gives each candidate its class of equal value (its score): only classes of two or
 * more can hold alternative optima.
 */
export async function solveCanonical(
  model: AllocationModel,
  priority: readonly number[],
  tieKey: (candidate: number) => string,
  options: Partial<SolveOptions> = {},
  /** Only these candidates can move (the others are held): the rule is applied to them alone. */
  movable?: ReadonlySet<number>,
): Promise<CanonicalOutcome> {
  // Ties are only meaningful against the true optimum: no gap unless the caller asks for one (--gap).
  const exact: Partial<SolveOptions> = { ...options, relativeGap: options.relativeGap ?? 0 };
  // One time limit for the whole: the tie-break's solves share what the first one left.
  const deadline = performance.now() + (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs);
  // Reduced once: the first solve, and the tie-break's when the caller already holds all but one class.
  const whole = heldSolver(model);
  const first = await whole(model.objective, [], exact);
  if (first.status !== 'optimal') return { outcome: first, tieSolves: 0, optimum: undefined };
  const optimum = objectiveInSteps(model, first.values);
  const rows: ModelRow[] = [optimumRow(model, optimum - OPTIMUM_SLACK)];

  const { moves, ranges, faceRows } = await tieClasses({ model, priority, tieKey, movable, values: first.values, floor: exact.relativeGap === 0 ? optimum - OPTIMUM_SLACK : undefined, timeLimitMs: deadline - performance.now() });
  rows.push(...faceRows);
  const classModel = classModels(model, priority, moves);
  let current = first;
  const notes = [...first.notes];
  let tieSolves = 0;
  let ms = first.ms;
  let held: { members: readonly number[]; rows: number; solve: ReturnType<typeof heldSolver> } | undefined;
  // The laureates and the optimum row's slack of the allocation in hand, when first needed (fundingAllowed).
  let funding: FundingState | undefined;
  const state = (): FundingState => (funding ??= fundingState(model, current.values, objectiveInSteps(model, current.values) - (optimum - OPTIMUM_SLACK)));
  for (const candidate of priority) {
    const members = moves(candidate);
    if (members === undefined) continue;
    const now = totalOf(model, candidate, current.values);
    if (staysAsItIs(model, candidate, members, current.values, { ranges, movable, state })) {
      if (members.indexOf(candidate) < members.length - 1) rows.push(settledRow(model, candidate, now));
      continue;
    }
    const left = deadline - performance.now();
    if (left <= 0) {
      notes.push(TIME_LIMIT_STOPPED);
      break;
    }
    // One class's held model is the same for each of its members (the others keep their totals):
    // reduced once, each solve brings its objective and the rows settled since.
    if (held?.members !== members) held = alreadyHeld(movable, members) ? { members, rows: 0, solve: whole } : { members, rows: rows.length, solve: classModel(candidate, members, rows, current.values) };
    const objective = totalTerms(model.candidates[candidate]);
    const extra = rows.slice(held.rows);
    // Over the face, money moves between candidates of different scores and javascript-lp-solver lost
    // its way on the optimum row (seconds on ten candidates): HiGHS settles those (GLPK the smallest),
    // whatever the engine. Asked for one step more than it has, HiGHS proves that most cannot gain by
    // infeasibility, 10 to 50 times sooner than it proves their largest grant (faces of the 2013 call).
    const gain = ranges === undefined ? [] : [{ ...settledRow(model, candidate, now + 1), name: `gain_${candidate}` }];
    let best = await held.solve(objective, [...extra, ...gain], { ...exact, ...(ranges === undefined ? {} : { engine: 'highs' }), timeLimitMs: left });
    tieSolves += 1;
    ms += best.ms;
    if (gain.length > 0 && best.status === 'infeasible') {
      rows.push(settledRow(model, candidate, now));
      continue;
    }
    if (best.status !== 'optimal' && best.engine !== 'highs') {
      // The restricted model is feasible (the allocation in hand meets it): javascript-lp-solver
      // lost its way on the objective row. HiGHS settles this tie instead, so the answer stays the rule's.
      best = await held.solve(objective, extra, { ...exact, engine: 'highs', timeLimitMs: Math.max(1, deadline - performance.now()) });
      tieSolves += 1;
      ms += best.ms;
      notes.push('javascript-lp-solver failed a tie-break solve; HiGHS settled that tie');
    }
    if (best.status !== 'optimal') {
      // An engine failure or a time-out: the allocation in hand is optimal and meets every rule, but
      // the tie may not be settled by the rule; say so rather than publish nothing.
      notes.push(best.status === 'timedout' ? TIME_LIMIT_STOPPED : `the tie-break stopped (${best.status}): ties may not follow the stated rule`);
      break;
    }
    current = best;
    funding = undefined;
    rows.push(settledRow(model, candidate, totalOf(model, candidate, best.values)));
  }
  return { outcome: settled(first, current, ms, notes), tieSolves, optimum };
}

/**
 * Whether the tie-break settles a candidate as it stands, without a solve: it cannot gain (canGain),
 * or, in classes of one score (no face), it is unfunded and its class cannot make room for it
 * (fundingAllowed; on the hard 10,000-candidate call at 0.01 %, a thousand held models built and
 * solved only to find that).
 */
function staysAsItIs(model: AllocationModel, candidate: number, members: readonly number[], values: ReadonlyMap<string, number>, context: { ranges: FaceRanges | undefined; movable: ReadonlySet<number> | undefined; state: () => FundingState }): boolean {
  if (!canGain(model, candidate, members, values, context.ranges)) return true;
  if (context.ranges !== undefined || context.movable !== undefined) return false;
  const unfunded = Math.round(values.get(model.candidates[candidate]?.funded ?? '') ?? 0) === 0;
  return unfunded && !fundingAllowed(context.state(), candidate, members);
}

type Solved = Extract<SolveOutcome, { status: 'optimal' | 'feasible' }>;

/**
 * The tie-break's answer. The engine that proved the optimum names it, with the gap it proved: the
 * tie-break only chooses among allocations at least as good (the optimum row), so the gap still
 * holds. Its values are copied out of the held models' expansions once (held-values.ts): every
 * reader after (the split between years, the tie search and its tries, publishing) reads each
 * grant, each time through as many expansions as the last solve's model was deep (three on the
 * hard 10,000-candidate call).
 */
function settled(first: Solved, current: Solved, ms: number, notes: readonly string[]): SolveOutcome {
  const answer = current === first && notes.length === first.notes.length ? first : { ...current, engine: first.engine, gap: first.gap, ms, notes };
  return { ...answer, values: answer.values instanceof Map ? answer.values : new Map(answer.values) };
}

/**
 * The held model of each class the tie-break moves, by chunks of classes (see chunks): while a
 * chunk's classes are settled, every candidate outside it keeps its grant, held once in the chunk's
 * base (built when a class of the chunk first needs it), from which each class's held model derives.
 * On a large call the chunks come in two sizes: an inner chunk's base derives from its outer chunk's.
 */
function classModels(model: AllocationModel, priority: readonly number[], moves: (candidate: number) => readonly number[] | undefined): (candidate: number, members: readonly number[], rows: readonly ModelRow[], values: ReadonlyMap<string, number>) => HeldSolve {
  const chunkOf = chunks(model, priority, moves);
  let outer: Base | undefined;
  let inner: Base | undefined;
  return (candidate, members, rows, values) => {
    const chunk = chunkOf.get(members);
    if (chunk === undefined) return classSolver(model, candidate, rows, { members, values }, undefined, 0);
    // A base keeps the rows settled so far (most only on candidates it holds): a class's held model then reads only those settled since.
    if (outer?.chunk !== chunk.outer.index) {
      outer = { chunk: chunk.outer.index, rows: rows.length, reduction: heldBase({ ...model, rows: [...model.rows, ...rows] }, chunk.outer.members, values) };
      inner = undefined;
    }
    if (chunk.inner !== undefined && inner?.chunk !== chunk.inner.index) inner = { chunk: chunk.inner.index, rows: rows.length, reduction: outer.reduction === undefined ? undefined : within(outer.reduction, rows.slice(outer.rows), chunk.inner.members, values) };
    const base = chunk.inner !== undefined && inner?.reduction !== undefined ? inner : outer;
    return classSolver(model, candidate, rows, { members, values }, base.reduction, base.rows);
  };
}

/** A chunk's base: its held model's reduction, and how many rows had been settled when it was built. */
interface Base {
  readonly chunk: number;
  readonly rows: number;
  readonly reduction: Reduction | undefined;
}

/** An inner chunk's base, derived from its outer chunk's (with the rows settled since that one was built). */
function within(outer: Reduction, settledSince: readonly ModelRow[], members: readonly number[], values: ReadonlyMap<string, number>): Reduction | undefined {
  const settled = throughBase(outer, settledSince);
  if (settled === undefined) return undefined;
  const inner = heldBase({ ...outer.model, rows: [...outer.model.rows, ...settled] }, members, values);
  if (inner === undefined) return undefined;
  return {
    model: inner.model,
    row: (row) => {
      const middle = outer.row(row);
      return middle === undefined || middle === 'holds' ? middle : inner.row(middle);
    },
    objective: (terms) => {
      const middle = outer.objective(terms);
      return middle === undefined ? undefined : inner.objective(middle);
    },
    expand: (solved) => outer.expand(inner.expand(solved)),
  };
}

interface Chunk {
  readonly index: number;
  readonly members: readonly number[];
}

/**
 * The classes the tie-break will move (`moves` gives a candidate's class, undefined when it stays), cut
 * in order into chunks. A chunk's base costs a reduction of the model it derives from, and each class's
 * held model one of its chunk's base, about in proportion to their candidates: with M candidates
 * moving in K classes of a call of N, outer chunks of (M·N²/K)^⅓ candidates derived from the call,
 * and inner chunks of (outer)²/N derived from them, make the three kinds of reduction cost about
 * alike. On the hard 10,000-candidate call at 0.01 %, 2,540 candidates in 650 classes: one chunk for
 * all left each class's held model nearly as large as the call; chunks of √(M·N/K) took 1.8 s of
 * reductions; two sizes took less (docs/speed.md).
 */
function chunks(model: AllocationModel, priority: readonly number[], moves: (candidate: number) => readonly number[] | undefined): Map<readonly number[], { readonly outer: Chunk; readonly inner: Chunk | undefined }> {
  const order: (readonly number[])[] = [];
  const seen = new Set<readonly number[]>();
  for (const candidate of priority) {
    const members = moves(candidate);
    if (members === undefined || seen.has(members)) continue;
    seen.add(members);
    order.push(members);
  }
  const moving = order.reduce((sum, members) => sum + members.length, 0);
  const called = Math.max(1, model.candidates.length);
  const outerSize = Math.ceil(Math.cbrt((moving * called * called) / Math.max(1, order.length)));
  const innerSize = Math.ceil((outerSize * outerSize) / called);
  const chunkOf = new Map<readonly number[], { readonly outer: Chunk; readonly inner: Chunk | undefined }>();
  const outers = cut(order, outerSize);
  let innerIndex = 0;
  outers.forEach((classes, index) => {
    const outer = { index, members: classes.flat() };
    // One inner chunk would be the outer chunk again: its classes derive from the outer base.
    const inners = cut(classes, innerSize);
    for (const group of inners) {
      const inner = inners.length > 1 ? { index: innerIndex++, members: group.flat() } : undefined;
      for (const one of group) chunkOf.set(one, { outer, inner });
    }
  });
  return chunkOf;
}

/** Classes cut in order into groups of at least `size` candidates (the last may be smaller). */
function cut(classes: readonly (readonly number[])[], size: number): (readonly number[])[][] {
  const groups: (readonly number[])[][] = [];
  let group: (readonly number[])[] = [];
  let count = 0;
  for (const one of classes) {
    group.push(one);
    count += one.length;
    if (count >= size) {
      groups.push(group);
      group = [];
      count = 0;
    }
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** True when the caller holds everyone but this class (the tie search): the model is the class's held model already. */
function alreadyHeld(movable: ReadonlySet<number> | undefined, members: readonly number[]): boolean {
  return movable !== undefined && movable.size === members.length && members.every((member) => movable.has(member));
}
