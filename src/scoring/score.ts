import type { Candidate, Criterion } from '../domain/types.js';
import type { CompiledFormula } from './formula.js';
import { rescale } from './rescale.js';
import type { Weights } from './weights.js';

/**
 * How candidates are scored under the active policy: normalised weights (they add up to 1),
 * or a compiled score formula.
 */
export type Scoring =
  | { readonly kind: 'weights'; readonly weights: Weights }
  | { readonly kind: 'formula'; readonly formula: string; readonly evaluate: CompiledFormula };

/** Score decimals kept: scores are rounded so that the model text and the outputs are stable. */
export const SCORE_DECIMALS = 4;

/** Rescaled criteria u_ik ∈ [0, 1] of one candidate, by criterion column. */
export function rescaled(candidate: Candidate, criteria: readonly Criterion[]): Record<string, number> {
  const u: Record<string, number> = {};
  for (const criterion of criteria) u[criterion.column] = rescale(candidate.criteria[criterion.column] ?? Number.NaN, criterion);
  return u;
}

/**
 * Score of one candidate: s = 100 × Σ_k w̄_k · u_k, or 100 × formula(u), rounded to SCORE_DECIMALS.
 * NaN or ±Infinity (a formula dividing by zero) come back as they are, for the caller to report.
 */
export function scoreOf(candidate: Candidate, criteria: readonly Criterion[], scoring: Scoring): number {
  return scoreOfValues(candidate.criteria, criteria, scoring);
}

/**
 * The score of criterion values: a candidate's, with `over` (a reviewer's own marks) taking the
 * place of those it gives. Under weights no record is built: a simulator key re-scores every
 * reviewer of every candidate.
 */
export function scoreOfValues(values: Readonly<Record<string, number>>, criteria: readonly Criterion[], scoring: Scoring, over?: Readonly<Record<string, number>>): number {
  let raw: number;
  if (scoring.kind === 'weights') {
    raw = 0;
    for (const criterion of criteria) {
      const column = criterion.column;
      raw += (scoring.weights[column] ?? 0) * rescale(over?.[column] ?? values[column] ?? Number.NaN, criterion);
    }
  } else {
    const u: Record<string, number> = {};
    for (const criterion of criteria) u[criterion.column] = rescale(over?.[criterion.column] ?? values[criterion.column] ?? Number.NaN, criterion);
    raw = scoring.evaluate(u);
  }
  return roundScore(100 * raw);
}

/** Points each criterion adds to a candidate's score under weights (they sum to the score, up to rounding). */
export function contributions(candidate: Candidate, criteria: readonly Criterion[], weights: Weights): Record<string, number> {
  const u = rescaled(candidate, criteria);
  const points: Record<string, number> = {};
  for (const criterion of criteria) points[criterion.column] = roundScore(100 * (weights[criterion.column] ?? 0) * (u[criterion.column] ?? 0));
  return points;
}

export function roundScore(score: number): number {
  if (!Number.isFinite(score)) return score;
  const rounded = Math.round(score * SCORE_FACTOR) / SCORE_FACTOR;
  return rounded === 0 ? 0 : rounded;
}

/** 10^SCORE_DECIMALS, worked out once: roundScore runs some 1,700 times a simulator key on the 2013 call. */
const SCORE_FACTOR = 10 ** SCORE_DECIMALS;
