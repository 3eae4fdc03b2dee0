/**
 * GLPK (glpk.js, GLPK compiled to WebAssembly) beside HiGHS (highs.ts), for three kinds of small MILP.
 * The only file that imports `glpk.js`.
 * - The proof of the fast path's residual MILPs of up to a few hundred free columns. Those hard for
 *   HiGHS are near-full (reduced costs fix a few columns of hundreds): the optimum is found early,
 *   but proving it took HiGHS-wasm 0.2–0.6 s of restarts and cuts where GLPK's branch and bound takes
 *   tens of milliseconds (docs/speed.md). HiGHS keeps the relaxation, its bound and reduced costs,
 *   the certificate, and every larger MILP.
 * - The neighbourhoods of the same size that find the incumbent (findWithGlpk), where HiGHS spent
 *   more time setting up its MIP search than searching.
 * - The tie-break's held models (a dozen columns, objective in whole steps), where setting up and
 *   presolving a HiGHS model took 2–3 ms a solve and GLPK takes a fraction of that.
 * Every answer is rounded and checked against every row like any other (solve.ts); anything GLPK
 * does not prove goes to HiGHS.
 *
 * Exactness: GLPK prunes a node whose bound is within tol_obj·(1 + |incumbent|) of its incumbent
 * (tol_obj = 1e-7, not settable through glpk.js). Objectives of a call are near 1e8–1e10, where that
 * tolerance would exceed a step's worth of a score's last decimal. So a residual's objective is
 * shifted by the relaxation's bound (a fixed column of cost −bound) and a row keeps it above the
 * incumbent the caller holds: every objective GLPK compares is then within bound − incumbent of
 * zero, and glpkWillProve admits the proof only when that makes the tolerance fall under the
 * certificate's own round-off (highs.ts CERTIFICATE_SLACK). A held model's objective counts whole
 * steps, so any two of its values differ by 1 or more (glpkSolvesWhole).
 */
import type GLPK from 'glpk.js/node';
import { namedValues, objectiveOf, type Arrays } from './arrays.js';
import type { RawAnswer } from './types.js';

type Glpk = Awaited<ReturnType<typeof GLPK>>;
type Lp = Parameters<Glpk['solve']>[0];

/** GLPK's relative objective tolerance in its branch and bound (glp_iocp tol_obj's default). */
const GLPK_TOL_OBJ = 1e-7;

let loading: Promise<Glpk | undefined> | undefined;
let loaded: Glpk | undefined;

/**
 * Loads the WebAssembly module once (about 15 ms); models then solve synchronously. glpk.js is an
 * optional dependency (GPL-3.0, docs/dependencies.md): installed without it, HiGHS solves everything.
 */
export async function loadGlpk(): Promise<void> {
  loading ??= import('glpk.js/node').then(
    async (module) => module.default(),
    () => undefined,
  );
  loaded = await loading;
}

/**
 * Largest model GLPK solves whole, when its answer is exact (glpkSolvesWhole): the tie-break's held
 * models (a dozen columns), where building a HiGHS model and presolving it took 2–3 ms a solve
 * and GLPK takes a fraction of that.
 */
export const GLPK_WHOLE_MAX_COLUMNS = 64;

/**
 * Whether GLPK may solve the whole model: a small one whose objective, up to a common factor, has
 * whole coefficients on integer columns only (see wholeCosts).
 */
export function glpkSolvesWhole(arrays: Arrays): boolean {
  return wholeCosts(arrays) !== undefined;
}

/**
 * The objective as whole numbers, when it is one up to a common factor on integer columns only: a
 * candidate's total grant in steps (the tie-break), or one score on every grant that can move (a try
 * of the tie search, where the movable candidates share a score), divided by that score. Two
 * allocations of different objective then differ by at least 1, far above GLPK's tolerance while
 * |objective| stays below 1e6; the factor changes which allocations are best in no way.
 */
function wholeCosts(arrays: Arrays): Float64Array | undefined {
  if (loaded === undefined || arrays.numCols > GLPK_WHOLE_MAX_COLUMNS) return undefined;
  let smallest = Infinity;
  for (let column = 0; column < arrays.numCols; column++) {
    const cost = Math.abs(arrays.colCost[column] ?? 0);
    if (cost === 0) continue;
    if (arrays.integer[column] !== 1) return undefined;
    smallest = Math.min(smallest, cost);
  }
  if (smallest === Infinity) return Float64Array.from(arrays.colCost);
  for (let parts = 1; parts <= COMMON_FACTOR_PARTS; parts++) {
    const factor = smallest / parts;
    const costs = Float64Array.from(arrays.colCost, (cost) => cost / factor);
    if (costs.every((cost) => Math.abs(cost - Math.round(cost)) <= 1e-9 * Math.max(1, Math.abs(cost)))) return withinTolerance(arrays, costs.map(Math.round));
  }
  return undefined;
}

/** Fractions of the smallest cost tried as the common factor (a cost of 0.6 and one of 1 share 0.2). */
const COMMON_FACTOR_PARTS = 5;

/** The whole costs when every objective value stays below 1e6: GLPK's tolerance, 1e-7 × (1 + |objective|), then stays under 0.1. */
function withinTolerance(arrays: Arrays, costs: Float64Array): Float64Array | undefined {
  let largest = 0;
  for (let column = 0; column < arrays.numCols; column++) largest += Math.abs(costs[column] ?? 0) * Math.max(Math.abs(arrays.colLower[column] ?? 0), Math.abs(arrays.colUpper[column] ?? 0));
  return GLPK_TOL_OBJ * (1 + largest) <= 0.1 ? costs : undefined;
}

/**
 * The model solved by GLPK when glpkSolvesWhole allows, proven optimal; undefined when it does not,
 * or GLPK proves nothing in time or stops with an error: the caller asks HiGHS.
 */
export function solveHeldWithGlpk(arrays: Arrays, timeLimitS: number): RawAnswer | undefined {
  const costs = wholeCosts(arrays);
  if (costs === undefined) return undefined;
  const solved = runGlpk({ ...arrays, colCost: costs }, { lower: arrays.colLower, upper: arrays.colUpper }, undefined, Math.min(timeLimitS, GLPK_WHOLE_BUDGET_S));
  if (solved === 'infeasible') return { status: 'infeasible' };
  return solved?.optimal === true ? { status: 'solved', values: namedValues(arrays, solved.values), gap: 0 } : undefined;
}

/**
 * GLPK's time on a small whole model or a neighbourhood before HiGHS takes it over: asked for the
 * largest grant of one candidate on an 18-candidate optimal face, GLPK found no allocation in 20 s
 * where HiGHS proved the answer in 5 ms, while it settles the tie-break's usual models in a millisecond.
 */
const GLPK_WHOLE_BUDGET_S = 0.05;

/** Column bounds of a residual MILP: the model's, with the columns reduced costs fixed. */
export interface ResidualBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** The relaxation's bound, the incumbent's objective, and the certificate's round-off, in objective units. */
export interface Shift {
  readonly bound: number;
  readonly incumbent: number;
  readonly slack: number;
}

/**
 * Residuals with more free integer columns stay with HiGHS. A proof: on the hard 1,000-candidate
 * call, GLPK took 1.6 s on one of 2,356 free columns where HiGHS took 1.0–1.3 s; since HiGHS's
 * presolve tightens the bound (highs.ts presolvedSolve), its proof has 806 free columns, which GLPK
 * proves in 40–50 ms and HiGHS in 100 ms. A search for an allocation (findWithGlpk) stops at a time
 * budget, where what GLPK has found would depend on the machine's load: it keeps to the residuals
 * GLPK finishes well within it (at 760 free columns it ran out of it).
 */
const GLPK_PROOF_MAX_FREE = 1000;
const GLPK_FIND_MAX_FREE = 400;

/**
 * Whether GLPK may prove this residual: loaded, at most GLPK_PROOF_MAX_FREE free integer columns,
 * and, with the objective shifted by the bound and kept above the incumbent, a tolerance
 * tol_obj·(1 + bound − incumbent) within the certificate's round-off.
 */
export function glpkWillProve(arrays: Arrays, residual: ResidualBounds, shift: Shift): boolean {
  if (loaded === undefined || GLPK_TOL_OBJ * (1 + Math.max(0, shift.bound - shift.incumbent)) > shift.slack) return false;
  return freeIntegers(arrays, residual) <= GLPK_PROOF_MAX_FREE;
}

function freeIntegers(arrays: Arrays, residual: ResidualBounds): number {
  let free = 0;
  for (let column = 0; column < arrays.numCols; column++) if (arrays.integer[column] === 1 && (residual.lower[column] ?? 0) < (residual.upper[column] ?? 0)) free++;
  return free;
}

/**
 * An allocation of a neighbourhood (a residual MILP the fast path searches for a good allocation,
 * which its certificate or the proof after it then judges): by GLPK, within a short budget, when it
 * has at most GLPK_FIND_MAX_FREE free integer columns. GLPK's tolerance may leave it a hair
 * below the neighbourhood's best, which only costs the proof a little more: it proves nothing here.
 * On the 2013 call HiGHS spent 3–10 ms a neighbourhood setting up its MIP search; with GLPK the
 * re-solve after a weight change went from 8.1 / 22.7 ms to 7.1 / 19.2 ms (median / p95) and the
 * tipping run's CPU time from 10.0 to 8.9 s, with the same allocations. Undefined when GLPK is not
 * loaded, the neighbourhood is larger, or GLPK does not finish within its budget: HiGHS searches it
 * then. What GLPK had found when the budget ran out would depend on the machine's load, and with a
 * gap (where no tie-break settles the optimum) so would the published allocation.
 */
export function findWithGlpk(arrays: Arrays, residual: ResidualBounds, timeLimitS: number): { values: Float64Array; objective: number; optimal: false } | undefined {
  if (loaded === undefined || freeIntegers(arrays, residual) > GLPK_FIND_MAX_FREE) return undefined;
  const solved = runGlpk(arrays, residual, undefined, Math.min(timeLimitS, GLPK_WHOLE_BUDGET_S));
  if (solved === undefined || solved === 'infeasible' || !solved.optimal) return undefined;
  return { values: solved.values, objective: objectiveOf(arrays, solved.values), optimal: false };
}

/**
 * The residual MILP proven by GLPK from the caller's incumbent (`start`, worth `shift.incumbent`):
 * GLPK looks only among allocations at least as good, and unless it finds a strictly better one
 * (by more than the slack) the incumbent stays the answer, as it would in HiGHS, which only ever
 * replaces its start by a better allocation. `optimal` when GLPK proved it; undefined when
 * glpkWillProve refuses, GLPK runs out of time with nothing, or stops with an error.
 */
export function proveResidualWithGlpk(arrays: Arrays, residual: ResidualBounds, shift: Shift, start: Float64Array, timeLimitS: number): { values: Float64Array; objective: number; optimal: boolean } | undefined {
  if (!glpkWillProve(arrays, residual, shift)) return undefined;
  const solved = runGlpk(arrays, residual, shift, timeLimitS);
  // Infeasible cannot be (the incumbent meets every row): HiGHS decides rather than trust it.
  if (solved === undefined || solved === 'infeasible') return undefined;
  const objective = objectiveOf(arrays, solved.values);
  return objective > shift.incumbent + shift.slack ? { ...solved, objective } : { values: start, objective: shift.incumbent, optimal: solved.optimal };
}

/**
 * The best allocation within these bounds worth at least `shift.incumbent` (less the slack), GLPK
 * given no allocation to start from: the fast path's guess of how far the optimum lies below the
 * bound (fast-path.ts nearBound). `optimal` when GLPK proved it; 'none' when GLPK proved there is no
 * such allocation; undefined when glpkWillProve refuses, or GLPK runs out of time or stops with an error.
 */
export function bestAboveWithGlpk(arrays: Arrays, residual: ResidualBounds, shift: Shift, timeLimitS: number): { values: Float64Array; objective: number; optimal: boolean } | 'none' | undefined {
  if (!glpkWillProve(arrays, residual, shift)) return undefined;
  const solved = runGlpk(arrays, residual, shift, timeLimitS);
  if (solved === undefined) return undefined;
  if (solved === 'infeasible') return 'none';
  return { ...solved, objective: objectiveOf(arrays, solved.values) };
}

/**
 * GLPK on the model with these column bounds; with a shift, the objective less its bound, kept above
 * incumbent − slack (file comment). GLPK is given only the free columns, the fixed ones' part moved
 * into the row bounds (residual), and it answers for the whole model.
 */
function runGlpk(arrays: Arrays, bounds: ResidualBounds, shift: Shift | undefined, timeLimitS: number): { values: Float64Array; optimal: boolean } | 'infeasible' | undefined {
  const glpk = loaded;
  if (glpk === undefined || timeLimitS <= 0) return undefined;
  const free = residualOf(glpk, arrays, bounds);
  if (free === 'infeasible') return 'infeasible';
  // Nothing free (glpk.js would stop on a problem without columns): the fixed allocation meets every row.
  if (free.columns.length === 0) return shift !== undefined && free.fixedValue < shift.incumbent - shift.slack ? 'infeasible' : { values: Float64Array.from(bounds.lower), optimal: true };
  const lp: Lp =
    shift === undefined
      ? { name: 'held', objective: { direction: glpk.GLP_MAX, name: 'z', vars: free.costs }, subjectTo: free.rows, bounds: free.bounds, generals: free.generals }
      : {
          name: 'residual',
          objective: { direction: glpk.GLP_MAX, name: 'z', vars: [...free.costs, { name: SHIFT, coef: free.fixedValue - shift.bound }] },
          subjectTo: [...free.rows, { name: 'incumbent', vars: free.costs, bnds: { type: glpk.GLP_LO, lb: shift.incumbent - shift.slack - free.fixedValue, ub: 0 } }],
          bounds: [...free.bounds, { name: SHIFT, type: glpk.GLP_FX, lb: 1, ub: 1 }],
          generals: free.generals,
        };
  let result: ReturnType<Glpk['solve']>;
  try {
    // Gap 0 whatever the caller's gap: GLPK's relative gap would be measured on the shifted objective.
    result = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, mipgap: 0, presol: true, tmlim: timeLimitS });
  } catch {
    // An abort leaves the WebAssembly instance in doubt: load a fresh one next time.
    loading = undefined;
    loaded = undefined;
    return undefined;
  }
  const status = result.result.status;
  // Proven: no allocation meets the rows (the tie-break asks whether a candidate can gain a step).
  if (status === glpk.GLP_NOFEAS) return 'infeasible';
  if (status !== glpk.GLP_OPT && status !== glpk.GLP_FEAS) return undefined;
  const values = Float64Array.from(bounds.lower);
  for (const column of free.columns) values[column] = result.result.vars[columnName(column)] ?? 0;
  return { values, optimal: status === glpk.GLP_OPT };
}

/** The fixed column that carries the shift; no column of ours is named so. */
const SHIFT = 'shift';

function columnName(column: number): string {
  return `c${column}`;
}

/**
 * The residual MILP as glpk.js takes it: its free columns (lower < upper), each row's terms on them,
 * its bounds less what the fixed columns put in it, and the fixed columns' share of the objective
 * (`fixedValue`). glpk.js turns every column and row into objects and WebAssembly calls: given the
 * whole model, on the hard 1,000-candidate call that took as long as GLPK's proof itself. A row
 * left with no free column goes when the fixed columns meet it, and makes the residual infeasible
 * when they do not (GLPK said the same of it as an empty row).
 */
function residualOf(glpk: Glpk, arrays: Arrays, residual: ResidualBounds): { columns: number[]; costs: { name: string; coef: number }[]; bounds: NonNullable<Lp['bounds']>; rows: Lp['subjectTo']; generals: string[]; fixedValue: number } | 'infeasible' {
  const columns: number[] = [];
  const costs: { name: string; coef: number }[] = [];
  const bounds: NonNullable<Lp['bounds']> = [];
  const generals: string[] = [];
  let fixedValue = 0;
  for (let column = 0; column < arrays.numCols; column++) {
    const lower = residual.lower[column] ?? 0;
    const upper = residual.upper[column] ?? 0;
    const cost = arrays.colCost[column] ?? 0;
    if (lower === upper) {
      fixedValue += cost * lower;
      continue;
    }
    const name = columnName(column);
    columns.push(column);
    bounds.push({ name, ...boundsOf(glpk, lower, upper) });
    if (cost !== 0) costs.push({ name, coef: cost });
    if (arrays.integer[column] === 1) generals.push(name);
  }
  const rows: Lp['subjectTo'] = [];
  for (let row = 0; row < arrays.numRows; row++) {
    const vars: { name: string; coef: number }[] = [];
    let fixed = 0;
    for (let slot = arrays.starts[row] ?? 0; slot < (arrays.starts[row + 1] ?? 0); slot++) {
      const column = arrays.indices[slot] ?? 0;
      const coefficient = arrays.values[slot] ?? 0;
      const lower = residual.lower[column] ?? 0;
      if (lower === residual.upper[column]) fixed += coefficient * lower;
      else vars.push({ name: columnName(column), coef: coefficient });
    }
    const lower = (arrays.rowLower[row] ?? -Infinity) - fixed;
    const upper = (arrays.rowUpper[row] ?? Infinity) - fixed;
    if (vars.length === 0) {
      const tolerance = ROW_TOLERANCE * Math.max(1, Math.abs(fixed));
      if (lower > tolerance || upper < -tolerance) return 'infeasible';
      continue;
    }
    rows.push({ name: `r${row}`, vars, bnds: boundsOf(glpk, lower, upper) });
  }
  return { columns, costs, bounds, rows, generals, fixedValue };
}

/** GLPK's primal feasibility tolerance (glp_smcp tol_bnd's default), for a row the fixed columns alone fill. */
const ROW_TOLERANCE = 1e-7;

function boundsOf(glpk: Glpk, lower: number, upper: number): { type: number; lb: number; ub: number } {
  if (lower === upper) return { type: glpk.GLP_FX, lb: lower, ub: upper };
  if (lower === -Infinity && upper === Infinity) return { type: glpk.GLP_FR, lb: 0, ub: 0 };
  if (upper === Infinity) return { type: glpk.GLP_LO, lb: lower, ub: 0 };
  if (lower === -Infinity) return { type: glpk.GLP_UP, lb: 0, ub: upper };
  return { type: glpk.GLP_DB, lb: lower, ub: upper };
}
