/**
 * Robustness: which candidates are funded under any reasonable weighting. Weightings are drawn
 * around a policy (Dirichlet with mean the policy's weights, tighter as the spread falls) or
 * uniformly over all weightings; each is solved, and each candidate gets its probability of being
 * funded, its mean grant and its 5–95 % range. The draws come from a seeded generator.
 */
import type { Scenario } from '../domain/types.js';
import { seededRandom } from '../domain/random.js';
import type { Weights } from '../scoring/weights.js';
import { runPool, type PoolOptions, type PoolResult } from './pool.js';

export interface RobustnessOptions {
  readonly samples: number;
  /** Coefficient of variation of an average-sized weight; 0 = the policy's weights exactly. */
  readonly spread: number;
  readonly seed: number;
  /** Draw uniformly over all weightings instead of around the policy. */
  readonly uniform: boolean;
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
}

export interface Robustness {
  readonly policy: string;
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

/** Solves every drawn weighting in parallel and summarises each candidate. */
export async function robustness(scenario: Scenario, policy: string, weights: Weights, options: RobustnessOptions, pool: PoolOptions = {}): Promise<Robustness> {
  const columns = scenario.criteria.map((criterion) => criterion.column);
  const draws = drawWeightings(weights, columns, options);
  const results = await runPool(scenario, draws.map((drawn) => ({ selection: { policy, weights: drawn } })), pool);
  const solved = results.filter((result): result is Extract<PoolResult, { status: 'optimal' }> => result?.status === 'optimal');
  const candidates = scenario.candidates.map((candidate, index): CandidateRobustness => {
    const grants = solved.map((result) => result.grants[index] ?? 0).sort((a, b) => a - b);
    const funded = grants.filter((grant) => grant > 0).length;
    const probability = solved.length === 0 ? 0 : funded / solved.length;
    return {
      id: candidate.id,
      name: candidate.name,
      region: candidate.region,
      probability,
      meanGrant: solved.length === 0 ? 0 : Math.round(grants.reduce((sum, grant) => sum + grant, 0) / solved.length),
      p5: percentile(grants, 0.05),
      p95: percentile(grants, 0.95),
      class: classify(probability),
    };
  });
  candidates.sort((a, b) => b.probability - a.probability || b.meanGrant - a.meanGrant || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { policy, samples: options.samples, solved: solved.length, candidates };
}
