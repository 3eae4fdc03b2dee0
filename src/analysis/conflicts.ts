/**
 * Why no allocation satisfies the rules: cheap sums said in plain words first, then a smallest
 * set of conflicting constraints found by a deletion filter: drop each constraint in turn and keep
 * it dropped while the rest stays infeasible. What remains is infeasible, and dropping any one
 * member makes it feasible (an irreducible infeasible subset, over the funder's constraints).
 */
import type { Lang } from '../domain/lang.js';
import type { Lock, Scenario } from '../domain/types.js';
import { buildModel, capUnits, floorUnits, isEligible, ruleGroups } from '../model/build.js';
import type { AllocationModel, ModelRow } from '../model/types.js';
import { solveModel } from '../solver/solve.js';
import type { SolveOptions } from '../solver/types.js';
import { CONFLICT_WORDS, type ConflictWords } from './conflict-words.js';

/** One constraint of the funder's, as people name it. */
export interface ConflictItem {
  readonly kind: 'envelope' | 'year' | 'laureates' | 'floor' | 'cap' | 'rule' | 'lock';
  readonly label: string;
  /** What would relax it. */
  readonly fix: string;
  /** A rule's bound for one group: lets a reader group the same bound over many groups. */
  readonly bound?: { readonly rule: number; readonly label: string; readonly group: string; readonly side: 'lower' | 'upper'; readonly measure: 'count' | 'euros'; readonly value: number };
}

export interface ConflictReport {
  /** Sums that already fail, e.g. "grant floor 72 000 € × 23 required laureates = 1 656 000 €, above the envelope of 1 500 000 €". */
  readonly sums: readonly string[];
  /** A smallest set of constraints that conflict. */
  readonly conflicting: readonly ConflictItem[];
  /** What would fix it, in words. */
  readonly fixes: readonly string[];
}

/** A droppable side of one or more rows. */
interface Item extends ConflictItem {
  /** Which rows and sides the item stands for. */
  readonly rows: readonly { readonly name: string; readonly side: 'lower' | 'upper' | 'both' }[];
  /** Which year, lock or laureate bound a repair changes (the label is words, in the user's language). */
  readonly year?: string;
  readonly lockOf?: string;
  readonly atLeast?: boolean;
}

/**
 * Explains an infeasible scenario, in `lang` (English by default: the JSON's words). Resolves to an
 * empty report if the scenario is in fact feasible.
 */
export async function explainInfeasibility(scenario: Scenario, options: Partial<SolveOptions> = {}, lang: Lang = 'en'): Promise<ConflictReport> {
  const words = CONFLICT_WORDS[lang];
  const sums = cheapSums(scenario, lang);
  // Feasibility does not depend on scores: a zero objective keeps each test quick.
  const model = buildModel(scenario, scenario.candidates.map(() => 0), { returns: [] });
  const items = itemsOf(scenario, model, words);
  const settings: Partial<SolveOptions> = { engine: 'highs', timeLimitMs: 5_000, ...options };
  const feasible = async (kept: readonly Item[]): Promise<boolean> => {
    const outcome = await solveModel(withOnly(model, items, kept), settings);
    return outcome.status === 'optimal' || outcome.status === 'feasible';
  };
  if (await feasible(items)) return { sums: [], conflicting: [], fixes: [] };
  let kept = [...items];
  for (const item of items) {
    const without = kept.filter((other) => other !== item);
    if (!(await feasible(without))) kept = without;
  }
  const conflicting = kept.map(({ kind, label, fix, bound }) => (bound === undefined ? { kind, label, fix } : { kind, label, fix, bound }));
  // A repair is printed only once re-solving the whole scenario with it applied finds an allocation:
  // dropping a member of the conflicting set is not always a change the funder can make (raising the
  // envelope cannot help shares that add up to 105 %, since shares grow with it).
  const fixes: string[] = [];
  for (const item of kept) {
    const repaired = repairedModel(scenario, model, items, item);
    if (repaired !== undefined && (await solveModel(repaired, settings)).status === 'optimal') fixes.push(item.fix);
  }
  if (fixes.length === 0) fixes.push(words.noSingleFix);
  return { sums, conflicting, fixes };
}

/**
 * The model of the scenario with the repair an item suggests actually made: the scenario changed
 * (envelope, ceilings, laureates, grant bounds, locks) and rebuilt, or, for a rule bound, that one
 * bound removed. Undefined when the repair cannot be expressed.
 */
function repairedModel(scenario: Scenario, model: AllocationModel, items: readonly Item[], item: Item): AllocationModel | undefined {
  const everything = scenario.candidates.reduce((sum, candidate) => sum + candidate.request, 0);
  const rebuilt = (changed: Scenario): AllocationModel => buildModel(changed, changed.candidates.map(() => 0), { returns: [] });
  switch (item.kind) {
    case 'envelope':
      return rebuilt({ ...scenario, envelope: { ...scenario.envelope, total: Math.max(scenario.envelope.total, everything) * 2 } });
    case 'year': {
      const year = scenario.envelope.years.find((entry) => entry.year === item.year);
      if (year === undefined) return undefined;
      const years = scenario.envelope.years.map((entry) => (entry === year ? { ...entry, ceiling: Math.max(entry.ceiling, everything) * 2 } : entry));
      return rebuilt({ ...scenario, envelope: { ...scenario.envelope, years } });
    }
    case 'laureates':
      return rebuilt({ ...scenario, laureates: item.atLeast === true ? { ...scenario.laureates, min: 0 } : { ...scenario.laureates, max: scenario.candidates.length } });
    case 'floor':
      return rebuilt({ ...scenario, grant: { ...scenario.grant, min: 0 } });
    case 'cap':
      return rebuilt({ ...scenario, grant: { ...scenario.grant, max: Math.max(scenario.grant.max, ...scenario.candidates.map((candidate) => candidate.request)) } });
    case 'lock': {
      const locks = Object.assign(Object.create(null) as Record<string, Lock>, scenario.locks);
      if (item.lockOf !== undefined) delete locks[item.lockOf];
      return rebuilt({ ...scenario, locks });
    }
    case 'rule':
      return withOnly(model, items, items.filter((other) => other !== item));
  }
}

/** The model with every item not in `kept` relaxed (its rows, or their bound side, removed). */
function withOnly(model: AllocationModel, items: readonly Item[], kept: readonly Item[]): AllocationModel {
  const keptSet = new Set(kept);
  const dropped = new Map<string, Set<'lower' | 'upper'>>();
  for (const item of items) {
    if (keptSet.has(item)) continue;
    for (const { name, side } of item.rows) {
      const sides = dropped.get(name) ?? new Set();
      if (side === 'both' || side === 'lower') sides.add('lower');
      if (side === 'both' || side === 'upper') sides.add('upper');
      dropped.set(name, sides);
    }
  }
  const rows: ModelRow[] = [];
  for (const row of model.rows) {
    const sides = dropped.get(row.name);
    if (sides === undefined) {
      rows.push(row);
      continue;
    }
    const lower = sides.has('lower') ? undefined : row.lower;
    const upper = sides.has('upper') ? undefined : row.upper;
    if (lower !== undefined || upper !== undefined) rows.push({ ...row, lower, upper });
  }
  return { ...model, rows };
}

function itemsOf(scenario: Scenario, model: AllocationModel, words: ConflictWords): Item[] {
  const euros = words.euros;
  const items: Item[] = [];
  const rowsOf = (predicate: (row: ModelRow) => boolean, side: 'lower' | 'upper' | 'both') => model.rows.filter(predicate).map((row) => ({ name: row.name, side }));
  const { total } = scenario.envelope;
  items.push({ kind: 'envelope', label: words.envelope.label(euros(total)), fix: words.envelope.fix(euros(total)), rows: rowsOf((row) => row.origin.kind === 'total', 'upper') });
  for (const { year, ceiling } of scenario.envelope.years) {
    items.push({ kind: 'year', label: words.year.label(year, euros(ceiling)), fix: words.year.fix(year, euros(ceiling)), rows: rowsOf((row) => row.origin.kind === 'year' && row.origin.year === year, 'upper'), year });
  }
  if (scenario.laureates.min > 0) {
    items.push({ kind: 'laureates', label: words.atLeast.label(scenario.laureates.min), fix: words.atLeast.fix(scenario.laureates.min), rows: rowsOf((row) => row.origin.kind === 'laureates', 'lower'), atLeast: true });
  }
  items.push({ kind: 'laureates', label: words.atMost.label(scenario.laureates.max), fix: words.atMost.fix(scenario.laureates.max), rows: rowsOf((row) => row.origin.kind === 'laureates', 'upper') });
  items.push({ kind: 'floor', label: words.floor.label(euros(scenario.grant.min)), fix: words.floor.fix(euros(scenario.grant.min)), rows: rowsOf((row) => row.origin.kind === 'floor', 'lower') });
  items.push({ kind: 'cap', label: words.cap.label(euros(scenario.grant.max)), fix: words.cap.fix(euros(scenario.grant.max)), rows: rowsOf((row) => row.origin.kind === 'cap', 'upper') });
  for (const row of model.rows) {
    const origin = row.origin;
    if (origin.kind === 'lock') {
      const candidate = scenario.candidates[origin.candidate];
      const lock = candidate === undefined ? undefined : scenario.locks[candidate.id];
      const id = candidate?.id ?? '?';
      items.push({ kind: 'lock', label: words.lock.label(id, lock === 'excluded'), fix: words.lock.fix(id), rows: [{ name: row.name, side: 'both' }], ...(candidate === undefined ? {} : { lockOf: candidate.id }) });
    }
    if (origin.kind === 'rule') {
      const rule = scenario.rules[origin.rule];
      if (rule === undefined) continue;
      const bounds = origin.measure === 'count' ? rule.count : origin.measure === 'share' ? rule.share : rule.amount;
      const show = (value: number | undefined): string => (value === undefined ? '' : origin.measure === 'count' ? String(value) : euros(value * scenario.grant.step));
      for (const side of ['lower', 'upper'] as const) {
        const bound = side === 'lower' ? row.lower : row.upper;
        if (bound === undefined || (side === 'lower' && bounds?.min === undefined) || (side === 'upper' && bounds?.max === undefined)) continue;
        const sign = side === 'lower' ? '≥' : '≤';
        items.push({
          kind: 'rule',
          label: words.rule.label(rule.label, origin.group, `${sign} ${show(bound)}`),
          fix: words.rule.fix(side === 'lower', rule.label, origin.group, `${sign} ${show(bound)}`),
          rows: [{ name: row.name, side }],
          bound: { rule: origin.rule, label: rule.label, group: origin.group, side, measure: origin.measure === 'count' ? 'count' : 'euros', value: origin.measure === 'count' ? bound : bound * scenario.grant.step },
        });
      }
    }
  }
  return items.filter((item) => item.rows.length > 0);
}

/** Sums that fail before any solve, in the committee's words, in `lang`. */
export function cheapSums(scenario: Scenario, lang: Lang = 'en'): string[] {
  const words = CONFLICT_WORDS[lang];
  const { euros, share: formatShare } = words;
  const sums: string[] = [];
  const floor = floorUnits(scenario) * scenario.grant.step;
  const { min: required, max: allowed } = scenario.laureates;
  const eligible = scenario.candidates.filter((candidate) => isEligible(scenario, candidate));
  const spendable = Math.min(scenario.envelope.total, scenario.envelope.years.length > 0 ? scenario.envelope.years.reduce((sum, entry) => sum + entry.ceiling, 0) : Infinity);
  if (required * floor > spendable) {
    sums.push(words.floorTimesRequired(euros(floor), required, euros(required * floor), euros(spendable)));
  }
  if (eligible.length < required) {
    sums.push(words.tooFewEligible(eligible.length, euros(floor), required));
  }
  const lockedIn = scenario.candidates.filter((candidate) => scenario.locks[candidate.id] === 'funded');
  if (lockedIn.length > allowed) sums.push(words.lockedAboveMax(lockedIn.length, allowed));
  if (lockedIn.length * floor > spendable) {
    sums.push(words.lockedTimesFloor(lockedIn.length, euros(floor), euros(lockedIn.length * floor), euros(spendable)));
  }
  for (const candidate of lockedIn) {
    if (!eligible.includes(candidate)) sums.push(words.lockedBelowFloor(candidate.id, euros(candidate.request), euros(floor)));
  }
  scenario.rules.forEach((rule, ruleIndex) => {
    // One rule's groups are disjoint: their minimum shares cannot add up to more than the whole.
    const groups = ruleGroups(scenario, ruleIndex);
    const minShares = rule.share?.min === undefined ? 0 : rule.share.min * groups.length;
    if (groups.length > 1 && minShares > 1 + 1e-9) {
      sums.push(words.sharesExceed(rule.label, formatShare(rule.share?.min ?? 0), groups.length, formatShare(minShares)));
    }
    for (const group of groups) {
      const members = group.members.map((member) => scenario.candidates[member]).filter((candidate) => candidate !== undefined && eligible.includes(candidate));
      const reachable = members.reduce((sum, candidate) => sum + capUnits(scenario, candidate?.request ?? 0) * scenario.grant.step, 0);
      const needed = Math.max(rule.share?.min === undefined ? 0 : rule.share.min * scenario.envelope.total, rule.amount?.min ?? 0);
      if (needed > reachable) {
        sums.push(words.groupNeeds(rule.label, euros(needed), group.label, members.length, euros(reachable)));
      }
      if (rule.count?.min !== undefined && rule.count.min > members.length) {
        sums.push(words.groupCount(rule.label, rule.count.min, group.label, members.length));
      }
    }
  });
  return sums;
}
