/**
 * The neutral model as the arrays HiGHS takes (column costs and bounds, row bounds, a CSR matrix,
 * integrality), and the key that says when two models differ at most in their costs.
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
  /** Everything but the objective: two models with the same key differ at most in costs. */
  readonly key: string;
}

/** Turns the neutral model into arrays; repeated terms of one row are summed. */
export function toArrays(model: AllocationModel): Arrays {
  const numCols = model.variables.length;
  const column = new Map<string, number>();
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const integer = new Uint8Array(numCols);
  const keyParts: string[] = [];
  model.variables.forEach((variable, index) => {
    column.set(variable.name, index);
    colLower[index] = variable.lower;
    colUpper[index] = variable.kind === 'binary' ? Math.min(1, variable.upper ?? 1) : variable.upper ?? Infinity;
    integer[index] = variable.kind === 'continuous' ? 0 : 1;
    keyParts.push(`${variable.name}:${variable.kind}:${variable.lower}:${variable.upper ?? ''}`);
  });
  const colCost = new Float64Array(numCols);
  for (const [name, coefficient] of model.objective) {
    const index = column.get(name);
    if (index === undefined) throw new Error(`objective term on unknown variable ${name}`);
    colCost[index] = (colCost[index] ?? 0) + coefficient;
  }
  const numRows = model.rows.length;
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const starts = new Int32Array(numRows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  model.rows.forEach((row, position) => {
    rowLower[position] = row.lower ?? -Infinity;
    rowUpper[position] = row.upper ?? Infinity;
    const merged = new Map<number, number>();
    for (const [name, coefficient] of row.terms) {
      const index = column.get(name);
      if (index === undefined) throw new Error(`row ${row.name} has a term on unknown variable ${name}`);
      merged.set(index, (merged.get(index) ?? 0) + coefficient);
    }
    for (const [index, coefficient] of merged) {
      if (coefficient === 0) continue;
      indices.push(index);
      values.push(coefficient);
    }
    starts[position + 1] = indices.length;
    keyParts.push(`${row.name}:${row.lower ?? ''}:${row.upper ?? ''}:${row.terms.map(([name, coefficient]) => `${name}*${coefficient}`).join('+')}`);
  });
  return { numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, starts, indices: Int32Array.from(indices), values: Float64Array.from(values), integer, names: model.variables.map((variable) => variable.name), key: keyParts.join('\n') };
}
