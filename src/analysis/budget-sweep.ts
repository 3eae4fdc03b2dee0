/**
 * The allocation as the envelope shrinks or grows, and what one more euro buys: the change in the
 * objective per euro between neighbouring envelopes (a finite difference: the model has binaries,
 * so the LP's shadow price alone would not tell what a larger envelope really buys).
 */
import type { Scenario } from '../domain/types.js';
import type { Selection } from '../domain/allocation.js';
import { runPool, type PoolOptions, type PoolResult } from './pool.js';

export interface BudgetPoint {
  readonly total: number;
  readonly result: PoolResult;
  /** Objective gained per extra euro from the previous point (undefined for the first, or when either is not optimal). */
  readonly marginal: number | undefined;
}

/** Solves at `steps` envelopes from `from` to `to`; year ceilings keep their proportions to the total. */
export async function budgetSweep(scenario: Scenario, selection: Selection, from: number, to: number, steps: number, options: PoolOptions = {}): Promise<BudgetPoint[]> {
  const totals = Array.from({ length: steps }, (_, k) => Math.round(steps === 1 ? from : from + ((to - from) * k) / (steps - 1)));
  const results = await runPool(scenario, totals.map((total) => ({ selection, envelopeScale: total / scenario.envelope.total })), options);
  return totals.map((total, index) => {
    const result = results[index] as PoolResult;
    const previous = index > 0 ? results[index - 1] : undefined;
    const previousTotal = totals[index - 1];
    const marginal =
      result.status === 'optimal' && previous?.status === 'optimal' && previousTotal !== undefined && total !== previousTotal
        ? (result.objective - previous.objective) / (total - previousTotal)
        : undefined;
    return { total, result, marginal };
  });
}
