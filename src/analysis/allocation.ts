/**
 * From a scenario and a weighting to a published allocation: score, build the model, solve,
 * then publish grants in whole euros with the totals and rules a committee reads.
 */
import type { Lock, Policy, Scenario } from '../domain/types.js';
import { buildModel, capUnits, isEligible, ruleBoundsInUnits, ruleGroups, tierEndUnits } from '../model/build.js';
import type { AllocationModel } from '../model/types.js';
import { buildYearSplit } from '../model/year-split.js';
import { compileFormula } from '../scoring/formula.js';
import { contributions, scoreOf, type Scoring } from '../scoring/score.js';
import { normaliseWeights, type Weights } from '../scoring/weights.js';
import { solveModel } from '../solver/solve.js';
import { DEFAULT_SOLVE_OPTIONS, type EngineName, type SolveOptions } from '../solver/types.js';

/** Which weighting to apply: a policy of the scenario, optionally with its weights replaced. */
export interface Selection {
  readonly policy: string;
  /** Raw weights replacing the policy's (and its formula, if any). */
  readonly weights?: Weights;
}

export interface CandidateResult {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly score: number;
  /** 1 = best score; equal scores are ranked by id. */
  readonly rank: number;
  readonly funded: boolean;
  /** Euros, a multiple of the grant step. */
  readonly grant: number;
  /** Euros by year; empty for a single-period call. */
  readonly years: Readonly<Record<string, number>>;
  readonly request: number;
  /** grant / request, 0..1. */
  readonly shareOfRequest: number;
  readonly lock: Lock | undefined;
  /** False when min(grant.max, request) is below the grant floor: the candidate cannot be funded. */
  readonly eligible: boolean;
  /** Points each criterion adds to the score (weighted policies only). */
  readonly contributions: Readonly<Record<string, number>> | undefined;
}

export interface RuleResult {
  readonly label: string;
  /** Index of the rule in the scenario. */
  readonly rule: number;
  readonly measure: 'share' | 'amount' | 'count';
  /** The group's value of the rule's column, or the listed values joined with ' + '. */
  readonly group: string;
  /** Euros granted to the group (share, amount) or its number of laureates (count). */
  readonly value: number;
  /** Bounds in euros (share × total rounded inwards to whole steps) or in laureates. */
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** The group sits on one of its bounds. */
  readonly binding: boolean;
}

export interface RegionTotal {
  readonly region: string;
  readonly amount: number;
  readonly laureates: number;
}

export interface Allocation {
  readonly scenario: string;
  readonly policy: string;
  readonly policyLabel: string;
  /** Normalised weights (sum 1), or undefined under a score formula. */
  readonly weights: Weights | undefined;
  readonly formula: string | undefined;
  /** Σ score × value of grant: the optimum of the exported LP model. */
  readonly objective: number;
  readonly total: number;
  /** Grant step in euros: every grant is a multiple of it. */
  readonly step: number;
  readonly spent: number;
  readonly years: readonly { readonly year: string; readonly ceiling: number; readonly spent: number }[];
  readonly laureates: number;
  readonly laureatesMax: number;
  /** Sorted by grant, then score, then id. */
  readonly candidates: readonly CandidateResult[];
  readonly rules: readonly RuleResult[];
  readonly regions: readonly RegionTotal[];
  readonly engine: EngineName;
  /**
   * Relative gap proven between `objective` and the best possible one: at most the solve's
   * `relativeGap` when the status is `optimal`, larger when the time limit stopped the search.
   */
  readonly gap: number;
  readonly ms: number;
  readonly notes: readonly string[];
}

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
}

export async function allocate(scenario: Scenario, selection: Selection, options: AllocateOptions = {}): Promise<AllocationOutcome> {
  const started = performance.now();
  const scored = await scoreCandidates(scenario, selection);
  if (typeof scored === 'string') return { status: 'failed', reason: scored, engine: undefined, ms: performance.now() - started, notes: [] };
  const policy = findPolicy(scenario, selection.policy) as Policy;
  const model = buildModel(scenario, scored.scores, policy);
  const solved = await solveModel(model, options);
  if (solved.status === 'failed') return { status: 'failed', reason: solved.reason, engine: solved.engine, ms: solved.ms, notes: solved.notes };
  if (solved.status !== 'optimal' && solved.status !== 'feasible') return { status: solved.status, engine: solved.engine, ms: solved.ms, model, notes: solved.notes };
  // The split between years gets what is left of the time limit (at least a second), not a second full limit.
  const left = Math.max(1_000, (options.timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs) - (performance.now() - started));
  const split = options.splitYears === false ? { values: solved.values } : await splitYears(scenario, model, solved.values, { ...options, engine: solved.engine, timeLimitMs: left });
  const notes = split.note === undefined ? solved.notes : [...solved.notes, split.note];
  const allocation = publish(scenario, policy, scored.scoring, scored.scores, model, split.values, { engine: solved.engine, gap: solved.gap, ms: performance.now() - started, notes });
  return { status: solved.status, allocation, model };
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
): Allocation {
  const { step } = scenario.grant;
  const order = scenario.candidates.map((_, index) => index).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || compareIds(scenario.candidates[a]?.id, scenario.candidates[b]?.id));
  const rankOf = new Map(order.map((index, position) => [index, position + 1]));
  const grants: number[] = [];
  const results: CandidateResult[] = model.candidates.map((variables) => {
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
    grants.push(grant);
    return {
      id: candidate.id,
      name: candidate.name,
      region: candidate.region,
      score: variables.score,
      rank: rankOf.get(variables.index) ?? 0,
      funded: Math.round(values.get(variables.funded) ?? 0) === 1 && grant > 0,
      grant,
      years,
      request: candidate.request,
      shareOfRequest: candidate.request > 0 ? grant / candidate.request : 0,
      lock: scenario.locks[candidate.id],
      eligible: isEligible(scenario, candidate),
      contributions: scoring.kind === 'weights' ? contributions(candidate, scenario.criteria, scoring.weights) : undefined,
    };
  });

  const spent = grants.reduce((sum, grant) => sum + grant, 0);
  const years = scenario.envelope.years.map(({ year, ceiling }) => ({ year, ceiling, spent: results.reduce((sum, result) => sum + (result.years[year] ?? 0), 0) }));
  const regionTotals = new Map<string, { amount: number; laureates: number }>();
  for (const result of results) {
    const total = regionTotals.get(result.region) ?? { amount: 0, laureates: 0 };
    total.amount += result.grant;
    total.laureates += result.funded ? 1 : 0;
    regionTotals.set(result.region, total);
  }
  const regions = [...regionTotals.entries()]
    .map(([region, total]) => ({ region, ...total }))
    .sort((a, b) => b.amount - a.amount || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));

  return {
    scenario: scenario.name,
    policy: policy.name,
    policyLabel: policy.label,
    weights: scoring.kind === 'weights' ? scoring.weights : undefined,
    formula: scoring.kind === 'formula' ? scoring.formula : undefined,
    objective: objectiveOfGrants(scenario, policy, scores, grants),
    total: scenario.envelope.total,
    step,
    spent,
    years,
    laureates: results.filter((result) => result.funded).length,
    laureatesMax: scenario.laureates.max,
    candidates: [...results].sort((a, b) => b.grant - a.grant || b.score - a.score || compareIds(a.id, b.id)),
    rules: ruleResults(scenario, results),
    regions,
    engine: run.engine,
    gap: run.gap,
    ms: run.ms,
    notes: run.notes,
  };
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
