/**
 * The HiGHS engine (WebAssembly build of the HiGHS MIP solver). The only file that imports `highs`.
 * The model goes to HiGHS as arrays (no LP text to write and parse), into a HiGHS model that a
 * session may keep between solves (HighsModels): a re-solve of the same model with other objective
 * coefficients (a weight change in the simulator) only changes the costs, and starts from the last
 * answer.
 *
 * The fast path (README "Speed", docs/speed.md): solve the LP relaxation; fix every integer column
 * whose reduced cost says that moving it off its bound loses more than the target gap; solve the
 * small residual MILP; certify the gap against the relaxation's bound. When the certificate does
 * not reach the target, the full MILP runs from the residual's answer. Nothing here assumes a
 * particular model structure: the certificate holds for any bounded MILP. GLPK proves the small
 * residuals, and solves the tie-break's small held models (glpk.ts).
 */
import highsModule from 'highs';
import { withTierLinks } from '../model/cuts.js';
import type { AllocationModel } from '../model/types.js';
import { columnsOf, fits, fixByReducedCost, isIntegral, namedValues, objectiveOf, sameStructure, structureKey, toArrays, type Arrays, type Fixing } from './arrays.js';
import { findWithGlpk, glpkWillProve, loadGlpk, proveResidualWithGlpk, solveHeldWithGlpk } from './glpk.js';
import type { RawAnswer } from './types.js';

// The package's types describe an ES module while it ships CommonJS types: the default import is the loader at run time.
const highsLoader = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof highsLoader>>;
type Model = ReturnType<Highs['createModel']>;
let loading: Promise<Highs> | undefined;

/** HiGHS's WebAssembly, loaded once (a worker of the analysis pool asks for it before its first job). */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}

/** HiGHS model status codes (types.d.ts, ModelStatusCode). */
const STATUS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, timeLimit: 13, interrupted: 17 } as const;

/** How a HiGHS solve runs. */
export interface HighsSettings {
  readonly timeLimitMs: number;
  readonly relativeGap: number;
  /**
   * Relaxation, reduced-cost fixing and a residual MILP before the full MILP.
   * @default true
   */
  readonly fastPath?: boolean;
  /** Seconds spent in GLPK on this solve (glpk.ts): they count against the time limit too. */
  readonly glpk: { seconds: number };
  /** The relaxation's row duals, when the fast path solved it (kept for face.ts: see relaxationDuals). */
  duals?: Float64Array;
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
  const kept = models === undefined ? undefined : keptModel(models, highs, arrays);
  const target = kept?.model ?? newModel(highs, arrays);
  try {
    if (arrays.numCols === 0) return { status: 'solved', values: {}, gap: 0 };
    target.zeroAllClocks();
    const settings: HighsSettings = { timeLimitMs, relativeGap, fastPath, glpk: { seconds: 0 } };
    const answer = fastPath === false || arrays.integer.every((flag) => flag === 0) ? fullSolve(target, arrays, settings, kept?.start) : fastSolve(target, arrays, settings, kept?.start);
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

function newModel(highs: Highs, arrays: Arrays): Model {
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

/** Seconds left of the budget on this model's clock. */
function remaining(model: Model, settings: HighsSettings): number {
  return settings.timeLimitMs / 1000 - settings.glpk.seconds - model.getRunTime();
}

/** HiGHS's time limit, on its own clock (zeroed at the start of the solve): the budget less GLPK's time. */
function highsLimit(settings: HighsSettings): number {
  return Math.max(0.001, settings.timeLimitMs / 1000 - settings.glpk.seconds);
}

const ALL = (count: number): { kind: 'range'; from: number; to: number } => ({ kind: 'range', from: 0, to: count - 1 });

/** The full MILP, from `start` when given; the answer carries HiGHS's own proven gap. */
function fullSolve(model: Model, arrays: Arrays, settings: HighsSettings, start: Float64Array | undefined): RawAnswer {
  model.changeColsBounds(ALL(arrays.numCols), arrays.colLower, arrays.colUpper);
  const left = remaining(model, settings);
  if (left <= 0) return { status: 'timedout' };
  model.options.set({ time_limit: highsLimit(settings), mip_rel_gap: settings.relativeGap });
  if (start !== undefined) model.setSolution({ colValue: start });
  const result = model.run();
  return answerOf(model, arrays, result.modelStatus);
}

function answerOf(model: Model, arrays: Arrays, status: number): RawAnswer {
  const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
  switch (status) {
    case STATUS.optimal:
      return { status: 'solved', values: namedValues(arrays, model.getSolution().colValue), gap: mipGap(model) };
    case STATUS.infeasible:
    case STATUS.unboundedOrInfeasible:
      // Every variable of an allocation model is bounded, so "infeasible or unbounded" means infeasible.
      return { status: 'infeasible' };
    case STATUS.unbounded:
      return { status: 'unbounded' };
    case STATUS.timeLimit:
    case STATUS.interrupted:
      return hasSolution ? { status: 'feasible', values: namedValues(arrays, model.getSolution().colValue), gap: mipGap(model) } : { status: 'timedout' };
    default:
      return { status: 'failed', reason: `HiGHS ended with model status ${status}` };
  }
}

function mipGap(model: Model): number {
  const gap = Number(model.info.get('mip_gap'));
  // An LP (no integer column) reports no MIP gap: its optimum is proven.
  return Number.isFinite(gap) && gap > CERTIFICATE_SLACK ? gap : 0;
}

/** Relative gaps below this are the solver's floating-point round-off (objectives near 1e9, tolerances 1e-6..1e-9): 0. */
const CERTIFICATE_SLACK = 1e-9;

/**
 * Relaxation → neighbourhood → reduced-cost fixing → residual MILP, each answer certified by the
 * relaxation's bound z_LP. For a maximisation with optimal LP duals, any feasible x satisfies
 * c·x ≤ z_LP − Σ |d_j|·|x_j − x̄_j| over the columns x̄ holds at a bound.
 * 1. The neighbourhood: the MILP with every integer column whose |d_j| exceeds the target gap
 *    fixed where the relaxation holds it; its answer z_H is an allocation.
 * 2. If z_LP − z_H is within the target gap, z_H is proven (as it is, too, when the neighbourhood's
 *    own bound and z_LP − min |d_j| fixed both are: checked in step 3 by the residual's bound).
 * 3. Otherwise every allocation better than z_H keeps each column with |d_j| > z_LP − z_H where the
 *    relaxation holds it: fixing those loses nothing, and the residual MILP's own proven gap (from
 *    z_H as a start) holds for the full problem.
 * When a stage finds nothing, the full MILP decides.
 */
function fastSolve(model: Model, arrays: Arrays, settings: HighsSettings, start: Float64Array | undefined): RawAnswer {
  const n = arrays.numCols;
  model.changeColsBounds(ALL(n), arrays.colLower, arrays.colUpper);
  // A kept model re-solves its relaxation from the last basis: presolve would throw that basis away
  // (on the 2013 call, 2.5 ms a re-solve against 1.0 ms without). A new model is presolved. The
  // relaxation is asked for by an option, not by making every column continuous and then integer
  // again (two copies of the integrality into HiGHS per solve, a tenth of a small re-solve).
  model.options.set({ time_limit: Math.max(0.001, settings.timeLimitMs / 1000), mip_rel_gap: settings.relativeGap, presolve: start === undefined ? 'choose' : 'off', solve_relaxation: true });
  let relaxed: ReturnType<Model['run']>;
  try {
    relaxed = model.run();
  } finally {
    model.options.set({ presolve: 'choose', solve_relaxation: false });
  }
  if (relaxed.modelStatus === STATUS.infeasible || relaxed.modelStatus === STATUS.unboundedOrInfeasible) return { status: 'infeasible' };
  if (relaxed.modelStatus === STATUS.unbounded) return { status: 'unbounded' };
  if (relaxed.modelStatus !== STATUS.optimal) return fullSolve(model, arrays, settings, start);
  const { colValue, colDual, rowDual } = model.getSolution();
  settings.duals = rowDual;
  const bound = model.getObjectiveValue();
  if (isIntegral(arrays, colValue)) return { status: 'solved', values: namedValues(arrays, colValue), gap: 0 };
  // Reduced costs carry round-off too: fix only what clears the threshold by a margin.
  const slack = CERTIFICATE_SLACK * Math.max(1, Math.abs(bound));
  // The first neighbourhood's fixing: every integer column with a reduced cost (fromStart weighs against it).
  const tight = fixByReducedCost(arrays, colValue, colDual, slack);
  const warm = start === undefined ? undefined : fromStart(model, arrays, { colValue, colDual, bound }, tight, start, settings);
  if (warm !== undefined) return warm;

  const near = neighbourhoods(model, arrays, { colValue, colDual, bound }, tight, settings, start);
  if (near === undefined) return fullSolve(model, arrays, settings, start);
  const nearGap = relative(bound, near.objective);
  if (nearGap <= settings.relativeGap + CERTIFICATE_SLACK) return { status: 'solved', values: namedValues(arrays, near.values), gap: nearGap };
  // Nothing was fixed (a small held model of the tie-break): the neighbourhood was the whole MILP,
  // proven by HiGHS; the full MILP would only prove it again (on the 2013 call, up to 0.2 s a tie).
  if (near.whole && near.optimal) return { status: 'solved', values: namedValues(arrays, near.values), gap: relative(near.bound, near.objective) };
  if (remaining(model, settings) <= 0) return { status: 'feasible', values: namedValues(arrays, near.values), gap: nearGap };

  const fixing = fixByReducedCost(arrays, colValue, colDual, bound - near.objective + slack);
  if (fixing.fixed === 0 && !glpkWillProve(arrays, fixing, { bound, incumbent: near.objective, slack })) {
    const full = fullSolve(model, arrays, settings, near.values);
    return full.status === 'timedout' ? { status: 'feasible', values: namedValues(arrays, near.values), gap: nearGap } : full;
  }
  const rest = residual(model, arrays, fixing, near.values, settings, { bound, incumbent: near.objective });
  if (rest === undefined) return { status: 'feasible', values: namedValues(arrays, near.values), gap: nearGap };
  return certified(arrays, bound, near, rest, settings);
}

/**
 * The answer of a residual MILP that holds every allocation better than the incumbent z_H (the
 * columns whose |d_j| exceeds z_LP − z_H fixed): its bound, or z_H, is the whole problem's.
 */
function certified(arrays: Arrays, bound: number, incumbent: { readonly values: Float64Array; readonly objective: number }, rest: Residual, settings: HighsSettings): RawAnswer {
  const best = rest.objective >= incumbent.objective ? rest : incumbent;
  const gap = relative(Math.min(bound, Math.max(rest.bound, incumbent.objective)), best.objective);
  return { status: rest.optimal || gap <= settings.relativeGap + CERTIFICATE_SLACK ? 'solved' : 'feasible', values: namedValues(arrays, best.values), gap };
}

/**
 * A kept model's last answer is an allocation of this model too (only the costs changed since): its
 * value under the new costs is an incumbent z_S, and every better allocation keeps each column whose
 * |d_j| exceeds z_LP − z_S where the relaxation holds it (step 3 of fastSolve). When that fixes at
 * least as many columns as the first neighbourhood would leave fixed but START_FIXING_SHARE of them,
 * one residual MILP from z_S improves and proves it, instead of a neighbourhood and then a proof.
 * (Return tiers used to take that proof whenever GLPK could: HiGHS's neighbourhoods took 40–200 ms
 * there. Searched by GLPK, a neighbourhood and the proof after it beat it: re-solve 29–39 ms median
 * against 38–51 ms on the 2013 call under `emploi`.)
 * Undefined when the start is too far from the bound (or the residual finds nothing): fastSolve goes on.
 */
function fromStart(model: Model, arrays: Arrays, relaxation: { colValue: Float64Array; colDual: Float64Array; bound: number }, tight: Fixing, start: Float64Array, settings: HighsSettings): RawAnswer | undefined {
  const { colValue, colDual, bound } = relaxation;
  const value = objectiveOf(arrays, start);
  const slack = CERTIFICATE_SLACK * Math.max(1, Math.abs(bound));
  const fixing = fixByReducedCost(arrays, colValue, colDual, bound - value + slack);
  if (fixing.fixed === 0 || fixing.fixed < START_FIXING_SHARE * tight.fixed || !fits(start, fixing.lower, fixing.upper)) return undefined;
  const rest = residual(model, arrays, fixing, start, settings, { bound, incumbent: value });
  return rest === undefined ? undefined : certified(arrays, bound, { values: start, objective: value }, rest, settings);
}

/** See fromStart. */
const START_FIXING_SHARE = 0.8;

/**
 * How much wider the second neighbourhood is than the first: it frees the columns whose reduced
 * cost is below 1/NEIGHBOURHOOD_WIDENING of the first one's distance to the bound (on the hard
 * 1,000-candidate call, 1/500 found an allocation 2e-5 from the optimum in a fifth of the time the
 * target gap's neighbourhood took, and 1/160 the same one more slowly).
 */
const NEIGHBOURHOOD_WIDENING = 500;

type Residual = NonNullable<ReturnType<typeof residual>>;

/**
 * The neighbourhoods, each an allocation: first only the integer columns whose reduced cost is nil
 * move (a small MILP); when that misses the target gap, a wider one started from it; when the first
 * finds nothing, the target gap's neighbourhood (columns whose reduced cost is below it move).
 */
function neighbourhoods(model: Model, arrays: Arrays, relaxation: { colValue: Float64Array; colDual: Float64Array; bound: number }, tight: Fixing, settings: HighsSettings, start: Float64Array | undefined): Residual | undefined {
  const { colValue, colDual, bound } = relaxation;
  const scale = Math.max(1, Math.abs(bound));
  const slack = CERTIFICATE_SLACK * scale;
  const targetThreshold = settings.relativeGap * scale;
  const first = residual(model, arrays, tight, start, settings);
  if (first === undefined) return targetThreshold > slack ? residual(model, arrays, fixByReducedCost(arrays, colValue, colDual, targetThreshold), start, settings) : undefined;
  if (relative(bound, first.objective) <= settings.relativeGap + CERTIFICATE_SLACK || remaining(model, settings) <= 0) return first;
  const threshold = Math.min(targetThreshold > slack ? targetThreshold : Infinity, (bound - first.objective) / NEIGHBOURHOOD_WIDENING);
  const wider = fixByReducedCost(arrays, colValue, colDual, threshold);
  if (threshold <= slack || wider.fixed >= tight.fixed) return first;
  const second = residual(model, arrays, wider, first.values, settings, { bound, incumbent: first.objective });
  return second !== undefined && second.objective > first.objective ? second : first;
}

/** (bound − objective) / |objective|; below CERTIFICATE_SLACK it is the solver's round-off and counts as 0. */
function relative(bound: number, objective: number): number {
  const gap = (bound - objective) / Math.max(1, Math.abs(objective));
  return gap <= CERTIFICATE_SLACK ? 0 : gap;
}

/**
 * The MILP with the fixing's bounds, from `start` when it fits them; undefined when it finds no allocation.
 * `whole`: nothing was fixed, so the residual was the problem itself and its own proof holds for it.
 * GLPK first, when glpk.ts allows: with the relaxation's bound and the start's objective (`proof`) it
 * proves the residual; without, it only looks for an allocation (a neighbourhood). Else HiGHS.
 */
function residual(model: Model, arrays: Arrays, fixing: Fixing, start: Float64Array | undefined, settings: HighsSettings, proof?: { readonly bound: number; readonly incumbent: number }): { values: Float64Array; objective: number; bound: number; optimal: boolean; whole: boolean } | undefined {
  const started = performance.now();
  const slack = CERTIFICATE_SLACK * Math.max(1, Math.abs(proof?.bound ?? 0));
  const fitting = start !== undefined && fits(start, fixing.lower, fixing.upper) ? start : undefined;
  const byGlpk = proof === undefined ? findWithGlpk(arrays, fixing, remaining(model, settings)) : fitting && proveResidualWithGlpk(arrays, fixing, { ...proof, slack }, fitting, remaining(model, settings));
  settings.glpk.seconds += (performance.now() - started) / 1000;
  if (byGlpk !== undefined) return { ...byGlpk, bound: byGlpk.optimal ? byGlpk.objective : Infinity, whole: fixing.fixed === 0 };
  model.options.set({ mip_rel_gap: settings.relativeGap, time_limit: highsLimit(settings) });
  model.changeColsBounds(ALL(arrays.numCols), fixing.lower, fixing.upper);
  if (start !== undefined && fits(start, fixing.lower, fixing.upper)) model.setSolution({ colValue: start });
  const result = model.run();
  const found = Number(model.info.get('primal_solution_status')) === 2;
  if (!found || (result.modelStatus !== STATUS.optimal && result.modelStatus !== STATUS.timeLimit && result.modelStatus !== STATUS.interrupted)) return undefined;
  const objective = model.getObjectiveValue();
  const reported = Number(model.info.get('mip_dual_bound'));
  return { values: Float64Array.from(model.getSolution().colValue), objective, bound: Number.isFinite(reported) ? Math.max(reported, objective) : Infinity, optimal: result.modelStatus === STATUS.optimal, whole: fixing.fixed === 0 };
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
