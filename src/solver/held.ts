/**
 * Held models (the tie-break's and the tie search's: every candidate but a few held as an
 * allocation has it) solved as the small models they are.
 *
 * Two reductions, both exact:
 * - a fixed variable (lower = upper) leaves the model, its part moving into the row bounds;
 * - a held candidate whose total is fixed but whose split between two years is free (a row
 *   x + y = total) is taken out too. Every other row either sees both of its grants with one
 *   coefficient (the envelope, a region's share, the optimum row: a constant) or sees one of them
 *   (a year ceiling). Held candidates whose grants meet the same rows form one class, and the class
 *   becomes two variables X + Y = Σ totals, X between the sums of what each first grant can take.
 *   Any whole X in that range splits back onto the candidates (each range is whole), so the small
 *   model allows exactly the allocations of the movable candidates that the held model allows.
 * The answer comes back for the whole model: fixed values, and each class's X shared out in order.
 */
import type { AllocationModel, ModelRow, ModelVariable, Term } from '../model/types.js';
import { solveModel } from './solve.js';
import type { SolveOptions, SolveOutcome } from './types.js';
import { Signatures } from './signatures.js';
import { idsOf, type FreeTerms, type VariableIds } from './variable-ids.js';
import { WholeValues, type Expansion, type Held, type HeldGrant, type Pair, type PairClass } from './held-values.js';

/** Solves a held model through its reduction (see the file comment); a model with nothing held is solved as it is. */
export async function solveHeld(model: AllocationModel, options: Partial<SolveOptions>): Promise<SolveOutcome> {
  const reduction = reduceHeld(model);
  if (reduction === undefined) return solveModel(model, options);
  return solveReduced(reduction, reduction.model, options);
}

/**
 * The tie-break's solves on one held model: it is reduced once, then each solve brings its own
 * objective and the rows settled since (on the movable candidates). A row or an objective that the
 * reduction cannot carry (one that would change its classes) sends that solve through a fresh one.
 */
export function heldSolver(held: AllocationModel): (objective: readonly Term[], extra: readonly ModelRow[], options: Partial<SolveOptions>) => Promise<SolveOutcome> {
  const reduction = reduceHeld(held);
  return async (objective, extra, options) => {
    // Without extra rows the model keeps its own rows: a model built on a scenario's frame keeps the
    // frame's solver arrays (model/build.ts, solver/arrays.ts).
    const whole = (): AllocationModel => ({ ...held, objective, rows: extra.length === 0 ? held.rows : [...held.rows, ...extra] });
    if (reduction === undefined) return extra.length === 0 ? solveModel(whole(), options) : solveHeld(whole(), options);
    const rows: ModelRow[] = [];
    for (const row of extra) {
      const reduced = reduction.row(row);
      if (reduced === undefined) return solveHeld(whole(), options);
      if (reduced !== 'holds') rows.push(reduced);
    }
    const small = reduction.objective(objective);
    if (small === undefined) return solveHeld(whole(), options);
    return solveReduced(reduction, { ...reduction.model, objective: small, rows: [...reduction.model.rows, ...rows] }, options);
  };
}

async function solveReduced(reduction: Reduction, small: AllocationModel, options: Partial<SolveOptions>): Promise<SolveOutcome> {
  const outcome = await solveModel(small, options);
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return outcome;
  return { ...outcome, values: reduction.expand(outcome.values) };
}

/** The small model, and how rows, objectives and answers pass between it and the whole. */
export interface Reduction {
  readonly model: AllocationModel;
  /** A further row of the whole model in the small model's terms; 'holds' when nothing in it can move; undefined when the reduction cannot carry it. */
  readonly row: (row: ModelRow) => ModelRow | 'holds' | undefined;
  /** An objective of the whole model in the small model's terms; undefined when the reduction cannot carry it. */
  readonly objective: (terms: readonly Term[]) => Term[] | undefined;
  readonly expand: (values: ReadonlyMap<string, number>) => ReadonlyMap<string, number>;
}

/** Prefix of the class variables; no model variable starts with it. */
const CLASS_PREFIX = 'held_split_';

/**
 * Where this reduction numbers its classes: after those of the reductions the model came from (a
 * held model derived from a reduced one, canonical.ts heldBase), so that no two share a name.
 */
function firstClassNumber(model: AllocationModel): number {
  let next = 0;
  for (const variable of model.variables) if (variable.name.startsWith(CLASS_PREFIX)) next = Math.max(next, Number.parseInt(variable.name.slice(CLASS_PREFIX.length), 10) + 1);
  return next;
}

/** The reduction of a held model, or undefined when nothing is held. */
export function reduceHeld(model: AllocationModel): Reduction | undefined {
  // Nothing fixed and no equality row that could hold a pair: nothing is held (the call's own
  // model, solved first by the tie-break, once per solve), found before its names are read into ids.
  const isFixed = (variable: ModelVariable): boolean => variable.upper !== undefined && variable.lower === variable.upper;
  if (!model.variables.some(isFixed) && !model.rows.some((row) => row.lower !== undefined && row.lower === row.upper && row.terms.length >= 2)) return undefined;
  const ids = idsOf();
  const positions = ids.variableIds(model.variables);
  const fixed = { fixed: new Uint8Array(ids.size), value: new Float64Array(ids.size) };
  // In the order of the variables, as the answer lists them (expand).
  const fixedOrder: number[] = [];
  // A repeated name counts as its last variable. Maps, not arrays as long as the id space: a held
  // model of a few candidates in a space of 30,000 spent most of its reduction allocating those.
  const variableOf = new Map<number, ModelVariable>();
  model.variables.forEach((variable, i) => {
    const v = positions[i] ?? 0;
    variableOf.set(v, variable);
    if (!isFixed(variable)) return;
    if (fixed.fixed[v] === 0) fixedOrder.push(v);
    fixed.fixed[v] = 1;
    fixed.value[v] = variable.lower;
  });
  const free = ids.freeRows(model.rows, fixed);
  const { pairs, repeats } = heldPairs(model, variableOf, free, ids.size);
  if (fixedOrder.length === 0 && pairs.length === 0) return undefined;
  const classes = classesOf(model, free, pairs, repeats, ids, firstClassNumber(model));
  const grants = new Map<number, HeldGrant>();
  for (const classed of classes) {
    for (const pair of classed.pairs) {
      grants.set(pair.first, { pair, classed, first: true });
      grants.set(pair.second, { pair, classed, first: false });
    }
  }
  const held: Held = { ids, fixed, grants };
  // The classes' own rows first, so that rows added later (heldSolver) come last, as in the whole model.
  const rows: ModelRow[] = [];
  const variables: ModelVariable[] = model.variables.filter((_, i) => fixed.fixed[positions[i] ?? 0] === 0 && !grants.has(positions[i] ?? 0));
  for (const classed of classes) {
    if (!classed.seen) continue;
    const total = classed.pairs.reduce((sum, pair) => sum + pair.total, 0);
    const low = classed.pairs.reduce((sum, pair) => sum + pair.low, 0);
    const high = classed.pairs.reduce((sum, pair) => sum + pair.high, 0);
    variables.push({ name: classed.first, kind: 'integer', lower: low, upper: high }, { name: classed.second, kind: 'integer', lower: total - high, upper: total - low });
    rows.push({ name: `${classed.first}_total`, terms: [[classed.first, 1], [classed.second, 1]], lower: total, upper: total, origin: { kind: 'settled', candidate: -1 } });
  }
  const pairRows = new Uint8Array(model.rows.length);
  for (const classed of classes) for (const pair of classed.pairs) pairRows[pair.row] = 1;
  for (const [r, pair] of repeats) if (grants.has(pair.first)) pairRows[r] = 1;
  model.rows.forEach((row, r) => {
    const reduced = pairRows[r] === 1 ? 'holds' : reduceRow(row, free, r, held);
    if (reduced !== 'holds' && reduced !== undefined) rows.push(reduced);
  });
  const objective = (terms: readonly Term[]): Term[] | undefined => {
    const merged = ids.freeTerms(terms, fixed);
    const kept: Term[] = [];
    for (let k = 0; k < (merged.start[1] ?? 0); k++) {
      const v = merged.variable[k] ?? 0;
      const coefficient = merged.coefficient[k] ?? 0;
      const grant = grants.get(v);
      // A held pair in the objective is a constant only when both grants count alike.
      if (grant === undefined) kept.push([ids.names[v] ?? '', coefficient]);
      else if (ids.coefficientNear(merged, 0, k, mateOf(grant)) !== coefficient) return undefined;
    }
    return kept;
  };
  const small: AllocationModel = { ...model, variables, objective: objective(model.objective) ?? [], rows };
  const expansion: Expansion = { held, fixedOrder, classes, classVariables: new Set(classes.flatMap((classed) => [classed.first, classed.second])) };
  return { model: small, row: (row) => reduceRow(row, ids.freeTerms(row.terms, fixed), 0, held), objective, expand: (values) => new WholeValues(values, expansion) };
}

/** The other grant of a held grant's pair. */
function mateOf(grant: HeldGrant): number {
  return grant.first ? grant.pair.second : grant.pair.first;
}

/**
 * Row r of `free` in the small model's terms: fixed variables and pairs seen whole become a
 * constant, a pair's grant seen alone becomes its class's variable (every pair of the class is seen
 * alike, see classesOf; for a row added later it is checked here: undefined when it is not).
 */
function reduceRow(row: ModelRow, free: FreeTerms, r: number, held: Held): ModelRow | 'holds' | undefined {
  const { ids, grants } = held;
  let shift = free.constant[r] ?? 0;
  const kept: Term[] = [];
  let seen: Map<PairClass, number> | undefined;
  const from = free.start[r] ?? 0;
  const to = free.start[r + 1] ?? 0;
  for (let k = from; k < to; k++) {
    const v = free.variable[k] ?? 0;
    const coefficient = free.coefficient[k] ?? 0;
    const grant = grants.get(v);
    if (grant === undefined) {
      kept.push([ids.names[v] ?? '', coefficient]);
      continue;
    }
    const mate = ids.coefficientNear(free, r, k, mateOf(grant));
    if (mate !== undefined) {
      if (mate !== coefficient) return undefined;
      // Both grants with one coefficient: the total's part is a constant, counted once (on the first).
      if (grant.first) shift += coefficient * grant.pair.total;
      continue;
    }
    seen ??= new Map();
    const before = seen.get(grant.classed);
    if (before === undefined) {
      seen.set(grant.classed, coefficient);
      kept.push([grant.first ? grant.classed.first : grant.classed.second, coefficient]);
    } else if (before !== coefficient) return undefined;
  }
  if (seen !== undefined) {
    // A class's grant seen alone must be seen for every pair of the class, or X would not stand for them.
    const count = new Map<PairClass, number>();
    for (let k = from; k < to; k++) {
      const classed = grants.get(free.variable[k] ?? 0)?.classed;
      if (classed !== undefined) count.set(classed, (count.get(classed) ?? 0) + 1);
    }
    for (const [classed] of seen) if (count.get(classed) !== classed.pairs.length) return undefined;
  }
  // A row left with no free variable holds already (the values come from a feasible allocation).
  if (kept.length === 0) return 'holds';
  return { ...row, terms: kept, lower: row.lower === undefined ? undefined : row.lower - shift, upper: row.upper === undefined ? undefined : row.upper - shift };
}

/**
 * Rows x + y = total (one coefficient, two integer variables, each in no other such row), in row
 * order; a row that repeats one of them (the tie search holds a held model again) is a repeat.
 */
function heldPairs(model: AllocationModel, variableOf: ReadonlyMap<number, ModelVariable>, free: FreeTerms, size: number): { pairs: Pair[]; repeats: Map<number, Pair> } {
  const byRow: (Pair | undefined)[] = new Array(model.rows.length);
  const repeats = new Map<number, Pair>();
  const owner = new Int32Array(size).fill(-1);
  const clash = new Set<number>();
  model.rows.forEach((row, index) => {
    const at = free.start[index] ?? 0;
    if (row.lower === undefined || row.lower !== row.upper || (free.start[index + 1] ?? 0) - at !== 2) return;
    const first = free.variable[at] ?? 0;
    const second = free.variable[at + 1] ?? 0;
    const a = free.coefficient[at] ?? 0;
    const x = variableOf.get(first);
    const y = variableOf.get(second);
    if (a === 0 || a !== free.coefficient[at + 1] || x?.kind !== 'integer' || y?.kind !== 'integer') return;
    const total = (row.lower - (free.constant[index] ?? 0)) / a;
    if (Math.abs(total - Math.round(total)) > 1e-9) return;
    const whole = Math.round(total);
    const low = Math.max(x.lower, whole - (y.upper ?? Infinity));
    const high = Math.min(x.upper ?? Infinity, whole - y.lower);
    if (!(low <= high) || !Number.isInteger(low) || !Number.isInteger(high)) return;
    const before = owner[first] ?? -1;
    const earlier = byRow[before];
    if (earlier !== undefined && earlier.second === second && earlier.total === whole && owner[second] === before) {
      repeats.set(index, earlier);
      return;
    }
    for (const v of [first, second]) {
      const other = owner[v] ?? -1;
      if (other >= 0) clash.add(other).add(index);
      owner[v] = index;
    }
    byRow[index] = { row: index, first, second, total: whole, low, high };
  });
  for (const index of clash) byRow[index] = undefined;
  for (const [index, pair] of repeats) if (byRow[pair.row] === undefined) repeats.delete(index);
  return { pairs: byRow.filter((pair): pair is Pair => pair !== undefined), repeats };
}

/**
 * Groups the pairs by the rows that see one grant alone (with its coefficient). A pair that a row
 * sees with two coefficients, or that the objective values unevenly, stays in the model.
 */
function classesOf(model: AllocationModel, free: FreeTerms, pairs: readonly Pair[], repeats: ReadonlyMap<number, Pair>, ids: VariableIds, numbered: number): PairClass[] {
  const pairOf = new Int32Array(ids.size).fill(-1);
  pairs.forEach((pair, p) => {
    pairOf[pair.first] = p;
    pairOf[pair.second] = p;
  });
  const broken = new Uint8Array(pairs.length);
  const signatures = new Signatures(ids.size, free.variable.length);
  // The rows that see a grant alone, and the objective seeing a pair unevenly (which breaks it).
  const visit = (terms: FreeTerms, r: number, label: number | 'objective'): void => {
    for (let k = terms.start[r] ?? 0; k < (terms.start[r + 1] ?? 0); k++) {
      const v = terms.variable[k] ?? 0;
      const p = pairOf[v] ?? -1;
      const pair = pairs[p];
      if (pair === undefined || pair.row === label) continue;
      const coefficient = terms.coefficient[k] ?? 0;
      const mate = ids.coefficientNear(terms, r, k, v === pair.first ? pair.second : pair.first);
      if (mate === undefined && label !== 'objective') signatures.add(v, label, coefficient);
      else if (mate !== coefficient) broken[p] = 1;
    }
  };
  visit(ids.freeTerms(model.objective), 0, 'objective');
  for (let r = 0; r < model.rows.length; r++) if (!repeats.has(r)) visit(free, r, r);
  const classes = new Map<number, PairClass>();
  pairs.forEach((pair, p) => {
    if (broken[p] === 1) return;
    const mine = signatures.of(pair.first);
    const its = signatures.of(pair.second);
    // The same rows seen by both grants in one order or the other: orient the pair so that classes meet.
    const inOrder = mine === its || signatures.text(mine) <= signatures.text(its);
    const oriented = inOrder ? pair : { ...pair, first: pair.second, second: pair.first, low: pair.total - pair.high, high: pair.total - pair.low };
    const key = inOrder ? mine * signatures.count + its : its * signatures.count + mine;
    const classed = classes.get(key) ?? { pairs: [], first: `${CLASS_PREFIX}${numbered + classes.size}_a`, second: `${CLASS_PREFIX}${numbered + classes.size}_b`, seen: key !== 0 };
    classed.pairs.push(oriented);
    classes.set(key, classed);
  });
  return [...classes.values()];
}
