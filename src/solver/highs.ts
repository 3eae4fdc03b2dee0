/**
 * The HiGHS engine (WebAssembly build of the HiGHS MIP solver). The only file that imports `highs`.
 * The model goes to HiGHS as arrays (no LP text to write and parse), into a HiGHS model that a
 * session may keep between solves (HighsModels): a re-solve of the same model with other objective
 * coefficients (a weight change in the simulator) only changes the costs, and starts from the last
 * answer. A model without a start is first presolved by HiGHS as a MILP (presolvedSolve), and the
 * fast path (fast-path.ts) runs on what is left. GLPK solves the tie-break's small held models (glpk.ts).
 */
import highsModule from 'highs';
import { withTierLinks } from '../model/cuts.js';
import { boundsByCandidate } from './face.js';
import type { AllocationModel } from '../model/types.js';
import { columnsOf, namedValues, sameStructure, structureKey, toArrays, type Arrays } from './arrays.js';
import { ALL, fastSolve, fullSolve, STATUS, type HighsSettings } from './fast-path.js';
import { loadGlpk, solveHeldWithGlpk } from './glpk.js';
import type { RawAnswer } from './types.js';

// The package's types describe an ES module while it ships CommonJS types: the default import is the loader at run time.
const highsLoader = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof highsLoader>>;
type Model = ReturnType<Highs['createModel']>;
/** A HiGHS model, for fast-path.ts (which only runs what this file builds). */
export type HighsModel = Model;
let loading: Promise<Highs> | undefined;

/** HiGHS's WebAssembly, loaded once (a worker of the analysis pool asks for it before its first job). */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}


/**
 * The persistent HiGHS models a session keeps (pipeline/session.ts), by structure (`structureKey`):
 * a model that differs from a kept one only in its costs (a weight change) re-solves in it, with
 * new costs and the kept model's last answer as a start. Which optimum that finds among equal ones
 * may depend on the solves before: the canonical tie-break (canonical.ts) settles it, so the
 * published allocation does not. Kept models hold WebAssembly memory: the least recently used goes
 * past `capacity`, and `disposeHighsModels` frees them all.
 */
export interface HighsModels {
  readonly capacity: number;
  /** `auto` solves every model in HiGHS (a face that solves again and again, see createSession). */
  readonly preferred: boolean;
  /** Most recently used last. */
  readonly slots: Map<string, KeptModel>;
}

interface KeptModel {
  readonly highs: Highs;
  readonly model: Model;
  /** The structure it was built with (a key only finds it; this confirms it). */
  readonly arrays: Arrays;
  /** The last answer in this model, as columns. */
  start: Float64Array | undefined;
}

/**
 * New, empty persistent models. Four by default: the call's model, and the tie-break's held
 * models of the last re-solve.
 */
export function createHighsModels(options: { readonly capacity?: number; readonly preferred?: boolean } = {}): HighsModels {
  return { capacity: options.capacity ?? 4, preferred: options.preferred ?? false, slots: new Map() };
}

/**
 * Smaller models are not kept: the tie-break's held models and the tie search's tries (a dozen
 * columns), each of a structure of its own, came once and pushed the call's model out of a
 * session's four places (under `emploi`, a re-solve in four then started cold). Built anew, they
 * cost what they cost kept: none of them was ever solved again in its place.
 */
const KEPT_MIN_COLUMNS = 64;

/** Frees every kept model (the session is done, or a test ends). */
export function disposeHighsModels(models: HighsModels): void {
  for (const kept of models.slots.values()) if (!kept.model.disposed) kept.model.dispose();
  models.slots.clear();
}

/**
 * Solves with HiGHS within `timeLimitMs` to `relativeGap`; see the file comment for the fast path.
 * With `models`, in a kept model when one has this structure (see HighsModels); without, in a
 * model of its own, freed after.
 */
export async function solveWithHighs(model: AllocationModel, timeLimitMs: number, relativeGap: number, fastPath = true, models?: HighsModels): Promise<RawAnswer> {
  const [highs] = await Promise.all([loadHighs(), loadGlpk()]);
  const linked = withTierLinks(model);
  const arrays = toArrays(linked);
  const held = fastPath ? solveHeldWithGlpk(arrays, timeLimitMs / 1000) : undefined;
  if (held !== undefined) return held;
  const kept = models === undefined || arrays.numCols <= KEPT_MIN_COLUMNS ? undefined : keptModel(models, highs, arrays);
  const target = kept?.model ?? newModel(highs, arrays);
  try {
    if (arrays.numCols === 0) return { status: 'solved', values: {}, gap: 0 };
    target.zeroAllClocks();
    const settings: HighsSettings = { timeLimitMs, relativeGap, fastPath, glpk: { seconds: 0 }, byCandidate: boundsByCandidate(linked, arrays) };
    const answer =
      fastPath === false || arrays.integer.every((flag) => flag === 0)
        ? fullSolve(target, arrays, settings, kept?.start)
        : ((kept?.start === undefined && arrays.numCols > KEPT_MIN_COLUMNS ? presolvedSolve(highs, target, arrays, settings) : undefined) ?? fastSolve(target, arrays, settings, kept?.start));
    if (kept !== undefined && (answer.status === 'solved' || answer.status === 'feasible')) kept.start = columnsOf(arrays, answer.values);
    if (settings.duals !== undefined) solvedDuals.set(model.objective, { rows: linked.rows, variables: model.variables, relaxation: { arrays, duals: settings.duals } });
    return answer;
  } catch (error) {
    // A native failure leaves the WebAssembly instance in doubt: load a fresh one next time.
    if (models !== undefined) disposeHighsModels(models);
    loading = undefined;
    return { status: 'failed', reason: `HiGHS stopped with an error: ${(error as Error).message}` };
  } finally {
    if (kept === undefined && !target.disposed) target.dispose();
  }
}

/** The kept model of this structure with the new costs, or a new one kept in the least recently used's place. */
function keptModel(models: HighsModels, highs: Highs, arrays: Arrays): KeptModel {
  const key = structureKey(arrays);
  const found = models.slots.get(key);
  models.slots.delete(key);
  if (found !== undefined && found.highs === highs && !found.model.disposed && sameStructure(found.arrays, arrays)) {
    found.model.changeColsCost(ALL(arrays.numCols), arrays.colCost);
    models.slots.set(key, found);
    return found;
  }
  if (found !== undefined && !found.model.disposed) found.model.dispose();
  const kept: KeptModel = { highs, model: newModel(highs, arrays), arrays, start: undefined };
  models.slots.set(key, kept);
  for (const [key, old] of models.slots) {
    if (models.slots.size <= models.capacity) break;
    if (!old.model.disposed) old.model.dispose();
    models.slots.delete(key);
  }
  return kept;
}

/** A HiGHS model of the arrays, maximising, with the options every solve of ours uses. */
export function newModel(highs: Highs, arrays: Arrays): Model {
  const target = highs.createModel();
  target.passModel({
    numCols: arrays.numCols,
    numRows: arrays.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: arrays.colCost,
    colLower: arrays.colLower,
    colUpper: arrays.colUpper,
    rowLower: arrays.rowLower,
    rowUpper: arrays.rowUpper,
    matrix: { format: 'csr', numRows: arrays.numRows, numCols: arrays.numCols, starts: arrays.starts, indices: arrays.indices, values: arrays.values },
    integrality: Int32Array.from(arrays.integer),
  });
  // Feasibility jump (a primal heuristic HiGHS runs before each MILP's root) cost two thirds of a
  // small residual MILP's time and found nothing the root did not (docs/speed.md): off.
  target.options.set({ output_flag: false, log_to_console: false, mip_heuristic_run_feasibility_jump: false });
  return target;
}


/**
 * The fast path on HiGHS's presolve of the MILP, for a model without a start (a new call). Presolve
 * uses integrality to tighten the model, and the relaxation's bound with it: on the hard
 * 10,000-candidate call from 5.8e-4 above the optimum to 5e-6, so that the first neighbourhood's
 * allocation is certified at once, where the bound of the model as written certified nothing and
 * the full MILP had to run (the first solve 2.7 s instead of 6.9 s; docs/speed.md). Not on a small
 * model (KEPT_MIN_COLUMNS columns at most: a try of the tie search under return tiers, which GLPK
 * does not solve whole), where the second HiGHS model it builds cost more than presolve saved (on the
 * 2013 call under `emploi`, 1.3 ms a re-solve against 1.7 ms). The answer
 * comes back through HiGHS's postsolve, and is rounded and checked against every row of the model
 * like any other (solve.ts). Undefined when presolve finds the model infeasible or unbounded (the
 * fast path on the model itself says which), leaves a column of another kind than ours, or its
 * answer is not an allocation: the fast path then runs on the model itself.
 */
function presolvedSolve(highs: Highs, model: Model, arrays: Arrays, settings: HighsSettings): RawAnswer | undefined {
  const started = performance.now();
  model.options.set({ time_limit: Math.max(0.001, settings.timeLimitMs / 1000), mip_rel_gap: settings.relativeGap });
  model.presolve();
  const status = model.getModelStatus();
  if (status === STATUS.infeasible || status === STATUS.unboundedOrInfeasible || status === STATUS.unbounded) return undefined;
  const reduced = model.getPresolvedLp('csr');
  const small = presolvedArrays(highs, reduced);
  if (small === undefined) return undefined;
  const inner = newModel(highs, small);
  try {
    // Its own settings: the relaxation's duals there are the presolved model's, not this model's (relaxationDuals).
    const answer = fastSolve(inner, small, { ...settings, timeLimitMs: settings.timeLimitMs - (performance.now() - started), duals: undefined, byCandidate: undefined }, undefined);
    if (answer.status === 'failed') return undefined;
    if (answer.status !== 'solved' && answer.status !== 'feasible') return answer;
    model.postsolve({ colValue: columnsOf(small, answer.values).subarray(0, reduced.numCols) });
    return { ...answer, values: namedValues(arrays, model.getSolution().colValue) };
  } finally {
    if (!inner.disposed) inner.dispose();
  }
}

/**
 * The presolved MILP as arrays to maximise, with its objective's constant on a column fixed at 1, so
 * that its objective values (and so the gaps the fast path certifies) are the whole model's.
 * Undefined when a column is neither continuous nor integer.
 */
function presolvedArrays(highs: Highs, reduced: ReturnType<Model['getPresolvedLp']>): Arrays | undefined {
  const { numCols, numRows, integrality, matrix } = reduced;
  if (matrix.format !== 'csr' || integrality.some((kind) => kind !== 0 && kind !== 1)) return undefined;
  const sign = reduced.sense === highs.constants.objectiveSense.minimize ? -1 : 1;
  const colCost = Float64Array.from({ length: numCols + 1 }, (_, column) => sign * (column < numCols ? (reduced.colCost[column] ?? 0) : reduced.offset));
  const colLower = Float64Array.from({ length: numCols + 1 }, (_, column) => (column < numCols ? (reduced.colLower[column] ?? 0) : 1));
  const colUpper = Float64Array.from({ length: numCols + 1 }, (_, column) => (column < numCols ? (reduced.colUpper[column] ?? 0) : 1));
  const integer = Uint8Array.from({ length: numCols + 1 }, (_, column) => integrality[column] ?? 0);
  const names = Array.from({ length: numCols + 1 }, (_, column) => `presolved_${column}`);
  return { numCols: numCols + 1, numRows, colCost, colLower, colUpper, rowLower: reduced.rowLower, rowUpper: reduced.rowUpper, starts: Int32Array.from(matrix.starts), indices: Int32Array.from(matrix.indices), values: Float64Array.from(matrix.values), integer, names };
}

/**
 * The row duals of a model's LP relaxation (with its tier links), and the arrays it was solved on,
 * for the tie-break's optimal face (face.ts): those the fast path found when it solved this model
 * (by its objective, rows and variables), or its relaxation solved in a HiGHS model of its own.
 * Undefined when HiGHS does not reach the relaxation's optimum.
 */
export async function relaxationDuals(model: AllocationModel, timeLimitMs: number): Promise<{ readonly arrays: Arrays; readonly duals: Float64Array } | undefined> {
  const linked = withTierLinks(model);
  const known = solvedDuals.get(model.objective);
  if (known !== undefined && known.rows === linked.rows && known.variables === model.variables) return known.relaxation;
  const highs = await loadHighs();
  const arrays = toArrays(linked);
  const target = newModel(highs, arrays);
  try {
    target.options.set({ solve_relaxation: true, time_limit: Math.max(0.001, timeLimitMs / 1000) });
    return target.run().modelStatus === STATUS.optimal ? { arrays, duals: Float64Array.from(target.getSolution().rowDual) } : undefined;
  } catch {
    // As in solveWithHighs: a fresh instance next time; the tie-break then works without the face.
    loading = undefined;
    return undefined;
  } finally {
    if (!target.disposed) target.dispose();
  }
}

/** The fast path's last relaxation (its arrays and row duals), by the model's objective (see relaxationDuals). */
const solvedDuals = new WeakMap<AllocationModel['objective'], { readonly rows: AllocationModel['rows']; readonly variables: AllocationModel['variables']; readonly relaxation: { readonly arrays: Arrays; readonly duals: Float64Array } }>();
