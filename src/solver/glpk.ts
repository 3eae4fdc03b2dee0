/**
 * GLPK (glpk.js, GLPK compiled to WebAssembly) beside HiGHS (highs.ts) for the tie-break's held
 * models: a dozen columns, objective in whole steps (a candidate's total grant), where setting up
 * and presolving a HiGHS model took 2–3 ms a solve and GLPK takes a fraction of that. The only file
 * that imports `glpk.js`.
 *
 * Exactness: GLPK prunes a node whose bound is within tol_obj·(1 + |incumbent|) of the incumbent
 * (tol_obj = 1e-7, not settable through glpk.js). A held model's objective has integer
 * coefficients on integer columns, so any two of its values differ by 1 or more, far above that
 * tolerance while |objective| stays below 1e6 (glpkSolvesWhole). Its answer is rounded and checked
 * against every row like any other (solve.ts); anything but a proven optimum goes to HiGHS.
 */
import type GLPK from 'glpk.js/node';
import type { Arrays } from './arrays.js';
import type { RawAnswer } from './types.js';

type Glpk = Awaited<ReturnType<typeof GLPK>>;
type Lp = Parameters<Glpk['solve']>[0];

/** GLPK's relative objective tolerance in its branch and bound (glp_iocp tol_obj's default). */
const GLPK_TOL_OBJ = 1e-7;

let loading: Promise<Glpk | undefined> | undefined;
let loaded: Glpk | undefined;

/**
 * Loads the WebAssembly module once (about 15 ms); held models then solve synchronously. glpk.js is an
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
 * Whether GLPK may solve the whole model: a small one whose objective has integer coefficients on
 * integer columns only (a candidate's total grant, in steps), so that two allocations of different
 * objective differ by at least 1, far above GLPK's tolerance while |objective| stays below 1e6.
 */
export function glpkSolvesWhole(arrays: Arrays): boolean {
  if (loaded === undefined || arrays.numCols > GLPK_WHOLE_MAX_COLUMNS) return false;
  let largest = 0;
  for (let column = 0; column < arrays.numCols; column++) {
    const cost = arrays.colCost[column] ?? 0;
    if (cost === 0) continue;
    if (arrays.integer[column] !== 1 || !Number.isInteger(cost)) return false;
    largest += Math.abs(cost) * Math.max(Math.abs(arrays.colLower[column] ?? 0), Math.abs(arrays.colUpper[column] ?? 0));
  }
  // Objective values are integers below 1e6: GLPK's tolerance, 1e-7 × (1 + |objective|), stays under 0.1.
  return GLPK_TOL_OBJ * (1 + largest) <= 0.1;
}

/**
 * The model solved by GLPK when glpkSolvesWhole allows, proven optimal (GLPK's gap 0: a held model
 * is small); undefined when it does not, or GLPK proves nothing in time or stops with an error: the
 * caller asks HiGHS.
 */
export function solveHeldWithGlpk(arrays: Arrays, timeLimitS: number): RawAnswer | undefined {
  const glpk = loaded;
  if (glpk === undefined || timeLimitS <= 0 || !glpkSolvesWhole(arrays)) return undefined;
  const frame = frameOf(glpk, arrays);
  const lp: Lp = {
    name: 'held',
    objective: { direction: glpk.GLP_MAX, name: 'z', vars: frame.costs.map((term) => ({ name: term.name, coef: arrays.colCost[term.column] ?? 0 })) },
    subjectTo: frame.rows,
    bounds: frame.names.map((name, column) => ({ name, ...bounds(glpk, arrays.colLower[column] ?? 0, arrays.colUpper[column] ?? 0) })),
    generals: frame.generals,
  };
  let result: ReturnType<Glpk['solve']>;
  try {
    result = glpk.solve(lp, { msglev: glpk.GLP_MSG_OFF, mipgap: 0, presol: true, tmlim: timeLimitS });
  } catch {
    // An abort leaves the WebAssembly instance in doubt: load a fresh one next time.
    loading = undefined;
    loaded = undefined;
    return undefined;
  }
  if (result.result.status !== glpk.GLP_OPT) return undefined;
  const values: Record<string, number> = {};
  frame.names.forEach((name, column) => {
    values[arrays.names[column] ?? name] = result.result.vars[name] ?? 0;
  });
  return { status: 'solved', values, gap: 0 };
}

/** What a model of one structure shares with the next (names, rows, integer columns), by its matrix. */
interface GlpkFrame {
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly names: readonly string[];
  readonly costs: readonly { readonly name: string; readonly column: number }[];
  readonly rows: Lp['subjectTo'];
  readonly generals: string[];
}

const frames = new WeakMap<Int32Array, GlpkFrame>();

function frameOf(glpk: Glpk, arrays: Arrays): GlpkFrame {
  const known = frames.get(arrays.indices);
  if (known !== undefined && known.names.length === arrays.numCols && known.rowLower === arrays.rowLower && known.rowUpper === arrays.rowUpper) return withCosts(known, arrays);
  const names = Array.from({ length: arrays.numCols }, (_, column) => `c${column}`);
  const rows: Lp['subjectTo'] = [];
  for (let row = 0; row < arrays.numRows; row++) {
    const vars: { name: string; coef: number }[] = [];
    for (let slot = arrays.starts[row] ?? 0; slot < (arrays.starts[row + 1] ?? 0); slot++) vars.push({ name: names[arrays.indices[slot] ?? 0] ?? '', coef: arrays.values[slot] ?? 0 });
    // An empty row stays: its bounds may exclude 0 (a rule on a group with no candidate), and GLPK must then say infeasible.
    rows.push({ name: `r${row}`, vars, bnds: bounds(glpk, arrays.rowLower[row] ?? -Infinity, arrays.rowUpper[row] ?? Infinity) });
  }
  const frame = withCosts({ rowLower: arrays.rowLower, rowUpper: arrays.rowUpper, names, costs: [], rows, generals: names.filter((_, column) => arrays.integer[column] === 1) }, arrays);
  frames.set(arrays.indices, frame);
  return frame;
}

/** The frame with the columns that carry a cost in these arrays (models of one frame differ in their costs only). */
function withCosts(frame: GlpkFrame, arrays: Arrays): GlpkFrame {
  const costs: { name: string; column: number }[] = [];
  for (let column = 0; column < arrays.numCols; column++) if (arrays.colCost[column] !== 0) costs.push({ name: frame.names[column] ?? '', column });
  return { ...frame, costs };
}

function bounds(glpk: Glpk, lower: number, upper: number): { type: number; lb: number; ub: number } {
  if (lower === upper) return { type: glpk.GLP_FX, lb: lower, ub: upper };
  if (lower === -Infinity && upper === Infinity) return { type: glpk.GLP_FR, lb: 0, ub: 0 };
  if (upper === Infinity) return { type: glpk.GLP_LO, lb: lower, ub: 0 };
  if (lower === -Infinity) return { type: glpk.GLP_UP, lb: 0, ub: upper };
  return { type: glpk.GLP_DB, lb: lower, ub: upper };
}
