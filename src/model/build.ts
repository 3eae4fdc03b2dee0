import type { Policy, Rule, Scenario } from '../domain/types.js';
import { ruleGroups } from '../domain/rules.js';
import type { AllocationModel, CandidateVariables, ModelRow, ModelVariable, Term } from './types.js';

/** A rule's groups are a domain word (domain/rules.ts); re-exported for the code that reads them here. */
export { ruleGroups };

/** Largest grant of a candidate in units: min(grant.max, request) rounded down to the step. */
export function capUnits(scenario: Scenario, request: number): number {
  return Math.floor(Math.min(scenario.grant.max, request) / scenario.grant.step + 1e-9);
}

/** End of a return tier in units: share × request, rounded down to the step. */
export function tierEndUnits(share: number, request: number, unit: number): number {
  return Math.floor((share * request) / unit + 1e-9);
}

/**
 * A rule's share or amount bounds in grant steps: shares are of the envelope total, and both are
 * rounded inwards to whole steps so that published grants meet them exactly. Undefined when the
 * rule has no such bounds.
 */
export function ruleBoundsInUnits(scenario: Scenario, rule: Rule, measure: 'share' | 'amount'): { min: number | undefined; max: number | undefined } | undefined {
  const bounds = measure === 'share' ? rule.share : rule.amount;
  if (bounds === undefined) return undefined;
  const euros = (value: number): number => (measure === 'share' ? value * scenario.envelope.total : value);
  const unit = scenario.grant.step;
  return {
    min: bounds.min === undefined ? undefined : Math.ceil(euros(bounds.min) / unit - 1e-9),
    max: bounds.max === undefined ? undefined : Math.floor(euros(bounds.max) / unit + 1e-9),
  };
}

/** Smallest grant in units: grant.min rounded up to the step, and at least one step (a laureate never gets 0 €). */
export function floorUnits(scenario: Scenario): number {
  return Math.max(1, Math.ceil(scenario.grant.min / scenario.grant.step - 1e-9));
}

/** Whether a candidate can be funded at all: its cap (and its per-year requests together) reach the floor. */
export function isEligible(scenario: Scenario, candidate: Scenario['candidates'][number]): boolean {
  return reachableUnits(scenario, candidate) >= floorUnits(scenario);
}

/**
 * The most a candidate's grants can add up to, in units: its cap, or less when every year has its
 * own request (each rounded down to the step apart: 39 + 60 steps under a cap of 100).
 */
export function reachableUnits(scenario: Scenario, candidate: Scenario['candidates'][number]): number {
  const unit = scenario.grant.step;
  const years = scenario.envelope.years.map((entry) => entry.year);
  const perYear = years.map((year) => candidate.requestByYear[year]);
  return years.length > 0 && perYear.every((request) => request !== undefined)
    ? Math.min(capUnits(scenario, candidate.request), perYear.reduce<number>((sum, request) => sum + Math.floor((request ?? 0) / unit + 1e-9), 0))
    : capUnits(scenario, candidate.request);
}

/** Name of candidate `index`'s return-tier piece `k` (from 0). */
export function pieceName(index: number, k: number): string {
  return `p_${index}_${k + 1}`;
}

/** The parts of the frame being written: variables, rows. */
interface ModelParts {
  readonly variables: ModelVariable[];
  readonly rows: ModelRow[];
}

/**
 * Builds the allocation model of the README ("The model"): binaries f_i, grants g_i,t in steps,
 * optional return-tier pieces p_i,k, and one row per envelope, year, candidate bound, lock and rule group.
 * `scores` is aligned with `scenario.candidates`. Only the objective and the scores are new at each
 * call: the rest is the scenario's frame (see frameOf), shared by every model built on it.
 */
export function buildModel(scenario: Scenario, scores: readonly number[], policy: Pick<Policy, 'returns'>): AllocationModel {
  const frame = frameOf(scenario, policy);
  const { unit } = frame;
  const objective: Term[] = [];
  const comments = [...frame.heading];
  const candidates = frame.candidates.map((candidate, index) => {
    const score = scores[index] ?? 0;
    comments.push(`${frame.labels[index] ?? ''} (score ${score})`);
    if (candidate.tiers.length === 0) for (const grant of candidate.grants) objective.push([grant.variable, score * unit]);
    else candidate.tiers.forEach((tier, k) => objective.push([pieceName(index, k), score * unit * tier.value]));
    return { ...candidate, score };
  });
  comments.push(...frame.ruleNotes);
  return { unit, variables: frame.variables, objective, rows: frame.rows, candidates, comments };
}

/** A model but its scores: variables, rows, candidates' columns (with a score of 0), and the comments that do not name a score. */
interface Frame extends Pick<AllocationModel, 'unit' | 'variables' | 'rows' | 'candidates'> {
  readonly heading: readonly string[];
  /** "i=0: id name" of each candidate. */
  readonly labels: readonly string[];
  readonly ruleNotes: readonly string[];
}

/**
 * The frame of a scenario's models under some return tiers, built once: robustness, tipping points
 * and the simulator build a model at every draw, share or key with other scores only (on the 2013
 * call, building it afresh was a tenth of a robustness draw). A scenario is never changed in place;
 * an edit is a new scenario, with a frame of its own.
 */
function frameOf(scenario: Scenario, policy: Pick<Policy, 'returns'>): Frame {
  let byReturns = frames.get(scenario);
  if (byReturns === undefined) {
    byReturns = new Map();
    frames.set(scenario, byReturns);
  }
  const key = policy.returns.map((tier) => `${tier.share}:${tier.value}`).join(' ');
  let frame = byReturns.get(key);
  if (frame === undefined) {
    const parts: ModelParts = { variables: [], rows: [] };
    const candidates = scenario.candidates.map((_, index) => candidateColumns(scenario, index, policy, parts));
    parts.rows.push(...envelopeRows(scenario, candidates), ...ruleRows(scenario, candidates));
    frame = {
      unit: scenario.grant.step,
      variables: parts.variables,
      rows: parts.rows,
      candidates,
      heading: [
        `enveloppe allocation model: ${scenario.name}`,
        `grant variables g_i_<year> count steps of ${scenario.grant.step} EUR; f_i = 1 when candidate i is funded`,
        'objective: score points x euros granted (x return-tier value when the policy has tiers)',
      ],
      labels: scenario.candidates.map((candidate, index) => `i=${index}: ${candidate.id} ${candidate.name.replace(/[\r\n]+/g, ' ')}`),
      ruleNotes: scenario.rules.map((rule, ruleIndex) => `rule_${ruleIndex + 1}: ${rule.label}`),
    };
    byReturns.set(key, frame);
  }
  return frame;
}

const frames = new WeakMap<Scenario, Map<string, Frame>>();

/** One candidate's variables and rows (return tiers, floor, cap, lock), added to `parts`; its objective terms come with its score (buildModel). */
function candidateColumns(scenario: Scenario, index: number, policy: Pick<Policy, 'returns'>, parts: ModelParts): CandidateVariables {
  const { variables, rows } = parts;
  const candidate = scenario.candidates[index];
  if (candidate === undefined) throw new Error(`no candidate ${index}`);
  const unit = scenario.grant.step;
  const years = scenario.envelope.years.map((entry) => entry.year);
  const periods = years.length > 0 ? years : [''];
  const cap = capUnits(scenario, candidate.request);
  const funded = `f_${index}`;
  variables.push({ name: funded, kind: 'binary', lower: 0, upper: 1 });
  const grants = periods.map((year) => {
    const variable = year === '' ? `g_${index}` : `g_${index}_${year}`;
    const yearRequest = year === '' ? undefined : candidate.requestByYear[year];
    const upper = yearRequest === undefined ? cap : Math.min(cap, Math.floor(yearRequest / unit + 1e-9));
    variables.push({ name: variable, kind: 'integer', lower: 0, upper: Math.max(0, upper) });
    return { year, variable };
  });
  const grantTerms: Term[] = grants.map((grant) => [grant.variable, 1]);
  // Breakpoints fall on whole steps, like the grants, so the relaxation's corners are whole steps too.
  const tiers = policy.returns.map((tier) => ({ end: Math.min(cap, tierEndUnits(tier.share, candidate.request, unit)), value: tier.value }));

  if (tiers.length > 0) {
    // Concave value of the grant: piece k covers (share_{k-1}, share_k] × request and counts value_k per euro.
    const pieces: Term[] = [];
    let previous = 0;
    tiers.forEach((tier, k) => {
      const end = tier.end;
      const width = Math.max(0, end - previous);
      previous = Math.max(previous, end);
      const piece = pieceName(index, k);
      variables.push({ name: piece, kind: 'continuous', lower: 0, upper: width });
      pieces.push([piece, -1]);
    });
    rows.push({ name: `returns_${index}`, terms: [...grantTerms, ...pieces], lower: 0, upper: 0, origin: { kind: 'returns', candidate: index } });
  }

  // grant.min · f_i ≤ Σ_t g_i,t ≤ min(grant.max, request_i) · f_i
  rows.push({ name: `floor_${index}`, terms: [...grantTerms, [funded, -floorUnits(scenario)]], lower: 0, upper: undefined, origin: { kind: 'floor', candidate: index } });
  rows.push({ name: `cap_${index}`, terms: [...grantTerms, [funded, -cap]], lower: undefined, upper: 0, origin: { kind: 'cap', candidate: index } });
  const lock = scenario.locks[candidate.id];
  if (lock !== undefined) {
    const value = lock === 'funded' ? 1 : 0;
    rows.push({ name: `lock_${index}`, terms: [[funded, 1]], lower: value, upper: value, origin: { kind: 'lock', candidate: index } });
  }
  const reach = reachableUnits(scenario, candidate);
  return { index, id: candidate.id, funded, grants, capUnits: cap, reachUnits: reach, score: 0, eligible: reach >= floorUnits(scenario), tiers };
}

/** The envelope's rows: the total, each year's ceiling, and the number of laureates. */
function envelopeRows(scenario: Scenario, candidates: readonly CandidateVariables[]): ModelRow[] {
  const unit = scenario.grant.step;
  const rows: ModelRow[] = [];
  const allGrants = candidates.flatMap((candidate) => candidate.grants.map((grant): Term => [grant.variable, 1]));
  rows.push({ name: 'total', terms: allGrants, lower: undefined, upper: Math.floor(scenario.envelope.total / unit + 1e-9), origin: { kind: 'total' } });
  for (const { year, ceiling } of scenario.envelope.years) {
    const terms = candidates.flatMap((candidate) => candidate.grants.filter((grant) => grant.year === year).map((grant): Term => [grant.variable, 1]));
    rows.push({ name: `year_${year}`, terms, lower: undefined, upper: Math.floor(ceiling / unit + 1e-9), origin: { kind: 'year', year } });
  }
  const fundedTerms = candidates.map((candidate): Term => [candidate.funded, 1]);
  rows.push({
    name: 'laureates',
    terms: fundedTerms,
    lower: scenario.laureates.min > 0 ? scenario.laureates.min : undefined,
    upper: scenario.laureates.max,
    origin: { kind: 'laureates' },
  });
  return rows;
}

/** One row per rule, group and measure (share, amount, count) that the rule bounds. */
function ruleRows(scenario: Scenario, candidates: readonly CandidateVariables[]): ModelRow[] {
  const rows: ModelRow[] = [];
  scenario.rules.forEach((rule, ruleIndex) => {
    ruleGroups(scenario, ruleIndex).forEach((group, groupIndex) => {
      const grantTerms = group.members.flatMap((member) => (candidates[member]?.grants ?? []).map((grant): Term => [grant.variable, 1]));
      const fundedOf = group.members.map((member): Term => [candidates[member]?.funded ?? '', 1]);
      const measures: { measure: 'share' | 'amount' | 'count'; terms: Term[]; lower: number | undefined; upper: number | undefined }[] = [];
      for (const measure of ['share', 'amount'] as const) {
        const bounds = ruleBoundsInUnits(scenario, rule, measure);
        if (bounds !== undefined) measures.push({ measure, terms: grantTerms, lower: bounds.min, upper: bounds.max });
      }
      if (rule.count !== undefined) {
        measures.push({ measure: 'count', terms: fundedOf, lower: rule.count.min, upper: rule.count.max });
      }
      for (const { measure, terms, lower, upper } of measures) {
        rows.push({ name: `rule_${ruleIndex + 1}_${measure}_${groupIndex + 1}`, terms, lower, upper, origin: { kind: 'rule', rule: ruleIndex, measure, group: group.label, members: group.members } });
      }
    });
  });
  return rows;
}
