/**
 * How allocations move with the weights: a sweep of one criterion's share of the total weight
 * (the others keep their proportions), and the tipping points where a candidate's funded status
 * changes, narrowed between sweep points to a tolerance.
 */
import type { Bilingual, Lang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import { normaliseWeights, withShare, type Weights } from '../scoring/weights.js';
import { buildModel } from '../model/build.js';
import { objectiveOfGrants } from '../model/objective.js';
import type { AllocationModel } from '../model/types.js';
import { findPolicy, scoreCandidates } from '../pipeline/score.js';
import { createSession } from '../pipeline/session.js';
import { createPool, runPool, type Pool, type PoolJob, type PoolOptions, type PoolResult } from './pool.js';

/** The normalised weights of a weighted policy; a string says why there are none, in `lang`. */
export function policyWeights(scenario: Scenario, policyName: string, lang: Lang = 'en'): Weights | string {
  const policy = findPolicy(scenario, policyName);
  const say = (why: Bilingual): string => why[lang];
  if (policy === undefined) return say({ en: `the scenario has no policy '${policyName}'`, fr: `le scénario n’a pas de pondération '${policyName}'` });
  if (policy.score !== undefined) {
    return say({ en: `the policy '${policyName}' scores with a formula, not weights; choose a weighted policy`, fr: `la pondération '${policyName}' note par une formule, pas par des poids\u00a0; choisissez une pondération à poids` });
  }
  return normaliseWeights(policy.weights, scenario.criteria) ?? say({ en: `every weight of '${policyName}' is zero`, fr: `tous les poids de '${policyName}' sont nuls` });
}

export interface SweepPoint {
  /** The criterion's share of the total weight, 0..1. */
  readonly share: number;
  readonly result: PoolResult;
}

export interface WeightSweep {
  readonly policy: string;
  readonly criterion: string;
  /** The criterion's share under the policy itself. */
  readonly policyShare: number;
  readonly points: readonly SweepPoint[];
}

/** Solves at `steps` evenly spaced shares from 0 to 1 (plus the policy's own share). */
export async function sweepWeight(scenario: Scenario, policy: string, weights: Weights, criterion: string, steps: number, options: PoolOptions = {}, pool?: Pool): Promise<WeightSweep> {
  const grid = Array.from({ length: steps }, (_, k) => (steps === 1 ? 0 : k / (steps - 1)));
  const policyShare = weights[criterion] ?? 0;
  const shares = [...new Set([...grid, policyShare])].sort((a, b) => a - b);
  // The policy's own share is the policy itself, to the last bit (withShare's arithmetic would leave
  // 0.12499999999999997 for 0.125): tipping's criteria then share that one solve (solvedOnce).
  const jobs = shares.map((share) => ({ selection: { policy, weights: share === policyShare ? weights : withShare(weights, scenario.criteria, criterion, share) } }));
  const results = pool === undefined ? await runPool(scenario, jobs, options) : await pool.run(jobs, options.onProgress);
  return { policy, criterion, policyShare, points: shares.map((share, index) => ({ share, result: results[index] as PoolResult })) };
}

/** Where a candidate's funded status changes as one criterion's share moves. */
export interface TippingPoint {
  readonly candidate: string;
  readonly criterion: string;
  /** The share at which the status changes (the midpoint of a bracket narrower than the tolerance). */
  readonly share: number;
  /** Funded just below `share`. */
  readonly fundedBelow: boolean;
  /** Funded just above `share`. */
  readonly fundedAbove: boolean;
  /** The bracket [low, high] that contains the change. */
  readonly bracket: readonly [number, number];
}

export interface TippingAnalysis {
  readonly policy: string;
  /** Shares of each criterion under the policy. */
  readonly weights: Weights;
  readonly points: readonly TippingPoint[];
  /** For each candidate and criterion, the interval of shares around the policy's own in which the candidate keeps its status. */
  readonly stable: readonly { readonly candidate: string; readonly criterion: string; readonly funded: boolean; readonly from: number; readonly to: number }[];
  readonly solves: number;
}

/** What refining one criterion needs: the call, the pool shared by all criteria, and where to report its rounds. */
interface Refinement {
  readonly scenario: Scenario;
  readonly policy: string;
  readonly weights: Weights;
  readonly steps: number;
  readonly tolerance: number;
  /** Rounds a criterion takes as counted by the progress bar: the sweep, then the bisections of a grid interval down to the tolerance (the secant steps usually take fewer). */
  readonly rounds: number;
  readonly pool: Pool;
  readonly progress: (round: number) => void;
}

/** One criterion's findings. */
interface CriterionFindings {
  readonly points: TippingPoint[];
  readonly stable: TippingAnalysis['stable'][number][];
}

/**
 * For each criterion: sweep, then narrow every bracket where some candidate's status differs (see
 * nextShare), until brackets are narrower than `tolerance` (0.001 = 0.1 % of the weight). All brackets of a round are
 * solved together in the pool, and criteria are refined at the same time, so that the pool always
 * has work; their findings are put back in criterion order, as if one after the other.
 * `onProgress(done, total)` counts rounds (a sweep or a narrowing round) over all criteria, `total`
 * being the most a run can take: a criterion that settles early jumps ahead.
 */
export async function tippingPoints(scenario: Scenario, policy: string, weights: Weights, options: PoolOptions & { steps?: number; tolerance?: number } = {}): Promise<TippingAnalysis> {
  const steps = options.steps ?? 11;
  const tolerance = options.tolerance ?? 0.001;
  const poolOptions: PoolOptions = { ...(options.solve === undefined ? {} : { solve: options.solve }), ...(options.signal === undefined ? {} : { signal: options.signal }) };
  const rounds = 1 + Math.max(0, Math.ceil(Math.log2(1 / Math.max(1, steps - 1) / tolerance)));
  const total = scenario.criteria.length * rounds;
  const pool = solvedOnce(createPool(scenario, poolOptions));
  const roundsDone = scenario.criteria.map(() => 0);
  const progressOf = (criterionIndex: number) => (round: number): void => {
    roundsDone[criterionIndex] = round;
    options.onProgress?.(roundsDone.reduce((sum, done) => sum + done, 0), total);
  };
  const points: TippingPoint[] = [];
  const stable: TippingAnalysis['stable'][number][] = [];
  try {
    const found = await Promise.all(scenario.criteria.map((entry, index) => refineCriterion({ scenario, policy, weights, steps, tolerance, rounds, pool, progress: progressOf(index) }, entry.column)));
    for (const part of found) {
      points.push(...part.points);
      stable.push(...part.stable);
    }
  } finally {
    await pool.close();
  }
  return { policy, weights, points, stable, solves: pool.solves };
}

/**
 * The pool, each distinct job solved once however many batches ask for it: every criterion's sweep
 * holds the policy's own weights (8 of the 443 solves of the 2013 call's tipping run).
 */
export function solvedOnce(pool: Pool): Pool & { readonly solves: number } {
  const known = new Map<string, Promise<PoolResult>>();
  return {
    get solves() {
      return known.size;
    },
    run(jobs, onProgress) {
      const keys = jobs.map((job) => JSON.stringify(job));
      const fresh = new Map<string, PoolJob>();
      keys.forEach((key, index) => {
        if (!known.has(key)) fresh.set(key, jobs[index] as PoolJob);
      });
      const solving = pool.run([...fresh.values()], onProgress);
      [...fresh.keys()].forEach((key, index) => known.set(key, solving.then((results) => results[index] as PoolResult)));
      return Promise.all(keys.map((key) => known.get(key) as Promise<PoolResult>));
    },
    close: () => pool.close(),
  };
}

/** One criterion's tipping points and stable intervals: its sweep, then its brackets narrowed round by round. */
async function refineCriterion(refinement: Refinement, criterion: string): Promise<CriterionFindings> {
  const { scenario, policy, weights, steps, tolerance, rounds, pool, progress } = refinement;
  const sweep = await sweepWeight(scenario, policy, weights, criterion, steps, {}, pool);
  const valueAt = await objectiveLines(scenario, policy, weights, criterion);
  let round = 1;
  progress(round);
  let brackets = changes(sweep.points.map((point) => probeOf(point.share, point.result)));
  const settled: Bracket[] = [];
  while (brackets.length > 0) {
    const wide = brackets.filter((bracket) => width(bracket) > tolerance);
    settled.push(...brackets.filter((bracket) => width(bracket) <= tolerance));
    if (wide.length === 0) break;
    const shares = await Promise.all(wide.map((bracket) => nextShare(bracket, tolerance, valueAt)));
    const results = await pool.run(shares.map((share) => ({ selection: { policy, weights: withShare(weights, scenario.criteria, criterion, share) } })));
    round = Math.min(rounds - 1, round + 1);
    progress(round);
    brackets = wide.flatMap((bracket, index) => {
      const taken = bracket.steps >= STEPS_BEFORE_BISECTION ? 0 : bracket.steps + 1;
      const parts = changes([bracket.low, probeOf(shares[index] as number, results[index] as PoolResult), bracket.high]);
      return parts.map((part) => ({ ...part, steps: taken }));
    });
  }
  progress(rounds);
  settled.sort((a, b) => a.low.share - b.low.share);
  const points: TippingPoint[] = [];
  for (const { low, high } of settled) {
    scenario.candidates.forEach((candidate, index) => {
      const below = low.set[index] ?? false;
      const above = high.set[index] ?? false;
      if (below !== above) points.push({ candidate: candidate.id, criterion, share: (low.share + high.share) / 2, fundedBelow: below, fundedAbove: above, bracket: [low.share, high.share] });
    });
  }
  return { points, stable: stableIntervals(scenario, criterion, sweep, points) };
}

/** A solved share: its grants, and who they fund. */
interface Probe {
  readonly share: number;
  readonly grants: readonly number[];
  readonly set: readonly boolean[];
}

/** A share interval whose two ends fund different sets of candidates. */
interface Bracket {
  readonly low: Probe;
  readonly high: Probe;
  /** Secant steps taken since the last bisection. */
  readonly steps: number;
}

function probeOf(share: number, result: PoolResult): Probe | undefined {
  return result.status === 'optimal' ? { share, grants: result.grants, set: result.grants.map((grant) => grant > 0) } : undefined;
}

function width(bracket: Bracket): number {
  return bracket.high.share - bracket.low.share;
}

/** The brackets between consecutive probes that fund different sets; a share that found no answer breaks the chain. */
function changes(probes: readonly (Probe | undefined)[]): Bracket[] {
  const brackets: Bracket[] = [];
  for (let k = 0; k + 1 < probes.length; k++) {
    const low = probes[k];
    const high = probes[k + 1];
    if (low !== undefined && high !== undefined && low.set.some((funded, index) => funded !== high.set[index])) brackets.push({ low, high, steps: 0 });
  }
  return brackets;
}

/** The objective some grants reach at a share of the criterion: Σ score(share) × value(grant). */
type ValueAt = (share: number, grants: readonly number[]) => Promise<number>;

/**
 * The objective of any grants at any share, from the scores the pool's solves use (return tiers
 * included); each share is scored once (a bracket's ends are read again at every step).
 */
async function objectiveLines(scenario: Scenario, policyName: string, weights: Weights, criterion: string): Promise<ValueAt> {
  const session = createSession();
  const policy = findPolicy(scenario, policyName);
  const scoredModels = new Map<number, Promise<AllocationModel | undefined>>();
  // Built on the scenario's frame (model/build.ts): each share costs its scores and objective only.
  const modelAt = async (share: number): Promise<AllocationModel | undefined> => {
    const scored = await scoreCandidates(scenario, { policy: policyName, weights: withShare(weights, scenario.criteria, criterion, share) }, session, { reviews: false });
    return policy === undefined || typeof scored === 'string' ? undefined : buildModel(scenario, scored.scores, policy);
  };
  return async (share, grants) => {
    let scored = scoredModels.get(share);
    if (scored === undefined) {
      scored = modelAt(share);
      scoredModels.set(share, scored);
    }
    const at = await scored;
    return at === undefined ? Number.NaN : objectiveOfGrants(at, grants);
  };
}

/**
 * Where to solve next inside a bracket: where the objective lines of its ends' grants cross (for
 * fixed grants the objective is linear in the share, up to the scores' rounding, so that is where
 * the one gives way to the other), just under half a tolerance below it; next to an end, a
 * tolerance from that end, which settles the bracket when no third allocation lies between. Each
 * solve either settles a bracket or finds grants that win somewhere inside it, of which there are
 * finitely many (the Eisner and Severance method); after STEPS_BEFORE_BISECTION steps a bracket is
 * bisected once all the same.
 */
async function nextShare(bracket: Bracket, tolerance: number, valueAt: ValueAt): Promise<number> {
  const { low, high } = bracket;
  const middle = (low.share + high.share) / 2;
  if (bracket.steps >= STEPS_BEFORE_BISECTION) return middle;
  // How much better the low end's grants do than the high end's, at each end: ≥ 0 at low, ≤ 0 at high.
  const atLow = (await valueAt(low.share, low.grants)) - (await valueAt(low.share, high.grants));
  const atHigh = (await valueAt(high.share, low.grants)) - (await valueAt(high.share, high.grants));
  if (!(atLow >= 0 && atHigh <= 0 && atLow - atHigh > 0)) return middle;
  const cross = low.share + (atLow / (atLow - atHigh)) * (high.share - low.share);
  // Just under the tolerance, so that a bracket this wide counts as settled.
  const span = tolerance * (1 - 1e-9);
  const below = cross - span / 2;
  if (below < low.share + span / 4) return low.share + span;
  if (below + span > high.share - span / 4) return high.share - span;
  return below;
}

/** Secant steps a bracket takes before one bisection, a guard against rounding leading them astray. */
const STEPS_BEFORE_BISECTION = 8;

/** The interval of shares around the policy's own in which each candidate keeps its status. */
function stableIntervals(scenario: Scenario, criterion: string, sweep: WeightSweep, points: readonly TippingPoint[]): TippingAnalysis['stable'][number][] {
  const own = sweep.points.find((point) => point.share === sweep.policyShare);
  const ownSet = own === undefined ? undefined : probeOf(own.share, own.result)?.set;
  if (ownSet === undefined) return [];
  return scenario.candidates.map((candidate, index) => {
    const changes = points.filter((point) => point.candidate === candidate.id);
    const lower = changes.filter((point) => point.share < sweep.policyShare).at(-1);
    const upper = changes.find((point) => point.share > sweep.policyShare);
    return { candidate: candidate.id, criterion, funded: ownSet[index] ?? false, from: lower?.share ?? 0, to: upper?.share ?? 1 };
  });
}
