/**
 * The optimal face: how far each candidate's total grant can move among the allocations that reach
 * the optimum, so that the tie-break (canonical.ts) applies its rule to the candidates that can.
 *
 * A Lagrangian bound, per candidate: the rows shared between candidates (envelope, years,
 * laureates, rules) are priced with weights y, and each candidate's own rows (cap, floor, lock,
 * return tiers) are kept. Then for any allocation x,
 *   c·x ≤ L(y) = Σ_r y_r·b_r + Σ_i max over candidate i's own allocations of w·x_i, w = c − Aᵀy,
 * and L(y) − c·x is a sum of non-negative parts, one per candidate (its best w·x_i less w·x_i) and
 * one per priced row (y_r·(b_r − A_r x)). On the face (c·x ≥ optimum − slack) each candidate's part
 * is at most room = L(y) − optimum + slack: the totals it may take there are those whose best w·x_i
 * comes within room of its best. Each candidate's own allocations are few (a total from its floor
 * to its cap, split greedily), so that its best is exact, integers and all; the weights are the
 * relaxation's row duals, but the bound holds for any weights: their round-off only widens the face.
 */
import { withTierLinks } from '../model/cuts.js';
import { pieceName } from '../model/build.js';
import { totalOf } from '../model/totals.js';
import type { AllocationModel, CandidateVariables, ModelRow } from '../model/types.js';
import type { Arrays } from './arrays.js';
import { relaxationDuals } from './highs.js';

/** Round-off allowed in L(y) and the optimum, relative to L(y): the face is widened by it. */
const ROUND_OFF = 1e-9;

/**
 * A candidate's totals (in steps) on the face: lowest and highest, and `part(from, to)`, the
 * smallest share of the room its totals from `from` to `to` take (Infinity when none is on the face).
 */
export interface FaceRange {
  readonly low: number;
  readonly high: number;
  readonly part: (from: number, to: number) => number;
}

/** Each candidate's range, by candidate index, and the room all the parts share. */
export interface FaceRanges {
  readonly room: number;
  readonly byCandidate: ReadonlyMap<number, FaceRange>;
}

/**
 * The range of each candidate's total grant over the allocations of `model` that reach `floor`
 * (the model's objective units); undefined when the relaxation is not at hand or an optimal
 * allocation (`values`) falls outside it, which would mean a tolerance went wrong: the tie-break
 * then works without the face.
 */
export async function faceRanges(model: AllocationModel, floor: number, values: ReadonlyMap<string, number>, timeLimitMs: number): Promise<FaceRanges | undefined> {
  const relaxation = await relaxationDuals(model, timeLimitMs);
  if (relaxation === undefined) return undefined;
  const { arrays, duals } = relaxation;
  const { worths, bound } = lagrangian(layoutOf(withTierLinks(model), arrays), arrays, duals);
  const room = roomAbove(bound, floor);
  if (room === undefined) return undefined;
  const byCandidate = new Map<number, FaceRange>();
  for (const [position, candidate] of model.candidates.entries()) {
    const worth = worths[position];
    if (worth === undefined) return undefined;
    const range = { ...worth.within(worth.top - room), part: (from: number, to: number): number => worth.top - worth.best(from, to) };
    const now = totalOf(model, candidate.index, values);
    if (now < range.low || now > range.high) return undefined;
    byCandidate.set(candidate.index, range);
  }
  return { room, byCandidate };
}

/**
 * The same bound as column bounds, for the fast path (fast-path.ts): from the relaxation's row duals,
 * for any floor, bounds that every allocation of the model worth at least that floor meets. A
 * candidate whose range is 0 has its funded column, grants and pieces at 0; one whose range starts
 * at a step or more has its funded column at 1; no grant goes above the range's highest total. Where
 * the LP's reduced costs say nothing (a column basic at its bound, or a funded column whose floor
 * the relaxation meets with f_i a fraction), the candidate's own rows still do: on the 2013 call
 * under `emploi`, a proof's free integer columns went from about 300 to about 60.
 * Given the duals, it gives undefined when the model is not one of candidates alone (a held
 * model's reduction, HiGHS's presolve: some column is no candidate's, or a grant does not start at
 * 0), where the bound would not hold.
 */
export function boundsByCandidate(linked: AllocationModel, arrays: Arrays): (duals: Float64Array) => ((floor: number) => ColumnBounds | undefined) | undefined {
  return (duals) => {
    // Read when the fast path first asks (a model it proves by its relaxation alone never does).
    const layout = layoutOf(linked, arrays);
    if (!layout.complete) return undefined;
    const { worths, bound } = lagrangian(layout, arrays, duals);
    return (floor) => {
      const room = roomAbove(bound, floor);
      if (room === undefined) return undefined;
      const lower = Float64Array.from(arrays.colLower);
      const upper = Float64Array.from(arrays.colUpper);
      layout.candidates.forEach((own, position) => {
        const worth = worths[position];
        if (worth === undefined) return;
        const { low, high } = worth.within(worth.top - room);
        if (high < 1) {
          for (const column of [own.funded, ...own.grants.map((part) => part.column), ...own.pieces.map((part) => part.column)]) upper[column] = Math.min(upper[column] ?? 0, Math.max(0, high));
          return;
        }
        if (low >= 1) lower[own.funded] = Math.max(lower[own.funded] ?? 0, 1);
        for (const grant of own.grants) upper[grant.column] = Math.min(upper[grant.column] ?? 0, high);
      });
      return { lower, upper };
    };
  };
}

/** Column bounds (boundsByCandidate). */
export interface ColumnBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * The Lagrangian bound L(y) with the shared rows priced by the duals, and each candidate's best
 * w·x_i by total (ownWorth). HiGHS's sign convention for a maximisation's duals is not ours to
 * assume: the sign whose relaxation bound (every row priced) is tighter, found once, prices the
 * shared rows (the other sign would give a looser bound, never a wrong one).
 */
function lagrangian(layout: Layout, arrays: Arrays, duals: Float64Array): { worths: ReturnType<typeof ownWorth>[]; bound: number } {
  dualSign ??= relaxationBound(arrays, duals, 1) <= relaxationBound(arrays, duals, -1) ? 1 : -1;
  const { weighted, bound: priced } = pricedRows(layout.shared, arrays, duals, dualSign);
  const worths = layout.candidates.map((own) => ownWorth(own, weighted));
  return { worths, bound: worths.reduce((sum, worth) => sum + worth.top, priced) };
}

/** L(y) − floor, widened by the round-off; undefined when no allocation can reach the floor (or a tolerance went wrong). */
function roomAbove(bound: number, floor: number): number | undefined {
  const room = bound - floor + ROUND_OFF * Math.max(1, Math.abs(bound));
  return Number.isFinite(room) && room >= 0 ? room : undefined;
}

let dualSign: 1 | -1 | undefined;

/** The candidate's own rows, kept in its own allocations; every other row is priced. */
function isOwn(row: ModelRow): boolean {
  const kind = row.origin.kind;
  return kind === 'cap' || kind === 'floor' || kind === 'lock' || kind === 'returns';
}

/** c·x's bound with every row priced by sign × duals, each column at its best bound (only to choose the sign). */
function relaxationBound(arrays: Arrays, duals: Float64Array, sign: 1 | -1): number {
  const { weighted, bound } = pricedRows(Array.from({ length: arrays.numRows }, (_, row) => row), arrays, duals, sign);
  let total = bound;
  for (let column = 0; column < arrays.numCols; column++) {
    const d = weighted[column] ?? 0;
    total += d > 0 ? d * (arrays.colUpper[column] ?? Infinity) : d < 0 ? d * (arrays.colLower[column] ?? 0) : 0;
  }
  return total;
}

/** w = c − Aᵀy over `rows` (y = sign × duals, 0 where its bound side is infinite), and Σ y_r·b_r. */
function pricedRows(rows: readonly number[], arrays: Arrays, duals: Float64Array, sign: 1 | -1): { weighted: Float64Array; bound: number } {
  const weighted = Float64Array.from(arrays.colCost);
  let bound = 0;
  for (const row of rows) {
    const y = sign * (duals[row] ?? 0);
    const side = y > 0 ? arrays.rowUpper[row] ?? Infinity : y < 0 ? arrays.rowLower[row] ?? -Infinity : 0;
    if (!Number.isFinite(side) || y === 0) continue;
    bound += y * side;
    for (let k = arrays.starts[row] ?? 0; k < (arrays.starts[row + 1] ?? 0); k++) {
      const column = arrays.indices[k] ?? 0;
      weighted[column] = (weighted[column] ?? 0) - y * (arrays.values[k] ?? 0);
    }
  }
  return { weighted, bound };
}

/** Where a candidate's columns sit, and what its own rows allow (read once per frame). */
interface Own {
  readonly funded: number;
  readonly fundedLow: number;
  readonly fundedHigh: number;
  readonly floor: number;
  readonly cap: number;
  readonly grants: readonly { readonly column: number; readonly width: number }[];
  readonly pieces: readonly { readonly column: number; readonly width: number }[];
}

interface Layout {
  /** Rows priced (all but the candidates' own). */
  readonly shared: readonly number[];
  /** In the order of the model's candidates. */
  readonly candidates: readonly Own[];
  /**
   * Whether every column is one candidate's own (its funded binary, a grant in whole steps from 0, a
   * return-tier piece from 0): only then does each candidate's best (ownWorth) bound what its columns
   * add, and the sum bound the model (the call's own model; not a held model's reduction).
   */
  readonly complete: boolean;
}

const layouts = new WeakMap<AllocationModel['rows'], { readonly variables: AllocationModel['variables']; readonly layout: Layout }>();

function layoutOf(model: AllocationModel, arrays: Arrays): Layout {
  const known = layouts.get(model.rows);
  if (known?.variables === model.variables) return known.layout;
  const column = new Map(arrays.names.map((name, index) => [name, index]));
  const at = (name: string): number => column.get(name) ?? -1;
  const shared: number[] = [];
  const own = new Map<number, ModelRow[]>();
  model.rows.forEach((row, index) => {
    if (!isOwn(row) || !('candidate' in row.origin)) {
      shared.push(index);
      return;
    }
    const list = own.get(row.origin.candidate) ?? [];
    list.push(row);
    own.set(row.origin.candidate, list);
  });
  const width = (index: number): { column: number; width: number } => ({ column: index, width: arrays.colUpper[index] ?? 0 });
  const candidates = model.candidates.map((candidate: CandidateVariables): Own => {
    const rows = own.get(candidate.index) ?? [];
    const coefficient = (kind: string): number => -(rows.find((row) => row.origin.kind === kind)?.terms.find(([term]) => term === candidate.funded)?.[1] ?? 0);
    const lock = rows.find((row) => row.origin.kind === 'lock');
    const funded = at(candidate.funded);
    return {
      funded,
      fundedLow: Math.max(arrays.colLower[funded] ?? 0, lock?.lower ?? 0),
      fundedHigh: Math.min(arrays.colUpper[funded] ?? 1, lock?.upper ?? 1),
      floor: coefficient('floor'),
      cap: coefficient('cap'),
      grants: candidate.grants.map((grant) => width(at(grant.variable))),
      pieces: candidate.tiers.map((_, k) => width(at(pieceName(candidate.index, k)))),
    };
  });
  const layout = { shared, candidates, complete: ownsEveryColumn(candidates, arrays) };
  layouts.set(model.rows, { variables: model.variables, layout });
  return layout;
}

/** Layout.complete: each column is exactly one candidate's funded binary, whole grant from 0, or piece from 0. */
function ownsEveryColumn(candidates: readonly Own[], arrays: Arrays): boolean {
  const owner = new Uint8Array(arrays.numCols);
  const claim = (column: number, integer: boolean, lowest: number, highest: number): boolean => {
    if (column < 0 || column >= arrays.numCols || owner[column] === 1) return false;
    owner[column] = 1;
    return (arrays.integer[column] === 1) === integer && (arrays.colLower[column] ?? NaN) >= lowest && (arrays.colLower[column] ?? NaN) <= 0 && (arrays.colUpper[column] ?? NaN) <= highest;
  };
  for (const own of candidates) {
    if (!claim(own.funded, true, 0, 1)) return false;
    if (!own.grants.every((grant) => claim(grant.column, true, 0, Infinity) && arrays.colLower[grant.column] === 0)) return false;
    if (!own.pieces.every((piece) => claim(piece.column, false, 0, Infinity) && arrays.colLower[piece.column] === 0)) return false;
  }
  return owner.every((claimed) => claimed === 1);
}

/**
 * A candidate's best w·x_i by total: unfunded (0, when it may be), or funded from its floor to its
 * cap (its cap and floor rows, its lock), the total split between years and filled into return-tier
 * pieces the way that weighs most: each further step goes where its weight is highest, which is
 * exact for a sum within bounds. The weight of the t-th step is then a non-increasing step function
 * of t with a few pieces, so that the best is linear between its breakpoints: `top` is its best, and
 * `within(threshold)` the lowest and highest totals whose best reaches the threshold, `best(from, to)`
 * the best over a range of totals.
 */
function ownWorth(own: Own, weighted: Float64Array): { top: number; within: (threshold: number) => { low: number; high: number }; best: (from: number, to: number) => number } {
  const widest = Math.min(own.cap, sumOf(own.grants), own.pieces.length > 0 ? sumOf(own.pieces) : Infinity);
  const first = Math.max(1, own.floor);
  const unfunded = own.fundedLow <= 0;
  // Stretches [from, to] of funded totals on which the best is linear: value at `from`, weight per step.
  const stretches: { from: number; to: number; value: number; weight: number }[] = [];
  if (own.fundedHigh >= 1 && widest >= first) {
    let value = weighted[own.funded] ?? 0;
    let at = 0;
    for (const { length, weight } of segments(byWeight(own.grants, weighted), byWeight(own.pieces, weighted), widest)) {
      const from = Math.max(at, first);
      const to = at + length;
      if (to >= first) stretches.push({ from, to, value: value + (from - at) * weight, weight });
      value += length * weight;
      at = to;
    }
    if (stretches.length === 0) stretches.push({ from: first, to: first, value, weight: 0 });
  }
  let top = unfunded ? 0 : -Infinity;
  for (const stretch of stretches) top = Math.max(top, stretch.value, stretch.value + (stretch.to - stretch.from) * stretch.weight);
  const within = (threshold: number): { low: number; high: number } => {
    let low = unfunded && threshold <= 0 ? 0 : Infinity;
    let high = unfunded && threshold <= 0 ? 0 : -Infinity;
    for (const { from, to, value, weight } of stretches) {
      // value + (t − from)·weight ≥ threshold, for whole t in [from, to]; borderline totals are kept.
      let lowest = from;
      let highest = to;
      if (weight > 0) lowest = Math.max(from, Math.ceil(from + (threshold - value) / weight - 1e-9));
      else if (weight < 0) highest = Math.min(to, Math.floor(from + (threshold - value) / weight + 1e-9));
      else if (value < threshold) continue;
      if (lowest > highest) continue;
      low = Math.min(low, lowest);
      high = Math.max(high, highest);
    }
    return { low, high };
  };
  // The best over the totals from `from` to `to`: linear on each stretch, so at a clipped end of one.
  const best = (from: number, to: number): number => {
    let value = unfunded && from <= 0 && to >= 0 ? 0 : -Infinity;
    for (const stretch of stretches) {
      const low = Math.max(from, stretch.from);
      const high = Math.min(to, stretch.to);
      if (low <= high) value = Math.max(value, stretch.value + (low - stretch.from) * stretch.weight, stretch.value + (high - stretch.from) * stretch.weight);
    }
    return value;
  };
  return { top, within, best };
}

function byWeight(parts: readonly { readonly column: number; readonly width: number }[], weighted: Float64Array): { weight: number; width: number }[] {
  return parts.map((part) => ({ weight: weighted[part.column] ?? 0, width: part.width })).sort((a, b) => b.weight - a.weight);
}

/**
 * The steps from 1 to `widest` as runs of equal weight: each step's weight is the grants' next
 * best plus (with return tiers) the pieces' next best, both filled best weight first.
 */
function segments(grants: readonly { weight: number; width: number }[], pieces: readonly { weight: number; width: number }[], widest: number): { length: number; weight: number }[] {
  const runs: { length: number; weight: number }[] = [];
  let g = 0;
  let p = 0;
  let grantLeft = grants[0]?.width ?? 0;
  let pieceLeft = pieces.length > 0 ? pieces[0]?.width ?? 0 : Infinity;
  let done = 0;
  while (done < widest) {
    while (grantLeft <= 0 && g < grants.length - 1) grantLeft = grants[++g]?.width ?? 0;
    while (pieceLeft <= 0 && p < pieces.length - 1) pieceLeft = pieces[++p]?.width ?? 0;
    const length = Math.min(widest - done, grantLeft, pieceLeft);
    if (!(length > 0)) break;
    runs.push({ length, weight: (grants[g]?.weight ?? 0) + (pieces.length > 0 ? pieces[p]?.weight ?? 0 : 0) });
    grantLeft -= length;
    pieceLeft -= length;
    done += length;
  }
  return runs;
}

function sumOf(parts: readonly { readonly width: number }[]): number {
  return parts.reduce((sum, part) => sum + part.width, 0);
}
