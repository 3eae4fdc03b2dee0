/**
 * How allocations move with the weights: a sweep of one criterion's share of the total weight
 * (the others keep their proportions), and the tipping points where a candidate's funded status
 * changes, found by bisection between sweep points.
 */
import type { Bilingual, Lang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import { normaliseWeights, withShare, type Weights } from '../scoring/weights.js';
import { findPolicy } from '../pipeline/score.js';
import { createPool, runPool, type Pool, type PoolOptions, type PoolResult } from './pool.js';

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
  const jobs = shares.map((share) => ({ selection: { policy, weights: withShare(weights, scenario.criteria, criterion, share) } }));
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

function fundedSet(result: PoolResult): boolean[] | undefined {
  return result.status === 'optimal' ? result.grants.map((grant) => grant > 0) : undefined;
}

/** What refining one criterion needs: the call, the pool shared by all criteria, and where to report its rounds. */
interface Refinement {
  readonly scenario: Scenario;
  readonly policy: string;
  readonly weights: Weights;
  readonly steps: number;
  readonly tolerance: number;
  /** Rounds a criterion takes at most: the sweep, then bisections of a grid interval down to the tolerance. */
  readonly rounds: number;
  readonly pool: Pool;
  readonly progress: (round: number) => void;
}

/** One criterion's findings. */
interface CriterionFindings {
  readonly points: TippingPoint[];
  readonly stable: TippingAnalysis['stable'][number][];
  readonly solves: number;
}

/**
 * For each criterion: sweep, then bisect every bracket where some candidate's status differs, until
 * brackets are narrower than `tolerance` (0.001 = 0.1 % of the weight). All brackets of a round are
 * solved together in the pool, and criteria are refined at the same time, so that the pool always
 * has work; their findings are put back in criterion order, as if one after the other.
 * `onProgress(done, total)` counts rounds (a sweep or a bisection round) over all criteria, `total`
 * being the most a run can take: a criterion that settles early jumps ahead.
 */
export async function tippingPoints(scenario: Scenario, policy: string, weights: Weights, options: PoolOptions & { steps?: number; tolerance?: number } = {}): Promise<TippingAnalysis> {
  const steps = options.steps ?? 11;
  const tolerance = options.tolerance ?? 0.001;
  const poolOptions: PoolOptions = { ...(options.solve === undefined ? {} : { solve: options.solve }), ...(options.signal === undefined ? {} : { signal: options.signal }) };
  const rounds = 1 + Math.max(0, Math.ceil(Math.log2(1 / Math.max(1, steps - 1) / tolerance)));
  const total = scenario.criteria.length * rounds;
  const pool = createPool(scenario, poolOptions);
  const roundsDone = scenario.criteria.map(() => 0);
  const progressOf = (criterionIndex: number) => (round: number): void => {
    roundsDone[criterionIndex] = round;
    options.onProgress?.(roundsDone.reduce((sum, done) => sum + done, 0), total);
  };
  const points: TippingPoint[] = [];
  const stable: TippingAnalysis['stable'][number][] = [];
  let solves = 0;
  try {
    const found = await Promise.all(scenario.criteria.map((entry, index) => refineCriterion({ scenario, policy, weights, steps, tolerance, rounds, pool, progress: progressOf(index) }, entry.column)));
    for (const part of found) {
      points.push(...part.points);
      stable.push(...part.stable);
      solves += part.solves;
    }
  } finally {
    await pool.close();
  }
  return { policy, weights, points, stable, solves };
}

/** One criterion's tipping points and stable intervals: its sweep, then its brackets bisected round by round. */
async function refineCriterion(refinement: Refinement, criterion: string): Promise<CriterionFindings> {
  const { scenario, policy, weights, steps, tolerance, rounds, pool, progress } = refinement;
  const sweep = await sweepWeight(scenario, policy, weights, criterion, steps, {}, pool);
  let solves = sweep.points.length;
  let round = 1;
  progress(round);
  // Brackets [low, high] with their funded sets, refined until narrow.
  let brackets: Bracket[] = [];
  for (let k = 0; k + 1 < sweep.points.length; k++) {
    const low = sweep.points[k] as SweepPoint;
    const high = sweep.points[k + 1] as SweepPoint;
    const lowSet = fundedSet(low.result);
    const highSet = fundedSet(high.result);
    if (lowSet === undefined || highSet === undefined) continue;
    if (lowSet.some((funded, index) => funded !== highSet[index])) brackets.push({ low: low.share, high: high.share, lowSet, highSet });
  }
  const settled: Bracket[] = [];
  while (brackets.length > 0) {
    const wide = brackets.filter((bracket) => bracket.high - bracket.low > tolerance);
    settled.push(...brackets.filter((bracket) => bracket.high - bracket.low <= tolerance));
    if (wide.length === 0) break;
    const mids = wide.map((bracket) => (bracket.low + bracket.high) / 2);
    const results = await pool.run(mids.map((share) => ({ selection: { policy, weights: withShare(weights, scenario.criteria, criterion, share) } })));
    solves += mids.length;
    round = Math.min(rounds - 1, round + 1);
    progress(round);
    brackets = [];
    wide.forEach((bracket, index) => {
      const midSet = fundedSet(results[index] as PoolResult);
      const mid = mids[index] as number;
      if (midSet === undefined) return;
      // Keep each half that still holds a change: a bracket may hide several tipping points.
      if (bracket.lowSet.some((funded, i) => funded !== midSet[i])) brackets.push({ low: bracket.low, high: mid, lowSet: bracket.lowSet, highSet: midSet });
      if (midSet.some((funded, i) => funded !== bracket.highSet[i])) brackets.push({ low: mid, high: bracket.high, lowSet: midSet, highSet: bracket.highSet });
    });
  }
  progress(rounds);
  settled.sort((a, b) => a.low - b.low);
  const points: TippingPoint[] = [];
  for (const bracket of settled) {
    scenario.candidates.forEach((candidate, index) => {
      const below = bracket.lowSet[index] ?? false;
      const above = bracket.highSet[index] ?? false;
      if (below !== above) points.push({ candidate: candidate.id, criterion, share: (bracket.low + bracket.high) / 2, fundedBelow: below, fundedAbove: above, bracket: [bracket.low, bracket.high] });
    });
  }
  return { points, stable: stableIntervals(scenario, criterion, sweep, points), solves };
}

/** A share interval whose two ends fund different sets of candidates. */
interface Bracket {
  readonly low: number;
  readonly high: number;
  readonly lowSet: boolean[];
  readonly highSet: boolean[];
}

/** The interval of shares around the policy's own in which each candidate keeps its status. */
function stableIntervals(scenario: Scenario, criterion: string, sweep: WeightSweep, points: readonly TippingPoint[]): TippingAnalysis['stable'][number][] {
  const own = sweep.points.find((point) => point.share === sweep.policyShare);
  const ownSet = own === undefined ? undefined : fundedSet(own.result);
  if (ownSet === undefined) return [];
  return scenario.candidates.map((candidate, index) => {
    const changes = points.filter((point) => point.candidate === candidate.id);
    const lower = changes.filter((point) => point.share < sweep.policyShare).at(-1);
    const upper = changes.find((point) => point.share > sweep.policyShare);
    return { candidate: candidate.id, criterion, funded: ownSet[index] ?? false, from: lower?.share ?? 0, to: upper?.share ?? 1 };
  });
}
