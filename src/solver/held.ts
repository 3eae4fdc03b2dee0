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
    const whole = { ...held, objective, rows: [...held.rows, ...extra] };
    if (reduction === undefined) return extra.length === 0 ? solveModel(whole, options) : solveHeld(whole, options);
    const rows: ModelRow[] = [];
    for (const row of extra) {
      const reduced = reduction.row(row);
      if (reduced === undefined) return solveHeld(whole, options);
      if (reduced !== 'holds') rows.push(reduced);
    }
    const small = reduction.objective(objective);
    if (small === undefined) return solveHeld(whole, options);
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
  readonly expand: (values: ReadonlyMap<string, number>) => Map<string, number>;
}

/** A held candidate's fixed total over two grants; `low..high` is what `first` can take with `second` within its bounds. */
interface Pair {
  readonly row: number;
  readonly first: string;
  readonly second: string;
  readonly total: number;
  readonly low: number;
  readonly high: number;
}

/** Held candidates whose grants meet the same rows with the same coefficients, and the two variables standing for them. */
interface PairClass {
  readonly pairs: Pair[];
  readonly first: string;
  readonly second: string;
  /** False when no row but their own sees these grants: the class needs no variable. */
  readonly seen: boolean;
}

type Merged = { readonly terms: Map<string, number>; readonly constant: number };
type Held = ReadonlyMap<string, { readonly pair: Pair; readonly classed: PairClass; readonly first: boolean }>;

/** Prefix of the class variables; no model variable starts with it. */
const CLASS_PREFIX = 'held_split_';

/** The reduction of a held model, or undefined when nothing is held. */
export function reduceHeld(model: AllocationModel): Reduction | undefined {
  const fixed = new Map<string, number>();
  for (const variable of model.variables) if (variable.upper !== undefined && variable.lower === variable.upper) fixed.set(variable.name, variable.lower);
  // Nothing fixed and no equality row that could hold a pair: nothing is held (the call's own
  // model, solved first by the tie-break), found without reading every row's terms.
  if (fixed.size === 0 && !model.rows.some((row) => row.lower !== undefined && row.lower === row.upper && row.terms.length >= 2)) return undefined;
  const merged = model.rows.map((row) => mergeFree(row.terms, fixed));
  const { pairs, repeats } = heldPairs(model, merged);
  if (fixed.size === 0 && pairs.size === 0) return undefined;
  const classes = classesOf(model, merged, pairs, repeats);
  const held = new Map<string, { pair: Pair; classed: PairClass; first: boolean }>();
  for (const classed of classes) {
    for (const pair of classed.pairs) {
      held.set(pair.first, { pair, classed, first: true });
      held.set(pair.second, { pair, classed, first: false });
    }
  }
  // The classes' own rows first, so that rows added later (heldSolver) come last, as in the whole model.
  const rows: ModelRow[] = [];
  const variables: ModelVariable[] = model.variables.filter((variable) => !fixed.has(variable.name) && !held.has(variable.name));
  for (const classed of classes) {
    if (!classed.seen) continue;
    const total = classed.pairs.reduce((sum, pair) => sum + pair.total, 0);
    const low = classed.pairs.reduce((sum, pair) => sum + pair.low, 0);
    const high = classed.pairs.reduce((sum, pair) => sum + pair.high, 0);
    variables.push({ name: classed.first, kind: 'integer', lower: low, upper: high }, { name: classed.second, kind: 'integer', lower: total - high, upper: total - low });
    rows.push({ name: `${classed.first}_total`, terms: [[classed.first, 1], [classed.second, 1]], lower: total, upper: total, origin: { kind: 'settled', candidate: -1 } });
  }
  const pairRows = new Set([...held.values()].map((entry) => entry.pair.row));
  for (const [index, pair] of repeats) if (held.has(pair.first)) pairRows.add(index);
  model.rows.forEach((row, index) => {
    const reduced = pairRows.has(index) ? 'holds' : reduceRow(row, merged[index] ?? mergeFree(row.terms, fixed), held);
    if (reduced !== 'holds' && reduced !== undefined) rows.push(reduced);
  });
  const objective = (terms: readonly Term[]): Term[] | undefined => {
    const free = mergeFree(terms, fixed);
    const kept: Term[] = [];
    for (const [name, coefficient] of free.terms) {
      const entry = held.get(name);
      // A held pair in the objective is a constant only when both grants count alike.
      if (entry === undefined) kept.push([name, coefficient]);
      else if (free.terms.get(entry.first ? entry.pair.second : entry.pair.first) !== coefficient) return undefined;
    }
    return kept;
  };
  const small: AllocationModel = { ...model, variables, objective: objective(model.objective) ?? [], rows };
  return { model: small, row: (row) => reduceRow(row, mergeFree(row.terms, fixed), held), objective, expand: (values) => expand(values, fixed, classes) };
}

/**
 * One row in the small model's terms: fixed variables and pairs seen whole become a constant, a
 * pair's grant seen alone becomes its class's variable (every pair of the class is seen alike, see
 * classesOf; for a row added later it is checked here: undefined when it is not).
 */
function reduceRow(row: ModelRow, free: Merged, held: Held): ModelRow | 'holds' | undefined {
  let shift = free.constant;
  const kept: Term[] = [];
  const seen = new Map<PairClass, number>();
  for (const [name, coefficient] of free.terms) {
    const entry = held.get(name);
    if (entry === undefined) {
      kept.push([name, coefficient]);
      continue;
    }
    const mate = free.terms.get(entry.first ? entry.pair.second : entry.pair.first);
    if (mate !== undefined) {
      if (mate !== coefficient) return undefined;
      // Both grants with one coefficient: the total's part is a constant, counted once (on the first).
      if (entry.first) shift += coefficient * entry.pair.total;
      continue;
    }
    const variable = entry.first ? entry.classed.first : entry.classed.second;
    const before = seen.get(entry.classed);
    if (before === undefined) {
      seen.set(entry.classed, coefficient);
      kept.push([variable, coefficient]);
    } else if (before !== coefficient) return undefined;
  }
  for (const [classed] of seen) {
    // A class's grant seen alone must be seen for every pair of the class, or X would not stand for them.
    const count = [...free.terms.keys()].filter((name) => held.get(name)?.classed === classed).length;
    if (count !== classed.pairs.length) return undefined;
  }
  // A row left with no free variable holds already (the values come from a feasible allocation).
  if (kept.length === 0) return 'holds';
  return { ...row, terms: kept, lower: row.lower === undefined ? undefined : row.lower - shift, upper: row.upper === undefined ? undefined : row.upper - shift };
}

/** A row's terms without the fixed variables (repeated terms summed), and the fixed part as a constant. */
function mergeFree(terms: readonly Term[], fixed: ReadonlyMap<string, number>): Merged {
  const free = new Map<string, number>();
  let constant = 0;
  for (const [name, coefficient] of terms) {
    const value = fixed.get(name);
    if (value === undefined) free.set(name, (free.get(name) ?? 0) + coefficient);
    else constant += coefficient * value;
  }
  return { terms: free, constant };
}

/**
 * Rows x + y = total (one coefficient, two integer variables, each in no other such row), by row
 * index; a row that repeats one of them (the tie search holds a held model again) is a repeat.
 */
function heldPairs(model: AllocationModel, merged: readonly Merged[]): { pairs: Map<number, Pair>; repeats: Map<number, Pair> } {
  const variables = new Map(model.variables.map((variable) => [variable.name, variable]));
  const pairs = new Map<number, Pair>();
  const repeats = new Map<number, Pair>();
  const owner = new Map<string, number>();
  const clash = new Set<number>();
  model.rows.forEach((row, index) => {
    const free = merged[index];
    if (row.lower === undefined || row.lower !== row.upper || free === undefined || free.terms.size !== 2) return;
    const [[first, a], [second, b]] = [...free.terms] as [[string, number], [string, number]];
    const x = variables.get(first);
    const y = variables.get(second);
    if (a === 0 || a !== b || x?.kind !== 'integer' || y?.kind !== 'integer') return;
    const total = (row.lower - free.constant) / a;
    if (Math.abs(total - Math.round(total)) > 1e-9) return;
    const whole = Math.round(total);
    const low = Math.max(x.lower, whole - (y.upper ?? Infinity));
    const high = Math.min(x.upper ?? Infinity, whole - y.lower);
    if (!(low <= high) || !Number.isInteger(low) || !Number.isInteger(high)) return;
    const before = owner.get(first);
    const earlier = before === undefined ? undefined : pairs.get(before);
    if (earlier !== undefined && earlier.second === second && earlier.total === whole && owner.get(second) === before) {
      repeats.set(index, earlier);
      return;
    }
    for (const name of [first, second]) {
      const other = owner.get(name);
      if (other !== undefined) clash.add(other).add(index);
      owner.set(name, index);
    }
    pairs.set(index, { row: index, first, second, total: whole, low, high });
  });
  for (const index of clash) pairs.delete(index);
  for (const [index, pair] of repeats) if (!pairs.has(pair.row)) repeats.delete(index);
  return { pairs, repeats };
}

/**
 * Groups the pairs by the rows that see one grant alone (with its coefficient). A pair that a row
 * sees with two coefficients, or that the objective values unevenly, stays in the model.
 */
function classesOf(model: AllocationModel, merged: readonly Merged[], pairs: ReadonlyMap<number, Pair>, repeats: ReadonlyMap<number, Pair>): PairClass[] {
  const pairOf = new Map<string, Pair>();
  for (const pair of pairs.values()) {
    pairOf.set(pair.first, pair);
    pairOf.set(pair.second, pair);
  }
  const signature = new Map<string, string[]>();
  const broken = new Set<Pair>();
  const visit = (terms: ReadonlyMap<string, number>, label: number | 'objective'): void => {
    for (const [name, coefficient] of terms) {
      const pair = pairOf.get(name);
      if (pair === undefined || pair.row === label) continue;
      const mate = terms.get(name === pair.first ? pair.second : pair.first);
      if (mate === undefined) {
        if (label === 'objective') broken.add(pair);
        const list = signature.get(name) ?? [];
        list.push(`${label}:${coefficient}`);
        signature.set(name, list);
      } else if (mate !== coefficient) broken.add(pair);
    }
  };
  visit(mergeFree(model.objective, new Map()).terms, 'objective');
  merged.forEach((row, index) => {
    if (!repeats.has(index)) visit(row.terms, index);
  });
  const classes = new Map<string, PairClass>();
  for (const pair of pairs.values()) {
    if (broken.has(pair)) continue;
    const mine = (signature.get(pair.first) ?? []).join(' ');
    const its = (signature.get(pair.second) ?? []).join(' ');
    // The same rows seen by both grants in one order or the other: orient the pair so that classes meet.
    const oriented = mine <= its ? pair : { ...pair, first: pair.second, second: pair.first, low: pair.total - pair.high, high: pair.total - pair.low };
    const key = mine <= its ? `${mine}|${its}` : `${its}|${mine}`;
    const classed = classes.get(key) ?? { pairs: [], first: `${CLASS_PREFIX}${classes.size}_a`, second: `${CLASS_PREFIX}${classes.size}_b`, seen: key !== '|' };
    classed.pairs.push(oriented);
    classes.set(key, classed);
  }
  return [...classes.values()];
}

/** The whole model's values: the solved ones, the fixed ones, and each class's first-grant sum shared out in order. */
function expand(values: ReadonlyMap<string, number>, fixed: ReadonlyMap<string, number>, classes: readonly PairClass[]): Map<string, number> {
  const whole = new Map(values);
  for (const [name, value] of fixed) whole.set(name, value);
  for (const classed of classes) {
    whole.delete(classed.first);
    whole.delete(classed.second);
    const low = classed.pairs.reduce((sum, pair) => sum + pair.low, 0);
    let extra = classed.seen ? Math.round(values.get(classed.first) ?? low) - low : 0;
    for (const pair of classed.pairs) {
      const take = Math.max(0, Math.min(extra, pair.high - pair.low));
      extra -= take;
      whole.set(pair.first, pair.low + take);
      whole.set(pair.second, pair.total - pair.low - take);
    }
  }
  return whole;
}
