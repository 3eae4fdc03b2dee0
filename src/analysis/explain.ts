/**
 * "Why not us?": for one candidate, the figures a programme officer reads out to an applicant,
 * each obtained by solving again, never guessed:
 * - left out: its score against the last funded one; the allocation with it locked in (what that
 *   costs, who leaves to make room, which rules bind); the smallest rise of its score that funds it;
 *   the smallest cut of its request that funds it;
 * - funded: the smallest drop of its score that loses it its grant.
 * Score searches are bisections to 0.01 point, request searches to one grant step: funding is
 * monotone in a candidate's own score (a higher value per euro never lowers its optimal grant).
 */
import { formatEuros } from '../domain/money.js';
import type { Scenario } from '../domain/types.js';
import type { Allocation, Selection, SolveStatus } from '../domain/allocation.js';
import { allocate, solveOptionsOf, type AllocateOptions } from '../pipeline/allocate.js';
import { createSession } from '../pipeline/session.js';
import { explainInfeasibility } from './conflicts.js';

/** One of the figures, with the allocation that proves it. */
export interface ScoreChange {
  /** The score at which the status changes, to 0.01 point. */
  readonly score: number;
  /** Points added (rise) or removed (drop). */
  readonly change: number;
  /** The candidate's grant at that score. */
  readonly grant: number;
}

export interface RequestCut {
  /** The largest request that gets funded. */
  readonly request: number;
  readonly cut: number;
  readonly grant: number;
}

export interface LockedIn {
  readonly status: 'optimal';
  readonly grant: number;
  /** Objective lost, relative to the optimum (0.0012 = 0.12 %). */
  readonly loss: number;
  /** Funded now, not funded with the candidate locked in. */
  readonly leaves: readonly { readonly id: string; readonly grant: number }[];
  /** Funded in both, with less. */
  readonly reduced: readonly { readonly id: string; readonly from: number; readonly to: number }[];
  /** Rules that bind in that allocation, on a group the candidate belongs to, and the envelope when all spent. */
  readonly binding: readonly string[];
}

/** How a solve ended that proved neither an allocation nor that there is none: `timedout`, `failed`… */
export type Unproven = Exclude<SolveStatus, 'optimal' | 'infeasible'>;

/**
 * The solve with the candidate locked in, in the statuses of {@link SolveStatus}: its allocation, the
 * conflicts that forbid it, or how it ended otherwise, with the reason. `explain --json` prints the
 * last as `unknown` ({@link explanationJson}).
 */
export type LockedInOutcome = LockedIn | { readonly status: 'infeasible'; readonly conflicts: readonly string[] } | { readonly status: Unproven; readonly reason: string };

export interface Explanation {
  readonly id: string;
  readonly name: string;
  readonly score: number;
  readonly rank: number;
  readonly funded: boolean;
  readonly grant: number;
  readonly request: number;
  /** The funded candidate with the lowest score: the funding line. */
  readonly line: { readonly id: string; readonly score: number; readonly grant: number } | undefined;
  /** Left out: the allocation with the candidate locked in. */
  readonly lockedIn: LockedInOutcome | undefined;
  /** Left out: the smallest score that funds it; undefined when no score up to the top of the scale does. */
  readonly scoreToFund: ScoreChange | undefined;
  /** Left out: the largest request that gets funded; undefined when even the grant floor does not. */
  readonly requestToFund: RequestCut | undefined;
  /** Funded: the highest score at which it is no longer funded; undefined when even a score of 0 keeps it. */
  readonly scoreToLose: ScoreChange | undefined;
  /** The whole answer as sentences an officer can read out. */
  readonly sentences: readonly string[];
}

/** Highest score a weighted policy can give (every criterion at the top of its scale). */
const TOP_SCORE = 100;

export async function explainCandidate(scenario: Scenario, selection: Selection, id: string, options: AllocateOptions = {}): Promise<Explanation | string> {
  const index = scenario.candidates.findIndex((candidate) => candidate.id === id);
  if (index < 0) return `no candidate has the id '${id}'`;
  // Every probe scores alike: one session, so that a formula is compiled once for all of them.
  const session = options.session ?? createSession();
  const base = await allocate(scenario, selection, { ...options, ties: false, session });
  if (base.status !== 'optimal') return `the scenario has no optimal allocation (${base.status === 'failed' ? base.reason : base.status})`;
  const allocation = base.allocation;
  const me = allocation.candidates.find((candidate) => candidate.id === id);
  if (me === undefined) return `no candidate has the id '${id}'`;
  const probe = { ...options, ties: false as const, splitYears: false, session };
  const grantAt = async (target: Scenario, adjust?: (scores: readonly number[]) => readonly number[]): Promise<number | undefined> => {
    const outcome = await allocate(target, selection, adjust === undefined ? probe : { ...probe, adjustScores: adjust });
    if (outcome.status !== 'optimal') return undefined;
    return outcome.allocation.candidates.find((candidate) => candidate.id === id)?.grant ?? 0;
  };
  const withScore = (score: number) => (scores: readonly number[]): readonly number[] => scores.map((value, at) => (at === index ? score : value));

  const funded = allocation.candidates.filter((candidate) => candidate.funded);
  const lineCandidate = funded.filter((candidate) => candidate.id !== id).sort((a, b) => a.score - b.score || (a.id < b.id ? 1 : -1))[0];
  const line = lineCandidate === undefined ? undefined : { id: lineCandidate.id, score: lineCandidate.score, grant: lineCandidate.grant };

  let lockedIn: LockedInOutcome | undefined;
  let scoreToFund: ScoreChange | undefined;
  let requestToFund: RequestCut | undefined;
  let scoreToLose: ScoreChange | undefined;
  if (!me.funded) {
    lockedIn = await lockIn(scenario, selection, allocation, id, probe);
    // Smallest score (to 0.01) that funds it: bisection between its score and the top of the scale.
    const top = Math.max(TOP_SCORE, ...allocation.candidates.map((candidate) => candidate.score)) + 1;
    if (me.eligible && scenario.locks[id] !== 'excluded' && ((await grantAt(scenario, withScore(top))) ?? 0) > 0) {
      let low = Math.round(me.score * 100);
      let high = Math.ceil(top * 100);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (((await grantAt(scenario, withScore(middle / 100))) ?? 0) > 0) high = middle;
        else low = middle;
      }
      const score = high / 100;
      scoreToFund = { score, change: round2(score - me.score), grant: (await grantAt(scenario, withScore(score))) ?? 0 };
    }
    // Largest request (in whole steps) that gets funded: bisection between the floor and the request.
    const step = scenario.grant.step;
    const floor = Math.max(step, Math.ceil(scenario.grant.min / step) * step);
    const asking = (request: number): Scenario => withRequest(scenario, index, request);
    if (scenario.locks[id] !== 'excluded' && floor < me.request && ((await grantAt(asking(floor))) ?? 0) > 0) {
      let low = floor / step;
      let high = Math.ceil(me.request / step);
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (((await grantAt(asking(middle * step))) ?? 0) > 0) low = middle;
        else high = middle;
      }
      const request = low * step;
      requestToFund = { request, cut: me.request - request, grant: (await grantAt(asking(request))) ?? 0 };
    }
  } else if (scenario.locks[id] !== 'funded' && ((await grantAt(scenario, withScore(0))) ?? 0) === 0) {
    // Highest score (to 0.01) at which it is left out: bisection between 0 and its score.
    let low = 0;
    let high = Math.round(me.score * 100);
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (((await grantAt(scenario, withScore(middle / 100))) ?? 0) > 0) high = middle;
      else low = middle;
    }
    scoreToLose = { score: low / 100, change: round2(me.score - low / 100), grant: 0 };
  }
  const explanation = { id, name: me.name, score: me.score, rank: me.rank, funded: me.funded, grant: me.grant, request: me.request, line, lockedIn, scoreToFund, requestToFund, scoreToLose };
  return { ...explanation, sentences: sentencesOf(explanation, scenario) };
}

async function lockIn(scenario: Scenario, selection: Selection, allocation: Allocation, id: string, options: AllocateOptions): Promise<LockedInOutcome> {
  const locked: Scenario = { ...scenario, locks: { ...scenario.locks, [id]: 'funded' } };
  const outcome = await allocate(locked, selection, options);
  if (outcome.status === 'infeasible') {
    const report = await explainInfeasibility(locked, solveOptionsOf(options));
    return { status: 'infeasible', conflicts: [...report.sums, ...report.conflicting.map((item) => item.label)] };
  }
  if (outcome.status !== 'optimal') return { status: outcome.status, reason: outcome.status === 'failed' ? outcome.reason : outcome.status };
  const after = new Map(outcome.allocation.candidates.map((candidate) => [candidate.id, candidate]));
  const leaves = allocation.candidates.filter((candidate) => candidate.funded && after.get(candidate.id)?.funded !== true).map((candidate) => ({ id: candidate.id, grant: candidate.grant }));
  const reduced = allocation.candidates
    .filter((candidate) => candidate.funded && after.get(candidate.id)?.funded === true && (after.get(candidate.id)?.grant ?? 0) < candidate.grant)
    .map((candidate) => ({ id: candidate.id, from: candidate.grant, to: after.get(candidate.id)?.grant ?? 0 }));
  const index = scenario.candidates.findIndex((candidate) => candidate.id === id);
  const attributes = scenario.candidates[index]?.attributes ?? {};
  const binding = outcome.allocation.rules
    .filter((rule) => rule.binding && scenario.rules[rule.rule] !== undefined && groupHas(scenario, rule.rule, rule.group, attributes))
    .map((rule) => `${rule.label} (${rule.group}: ${rule.measure === 'count' ? rule.value : formatEuros(rule.value)})`);
  const spent = outcome.allocation;
  if (spent.total - spent.spent < spent.step) binding.unshift(`the envelope (${formatEuros(spent.total)}, all spent)`);
  if (spent.laureates >= spent.laureatesMax) binding.unshift(`at most ${spent.laureatesMax} laureates`);
  const loss = allocation.objective === 0 ? 0 : (allocation.objective - outcome.allocation.objective) / Math.abs(allocation.objective);
  return { status: 'optimal', grant: after.get(id)?.grant ?? 0, loss: Math.max(0, loss), leaves, reduced, binding };
}

/**
 * The explanation as `explain --json` prints it: a locked-in solve that proved nothing is `unknown`
 * there (its reason says how it ended), as it always was.
 */
export function explanationJson(explanation: Explanation): unknown {
  const locked = explanation.lockedIn;
  if (locked === undefined || locked.status === 'optimal' || locked.status === 'infeasible') return explanation;
  return { ...explanation, lockedIn: { ...locked, status: 'unknown' } };
}

/** Whether the candidate with these attributes belongs to a rule's group (by its label). */
function groupHas(scenario: Scenario, rule: number, group: string, attributes: Readonly<Record<string, string>>): boolean {
  const spec = scenario.rules[rule];
  if (spec === undefined) return false;
  const value = attributes[spec.group.column] ?? '';
  return spec.group.in === undefined ? value === group : spec.group.in.includes(value);
}

/** The scenario with one candidate asking `request` euros (its per-year requests scaled alike). */
export function withRequest(scenario: Scenario, index: number, request: number): Scenario {
  const candidates = scenario.candidates.map((candidate, at) => {
    if (at !== index) return candidate;
    const ratio = candidate.request > 0 ? request / candidate.request : 0;
    // Rounded up to whole steps, so that the years together still reach the new request.
    const step = scenario.grant.step;
    const requestByYear = Object.fromEntries(Object.entries(candidate.requestByYear).map(([year, amount]) => [year, Math.ceil((amount * ratio) / step - 1e-9) * step]));
    return { ...candidate, request, requestByYear };
  });
  return { ...scenario, candidates };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function points(value: number): string {
  return value.toFixed(2);
}

function sentencesOf(explanation: Omit<Explanation, 'sentences'>, scenario: Scenario): string[] {
  const out: string[] = [];
  const { id, line } = explanation;
  if (explanation.funded) {
    out.push(`${id} is funded: ${formatEuros(explanation.grant)} of the ${formatEuros(explanation.request)} it asked for, with a score of ${points(explanation.score)} (rank ${explanation.rank}).`);
    if (line !== undefined && line.score > explanation.score) out.push(`It is the last funded candidate: the next lowest laureate, ${line.id}, scores ${points(line.score)}.`);
    else if (line !== undefined) out.push(`The last funded candidate, ${line.id}, scores ${points(line.score)}.`);
    if (scenario.locks[id] === 'funded') out.push(`It is locked in: no score would take its grant away.`);
    else if (explanation.scoreToLose === undefined) out.push(`Even with a score of 0 it would keep a grant: a rule requires it.`);
    else out.push(`It would lose its grant if its score fell by ${points(explanation.scoreToLose.change)} points, to ${points(explanation.scoreToLose.score)}.`);
    return out;
  }
  out.push(`${id} is not funded: its score is ${points(explanation.score)} (rank ${explanation.rank}); it asked for ${formatEuros(explanation.request)}.`);
  if (line !== undefined) {
    const gap = explanation.score - line.score;
    const versus = Math.abs(gap) < 0.005 ? 'the same score' : gap > 0 ? `${points(gap)} points below ${id}` : `${points(-gap)} points above ${id}`;
    out.push(`The last funded candidate, ${line.id}, scores ${points(line.score)} (${versus}) and gets ${formatEuros(line.grant)}.`);
  }
  if (scenario.locks[id] === 'excluded') out.push(`It is locked out by the scenario.`);
  const locked = explanation.lockedIn;
  if (locked?.status === 'infeasible') out.push(`It cannot be funded under the rules: ${locked.conflicts.join('; ')}.`);
  if (locked?.status === 'optimal') {
    const leaving = locked.leaves.length === 0 ? 'nobody would leave' : `${locked.leaves.map((entry) => `${entry.id} (${formatEuros(entry.grant)})`).join(', ')} would leave`;
    const cuts = locked.reduced.length === 0 ? '' : `; ${locked.reduced.map((entry) => `${entry.id} would drop from ${formatEuros(entry.from)} to ${formatEuros(entry.to)}`).join(', ')}`;
    const cost = locked.loss < 5e-6 ? 'would cost nothing (the two allocations are tied)' : `would cost ${(locked.loss * 100).toFixed(3)} % of the objective`;
    out.push(`Funding it (${formatEuros(locked.grant)}) ${cost}: ${leaving}${cuts}.`);
    if (locked.binding.length > 0) out.push(`What holds it back: ${locked.binding.join('; ')}.`);
  }
  if (explanation.scoreToFund !== undefined) {
    out.push(`A score of ${points(explanation.scoreToFund.score)} (+${points(explanation.scoreToFund.change)} points) would fund it with ${formatEuros(explanation.scoreToFund.grant)}.`);
  } else if (scenario.locks[id] !== 'excluded') {
    out.push(`No score alone would fund it.`);
  }
  if (explanation.requestToFund !== undefined) {
    out.push(`Asking for ${formatEuros(explanation.requestToFund.request)} instead (−${formatEuros(explanation.requestToFund.cut)}) would fund it with ${formatEuros(explanation.requestToFund.grant)}.`);
  } else if (scenario.locks[id] !== 'excluded') {
    out.push(`No cut of its request alone would fund it.`);
  }
  return out;
}
