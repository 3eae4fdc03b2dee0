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
 * makes it a small problem (a few free candidates) instead of the whole model under an objective
 * row. A candidate that cannot gain (tie-classes.ts canGain) is settled as it stands.
 */
import { pieceName } from '../model/build.js';
import { totalOf, totalTerms } from '../model/totals.js';
import type { AllocationModel, CandidateVariables, ModelRow, ModelVariable, Term } from '../model/types.js';
import { canGain, tieClasses } from './tie-classes.js';
import { heldSolver, reduceHeld, type Reduction } from './held.js';
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

/**
 * The model with every candidate outside `members` held as `values` has it: its funded status and
 * its total grant (its split between years stays free, since fixing a split the solver chose at
 * random could forbid a move the rule allows). Money can then move only among `members`.
 */
export function holdOthers(model: AllocationModel, members: readonly number[], values: ReadonlyMap<string, number>): AllocationModel {
  const open = new Set(members);
  const layout = layoutOf(model);
  const variables = [...model.variables];
  const fix = (position: number | undefined, value: number): void => {
    const variable = model.variables[position ?? -1];
    if (position === undefined || variable === undefined) return;
    let copy = layout.fixed[position];
    if (copy?.lower !== value) {
      copy = { ...variable, lower: value, upper: value };
      layout.fixed[position] = copy;
    }
    variables[position] = copy;
  };
  const held: ModelRow[] = [];
  for (const i of layout.present) {
    const other = model.candidates[i] as CandidateVariables;
    if (open.has(other.index)) continue;
    const total = totalOf(model, other.index, values);
    fix(layout.funded[i], Math.round(values.get(other.funded) ?? 0));
    if (other.grants.length === 1) for (const grant of other.grants) fix(layout.at.get(grant.variable), Math.round(values.get(grant.variable) ?? 0));
    else {
      let row = layout.held[i];
      if (row?.lower !== total) {
        row = { name: `held_${other.index}`, terms: totalTerms(other), lower: total, upper: total, origin: { kind: 'settled', candidate: other.index } };
        layout.held[i] = row;
      }
      held.push(row);
    }
    if (other.tiers.length > 0) for (const [piece, value] of heldPieces(other, total, model.variables, layout.at)) fix(layout.at.get(piece), value);
  }
  return { ...model, variables, rows: [...model.rows, ...held] };
}

/**
 * What holdOthers needs of a model, found once (the tie-break holds one model many times): where
 * each variable sits, and each candidate's funded variable. It keeps the fixed copy of each variable
 * and the held row of each candidate that it last wrote, reused while their value stays: the
 * collector then sees a few new objects per held model instead of tens of thousands.
 */
interface Layout {
  readonly candidates: readonly CandidateVariables[];
  readonly at: ReadonlyMap<string, number>;
  /** By candidate, in the order of `candidates`. */
  readonly funded: readonly (number | undefined)[];
  /**
   * The candidates whose funded variable is in the model, by position: all of them, but in a held
   * base's small model (heldBase), where those it holds are gone already.
   */
  readonly present: readonly number[];
  readonly fixed: (ModelVariable | undefined)[];
  readonly held: (ModelRow | undefined)[];
}

const layouts = new WeakMap<readonly ModelVariable[], Layout>();

function layoutOf(model: AllocationModel): Layout {
  const known = layouts.get(model.variables);
  // Each weighting of an analysis builds new candidates on the same frame (model/build.ts: the same
  // variables, each candidate's funded name and grants): its layout is the frame's, not a new one.
  if (known !== undefined && sameCandidates(known.candidates, model.candidates)) return known;
  const at = new Map(model.variables.map((variable, position) => [variable.name, position]));
  const funded = model.candidates.map((candidate) => at.get(candidate.funded));
  const present = funded.flatMap((position, i) => (position === undefined ? [] : [i]));
  const layout: Layout = { candidates: model.candidates, at, funded, present, fixed: [], held: [] };
  layouts.set(model.variables, layout);
  return layout;
}

function sameCandidates(a: readonly CandidateVariables[], b: readonly CandidateVariables[]): boolean {
  return a === b || (a.length === b.length && a.every((candidate, i) => candidate.funded === b[i]?.funded && candidate.grants === b[i]?.grants));
}

/**
 * A held candidate's return-tier pieces, filled best value first up to its held total. The pieces
 * only carry the objective: with the total held, any other fill is worth less, so it meets the
 * optimum row (the only row besides their own that sees them) only if this one does. Fixing them
 * keeps the held model's allocations as they were, and lets its reduction (held.ts) take the
 * candidate out, pieces and all (without it HiGHS carried a few hundred free pieces per tie).
 */
function heldPieces(candidate: CandidateVariables, total: number, variables: readonly ModelVariable[], at: ReadonlyMap<string, number>): Map<string, number> {
  const pieces = candidate.tiers
    .map((tier, k) => ({ name: pieceName(candidate.index, k), value: tier.value, width: variables[at.get(pieceName(candidate.index, k)) ?? -1]?.upper ?? 0 }))
    .filter((piece) => at.has(piece.name))
    .sort((a, b) => b.value - a.value);
  const filled = new Map<string, number>();
  let left = total;
  for (const piece of pieces) {
    const take = Math.max(0, Math.min(piece.width, left));
    filled.set(piece.name, take);
    left -= take;
  }
  return filled;
}

/**
 * The model with extra rows and a new objective: maximise one candidate's total grant. When `free`
 * is given, every other candidate is held (holdOthers).
 */
export function maximiseTotal(model: AllocationModel, candidate: number, rows: readonly ModelRow[], free?: { readonly members: readonly number[]; readonly values: ReadonlyMap<string, number> }): AllocationModel {
  const base = free === undefined ? model : holdOthers(model, free.members, free.values);
  return { ...base, objective: totalTerms(model.candidates[candidate]), rows: [...base.rows, ...rows] };
}

/**
 * A held model kept as the base of narrower ones: every candidate outside `open` held as `values`
 * has it, reduced once (held.ts). The tie-break and the tie search hold all but one class again
 * and again; each class's held model derives from the base's small model instead of the whole call
 * (on the hard 10,000-candidate call, hundreds of classes), and its answers come back through
 * `expand`. Undefined when nothing is held or the reduction cannot carry the model's objective.
 */
export function heldBase(model: AllocationModel, open: Iterable<number>, values: ReadonlyMap<string, number>): Reduction | undefined {
  const reduction = reduceHeld(holdOthers(model, [...open], values));
  return reduction !== undefined && reduction.objective(model.objective) !== undefined ? reduction : undefined;
}

/** Rows of the whole model in the base's terms, without those that hold already; undefined when the base cannot carry one. */
export function throughBase(base: Reduction, rows: readonly ModelRow[]): ModelRow[] | undefined {
  const reduced: ModelRow[] = [];
  for (const row of rows) {
    const small = base.row(row);
    if (small === undefined) return undefined;
    if (small !== 'holds') reduced.push(small);
  }
  return reduced;
}

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
  for (const candidate of priority) {
    const members = moves(candidate);
    if (members === undefined) continue;
    const now = totalOf(model, candidate, current.values);
    if (!canGain(model, candidate, members, current.values, ranges)) {
      if (members.indexOf(candidate) < members.length - 1) rows.push(settledRow(model, candidate, now));
      continue;
    }
    const left = deadline - performance.now();
    if (left <= 0) {
      notes.push('the time limit stopped the tie-break: ties may not follow the stated rule');
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
      notes.push(`the tie-break stopped (${best.status}): ties may not follow the stated rule`);
      break;
    }
    current = best;
    rows.push(settledRow(model, candidate, totalOf(model, candidate, best.values)));
  }
  // The engine that proved the optimum names the answer, with the gap it proved: the tie-break only
  // chooses among allocations at least as good (the optimum row), so the gap still holds.
  const outcome: SolveOutcome = current === first && notes.length === first.notes.length ? first : { ...current, engine: first.engine, gap: first.gap, ms, notes };
  return { outcome, tieSolves, optimum };
}

/**
 * The held model of each class the tie-break moves, by chunks of classes (see chunks): while a
 * chunk's classes are settled, every candidate outside it keeps its grant, held once in the chunk's
 * base (built when a class of the chunk first needs it), from which each class's held model derives.
 */
function classModels(model: AllocationModel, priority: readonly number[], moves: (candidate: number) => readonly number[] | undefined): (candidate: number, members: readonly number[], rows: readonly ModelRow[], values: ReadonlyMap<string, number>) => HeldSolve {
  const chunkOf = chunks(model, priority, moves);
  let base: { readonly chunk: number; readonly rows: number; readonly reduction: Reduction | undefined } | undefined;
  return (candidate, members, rows, values) => {
    const chunk = chunkOf.get(members);
    // The base keeps the rows settled so far (most only on candidates it holds): a class's held model then reads only those settled since.
    if (base === undefined || base.chunk !== (chunk?.index ?? -1)) base = { chunk: chunk?.index ?? -1, rows: rows.length, reduction: chunk === undefined ? undefined : heldBase({ ...model, rows: [...model.rows, ...rows] }, chunk.members, values) };
    return classSolver(model, candidate, rows, { members, values }, base.reduction, base.rows);
  };
}

/**
 * The classes the tie-break will move (`moves` gives a candidate's class, undefined when it stays), cut
 * in order into chunks of about √(moving × candidates / classes) candidates: a chunk's base costs a
 * reduction of the whole model, and each class's held model then costs about the chunk's size; on
 * the hard 10,000-candidate call, 9,394 candidates in 694 classes, one base for all of them left
 * each class's held model nearly as large as the call.
 */
function chunks(model: AllocationModel, priority: readonly number[], moves: (candidate: number) => readonly number[] | undefined): Map<readonly number[], { readonly index: number; readonly members: readonly number[] }> {
  const order: (readonly number[])[] = [];
  const seen = new Set<readonly number[]>();
  for (const candidate of priority) {
    const members = moves(candidate);
    if (members === undefined || seen.has(members)) continue;
    seen.add(members);
    order.push(members);
  }
  const moving = order.reduce((sum, members) => sum + members.length, 0);
  const size = Math.ceil(Math.sqrt((moving * model.candidates.length) / Math.max(1, order.length)));
  const chunkOf = new Map<readonly number[], { readonly index: number; readonly members: readonly number[] }>();
  let members: number[] = [];
  let classes: (readonly number[])[] = [];
  let index = 0;
  const close = (): void => {
    const chunk = { index: index++, members };
    for (const one of classes) chunkOf.set(one, chunk);
    members = [];
    classes = [];
  };
  for (const one of order) {
    members.push(...one);
    classes.push(one);
    if (members.length >= size) close();
  }
  if (classes.length > 0) close();
  return chunkOf;
}

/** True when the caller holds everyone but this class (the tie search): the model is the class's held model already. */
function alreadyHeld(movable: ReadonlySet<number> | undefined, members: readonly number[]): boolean {
  return movable !== undefined && movable.size === members.length && members.every((member) => movable.has(member));
}
