import type { AllocationModel, ModelVariable } from './types.js';

/** Tolerance on integrality and rows when reading a solver's floating-point answer. */
export const FEASIBILITY_TOLERANCE = 1e-6;

export interface Violation {
  /** Row or variable name. */
  readonly name: string;
  readonly detail: string;
}

/**
 * Rounds a solver's answer onto the model's integers and checks it against every bound and row,
 * exactly after rounding: a wrong answer from an engine is caught here before anyone sees it.
 * Return-tier pieces are then read off the rounded grants (settlePieces).
 */
export function roundAndCheck(model: AllocationModel, values: ReadonlyMap<string, number>): { values: Map<string, number>; violations: Violation[] } {
  const rounded = new Map<string, number>();
  const violations: Violation[] = [];
  const continuous = new Map<string, ModelVariable>();
  for (const variable of model.variables) {
    const raw = values.get(variable.name) ?? 0;
    let value = raw;
    if (variable.kind !== 'continuous') {
      value = Math.round(raw);
      if (Math.abs(value - raw) > FEASIBILITY_TOLERANCE) violations.push({ name: variable.name, detail: `${raw} is not a whole number` });
    } else {
      continuous.set(variable.name, variable);
      if (Math.abs(raw) < 1e-9) value = 0;
    }
    rounded.set(variable.name, value);
  }
  settlePieces(model, rounded, continuous);
  for (const variable of model.variables) {
    const value = rounded.get(variable.name) ?? 0;
    if (value < variable.lower - FEASIBILITY_TOLERANCE) violations.push({ name: variable.name, detail: `${value} below its lower bound ${variable.lower}` });
    if (variable.upper !== undefined && value > variable.upper + FEASIBILITY_TOLERANCE) violations.push({ name: variable.name, detail: `${value} above its upper bound ${variable.upper}` });
  }
  for (const row of model.rows) {
    let sum = 0;
    for (const [variable, coefficient] of row.terms) sum += coefficient * (rounded.get(variable) ?? 0);
    const scale = FEASIBILITY_TOLERANCE * Math.max(1, Math.abs(row.lower ?? 0), Math.abs(row.upper ?? 0));
    if (row.lower !== undefined && sum < row.lower - scale) violations.push({ name: row.name, detail: `${sum} < ${row.lower}` });
    if (row.upper !== undefined && sum > row.upper + scale) violations.push({ name: row.name, detail: `${sum} > ${row.upper}` });
  }
  return { values: rounded, violations };
}

/**
 * A candidate's return-tier pieces follow from its grants (returns_i: Σ grants − Σ pieces = 0), so
 * once the grants are rounded the pieces are set from them exactly: filled in tier order, which is
 * the best value of that total since tier values do not increase (model/build.ts). The solver's own
 * pieces carry its round-off: GLPK's came back up to 2e-6 off a row whose bound is 0, an answer
 * then thrown away for a full HiGHS solve (a tie-break solve in three under `emploi`). A row that
 * is not this shape (a reduction took a piece out, or the total does not fit the pieces) keeps the
 * solver's values, and the check judges them as before.
 */
function settlePieces(model: AllocationModel, values: Map<string, number>, continuous: ReadonlyMap<string, ModelVariable>): void {
  for (const row of model.rows) {
    if (row.origin.kind !== 'returns' || row.lower === undefined || row.lower !== row.upper) continue;
    const pieces = row.terms.filter(([name]) => continuous.has(name));
    if (pieces.length === 0 || pieces.some(([name, coefficient]) => coefficient !== -1 || continuous.get(name)?.upper === undefined)) continue;
    // What the pieces must add up to, from the rounded grants, less what their lower bounds hold.
    let left = -row.lower;
    for (const [name, coefficient] of row.terms) left += continuous.has(name) ? -(continuous.get(name)?.lower ?? 0) : coefficient * (values.get(name) ?? 0);
    const filled = pieces.map(([name]) => {
      const piece = continuous.get(name) as ModelVariable;
      const take = Math.max(0, Math.min((piece.upper ?? 0) - piece.lower, left));
      left -= take;
      return piece.lower + take;
    });
    if (Math.abs(left) > 1e-9) continue;
    pieces.forEach(([name], k) => values.set(name, filled[k] ?? 0));
  }
}
