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
import type { Lang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import type { Allocation, Selection, SolveStatus } from '../domain/allocation.js';
import { allocate, solveOptionsOf, type AllocateOptions } from '../pipeline/allocate.js';
import { createSession } from '../pipeline/session.js';
import { explainInfeasibility } from './conflicts.js';
import { EXPLAIN_WORDS, type ExplainWords } from './explain-words.js';

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

/**
 * The figures for one candidate, each re-solved, and their sentences in `lang` (the conflicts and
 * what binds, too). English by default: the words of `explain --json`. A string says why there are none.
 */
export async function explainCandidate(scenario: Scenario, selection: Selection, id: string, options: AllocateOptions = {}, lang: Lang = 'en'): Promise<Explanation | string> {
  const words = EXPLAIN_WORDS[lang];
  const index = scenario.candidates.findIndex((candidate) => candidate.id === id);
  if (index < 0) return words.noId(id);
  // Every probe scores alike: one session, so that a formula is compiled once for all of them.
  const session = options.session ?? createSession();
  const base = await allocate(scenario, selection, { ...options, ties: false, session });
  if (base.status !== 'optimal') return words.noOptimum(base.status === 'failed' ? base.reason : base.status);
  const allocation = base.allocation;
  const me = allocation.candidates.find((candidate) => candidate.id === id);
  if (me === undefined) return words.noId(id);
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
    lockedIn = await lockIn(scenario, selection, allocation, id, probe, lang);
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
  return { ...explanation, sentences: sentencesOf(explanation, scenario, words) };
}

async function lockIn(scenario: Scenario, selection: Selection, allocation: Allocation, id: string, options: AllocateOptions, lang: Lang): Promise<LockedInOutcome> {
  const words = EXPLAIN_WORDS[lang];
  const locked: Scenario = { ...scenario, locks: { ...scenario.locks, [id]: 'funded' } };
  const outcome = await allocate(locked, selection, options);
  if (outcome.status === 'infeasible') {
    const report = await explainInfeasibility(locked, solveOptionsOf(options), lang);
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
    .map((rule) => words.ruleHolds(rule.label, rule.group, rule.measure === 'count' ? String(rule.value) : words.euros(rule.value)));
  const spent = outcome.allocation;
  if (spent.total - spent.spent < spent.step) binding.unshift(words.envelopeSpent(words.euros(spent.total)));
  if (spent.laureates >= spent.laureatesMax) binding.unshift(words.atMost(spent.laureatesMax));
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

function sentencesOf(explanation: Omit<Explanation, 'sentences'>, scenario: Scenario, words: ExplainWords): string[] {
  const out: string[] = [];
  const { id, line } = explanation;
  const { points, euros } = words;
  if (explanation.funded) {
    out.push(words.funded(id, euros(explanation.grant), euros(explanation.request), points(explanation.score), explanation.rank));
    if (line !== undefined && line.score > explanation.score) out.push(words.lastFunded(line.id, points(line.score)));
    else if (line !== undefined) out.push(words.lineIs(line.id, points(line.score)));
    if (scenario.locks[id] === 'funded') out.push(words.lockedInKeeps);
    else if (explanation.scoreToLose === undefined) out.push(words.ruleKeeps);
    else out.push(words.wouldLose(explanation.scoreToLose.change, points(explanation.scoreToLose.score)));
    return out;
  }
  out.push(words.notFunded(id, points(explanation.score), explanation.rank, euros(explanation.request)));
  if (line !== undefined) {
    const gap = explanation.score - line.score;
    const versus = Math.abs(gap) < 0.005 ? words.sameScore : gap > 0 ? words.below(gap, id) : words.above(-gap, id);
    out.push(words.lineGets(line.id, points(line.score), versus, euros(line.grant)));
  }
  if (scenario.locks[id] === 'excluded') out.push(words.lockedOut);
  const locked = explanation.lockedIn;
  if (locked?.status === 'infeasible') out.push(words.cannot(locked.conflicts));
  if (locked?.status === 'optimal') {
    const leaving = locked.leaves.length === 0 ? words.nobodyLeaves : words.leave(locked.leaves.map((entry) => words.leaver(entry.id, euros(entry.grant))).join(', '));
    const cuts = words.cuts(locked.reduced.map((entry) => words.drop(entry.id, euros(entry.from), euros(entry.to))));
    const cost = locked.loss < 5e-6 ? words.costsNothing : words.costs(locked.loss);
    out.push(words.fundingIt(euros(locked.grant), cost, leaving, cuts));
    if (locked.binding.length > 0) out.push(words.holdsBack(locked.binding));
  }
  if (explanation.scoreToFund !== undefined) {
    out.push(words.scoreFunds(points(explanation.scoreToFund.score), explanation.scoreToFund.change, euros(explanation.scoreToFund.grant)));
  } else if (scenario.locks[id] !== 'excluded') {
    out.push(words.noScore);
  }
  if (explanation.requestToFund !== undefined) {
    out.push(words.requestFunds(euros(explanation.requestToFund.request), euros(explanation.requestToFund.cut), euros(explanation.requestToFund.grant)));
  } else if (scenario.locks[id] !== 'excluded') {
    out.push(words.noCut);
  }
  return out;
}
