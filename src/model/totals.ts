/** A candidate's total grant in the model: Σ_t g_i,t, as a value and as the terms of a row. */
import type { AllocationModel, CandidateVariables, Term } from './types.js';

/** Σ_t g_i,t of one candidate (by index), in steps, from an answer's values. */
export function totalOf(model: AllocationModel, candidate: number, values: ReadonlyMap<string, number>): number {
  const variables = model.candidates[candidate]?.grants ?? [];
  return variables.reduce((sum, grant) => sum + Math.round(values.get(grant.variable) ?? 0), 0);
}

const totals = new WeakMap<CandidateVariables['grants'], readonly Term[]>();

/**
 * Σ_t g_i,t as terms: one array per candidate's grants (which the models built on one frame share,
 * model/build.ts), so that the held rows, settled rows and objectives that repeat it are read into
 * ids once (solver/held.ts), whatever the scores.
 */
export function totalTerms(candidate: CandidateVariables | undefined): readonly Term[] {
  if (candidate === undefined) return [];
  let terms = totals.get(candidate.grants);
  if (terms === undefined) {
    terms = candidate.grants.map((grant): Term => [grant.variable, 1]);
    totals.set(candidate.grants, terms);
  }
  return terms;
}
