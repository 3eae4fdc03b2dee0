import type { AllocationModel } from './types.js';

/**
 * Σ score × value(grant) over the model's candidates, with the return tiers the model holds: the LP
 * objective, recomputed from whole euros (`grants`, by candidate index) and rounded to the cent.
 */
export function objectiveOfGrants(model: AllocationModel, grants: readonly number[]): number {
  let objective = 0;
  for (const candidate of model.candidates) {
    const grant = grants[candidate.index] ?? 0;
    const { score } = candidate;
    if (candidate.tiers.length === 0) {
      objective += score * grant;
      continue;
    }
    let start = 0;
    for (const tier of candidate.tiers) {
      const end = Math.max(start, tier.end * model.unit);
      objective += score * tier.value * Math.max(0, Math.min(grant, end) - start);
      start = end;
    }
  }
  return Math.round(objective * 100) / 100;
}
