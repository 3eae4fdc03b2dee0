/**
 * The neutral model as the arrays HiGHS takes (column costs and bounds, row bounds, a CSR matrix,
 * integrality), and how to tell that two models differ at most in their costs.
 */
import type { AllocationModel } from '../model/types.js';

/** The neutral model as HiGHS arrays, columns in `model.variables` order. */
export interface Arrays {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** 1 for integer and binary columns. */
  readonly integer: Uint8Array;
  readonly names: readonly string[];
}

/**
 * Turns the neutral model into arrays; repeated terms of one row are summed. Models built on one
 * frame (model/build.ts: the same variables and rows, other scores) share every array but the costs.
 */
export function toArrays(model: AllocationModel): Arrays {
  const known = framed.get(model.rows);
  if (known !== undefined && known.variables === model.variables) return { ...known.arrays, colCost: costsOf(model, known.column) };
  const built = freshArrays(model);
  framed.set(model.rows, { variables: model.variables, arrays: built.arrays, column: built.column });
  return built.arrays;
}

/** The arrays of the models built on a frame, by the frame's rows. */
const framed = new WeakMap<AllocationModel['rows'], { readonly variables: AllocationModel['variables']; readonly arrays: Arrays; readonly column: ReadonlyMap<string, number> }>();

function costsOf(model: AllocationModel, column: ReadonlyMap<string, number>): Float64Array {
  const colCost = new Float64Array(model.variables.length);
  for (const [name, coefficient] of model.objective) {
    const index = column.get(name);
    if (index === undefined) throw new Error(`objective term on unknown variable ${name}`);
    colCost[index] = (colCost[index] ?? 0) + coefficient;
  }
  return colCost;
}

function freshArrays(model: AllocationModel): { arrays: Arrays; column: ReadonlyMap<string, number> } {
  const numCols = model.variables.length;
  const column = new Map<string, number>();
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const integer = new Uint8Array(numCols);
  model.variables.forEach((variable, index) => {
    column.set(variable.name, index);
    colLower[index] = variable.lower;
    colUpper[index] = variable.kind === 'binary' ? Math.min(1, variable.upper ?? 1) : variable.upper ?? Infinity;
    integer[index] = variable.kind === 'continuous' ? 0 : 1;
  });
  const colCost = costsOf(model, column);
  const numRows = model.rows.length;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  // Where each column's entry of the current row sits (stamped with the row), to sum repeated terms
  // without a map per row.
  const rowOf = new Int32Array(numCols).fill(-1);
  const slotOf = new Int32Array(numCols);
  model.rows.forEach((row, position) => {
    rowLower[position] = row.lower ?? -Infinity;
    rowUpper[position] = row.upper ?? Infinity;
    const first = indices.length;
    for (const [name, coefficient] of row.terms) {
      const index = column.get(name);
      if (index === undefined) throw new Error(`row ${row.name} has a term on unknown variable ${name}`);
      if (rowOf[index] === position) values[slotOf[index] ?? 0] = (values[slotOf[index] ?? 0] ?? 0) + coefficient;
      else {
        rowOf[index] = position;
        slotOf[index] = indices.length;
        indices.push(index);
        values.push(coefficient);
      }
    }
    // Terms that summed to zero leave the row.
    let kept = first;
    for (let slot = first; slot < indices.length; slot++) {
      if (values[slot] === 0) continue;
      indices[kept] = indices[slot] ?? 0;
      values[kept] = values[slot] ?? 0;
      kept++;
    }
    indices.length = kept;
    values.length = kept;
    starts[position + 1] = kept;
  });
  const arrays = { numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices: Int32Array.from(indices), values: Float64Array.from(values), integer, names: model.variables.map((variable) => variable.name) };
  return { arrays, column };
}

/**
 * A hash of everything but the costs: a kept model of this structure is looked up by it, then
 * compared exactly (sameStructure), so that a collision costs a new model, never a wrong one.
 * Worked out only where models are kept (solver/highs.ts).
 */
export function structureKey(arrays: Arrays): string {
  const known = keys.get(arrays.indices);
  if (known !== undefined && sharesStructure(known.arrays, arrays)) return known.key;
  const key = `${arrays.numCols}x${arrays.numRows}:${STRUCTURE.map((field) => hashBytes(arrays[field])).join(':')}`;
  keys.set(arrays.indices, { arrays, key });
  return key;
}

/** Keys worked out, by the matrix's indices: arrays of one frame share them (toArrays). */
const keys = new WeakMap<Int32Array, { readonly arrays: Arrays; readonly key: string }>();

/** Whether two models hold the very same structure arrays (built on one frame). */
function sharesStructure(a: Arrays, b: Arrays): boolean {
  return a.numCols === b.numCols && a.numRows === b.numRows && STRUCTURE.every((field) => a[field] === b[field]);
}

/** The arrays that make a model's structure (all but the costs and the names). */
const STRUCTURE = ['colLower', 'colUpper', 'integer', 'rowLower', 'rowUpper', 'starts', 'indices', 'values'] as const;

/** Whether two models have the same structure: the same columns, bounds, rows and matrix (costs aside). */
export function sameStructure(a: Arrays, b: Arrays): boolean {
  if (sharesStructure(a, b)) return true;
  return a.numCols === b.numCols && a.numRows === b.numRows && STRUCTURE.every((field) => sameBytes(a[field], b[field]));
}

/** FNV-1a over an array's bytes, in hexadecimal. */
function hashBytes(array: ArrayBufferView): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let hash = 0x811c9dc5;
  for (let index = 0; index < bytes.length; index++) hash = Math.imul(hash ^ (bytes[index] ?? 0), 0x01000193);
  return (hash >>> 0).toString(16);
}

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const left = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const right = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}

/** Whether every integer column holds a whole value (to 1e-9). */
export function isIntegral(arrays: Arrays, values: Float64Array): boolean {
  for (let index = 0; index < arrays.numCols; index++) {
    if (arrays.integer[index] !== 1) continue;
    const value = values[index] ?? 0;
    if (Math.abs(value - Math.round(value)) > 1e-9) return false;
  }
  return true;
}

/** Whether the columns lie within the bounds (to 1e-9). */
export function fits(values: Float64Array, lower: Float64Array, upper: Float64Array): boolean {
  for (let index = 0; index < values.length; index++) {
    const value = values[index] ?? 0;
    if (value < (lower[index] ?? 0) - 1e-9 || value > (upper[index] ?? 0) + 1e-9) return false;
  }
  return true;
}

/** Column values by variable name. */
export function namedValues(arrays: Arrays, values: Float64Array): Record<string, number> {
  const named: Record<string, number> = {};
  arrays.names.forEach((name, index) => {
    named[name] = values[index] ?? 0;
  });
  return named;
}

/** The objective the columns reach: Σ cost × value. */
export function objectiveOf(arrays: Arrays, values: Float64Array): number {
  let objective = 0;
  for (let index = 0; index < arrays.numCols; index++) objective += (arrays.colCost[index] ?? 0) * (values[index] ?? 0);
  return objective;
}

/** Named values as columns, in the arrays' order. */
export function columnsOf(arrays: Arrays, values: Readonly<Record<string, number>>): Float64Array {
  return Float64Array.from(arrays.names, (name) => values[name] ?? 0);
}

/** Column bounds after reduced-cost fixing (fast-path.ts fastSolve); `fixed` counts the integer columns fixed. */
export interface Fixing {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly fixed: number;
}

/**
 * The bounds of a proof's residual: every allocation worth at least z_LP − `gap` keeps each integer
 * column that the relaxation holds at a bound within gap / |d_j| steps of it (fastSolve's
 * certificate, one column at a time). A column that cannot move a whole step is fixed, as
 * fixByReducedCost fixes it with `gap` as its threshold (the same columns); the others keep only the
 * steps they may move. Most unfunded candidates' grants may then move a few steps, fewer than the
 * floor, which GLPK's presolve turns into "not funded" before it branches: on the 2013 call's tipping
 * run, a tenth of its time (docs/speed.md).
 */
export function boundByReducedCost(arrays: Arrays, colValue: Float64Array, colDual: Float64Array, gap: number): Fixing {
  return byReducedCost(arrays, colValue, colDual, gap, true);
}

/** Fixes each integer column at the bound the relaxation holds it on when its |reduced cost| exceeds `threshold`. */
export function fixByReducedCost(arrays: Arrays, colValue: Float64Array, colDual: Float64Array, threshold: number): Fixing {
  return byReducedCost(arrays, colValue, colDual, threshold, false);
}

/** Both of the above: `narrow` keeps a column that may move within floor(gap / |d_j|) steps, otherwise it keeps its whole range. */
function byReducedCost(arrays: Arrays, colValue: Float64Array, colDual: Float64Array, gap: number, narrow: boolean): Fixing {
  const lower = Float64Array.from(arrays.colLower);
  const upper = Float64Array.from(arrays.colUpper);
  let fixed = 0;
  for (let index = 0; index < arrays.numCols; index++) {
    if (arrays.integer[index] !== 1) continue;
    const cost = Math.abs(colDual[index] ?? 0);
    if (cost === 0) continue;
    const value = colValue[index] ?? 0;
    const low = arrays.colLower[index] ?? 0;
    const high = arrays.colUpper[index] ?? 0;
    // Whole steps from a whole bound (every integer column of an allocation model has whole bounds).
    const steps = narrow && Number.isInteger(low) && Number.isInteger(high) ? Math.floor(gap / cost) : cost > gap ? 0 : Infinity;
    if (Math.abs(value - low) <= 1e-9) upper[index] = Math.min(high, low + steps);
    else if (Math.abs(value - high) <= 1e-9) lower[index] = Math.max(low, high - steps);
    else continue;
    if (steps === 0) fixed++;
  }
  return { lower, upper, fixed };
}

/** A fixing narrowed further by other bounds every allocation it keeps meets; 'empty' when they leave a column no value. */
export function narrowed(fixing: Fixing, bounds: { readonly lower: Float64Array; readonly upper: Float64Array } | undefined): Fixing | 'empty' {
  if (bounds === undefined) return fixing;
  const lower = Float64Array.from(fixing.lower, (value, column) => Math.max(value, bounds.lower[column] ?? -Infinity));
  const upper = Float64Array.from(fixing.upper, (value, column) => Math.min(value, bounds.upper[column] ?? Infinity));
  for (let column = 0; column < lower.length; column++) if ((lower[column] ?? 0) > (upper[column] ?? 0)) return 'empty';
  return { lower, upper, fixed: fixing.fixed };
}
