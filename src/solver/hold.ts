/**
 * Holding candidates: a model in which everyone outside a set keeps the funded status and total
 * grant an allocation gives them, so that money moves only inside the set (the canonical
 * tie-break's class models and the tie search, canonical.ts and pipeline/tiebreak.ts), and the
 * held bases that many such models derive from, reduced once (held.ts).
 */
import { pieceName } from '../model/build.js';
import { totalOf, totalTerms } from '../model/totals.js';
import type { AllocationModel, CandidateVariables, ModelRow, ModelVariable } from '../model/types.js';
import { reduceHeld, type Reduction } from './held.js';

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
