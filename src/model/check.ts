import type { AllocationModel } from './types.js';

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
 */
export function roundAndCheck(model: AllocationModel, values: ReadonlyMap<string, number>): { values: Map<string, number>; violations: Violation[] } {
  const rounded = new Map<string, number>();
  const violations: Violation[] = [];
  for (const variable of model.variables) {
    const raw = values.get(variable.name) ?? 0;
    let value = raw;
    if (variable.kind !== 'continuous') {
      value = Math.round(raw);
      if (Math.abs(value - raw) > FEASIBILITY_TOLERANCE) violations.push({ name: variable.name, detail: `${raw} is not a whole number` });
    } else if (Math.abs(raw) < 1e-9) {
      value = 0;
    }
    if (value < variable.lower - FEASIBILITY_TOLERANCE) violations.push({ name: variable.name, detail: `${value} below its lower bound ${variable.lower}` });
    if (variable.upper !== undefined && value > variable.upper + FEASIBILITY_TOLERANCE) violations.push({ name: variable.name, detail: `${value} above its upper bound ${variable.upper}` });
    rounded.set(variable.name, value);
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
