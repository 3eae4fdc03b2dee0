/** Warnings about a scenario that loads but is almost surely not what its author meant. */
import type { Lang } from '../domain/lang.js';
import { formatEuros } from '../domain/money.js';
import { numberFormats } from '../domain/numbers.js';
import type { Scenario } from '../domain/types.js';
import { isEligible } from '../model/build.js';
import { scoreOf } from '../scoring/score.js';
import { normaliseWeights } from '../scoring/weights.js';

/** The warnings' words: one interface, a catalogue per language (English: the historical text). */
interface WarningWords {
  readonly nobodyFundable: (floor: number) => string;
  readonly sameScore: (policy: string, score: number) => string;
}

const WARNINGS: Readonly<Record<Lang, WarningWords>> = {
  en: {
    nobodyFundable: (floor) => `no candidate can be funded: every request is below the grant floor of ${formatEuros(floor)} or locked out, so every allocation is empty`,
    sameScore: (policy, score) => `under the policy '${policy}' every candidate scores the same (${score}): merit decides nothing, only the rules and the order of the ids do; check the criteria columns and the weights`,
  },
  fr: {
    nobodyFundable: (floor) =>
      `aucun candidat ne peut être financé\u00a0: chaque montant demandé est sous le plancher de subvention de ${numberFormats('fr').euros(floor)} ou écarté d’office, donc toute répartition est vide`,
    sameScore: (policy, score) =>
      `sous la pondération '${policy}', tous les candidats ont la même note (${numberFormats('fr').decimal(score, Number.isInteger(score) ? 0 : 2)})\u00a0: le mérite ne décide de rien, seuls les règles et l’ordre des identifiants décident\u00a0; vérifiez les colonnes des critères et les poids`,
  },
};

/**
 * What is legal but almost surely not meant, in words: a call where nobody can be funded, a policy
 * under which every candidate scores the same (merit then decides nothing). `validate` lists them
 * and `solve` prints them on stderr; they do not stop the solve.
 */
export function scenarioWarnings(scenario: Scenario, lang: Lang = 'en'): string[] {
  const words = WARNINGS[lang];
  const warnings: string[] = [];
  const fundable = scenario.candidates.filter((candidate) => isEligible(scenario, candidate) && scenario.locks[candidate.id] !== 'excluded');
  if (scenario.candidates.length > 0 && fundable.length === 0) {
    warnings.push(words.nobodyFundable(scenario.grant.min));
  }
  if (scenario.candidates.length < 2) return warnings;
  for (const policy of scenario.policies) {
    if (policy.score !== undefined) continue;
    const weights = normaliseWeights(policy.weights, scenario.criteria);
    if (weights === undefined) continue;
    const scores = new Set(scenario.candidates.map((candidate) => scoreOf(candidate, scenario.criteria, { kind: 'weights', weights })));
    if (scores.size === 1) {
      warnings.push(words.sameScore(policy.name, [...scores][0] ?? 0));
    }
  }
  return warnings;
}
