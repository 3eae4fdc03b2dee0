/**
 * The pipeline's first stage: a selection (a policy, perhaps with other weights) turned into a score
 * for every candidate, with what each score is made of (criteria's points, reviewers' spread).
 */
import type { Selection } from '../domain/allocation.js';
import type { CandidateReview } from '../domain/reviews.js';
import type { Policy, Scenario } from '../domain/types.js';
import { conflictsOf, panelsOf, reviewOf } from '../scoring/aggregate.js';
import { compileFormula } from '../scoring/formula.js';
import { contributions, scoreOf, type Scoring } from '../scoring/score.js';
import { normaliseWeights, type Weights } from '../scoring/weights.js';
import { createSession, type Session } from './session.js';

/** Every candidate scored under a selection, in scenario order. */
export interface Scored {
  readonly scoring: Scoring;
  readonly scores: number[];
  /** Points each criterion adds to each candidate's score (weighted policies only). */
  readonly contributions: readonly (Readonly<Record<string, number>> | undefined)[];
  /** What each candidate's reviewers say, when the scenario has a reviews file. */
  readonly reviews: readonly CandidateReview[] | undefined;
}

/** The policy named by a selection; undefined when the scenario has none of that name. */
export function findPolicy(scenario: Scenario, name: string): Policy | undefined {
  return scenario.policies.find((policy) => policy.name === name);
}

/** How candidates are scored under a selection: override weights, the policy's weights, or its formula (compiled once per session). */
export async function scoringFor(scenario: Scenario, policy: Policy, weights: Weights | undefined, session: Session): Promise<Scoring | undefined> {
  const raw = weights ?? (policy.score === undefined ? policy.weights : undefined);
  if (raw !== undefined) {
    const normalised = normaliseWeights(raw, scenario.criteria);
    return normalised === undefined ? undefined : { kind: 'weights', weights: normalised };
  }
  const formula = policy.score ?? '';
  const columns = scenario.criteria.map((criterion) => criterion.column);
  const key = `${columns.join(',')}\n${formula}`;
  let compiled = session.formulas.get(key);
  if (compiled === undefined) {
    compiled = compileFormula(formula, columns).then((result) => (result.ok ? { kind: 'formula', formula, evaluate: result.evaluate } : undefined));
    session.formulas.set(key, compiled);
  }
  return compiled;
}

/**
 * Scores every candidate under a selection; a string explains why it cannot be scored.
 * @param options.reviews work out what each candidate's reviewers say (their spread, their own
 * scores); the analyses, which read grants only, leave it out. @default true
 */
export async function scoreCandidates(scenario: Scenario, selection: Selection, session: Session = createSession(), options: { readonly reviews?: boolean } = {}): Promise<Scored | string> {
  const policy = findPolicy(scenario, selection.policy);
  if (policy === undefined) return `the scenario has no policy '${selection.policy}'`;
  const scoring = await scoringFor(scenario, policy, selection.weights, session);
  if (scoring === undefined) return policy.score === undefined || selection.weights !== undefined ? 'every weight is zero' : `the score formula of '${policy.name}' does not compile`;
  const scores = scenario.candidates.map((candidate) => scoreOf(candidate, scenario.criteria, scoring));
  const broken = scores.findIndex((score) => !Number.isFinite(score));
  if (broken >= 0) {
    const candidate = scenario.candidates[broken];
    return `the score formula gives ${scores[broken]} for ${candidate?.id ?? '?'} (line ${candidate?.line ?? '?'}); does it divide by zero`;
  }
  const reviews = options.reviews === false ? undefined : scenario.reviews;
  const panels = reviews === undefined ? undefined : panelsOf(reviews, scenario.criteria);
  const conflicts = reviews === undefined ? undefined : conflictsOf(reviews);
  return {
    scoring,
    scores,
    contributions: scenario.candidates.map((candidate) => (scoring.kind === 'weights' ? contributions(candidate, scenario.criteria, scoring.weights) : undefined)),
    reviews: reviews === undefined ? undefined : scenario.candidates.map((candidate) => reviewOf(candidate, reviews, panels?.get(candidate.id) ?? [], conflicts?.get(candidate.id) ?? 0, scenario.criteria, scoring)),
  };
}
