import type { Criterion } from '../domain/types.js';
import type { Weights } from '../domain/weights.js';

/** Weights by criterion column (a domain word, in domain/weights.ts). */
export type { Weights };

/**
 * Divides weights by their sum so that they add up to 1; criteria without a weight get 0.
 * Returns undefined when every weight is zero (no policy can be scored).
 */
export function normaliseWeights(weights: Weights, criteria: readonly Criterion[]): Weights | undefined {
  let sum = 0;
  for (const criterion of criteria) sum += weights[criterion.column] ?? 0;
  if (!(sum > 0)) return undefined;
  const normalised: Record<string, number> = {};
  for (const criterion of criteria) normalised[criterion.column] = (weights[criterion.column] ?? 0) / sum;
  return normalised;
}

/**
 * Gives one criterion `share` of the total weight and the others the rest in their current proportions
 * (the move a weight sweep makes). When the others are all zero, they share the rest equally.
 */
export function withShare(weights: Weights, criteria: readonly Criterion[], column: string, share: number): Weights {
  const others = criteria.filter((criterion) => criterion.column !== column);
  const otherSum = others.reduce((sum, criterion) => sum + (weights[criterion.column] ?? 0), 0);
  const result: Record<string, number> = { [column]: share };
  for (const criterion of others) {
    result[criterion.column] = otherSum > 0
      ? ((weights[criterion.column] ?? 0) / otherSum) * (1 - share)
      : (1 - share) / others.length;
  }
  return result;
}
