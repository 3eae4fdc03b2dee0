/** Warnings about a scenario that loads but is almost surely not what its author meant. */
import { formatEuros } from '../domain/money.js';
import type { Scenario } from '../domain/types.js';
import { isEligible } from '../model/build.js';
import { scoreOf } from '../scoring/score.js';
import { normaliseWeights } from '../scoring/weights.js';

/**
 * What is legal but almost surely not meant, in words: a call where nobody can be funded, a policy
 * under which every candidate scores the same (merit then decides nothing). `validate` lists them
 * and `solve` prints them on stderr; they do not stop the solve.
 */
export function scenarioWarnings(scenario: Scenario): string[] {
  const warnings: string[] = [];
  const fundable = scenario.candidates.filter((candidate) => isEligible(scenario, candidate) && scenario.locks[candidate.id] !== 'excluded');
  if (scenario.candidates.length > 0 && fundable.length === 0) {
    warnings.push(`no candidate can be funded: every request is below the grant floor of ${formatEuros(scenario.grant.min)} or locked out, so every allocation is empty`);
  }
  if (scenario.candidates.length < 2) return warnings;
  for (const policy of scenario.policies) {
    if (policy.score !== undefined) continue;
    const weights = normaliseWeights(policy.weights, scenario.criteria);
    if (weights === undefined) continue;
    const scores = new Set(scenario.candidates.map((candidate) => scoreOf(candidate, scenario.criteria, { kind: 'weights', weights })));
    if (scores.size === 1) {
      warnings.push(`under the policy '${policy.name}' every candidate scores the same (${[...scores].join('')}): merit decides nothing, only the rules and the order of the ids do; check the criteria columns and the weights`);
    }
  }
  return warnings;
}
