/**
 * The fast path of a HiGHS solve (README "Speed", docs/speed.md): solve the LP relaxation; fix every
 * integer column whose reduced cost says that moving it off its bound loses more than the target
 * gap; solve the small residual MILP; certify the gap against the relaxation's bound. When the
 * certificate does not reach the target, the full MILP runs from the residual's answer. Nothing here
 * assumes a particular model structure: the certificate holds for any bounded MILP. GLPK searches
 * and proves the small residuals (glpk.ts). highs.ts builds the HiGHS model it runs in.
 */
import { boundByReducedCost, fits, fixByReducedCost, isIntegral, namedValues, narrowed, objectiveOf, type Arrays, type Fixing } from './arrays.js';
import type { ColumnBounds } from './face.js';
import { bestAboveWithGlpk, findWithGlpk, glpkWillProve, proveResidualWithGlpk } from './glpk.js';
import type { HighsModel as Model } from './highs.js';
import type { RawAnswer } from './types.js';

/** HiGHS model status codes (types.d.ts, ModelStatusCode). */
export const STATUS = { optimal: 7, infeasible: 8, unboundedOrInfeasible: 9, unbounded: 10, timeLimit: 13, interrupted: 17 } as const;

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
  /**
   * From the relaxation's row duals, for a floor, column bounds every allocation worth at least it
   * meets (face.ts boundsByCandidate); given only for a model of candidates alone, in its own columns.
   */
  readonly byCandidate?: ((duals: Float64Array) => ((floor: number) => ColumnBounds | undefined) | undefined) | undefined;
}

/** Seconds left of the budget on this model's clock. */
function remaining(model: Model, settings: HighsSettings): number {
  return settings.timeLimitMs / 1000 - settings.glpk.seconds - model.getRunTime();
}

/**
 * The time limit of HiGHS's next run: what is left of the budget. HiGHS reads `time_limit` against a
 * clock of that run alone in a MILP (its branch and bound), not against the model's run time: given
 * the whole budget less GLPK's time, as it was, the full MILP after an 8.8 s neighbourhood on the hard
 * 10,000-candidate call's first tie-break model ran 9.2 s more, and `solve` ended at 28-30 s of a 20 s limit.
 */
function runLimit(model: Model, settings: HighsSettings): number {
  return Math.max(0.001, remaining(model, settings));
}

export const ALL = (count: number): { kind: 'range'; from: number; to: number } => ({ kind: 'range', from: 0, to: count - 1 });

/** The full MILP, from `start` when given; the answer carries HiGHS's own proven gap. */
export function fullSolve(model: Model, arrays: Arrays, settings: HighsSettings, start: Float64Array | undefined): RawAnswer {
  model.changeColsBounds(ALL(arrays.numCols), arrays.colLower, arrays.colUpper);
  const left = remaining(model, settings);
  if (left <= 0) return { status: 'timedout' };
  model.options.set({ time_limit: left, mip_rel_gap: settings.relativeGap });
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
 * 3. Otherwise every allocation better than z_H keeps each column the relaxation holds at a bound
 *    within (z_LP − z_H) / |d_j| of it: fixing those with |d_j| > z_LP − z_H and narrowing the others
 *    to those steps (arrays.ts boundByReducedCost) loses nothing, and the residual MILP's own proven
 *    gap (from z_H as a start) holds for the full problem.
 * When a stage finds nothing, the full MILP decides.
 */
export function fastSolve(model: Model, arrays: Arrays, settings: HighsSettings, start: Float64Array | undefined): RawAnswer {
  const n = arrays.numCols;
  model.changeColsBounds(ALL(n), arrays.colLower, arrays.colUpper);
  // A kept model re-solves its relaxation from the last basis: presolve would throw that basis away
  // (on the 2013 call, 2.5 ms a re-solve against 1.0 ms without). A new model is presolved. The
  // relaxation is asked for by an option, not by making every column continuous and then integer
  // again (two copies of the integrality into HiGHS per solve, a tenth of a small re-solve).
  model.options.set({ time_limit: Math.max(0.001, settings.timeLimitMs / 1000), mip_rel_gap: settings.relativeGap, presolve: start === undefined ? 'choose' : 'off', solve_relaxation: true });
  let relaxed: ReturnType<Model['run']>;
  try {
    if (start === undefined && n >= STAGE_SIZES.valuableFirst) valuableFirst(model, arrays);
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
  const above = settings.byCandidate?.(rowDual);
  const guessed = settings.relativeGap === 0 && above !== undefined ? nearBound(model, arrays, { colValue, colDual, bound }, above, settings) : undefined;
  if (guessed !== undefined) return guessed;
  const warm = start === undefined ? undefined : fromStart(model, arrays, { colValue, colDual, bound }, tight, start, settings, above);
  if (warm !== undefined) return warm;

  const near = neighbourhoods(model, arrays, { colValue, colDual, bound }, tight, settings, start);
  if (near === undefined) return fullSolve(model, arrays, settings, start);
  const nearGap = relative(bound, near.objective);
  if (nearGap <= settings.relativeGap + CERTIFICATE_SLACK) return { status: 'solved', values: namedValues(arrays, near.values), gap: nearGap };
  // Nothing was fixed (a small held model of the tie-break): the neighbourhood was the whole MILP,
  // proven by HiGHS; the full MILP would only prove it again (on the 2013 call, up to 0.2 s a tie).
  if (near.whole && near.optimal) return { status: 'solved', values: namedValues(arrays, near.values), gap: relative(near.bound, near.objective) };
  if (remaining(model, settings) <= 0) return { status: 'feasible', values: namedValues(arrays, near.values), gap: nearGap };

  const fixing = within(boundByReducedCost(arrays, colValue, colDual, bound - near.objective + slack), above?.(near.objective - slack));
  if (fixing.fixed === 0 && !glpkWillProve(arrays, fixing, { bound, incumbent: near.objective, slack })) {
    const full = fullSolve(model, arrays, settings, near.values);
    return full.status === 'timedout' ? { status: 'feasible', values: namedValues(arrays, near.values), gap: nearGap } : full;
  }
  const rest = residual(model, arrays, fixing, near.values, settings, { bound, incumbent: near.objective });
  if (rest === undefined) return { status: 'feasible', values: namedValues(arrays, near.values), gap: nearGap };
  return certified(arrays, bound, near, rest, settings);
}

/**
 * A large new model's relaxation is solved first with only its more valuable half of the columns
 * that carry a value (the others held at their lower bound), and the run after it, on the whole
 * relaxation, starts from that basis (presolve off): an allocation funds few of the candidates, so
 * the held columns are mostly where the optimum leaves them and the second run takes a few
 * iterations. That run is the relaxation's answer whatever the first found; a first run that does
 * not reach an optimum (the held columns were needed) leaves the second to start afresh. On the
 * hard 10,000-candidate call (28,833 columns after presolve): 0.9 s instead of 1.9 s (16 iterations
 * after the first run); on the 1,000-candidate call no faster, hence the size.
 */
function valuableFirst(model: Model, arrays: Arrays): void {
  const valued = arrays.colCost.filter((cost) => cost > 0).sort((a, b) => b - a);
  const median = valued[Math.floor(valued.length / 2)];
  if (median === undefined) return;
  const upper = Float64Array.from(arrays.colUpper);
  for (let column = 0; column < arrays.numCols; column++) {
    const cost = arrays.colCost[column] ?? 0;
    const lower = arrays.colLower[column] ?? 0;
    if (cost > 0 && cost < median && Number.isFinite(lower)) upper[column] = lower;
  }
  model.changeColsBounds(ALL(arrays.numCols), arrays.colLower, upper);
  const first = model.run();
  model.changeColsBounds(ALL(arrays.numCols), arrays.colLower, arrays.colUpper);
  if (first.modelStatus === STATUS.optimal) model.options.set({ presolve: 'off' });
}

/** Columns from which a stage pays (valuableFirst: see there); a test lowers them to run the stage on small calls. */
export const STAGE_SIZES = { valuableFirst: 10_000 };

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
 * |d_j| exceeds z_LP − z_S where the relaxation holds it, and the others within their steps (step 3
 * of fastSolve). When that fixes at least as many columns as the first neighbourhood would leave
 * fixed but START_FIXING_SHARE of them, one residual MILP from z_S improves and proves it, instead of a neighbourhood and then a proof.
 * (Return tiers used to take that proof whenever GLPK could: HiGHS's neighbourhoods took 40–200 ms
 * there. Searched by GLPK, a neighbourhood and the proof after it beat it: re-solve 29–39 ms median
 * against 38–51 ms on the 2013 call under `emploi`.)
 * Undefined when the start is too far from the bound (or the residual finds nothing): fastSolve goes on.
 */
function fromStart(model: Model, arrays: Arrays, relaxation: { colValue: Float64Array; colDual: Float64Array; bound: number }, tight: Fixing, start: Float64Array, settings: HighsSettings, above: ((floor: number) => ColumnBounds | undefined) | undefined): RawAnswer | undefined {
  const { colValue, colDual, bound } = relaxation;
  const value = objectiveOf(arrays, start);
  const slack = CERTIFICATE_SLACK * Math.max(1, Math.abs(bound));
  const fixing = within(boundByReducedCost(arrays, colValue, colDual, bound - value + slack), above?.(value - slack));
  if (fixing.fixed === 0 || fixing.fixed < START_FIXING_SHARE * tight.fixed || !fits(start, fixing.lower, fixing.upper)) return undefined;
  const rest = residual(model, arrays, fixing, start, settings, { bound, incumbent: value });
  return rest === undefined ? undefined : certified(arrays, bound, { values: start, objective: value }, rest, settings);
}

/** See fromStart. */
const START_FIXING_SHARE = 0.8;

/**
 * The reduced costs' bounds narrowed by the candidates' (face.ts boundsByCandidate), both holding
 * for every allocation above the same floor. Bounds that leave some column no value cannot be (the
 * incumbent meets both): the reduced costs' alone then, and a tolerance is the one to look at.
 */
function within(fixing: Fixing, bounds: ColumnBounds | undefined): Fixing {
  const both = narrowed(fixing, bounds);
  return both === 'empty' ? fixing : both;
}

/**
 * The optimum sought near the relaxation's bound z_LP, from no start. Every allocation worth at least
 * a floor z_LP − G lies within the bounds that the reduced costs (each integer column within G / |d_j|
 * of the relaxation) and the candidates' own rows (face.ts boundsByCandidate) leave at that floor, so
 * the best allocation within them, if it reaches the floor, is the optimum, proven. The floor is
 * guessed: first NEAR_BOUND.first × |z_LP|, GLPK told to look down to NEAR_BOUND.widest. An
 * allocation it finds between the two is an incumbent z_1: the optimum lies within z_LP − z_1, and a
 * second run within those bounds proves it. None that far: the optimum lies further down, and the
 * widest guess's bounds are searched the same way. Past them (or when GLPK cannot tell) the
 * neighbourhoods and the proof after them run as before. On the 2013 call the optimum lay within
 * 2.5e-4 of the bound in 90 % of the tipping run's 443 solves and within 7e-4 in all 100 re-solves
 * under `emploi` (return tiers), whose neighbourhood and proof this spares (about 60 free integer
 * columns at 1e-3, against about 300 in the proof after a neighbourhood).
 * Exact gap only (the tie-break's canonical optimum): with a gap, the neighbourhood certifies at once.
 */
function nearBound(model: Model, arrays: Arrays, relaxation: { colValue: Float64Array; colDual: Float64Array; bound: number }, above: (floor: number) => ColumnBounds | undefined, settings: HighsSettings): RawAnswer | undefined {
  const { bound } = relaxation;
  const scale = Math.max(1, Math.abs(bound));
  const slack = CERTIFICATE_SLACK * scale;
  const lowest = bound - NEAR_BOUND.widest * scale;
  const bestAbove = (floor: number, down: number): ReturnType<typeof bestAboveWithGlpk> => {
    const box = narrowed(boundByReducedCost(arrays, relaxation.colValue, relaxation.colDual, bound - floor + slack), above(floor - slack));
    // No column left a value: no allocation reaches the floor (each bound holds for all of them).
    if (box === 'empty') return 'none';
    const started = performance.now();
    const found = bestAboveWithGlpk(arrays, box, { bound, incumbent: down, slack }, remaining(model, settings));
    settings.glpk.seconds += (performance.now() - started) / 1000;
    return found;
  };
  for (const guess of [NEAR_BOUND.first, NEAR_BOUND.widest]) {
    const floor = bound - guess * scale;
    const found = bestAbove(floor, lowest);
    if (found === 'none') continue;
    if (found === undefined || !found.optimal) return undefined;
    if (found.objective >= floor - slack) return { status: 'solved', values: namedValues(arrays, found.values), gap: 0 };
    // Below the guess: every allocation better than this one lies within the bounds at its value.
    const proven = bestAbove(found.objective, found.objective);
    if (proven === undefined || proven === 'none' || !proven.optimal) return undefined;
    return { status: 'solved', values: namedValues(arrays, (proven.objective > found.objective ? proven : found).values), gap: 0 };
  }
  return undefined;
}

/** nearBound's guesses of the optimum's distance below the bound, relative to |z_LP|. */
const NEAR_BOUND = { first: 2.5e-4, widest: 1e-3 };

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
  model.options.set({ mip_rel_gap: settings.relativeGap, time_limit: runLimit(model, settings) });
  model.changeColsBounds(ALL(arrays.numCols), fixing.lower, fixing.upper);
  if (start !== undefined && fits(start, fixing.lower, fixing.upper)) model.setSolution({ colValue: start });
  const result = model.run();
  const found = Number(model.info.get('primal_solution_status')) === 2;
  if (!found || (result.modelStatus !== STATUS.optimal && result.modelStatus !== STATUS.timeLimit && result.modelStatus !== STATUS.interrupted)) return undefined;
  const objective = model.getObjectiveValue();
  const reported = Number(model.info.get('mip_dual_bound'));
  return { values: Float64Array.from(model.getSolution().colValue), objective, bound: Number.isFinite(reported) ? Math.max(reported, objective) : Infinity, optimal: result.modelStatus === STATUS.optimal, whole: fixing.fixed === 0 };
}
