/**
 * Whom the canonical tie-break (canonical.ts) moves, in which classes, and which of them can gain.
 *
 * At the exact optimum, money can move between candidates of different scores as well as equal ones
 * (48 × 90,000 = 36 × 120,000 under a laureate cap): the rule then runs over every candidate the
 * optimal face (face.ts) leaves free, as one class, and the face's ranges become rows of the
 * tie-break's models. The tie search (which holds all but one class), a solve with a gap (whose
 * face is as wide as the gap) and, for now, a policy with return tiers keep the classes of equal score.
 */
import { totalOf, totalTerms } from '../model/totals.js';
import type { AllocationModel, ModelRow } from '../model/types.js';
import { faceRanges, type FaceRange, type FaceRanges } from './face.js';

/** The classes of equal value, by key, each in the order given. */
export function classesByKey(priority: readonly number[], tieKey: (candidate: number) => string): Map<string, number[]> {
  const classes = new Map<string, number[]>();
  for (const candidate of priority) {
    const key = tieKey(candidate);
    const members = classes.get(key);
    if (members === undefined) classes.set(key, [candidate]);
    else members.push(candidate);
  }
  return classes;
}

/** What tieClasses needs: `floor` is the optimum less its slack (score points × steps), undefined with a gap. */
interface TieSetting {
  readonly model: AllocationModel;
  readonly priority: readonly number[];
  readonly tieKey: (candidate: number) => string;
  readonly movable: ReadonlySet<number> | undefined;
  readonly values: ReadonlyMap<string, number>;
  readonly floor: number | undefined;
  readonly timeLimitMs: number;
}

/**
 * Each candidate's class when the tie-break moves it (`moves`; undefined when it stays), the face's
 * ranges when there is a face, and the rows that keep each free candidate within its range: they
 * cost nothing (every optimal allocation meets them) and spare the tie-break's MILPs from proving
 * them again.
 */
export async function tieClasses(setting: TieSetting): Promise<{ moves: (candidate: number) => readonly number[] | undefined; ranges: FaceRanges | undefined; faceRows: ModelRow[] }> {
  const { model, priority, tieKey, movable } = setting;
  // With return tiers the face is wide (on the 2013 call under emploi, 20 to 28 candidates free,
  // each proof 5 to 230 ms: a second a weight change): those policies keep the classes for now.
  const withTiers = model.candidates.some((candidate) => candidate.tiers.length > 0);
  const ranges = movable === undefined && setting.floor !== undefined && !withTiers ? await faceRanges(model, model.unit * setting.floor, setting.values, setting.timeLimitMs) : undefined;
  const free = (candidate: number): boolean => {
    const range = ranges?.byCandidate.get(candidate);
    return range === undefined || range.low < range.high;
  };
  const keyOf = ranges === undefined ? tieKey : (candidate: number): string => (free(candidate) ? 'face' : `pinned ${candidate}`);
  const classes = classesByKey(priority, keyOf);
  const moves = (candidate: number): readonly number[] | undefined => {
    const members = classes.get(keyOf(candidate)) ?? [];
    const open = (movable === undefined || movable.has(candidate)) && free(candidate);
    // A candidate of no value (score 0) may take unspent money at no cost: its grant is free even alone.
    return open && (members.length >= 2 || model.candidates[candidate]?.score === 0) ? members : undefined;
  };
  const faceRows = ranges === undefined ? [] : priority.filter(free).map((candidate) => faceRow(model, candidate, ranges.byCandidate.get(candidate)));
  return { moves, ranges, faceRows };
}

/** A row: candidate's total grant within its range on the optimal face. */
function faceRow(model: AllocationModel, candidate: number, range: FaceRange | undefined): ModelRow {
  return { name: `face_${candidate}`, terms: totalTerms(model.candidates[candidate]), lower: range?.low, upper: range?.high, origin: { kind: 'settled', candidate } };
}

/**
 * Whether a candidate can gain among the optimal allocations that keep those before it: below its
 * cap (and its range on the face), and, but for a candidate of no value (which may take unspent
 * money), with a later member of its class, of some value, that can give money up. On the face, the
 * gain and that loss must also fit in the room together: each takes its part of it (face.ts), and
 * no allocation's parts add up to more than the room.
 */
export function canGain(model: AllocationModel, candidate: number, members: readonly number[], values: ReadonlyMap<string, number>, ranges: FaceRanges | undefined): boolean {
  const total = (index: number): number => totalOf(model, index, values);
  const range = (index: number): FaceRange | undefined => ranges?.byCandidate.get(index);
  const now = total(candidate);
  const highest = Math.min(largestTotal(model, candidate), range(candidate)?.high ?? Infinity);
  if (now >= highest) return false;
  if (model.candidates[candidate]?.score === 0) return true;
  const gainPart = range(candidate)?.part(now + 1, highest) ?? 0;
  return members.slice(members.indexOf(candidate) + 1).some((other) => {
    const then = total(other);
    const low = range(other)?.low ?? 0;
    if (then <= low || model.candidates[other]?.score === 0) return false;
    return ranges === undefined || gainPart + (range(other)?.part(low, then - 1) ?? 0) <= ranges.room;
  });
}

/**
 * The largest total a candidate's grants can reach (model/build.ts reachableUnits): below its cap
 * when its years' requests are (on the hard 1,000-candidate call, the tie-break solved such
 * candidates' held models only to find them at their largest already).
 */
export function largestTotal(model: AllocationModel, candidate: number): number {
  return model.candidates[candidate]?.reachUnits ?? 0;
}

/** What fundingAllowed reads of the tie-break's state, for the allocation in hand (fundingState). */
export interface FundingState {
  readonly model: AllocationModel;
  readonly values: ReadonlyMap<string, number>;
  /** How many laureates the allocation in hand names, and the most the call allows (undefined: no limit). */
  readonly laureates: number;
  readonly laureatesMax: number | undefined;
  /** By how many score points × steps the allocation in hand may still lose (the optimum row's slack left). */
  readonly objectiveSlack: number;
}

/**
 * Whether an unfunded candidate of a class of one score could be funded among the allocations its
 * held model allows (everyone outside the class held, funded or not, at their totals; the earlier
 * members at least at theirs). When the call already names all the laureates it may, the class keeps
 * at most as many funded members as it has, those before the candidate with money among them: the
 * most the class can then hold is their largest totals, the candidate's and the largest of the
 * others' up to that count. Every euro of the class counts the same score, so the class may not lose
 * more than the optimum row's slack: below that, the candidate cannot be funded and the held model
 * need not be built and solved (on the hard 1,000-candidate call, most of the tie-break's solves
 * found exactly that). True whenever this cannot tell (the solver decides).
 */
export function fundingAllowed(state: FundingState, candidate: number, members: readonly number[]): boolean {
  const { model, values, laureates, laureatesMax, objectiveSlack } = state;
  if (laureatesMax === undefined || laureates < laureatesMax) return true;
  const score = model.candidates[candidate]?.score ?? 0;
  if (!(score > 0) || members.some((member) => model.candidates[member]?.score !== score || (model.candidates[member]?.tiers.length ?? 0) > 0)) return true;
  const total = (index: number): number => totalOf(model, index, values);
  const place = members.indexOf(candidate);
  let funded = 0;
  let classTotal = 0;
  for (const member of members) {
    funded += Math.round(values.get(model.candidates[member]?.funded ?? '') ?? 0);
    classTotal += total(member);
  }
  let most = largestTotal(model, candidate);
  let kept = 1;
  const others: number[] = [];
  members.forEach((member, i) => {
    if (member === candidate) return;
    if (i < place && total(member) > 0) {
      most += largestTotal(model, member);
      kept += 1;
    } else others.push(largestTotal(model, member));
  });
  if (kept > funded) return false;
  others.sort((a, b) => b - a);
  for (let i = 0; i < funded - kept && i < others.length; i++) most += others[i] ?? 0;
  // A margin over the round-off of the objective's sum: pruning only what surely cannot be.
  return most >= classTotal - objectiveSlack / score - 1e-3;
}

/**
 * The state fundingAllowed reads, for an allocation: its laureates against the call's most, and
 * `objectiveSlack`, by how much its objective may still fall (score points × steps; the caller
 * knows its objective already).
 */
export function fundingState(model: AllocationModel, values: ReadonlyMap<string, number>, objectiveSlack: number): FundingState {
  const row = model.rows.find((candidate) => candidate.origin.kind === 'laureates');
  let laureates = 0;
  for (const [variable, coefficient] of row?.terms ?? []) laureates += coefficient * Math.round(values.get(variable) ?? 0);
  return { model, values, laureates, laureatesMax: row?.upper, objectiveSlack: Math.max(0, objectiveSlack) };
}
