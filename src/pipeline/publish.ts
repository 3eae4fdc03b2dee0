/**
 * The pipeline's last stage: solver values turned into the allocation a committee reads (grants in
 * whole euros, totals, rules, regions). It reads what the model holds (each candidate's
 * eligibility and return tiers, each rule row's group and bounds) and what the score stage
 * computed; it recomputes neither.
 */
import type { Allocation, CandidateResult, RegionTotal, RuleResult, Tie } from '../domain/allocation.js';
import type { EngineName } from '../domain/engines.js';
import { compareIds } from '../domain/names.js';
import type { Policy, Scenario } from '../domain/types.js';
import { objectiveOfGrants } from '../model/objective.js';
import type { AllocationModel, ModelRow, RowOrigin } from '../model/types.js';
import type { Scored } from './score.js';

/** How the solve went: the engine, its proven gap, the time taken and what it wants said. */
export interface SolveRun {
  readonly engine: EngineName;
  readonly gap: number;
  readonly ms: number;
  readonly notes: readonly string[];
}

/** How ties at the optimum were settled, and the other allocations found. */
export interface Settled {
  readonly tiebreak: Allocation['tiebreak'];
  readonly ties: readonly Tie[];
}

/**
 * Turns solver values into euros, totals and rule checks. Grants are whole steps, so sums are exact.
 * `scored` gives the scores shown (before any lottery band pooled them); the objective is the
 * model's, with the scores the model was built with.
 */
export function publish(scenario: Scenario, policy: Policy, scored: Scored, model: AllocationModel, values: ReadonlyMap<string, number>, run: SolveRun, settled: Settled): Allocation {
  const { scoring } = scored;
  const results = candidateResults(scenario, scored, model, values);
  const years = scenario.envelope.years.map(({ year, ceiling }) => ({ year, ceiling, spent: results.reduce((sum, result) => sum + (result.years[year] ?? 0), 0) }));
  return {
    scenario: scenario.name,
    policy: policy.name,
    policyLabel: policy.label,
    weights: scoring.kind === 'weights' ? scoring.weights : undefined,
    formula: scoring.kind === 'formula' ? scoring.formula : undefined,
    objective: objectiveOfGrants(model, results.map((result) => result.grant)),
    total: scenario.envelope.total,
    step: model.unit,
    spent: results.reduce((sum, result) => sum + result.grant, 0),
    years,
    laureates: results.filter((result) => result.funded).length,
    laureatesMax: scenario.laureates.max,
    candidates: [...results].sort((a, b) => b.grant - a.grant || b.score - a.score || compareIds(a.id, b.id)),
    rules: ruleResults(scenario, model, results),
    regions: regionTotals(results),
    engine: run.engine,
    gap: run.gap,
    ms: run.ms,
    notes: run.notes,
    tiebreak: settled.tiebreak,
    ties: settled.ties,
  };
}

/** One published row per candidate of the model, in scenario order: its grant in euros by year, rank and scoring. */
function candidateResults(scenario: Scenario, scored: Scored, model: AllocationModel, values: ReadonlyMap<string, number>): CandidateResult[] {
  const { scores } = scored;
  const order = scenario.candidates.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || compareIds(scenario.candidates[a]?.id, scenario.candidates[b]?.id));
  const rankOf = new Map(order.map((index, position) => [index, position + 1]));
  return model.candidates.map((variables) => {
    const candidate = scenario.candidates[variables.index];
    if (candidate === undefined) throw new Error(`model candidate ${variables.index} has no row`);
    const years: Record<string, number> = {};
    let grant = 0;
    for (const { year, variable } of variables.grants) {
      // + 0 turns a solver's −0 into 0.
      const amount = Math.round(values.get(variable) ?? 0) * model.unit + 0;
      grant += amount;
      if (year !== '') years[year] = amount;
    }
    const review = scored.reviews?.[variables.index];
    return {
      id: candidate.id,
      name: candidate.name,
      region: candidate.region,
      score: scores[variables.index] ?? variables.score,
      rank: rankOf.get(variables.index) ?? 0,
      funded: Math.round(values.get(variables.funded) ?? 0) === 1 && grant > 0,
      grant,
      years,
      request: candidate.request,
      shareOfRequest: candidate.request > 0 ? grant / candidate.request : 0,
      lock: scenario.locks[candidate.id],
      eligible: variables.eligible,
      contributions: scored.contributions[variables.index],
      ...(review === undefined ? {} : { review }),
    };
  });
}

/** Euros and laureates by region, the largest amount first. */
function regionTotals(results: readonly CandidateResult[]): RegionTotal[] {
  const totals = new Map<string, { amount: number; laureates: number }>();
  for (const result of results) {
    const total = totals.get(result.region) ?? { amount: 0, laureates: 0 };
    total.amount += result.grant;
    total.laureates += result.funded ? 1 : 0;
    totals.set(result.region, total);
  }
  return [...totals.entries()]
    .map(([region, total]) => ({ region, ...total }))
    .sort((a, b) => b.amount - a.amount || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
}

/** Each rule row of the model, read back: the group's euros (share, amount) or laureates (count) against its bounds. */
function ruleResults(scenario: Scenario, model: AllocationModel, results: readonly CandidateResult[]): RuleResult[] {
  const isRule = (row: ModelRow): row is ModelRow & { readonly origin: Extract<RowOrigin, { kind: 'rule' }> } => row.origin.kind === 'rule';
  return model.rows.filter(isRule).map(({ origin, lower, upper }) => {
    const members = origin.members.map((member) => results[member]).filter((result): result is CandidateResult => result !== undefined);
    const count = origin.measure === 'count';
    // Count bounds are laureates; share and amount bounds are grant steps.
    const inEuros = (bound: number | undefined): number | undefined => (bound === undefined || count ? bound : bound * model.unit);
    const value = count ? members.filter((member) => member.funded).length : members.reduce((sum, member) => sum + member.grant, 0);
    const [min, max] = [inEuros(lower), inEuros(upper)];
    return { label: scenario.rules[origin.rule]?.label ?? '', rule: origin.rule, measure: origin.measure, group: origin.group, value, min, max, binding: value === min || value === max };
  });
}
