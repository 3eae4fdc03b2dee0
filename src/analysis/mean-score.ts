/**
 * The allocation's quality as an officer reads it: the mean score of the projects, each weighted by
 * the euros it receives (Σ score × grant ÷ euros spent). The solver's objective (Σ score × value of
 * the grant, with return tiers) stays in the JSON outputs, where a program reads it.
 */
import type { Allocation } from '../domain/allocation.js';

/**
 * Mean score per euro spent, or undefined when nothing is spent.
 * @example euroWeightedScore({ spent: 300000, candidates: [{ score: 80, grant: 200000 }, { score: 50, grant: 100000 }] }) // 70
 */
export function euroWeightedScore(allocation: Pick<Allocation, 'spent' | 'candidates'>): number | undefined {
  if (allocation.spent <= 0) return undefined;
  const points = allocation.candidates.reduce((sum, candidate) => sum + candidate.score * candidate.grant, 0);
  return points / allocation.spent;
}
