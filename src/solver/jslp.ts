/**
 * The javascript-lp-solver engine. The only file that imports `javascript-lp-solver`.
 * It runs inside a worker thread (jslp-worker.ts) so that a hang cannot freeze the program.
 * Its result object mixes status flags with variable values; only the model's own names are read back.
 */
import jslpModule from 'javascript-lp-solver';
import type { AllocationModel } from '../model/types.js';
import type { RawAnswer } from './types.js';

// Typed as an ES module but loaded as CommonJS: at run time the default import is the solver itself.
const solver = jslpModule as unknown as typeof jslpModule.default;

interface JslpModel {
  optimize: string;
  opType: 'max';
  constraints: Record<string, { min?: number; max?: number; equal?: number }>;
  variables: Record<string, Record<string, number>>;
  binaries: Record<string, 1>;
  ints: Record<string, 1>;
  options: { timeout: number; tolerance: number };
}

/** The objective's name inside the jslp model; model variables are named f_, g_, p_, never this. */
const OBJECTIVE = '__objective';

/** Translates the neutral model. */
export function toJslpModel(model: AllocationModel, timeLimitMs: number): JslpModel {
  const variables: Record<string, Record<string, number>> = {};
  const constraints: JslpModel['constraints'] = {};
  const binaries: Record<string, 1> = {};
  const ints: Record<string, 1> = {};
  for (const variable of model.variables) {
    variables[variable.name] = {};
    if (variable.kind === 'binary') binaries[variable.name] = 1;
    if (variable.kind === 'integer') ints[variable.name] = 1;
  }
  // Objective in score points per euro-step divided by the unit: keeps coefficients near 100.
  for (const [name, coefficient] of model.objective) addCoefficient(variables, name, OBJECTIVE, coefficient / model.unit);
  for (const row of model.rows) {
    const bound: { min?: number; max?: number; equal?: number } = {};
    if (row.lower !== undefined && row.lower === row.upper) bound.equal = row.lower;
    else {
      if (row.lower !== undefined) bound.min = row.lower;
      if (row.upper !== undefined) bound.max = row.upper;
    }
    constraints[row.name] = bound;
    for (const [name, coefficient] of row.terms) addCoefficient(variables, name, row.name, coefficient);
  }
  // jslp has no variable bounds: each upper bound that a row does not already imply becomes a row.
  for (const variable of model.variables) {
    if (variable.kind === 'binary' || variable.upper === undefined) continue;
    const name = `ub_${variable.name}`;
    constraints[name] = { max: variable.upper };
    addCoefficient(variables, variable.name, name, 1);
  }
  return { optimize: OBJECTIVE, opType: 'max', constraints, variables, binaries, ints, options: { timeout: timeLimitMs, tolerance: 0 } };
}

function addCoefficient(variables: Record<string, Record<string, number>>, variable: string, row: string, coefficient: number): void {
  const column = variables[variable] ?? (variables[variable] = {});
  column[row] = (column[row] ?? 0) + coefficient;
}

/** Solves with javascript-lp-solver; reports `timedout` when its branch and bound used up the time. */
export function solveWithJslp(model: AllocationModel, timeLimitMs: number): RawAnswer {
  const started = Date.now();
  const result = solver.Solve(toJslpModel(model, timeLimitMs)) as Record<string, unknown>;
  if (Date.now() - started >= timeLimitMs) return { status: 'timedout' };
  if (result['feasible'] !== true) return { status: 'infeasible' };
  if (result['bounded'] === false) return { status: 'unbounded' };
  const values: Record<string, number> = {};
  for (const variable of model.variables) {
    const value = result[variable.name];
    values[variable.name] = typeof value === 'number' ? value : 0;
  }
  return { status: 'solved', values, gap: 0 };
}
