/**
 * Robustness: which candidates are funded whatever the uncertainty. Over the weights: weightings are
 * drawn around a policy (Dirichlet with mean the policy's weights, tighter as the spread falls) or
 * uniformly over all weightings. Over the marks: each candidate's reviewers not in conflict are
 * resampled with replacement (a bootstrap of the panel) and aggregated by the scenario's rule. Both:
 * the two draws together. Each draw is solved under every rule, and each candidate gets its
 * probability of being funded, its mean grant and 5–95 % range, its expected rank with its 5–95 %
 * interval, and its class. The draws come from seeded generators.
 */
import type { Scenario } from '../domain/types.js';
import { seededRandom, type Random } from '../domain/random.js';
import { aggregatePanel, panelsOf, type PanelMarks } from '../scoring/aggregate.js';
import { scoreOf } from '../scoring/score.js';
import type { Weights } from '../scoring/weights.js';
import { compareIds } from '../domain/names.js';
import { findPolicy, scoringFor } from '../pipeline/score.js';
import { createSession, type Session } from '../pipeline/session.js';
import { runPool, type PoolOptions, type PoolResult } from './pool.js';

/** What a robustness analysis draws: the weights, the reviewers' marks, or both. */
export type RobustnessOver = 'weights' | 'marks' | 'both';

/** Probabilities strictly between these are "to discuss": the natural band of a lottery. */
export const DISCUSS_BAND: readonly [number, number] = [0.1, 0.9];

export interface RobustnessOptions {
  readonly samples: number;
  /** Coefficient of variation of an average-sized weight; 0 = the policy's weights exactly. */
  readonly spread: number;
  readonly seed: number;
  /** Draw uniformly over all weightings instead of around the policy. */
  readonly uniform: boolean;
  /** @default "weights" */
  readonly over?: RobustnessOver;
}

export type FundingClass = 'always' | 'often' | 'sometimes' | 'never';

export interface CandidateRobustness {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly probability: number;
  readonly meanGrant: number;
  readonly p5: number;
  readonly p95: number;
  readonly class: FundingClass;
  /** Mean rank by score over the draws (1 = best), and its 5–95 % interval (always set by {@link robustness}). */
  readonly expectedRank?: number;
  readonly rankLow?: number;
  readonly rankHigh?: number;
  /** Probability strictly inside DISCUSS_BAND: neither sure nor hopeless, for the committee (or a lottery). */
  readonly discuss?: boolean;
}

export interface Robustness {
  readonly policy: string;
  /** What was drawn (always set by {@link robustness}). */
  readonly over?: RobustnessOver;
  readonly samples: number;
  readonly solved: number;
  readonly candidates: readonly CandidateRobustness[];
}

function normal(random: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shapes below 1. */
function gamma(shape: number, random: () => number): number {
  if (shape < 1) return gamma(shape + 1, random) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * Draws weightings: Dirichlet(κ·w̄) around the policy's normalised weights w̄, with κ chosen so that a
 * weight of average size 1/K varies with coefficient of variation `spread` (κ = (K − 1)/spread² − 1);
 * criteria the policy leaves at 0 stay at 0. Uniform: Dirichlet(1, …, 1) over every criterion.
 */
export function drawWeightings(weights: Weights, columns: readonly string[], options: RobustnessOptions): Weights[] {
  const random = seededRandom(options.seed);
  const active = options.uniform ? columns : columns.filter((column) => (weights[column] ?? 0) > 0);
  const draws: Weights[] = [];
  for (let sample = 0; sample < options.samples; sample++) {
    if (!options.uniform && options.spread <= 0) {
      draws.push(weights);
      continue;
    }
    const concentration = options.uniform ? 1 : Math.max(1e-6, (Math.max(2, columns.length) - 1) / options.spread ** 2 - 1);
    const raw = active.map((column) => gamma(options.uniform ? 1 : concentration * (weights[column] ?? 0), random));
    const sum = raw.reduce((total, value) => total + value, 0);
    const drawn: Record<string, number> = {};
    for (const column of columns) drawn[column] = 0;
    active.forEach((column, index) => {
      drawn[column] = sum > 0 ? (raw[index] ?? 0) / sum : 1 / active.length;
    });
    draws.push(drawn);
  }
  return draws;
}

/** Classes by probability of being funded: always (100 %), often (≥ 50 %), sometimes (> 0), never. */
export function classify(probability: number): FundingClass {
  if (probability >= 1) return 'always';
  if (probability >= 0.5) return 'often';
  if (probability > 0) return 'sometimes';
  return 'never';
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const position = Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))));
  return sorted[position] ?? 0;
}

/**
 * Draws the marks: for each candidate, as many reviewers as its panel has, drawn with replacement
 * from its reviewers not in conflict (severity-corrected when the scenario says so), aggregated by
 * the scenario's rule. A criterion no drawn reviewer marked keeps the candidate's value.
 */
export function drawMarks(scenario: Scenario, samples: number, seed: number): Record<string, number>[][] {
  const reviews = scenario.reviews;
  if (reviews === undefined) return Array.from({ length: samples }, () => scenario.candidates.map((candidate) => ({ ...candidate.criteria })));
  const panels = panelsOf(reviews, scenario.criteria);
  // Its own stream, so that `both` draws the same weightings as `weights` for a seed.
  const random: Random = seededRandom((seed ^ 0x5bd1e995) >>> 0);
  const draws: Record<string, number>[][] = [];
  for (let sample = 0; sample < samples; sample++) {
    draws.push(scenario.candidates.map((candidate) => {
      const panel = panels.get(candidate.id) ?? [];
      const drawn: PanelMarks[] = panel.map(() => panel[Math.floor(random() * panel.length)] as PanelMarks);
      return { ...candidate.criteria, ...aggregatePanel(drawn, scenario.criteria, reviews.settings.aggregate) };
    }));
  }
  return draws;
}

/** Solves every draw in parallel and summarises each candidate. Over the marks alone, `weights` is not used (the policy applies as it is). */
export async function robustness(scenario: Scenario, policy: string, weights: Weights, options: RobustnessOptions, pool: PoolOptions = {}, session: Session = createSession()): Promise<Robustness> {
  const over = options.over ?? 'weights';
  const columns = scenario.criteria.map((criterion) => criterion.column);
  const weightings = over === 'marks' ? undefined : drawWeightings(weights, columns, options);
  const marks = over === 'weights' ? undefined : drawMarks(scenario, options.samples, options.seed);
  const jobs = Array.from({ length: options.samples }, (_, sample) => {
    const drawn = weightings?.[sample];
    return { selection: drawn === undefined ? { policy } : { policy, weights: drawn }, ...(marks === undefined ? {} : { criteria: marks[sample] ?? [] }) };
  });
  // The draws' ranks are worked out on this thread while the workers solve.
  const [results, ranks] = await Promise.all([runPool(scenario, jobs, pool), drawnRanks(scenario, policy, jobs, session)]);
  const solvedIndex = results.flatMap((result, sample) => (result?.status === 'optimal' ? [sample] : []));
  const solved = solvedIndex.map((sample) => results[sample] as Extract<PoolResult, { status: 'optimal' }>);
  const candidates = scenario.candidates.map((candidate, index): CandidateRobustness => {
    const grants = solved.map((result) => result.grants[index] ?? 0).sort((a, b) => a - b);
    const funded = grants.filter((grant) => grant > 0).length;
    const probability = solved.length === 0 ? 0 : funded / solved.length;
    const own = solvedIndex.map((sample) => ranks[sample]?.[index] ?? 0).sort((a, b) => a - b);
    return {
      id: candidate.id,
      name: candidate.name,
      region: candidate.region,
      probability,
      meanGrant: solved.length === 0 ? 0 : Math.round(grants.reduce((sum, grant) => sum + grant, 0) / solved.length),
      p5: percentile(grants, 0.05),
      p95: percentile(grants, 0.95),
      class: classify(probability),
      expectedRank: own.length === 0 ? 0 : Math.round((own.reduce((sum, rank) => sum + rank, 0) / own.length) * 10) / 10,
      rankLow: percentile(own, 0.05),
      rankHigh: percentile(own, 0.95),
      discuss: probability > DISCUSS_BAND[0] && probability < DISCUSS_BAND[1],
    };
  });
  candidates.sort((a, b) => b.probability - a.probability || b.meanGrant - a.meanGrant || compareIds(a.id, b.id));
  return { policy, over, samples: options.samples, solved: solved.length, candidates };
}

/** Each draw's rank of every candidate by score (1 = best, ties by id), in scenario order. */
async function drawnRanks(scenario: Scenario, policyName: string, jobs: readonly { readonly selection: { readonly weights?: Weights }; readonly criteria?: readonly Readonly<Record<string, number>>[] }[], session: Session): Promise<number[][]> {
  const policy = findPolicy(scenario, policyName);
  if (policy === undefined) return [];
  const ranks: number[][] = [];
  for (const job of jobs) {
    const scoring = await scoringFor(scenario, policy, job.selection.weights, session);
    if (scoring === undefined) {
      ranks.push([]);
      continue;
    }
    const scores = scenario.candidates.map((candidate, index) => scoreOf(job.criteria?.[index] === undefined ? candidate : { ...candidate, criteria: job.criteria[index] ?? candidate.criteria }, scenario.criteria, scoring));
    const order = scenario.candidates.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || compareIds(scenario.candidates[a]?.id, scenario.candidates[b]?.id));
    const rank = new Array<number>(scores.length).fill(0);
    order.forEach((index, position) => {
      rank[index] = position + 1;
    });
    ranks.push(rank);
  }
  return ranks;
}
