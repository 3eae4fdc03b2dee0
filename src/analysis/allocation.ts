/**
 * From a scenario and a weighting to a published allocation: score, build the model, solve,
 * then publish grants in whole euros with the totals and rules a committee reads.
 */
import type { Allocation, CandidateResult, RegionTotal, RuleResult, Selection } from '../domain/allocation.js';
import type { Lottery, Policy, Scenario } from '../domain/types.js';
import { buildModel, capUnits, isEligible, ruleBoundsInUnits, ruleGroups, tierEndUnits } from '../model/build.js';
import type { AllocationModel } from '../model/types.js';
import { buildYearSplit, splitTwoYears } from '../model/year-split.js';
import { panelsOf, reviewOf } from '../scoring/aggregate.js';
import { compileFormula } from '../scoring/formula.js';
import { contributions, scoreOf, type Scoring } from '../scoring/score.js';
import { normaliseWeights, type Weights } from '../scoring/weights.js';
import { solveCanonical } from '../solver/canonical.js';
import { solveModel } from '../solver/solve.js';
import { DEFAULT_SOLVE_OPTIONS, type EngineName, type SolveOptions } from '../solver/types.js';
import { drawOf, findTies, pooledScores, priorityOrder, tieRuleText, type Tie } from './tiebreak.js';

/** The published allocation's words live in domain/allocation.ts; re-exported for the code that reads them here. */
export type { Allocation, CandidateResult, RegionTotal, RuleResult, Selection };

/** Outcomes are values: each status is rendered by the caller. */
export type AllocationOutcome =
  | { readonly status: 'optimal'; readonly allocation: Allocation; readonly model: AllocationModel }
  /** The time limit stopped the search: the best allocation found, which passes every rule, and its proven gap. */
  | { readonly status: 'feasible'; readonly allocation: Allocation; readonly model: AllocationModel }
  | { readonly status: 'infeasible' | 'unbounded' | 'timedout'; readonly engine: EngineName; readonly ms: number; readonly model: AllocationModel; readonly notes: readonly string[] }
  | { readonly status: 'failed'; readonly reason: string; readonly engine: EngineName | undefined; readonly ms: number; readonly notes: readonly string[] };

/** The policy named by a selection; undefined when the scenario has none of that name. */
export function findPolicy(scenario: Scenario, name: string): Policy | undefined {
  return scenario.policies.find((policy) => policy.name === name);
}

const formulas = new Map<string, Promise<Scoring | undefined>>();

/** How candidates are scored under a selection: override weights, the policy's weights, or its formula. */
export async function scoringFor(scenario: Scenario, policy: Policy, weights: Weights | undefined): Promise<Scoring | undefined> {
  const raw = weights ?? (policy.score === undefined ? policy.weights : undefined);
  if (raw !== undefined) {
    const normalised = normaliseWeights(raw, scenario.criteria);
    return normalised === undefined ? undefined : { kind: 'weights', weights: normalised };
  }
  const formula = policy.score ?? '';
  const columns = scenario.criteria.map((criterion) => criterion.column);
  const key = `${columns.join(',')}\n${formula}`;
  let compiled = formulas.get(key);
  if (compiled === undefined) {
    compiled = compileFormula(formula, columns).then((result) => (result.ok ? { kind: 'formula', formula, evaluate: result.evaluate } : undefined));
    formulas.set(key, compiled);
  }
  return compiled;
}

/** Scores every candidate under a selection; a string explains why it cannot be scored. */
export async function scoreCandidates(scenario: Scenario, selection: Selection): Promise<{ scoring: Scoring; scores: number[] } | string> {
  const policy = findPolicy(scenario, selection.policy);
  if (policy === undefined) return `the scenario has no policy '${selection.policy}'`;
  const scoring = await scoringFor(scenario, policy, selection.weights);
  if (scoring === undefined) return policy.score === undefined || selection.weights !== undefined ? 'every weight is zero' : `the score formula of '${policy.name}' does not compile`;
  const scores = scenario.candidates.map((candidate) => scoreOf(candidate, scenario.criteria, scoring));
  const broken = scores.findIndex((score) => !Number.isFinite(score));
  if (broken >= 0) {
    const candidate = scenario.candidates[broken];
    return `the score formula gives ${scores[broken]} for ${candidate?.id ?? '?'} (line ${candidate?.line ?? '?'}); does it divide by zero`;
  }
  return { scoring, scores };
}

/** Scores, models, solves and publishes one allocation. */
export interface AllocateOptions extends Partial<SolveOptions> {
  /**
   * Split grants between years close to the requests (a second, small solve). Analyses that only
   * read totals turn it off. @default true
   */
  readonly splitYears?: boolean;
  /**
   * Look for other optimal allocations (exact ties), or near-optimal ones within `near` (0.001 =
   * 0.1 %) of the optimum, and say which candidates they swap; false skips the search (analyses
   * that only count who is funded). @default { near: 0 }
   */
  readonly ties?: false | { readonly near: number };
  /** A lottery replacing the scenario's own (`--lottery SEED`). */
  readonly lottery?: Lottery;
  /** Changes scores after scoring (explain: "what if this candidate scored 80?"). */
  readonly adjustScores?: (scores: readonly number[]) => readonly number[];
}

export async function allocate(scenario: Scenario, selection: Selection, options: AllocateOptions = {}): Promise<AllocationOutcome> {
  const started = performance.now();
  const scored = await scoreCandidates(scenario, selection);
  if (typeof scored === 'string') return { status: 'failed', reason: scored, engine: undefined, ms: performance.now() - started, notes: [] };
  const policy = findPolicy(scenario, selection.policy) as Policy;
  const lottery = options.lottery ?? scenario.lottery;
  const solveOptions = solveOptionsOf(options);
  const tieSearch = options.ties;
  if (options.adjustScores !== undefined) scored.scores = [...options.adjustScores(scored.scores)];

  // With a lottery band, the line is found first; the band's scores then count as the line's.
  let modelScores = scored.scores;
  let line: number | undefined;
  if (lottery !== undefined && lottery.band > 0) {
    const model = buildModel(scenario, scored.scores, policy);
    const first = await solveCanonical(model, priorityOrder(scenario, scored.scores, lottery), (index) => String(scored.scores[index]), solveOptions);
    if (first.outcome.status === 'optimal') {
      line = lineOf(model, first.outcome.values, scored.scores);
      if (line !== undefined) modelScores = pooledScores(scored.scores, line, lottery.band);
    }
  }
  const model = buildModel(scenario, modelScores, policy);
  const priority = priorityOrder(scenario, modelScores, lottery);
  const tieKey = (index: number): string => String(modelScores[index]);
  const canonical = await solveCanonical(model, priority, tieKey, solveOptions);
  const solved = canonical.outcome;
  if (solved.status === 'failed') return { status: 'failed', reason: solved.reason, engine: solved.engine, ms: solved.ms, notes: solved.notes };
  if (solved.status !== 'optimal' && solved.status !== 'feasible') return { status: solved.status, engine: solved.engine, ms: solved.ms, model, notes: solved.notes };
  // The split between years gets what is left of the time limit (at least a second), not a second full limit.
  const left = Math.max(1_000, (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs) - (performance.now() - started));
  const split = options.splitYears === false ? { values: solved.values } : await splitYears(scenario, model, solved.values, { ...solveOptions, engine: solved.engine, timeLimitMs: left });
  const notes = split.note === undefined ? solved.notes : [...solved.notes, split.note];
  const ties = tieSearch === false || solved.status !== 'optimal' ? [] : await findTies(scenario, modelScores, model, solved.values, { near: tieSearch?.near ?? 0, lottery, options: { ...solveOptions, timeLimitMs: Math.max(0, (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs) - (performance.now() - started)) }, priority, tieKey });
  const drawn = lottery === undefined ? undefined : drawOf(scenario, scored.scores, lottery, line ?? lineOf(model, solved.values, scored.scores) ?? 0);
  const allocation = publish(scenario, policy, scored.scoring, scored.scores, model, split.values, { engine: solved.engine, gap: solved.gap, ms: performance.now() - started, notes }, {
    modelScores,
    tiebreak: { rule: tieRuleText(lottery), lottery: drawn },
    ties,
  });
  return { status: solved.status, allocation, model };
}

/** The solver's options among allocate's. */
export function solveOptionsOf(options: AllocateOptions): Partial<SolveOptions> {
  const { ties: _ties, lottery: _lottery, splitYears: _split, adjustScores: _adjust, ...solve } = options;
  return solve;
}

/** The funding line: the lowest score among the funded candidates. */
function lineOf(model: AllocationModel, values: ReadonlyMap<string, number>, scores: readonly number[]): number | undefined {
  let line: number | undefined;
  for (const candidate of model.candidates) {
    const total = candidate.grants.reduce((sum, grant) => sum + Math.round(values.get(grant.variable) ?? 0), 0);
    const score = scores[candidate.index] ?? 0;
    if (total > 0 && (line === undefined || score < line)) line = score;
  }
  return line;
}

/**
 * Splits each grant between years as close as possible to the candidate's per-year requests
 * (or the ceilings' proportions), keeping totals and ceilings; see model/year-split.ts.
 */
async function splitYears(scenario: Scenario, model: AllocationModel, values: ReadonlyMap<string, number>, options: Partial<SolveOptions>): Promise<{ values: ReadonlyMap<string, number>; note?: string | undefined }> {
  const years = scenario.envelope.years;
  if (years.length < 2) return { values };
  const ceilings = years.reduce((sum, entry) => sum + entry.ceiling, 0);
  const targets = (index: number, total: number): number[] => {
    const requests = years.map((entry) => scenario.candidates[index]?.requestByYear[entry.year]);
    const asked = requests.reduce<number>((sum, request) => sum + (request ?? 0), 0);
    if (requests.every((request) => request !== undefined) && asked > 0) return requests.map((request) => (total * (request ?? 0)) / asked);
    return years.map((entry) => (total * entry.ceiling) / ceilings);
  };
  const [first, second] = years;
  if (years.length === 2 && first !== undefined && second !== undefined) {
    const greedy = splitTwoYears(model, values, targets, [Math.floor(first.ceiling / scenario.grant.step + 1e-9), Math.floor(second.ceiling / scenario.grant.step + 1e-9)]);
    if (greedy !== undefined) return { values: new Map([...values, ...greedy]) };
  }
  const outcome = await solveModel(buildYearSplit(model, values, targets), options);
  if (outcome.status !== 'optimal') return { values, note: `the split between years was left as the solver found it (${outcome.status})` };
  const merged = new Map(values);
  for (const [name, value] of outcome.values) if (name.startsWith('g_')) merged.set(name, value);
  return { values: merged };
}

/** Turns solver values into euros, totals and rule checks. Grants are whole steps, so sums are exact. */
export function publish(
  scenario: Scenario,
  policy: Policy,
  scoring: Scoring,
  scores: readonly number[],
  model: AllocationModel,
  values: ReadonlyMap<string, number>,
  run: { engine: EngineName; gap: number; ms: number; notes: readonly string[] },
  settled: { modelScores: readonly number[]; tiebreak: Allocation['tiebreak']; ties: readonly Tie[] } = { modelScores: scores, tiebreak: { rule: tieRuleText(undefined), lottery: undefined }, ties: [] },
): Allocation {
  const { step } = scenario.grant;
  const results = candidateResults(scenario, scoring, scores, model, values);
  const grants = results.map((result) => result.grant);
  const spent = grants.reduce((sum, grant) => sum + grant, 0);
  const years = scenario.envelope.years.map(({ year, ceiling }) => ({ year, ceiling, spent: results.reduce((sum, result) => sum + (result.years[year] ?? 0), 0) }));
  return {
    scenario: scenario.name,
    policy: policy.name,
    policyLabel: policy.label,
    weights: scoring.kind === 'weights' ? scoring.weights : undefined,
    formula: scoring.kind === 'formula' ? scoring.formula : undefined,
    objective: objectiveOfGrants(scenario, policy, settled.modelScores, grants),
    total: scenario.envelope.total,
    step,
    spent,
    years,
    laureates: results.filter((result) => result.funded).length,
    laureatesMax: scenario.laureates.max,
    candidates: [...results].sort((a, b) => b.grant - a.grant || b.score - a.score || compareIds(a.id, b.id)),
    rules: ruleResults(scenario, results),
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
function candidateResults(scenario: Scenario, scoring: Scoring, scores: readonly number[], model: AllocationModel, values: ReadonlyMap<string, number>): CandidateResult[] {
  const { step } = scenario.grant;
  const order = scenario.candidates.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || compareIds(scenario.candidates[a]?.id, scenario.candidates[b]?.id));
  const rankOf = new Map(order.map((index, position) => [index, position + 1]));
  const panels = scenario.reviews === undefined ? undefined : panelsOf(scenario.reviews, scenario.criteria);
  return model.candidates.map((variables) => {
    const candidate = scenario.candidates[variables.index];
    if (candidate === undefined) throw new Error(`model candidate ${variables.index} has no row`);
    const years: Record<string, number> = {};
    let grant = 0;
    for (const { year, variable } of variables.grants) {
      // + 0 turns a solver's −0 into 0.
      const amount = Math.round(values.get(variable) ?? 0) * step + 0;
      grant += amount;
      if (year !== '') years[year] = amount;
    }
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
      eligible: isEligible(scenario, candidate),
      contributions: scoring.kind === 'weights' ? contributions(candidate, scenario.criteria, scoring.weights) : undefined,
      ...(scenario.reviews === undefined ? {} : { review: reviewOf(candidate, scenario.reviews, panels?.get(candidate.id) ?? [], scenario.criteria, scoring) }),
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

/** Σ score × value(grant), with the policy's return tiers: the LP objective, recomputed from whole euros. */
export function objectiveOfGrants(scenario: Scenario, policy: Pick<Policy, 'returns'>, scores: readonly number[], grants: readonly number[]): number {
  let objective = 0;
  scenario.candidates.forEach((candidate, index) => {
    const grant = grants[index] ?? 0;
    const score = scores[index] ?? 0;
    if (policy.returns.length === 0) {
      objective += score * grant;
      return;
    }
    const { step } = scenario.grant;
    const cap = capUnits(scenario, candidate.request);
    let start = 0;
    for (const tier of policy.returns) {
      const end = Math.max(start, Math.min(cap, tierEndUnits(tier.share, candidate.request, step)) * step);
      objective += score * tier.value * Math.max(0, Math.min(grant, end) - start);
      start = end;
    }
  });
  return Math.round(objective * 100) / 100;
}

function ruleResults(scenario: Scenario, results: readonly CandidateResult[]): RuleResult[] {
  const { step } = scenario.grant;
  const byId = new Map(results.map((result) => [result.id, result]));
  const byIndex = new Map(scenario.candidates.map((candidate, index) => [index, byId.get(candidate.id)]));
  const out: RuleResult[] = [];
  scenario.rules.forEach((rule, ruleIndex) => {
    for (const group of ruleGroups(scenario, ruleIndex)) {
      const members = group.members.map((member) => byIndex.get(member)).filter((result): result is CandidateResult => result !== undefined);
      const euros = members.reduce((sum, member) => sum + member.grant, 0);
      const count = members.filter((member) => member.funded).length;
      const push = (measure: RuleResult['measure'], value: number, min: number | undefined, max: number | undefined): void => {
        out.push({ label: rule.label, rule: ruleIndex, measure, group: group.label, value, min, max, binding: value === min || value === max });
      };
      for (const measure of ['share', 'amount'] as const) {
        const bounds = ruleBoundsInUnits(scenario, rule, measure);
        if (bounds !== undefined) push(measure, euros, bounds.min === undefined ? undefined : bounds.min * step, bounds.max === undefined ? undefined : bounds.max * step);
      }
      if (rule.count !== undefined) push('count', count, rule.count.min, rule.count.max);
    }
  });
  return out;
}

/** Ids compared by code point, so that order never depends on the machine's locale. */
export function compareIds(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}
