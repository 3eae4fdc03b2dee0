import type { AllocationModel, ModelRow, ModelVariable, Term } from './types.js';

/**
 * Second stage, for calls with year ceilings: the optimum fixes each candidate's total grant, but
 * usually leaves its split between years free, and a solver returns an arbitrary corner
 * (174 000 € in 2013, 1 000 € in 2014). This model keeps every total and every ceiling and splits
 * each grant as close as it can to the candidate's own per-year requests (or to the ceilings'
 * proportions), minimising Σ |g_i,t − target_i,t|. The objective of the allocation is unchanged:
 * it depends on totals only.
 */
export function buildYearSplit(allocationModel: AllocationModel, values: ReadonlyMap<string, number>, targets: (candidate: number, total: number) => readonly number[]): AllocationModel {
  const variables: ModelVariable[] = [];
  const rows: ModelRow[] = [];
  const objective: Term[] = [];
  const years = allocationModel.candidates[0]?.grants.map((grant) => grant.year) ?? [];
  const byYear = new Map<string, Term[]>(years.map((year) => [year, []]));
  const bounds = new Map(allocationModel.variables.map((variable) => [variable.name, variable.upper]));
  const candidates = allocationModel.candidates.filter((candidate) => candidate.grants.some((grant) => (values.get(grant.variable) ?? 0) > 0));
  for (const candidate of candidates) {
    const total = candidate.grants.reduce((sum, grant) => sum + (values.get(grant.variable) ?? 0), 0);
    const target = targets(candidate.index, total);
    candidate.grants.forEach((grant, position) => {
      const deviation = `d_${grant.variable.slice(2)}`;
      variables.push({ name: grant.variable, kind: 'integer', lower: 0, upper: bounds.get(grant.variable) });
      variables.push({ name: deviation, kind: 'continuous', lower: 0, upper: undefined });
      objective.push([deviation, -1]);
      const wanted = target[position] ?? 0;
      // |g − target| ≤ d, written as two rows.
      rows.push({ name: `over_${grant.variable}`, terms: [[grant.variable, 1], [deviation, -1]], lower: undefined, upper: wanted, origin: { kind: 'cap', candidate: candidate.index } });
      rows.push({ name: `under_${grant.variable}`, terms: [[grant.variable, 1], [deviation, 1]], lower: wanted, upper: undefined, origin: { kind: 'floor', candidate: candidate.index } });
      byYear.get(grant.year)?.push([grant.variable, 1]);
    });
    rows.push({ name: `keep_${candidate.index}`, terms: candidate.grants.map((grant): Term => [grant.variable, 1]), lower: total, upper: total, origin: { kind: 'returns', candidate: candidate.index } });
  }
  for (const row of allocationModel.rows) {
    if (row.origin.kind === 'year') rows.push({ ...row, terms: byYear.get(row.origin.year) ?? [] });
  }
  return {
    unit: allocationModel.unit,
    variables,
    objective,
    rows,
    candidates: candidates.map((candidate) => ({ ...candidate })),
    comments: ['enveloppe year split: the same totals, split between years as close as possible to the requests'],
  };
}

/**
 * The same split for a two-year call, exact and canonical without a solver: with each total fixed,
 * a candidate's deviation is 2·|g_1 − target_1|, a convex function of its first-year grant alone,
 * and the ceilings bound Σ g_1 from both sides. Each candidate starts at its nearest whole step
 * (ties down); while a ceiling is exceeded, the cheapest step moves year (equal costs: the earlier
 * candidate first). Greedy steps are optimal for a separable convex sum under one sum constraint,
 * and the order of equal costs makes the answer the same on every engine.
 */
export function splitTwoYears(
  allocationModel: AllocationModel,
  values: ReadonlyMap<string, number>,
  targets: (candidate: number, total: number) => readonly number[],
  ceilings: readonly [number, number],
): Map<string, number> | undefined {
  const bounds = new Map(allocationModel.variables.map((variable) => [variable.name, variable.upper]));
  const split = new Map<string, number>();
  const items: { first: string; second: string; total: number; target: number; low: number; high: number; value: number }[] = [];
  for (const candidate of allocationModel.candidates) {
    const [first, second] = candidate.grants;
    if (first === undefined || second === undefined) return undefined;
    const total = Math.round(values.get(first.variable) ?? 0) + Math.round(values.get(second.variable) ?? 0);
    if (total === 0) {
      split.set(first.variable, 0);
      split.set(second.variable, 0);
      continue;
    }
    const target = targets(candidate.index, total)[0] ?? 0;
    const low = Math.max(0, total - (bounds.get(second.variable) ?? total));
    const high = Math.min(bounds.get(first.variable) ?? total, total);
    const nearest = Math.abs(target - Math.floor(target) - 0.5) < 1e-9 ? Math.floor(target) : Math.round(target);
    items.push({ first: first.variable, second: second.variable, total, target, low, high, value: Math.min(high, Math.max(low, nearest)) });
  }
  const sum = (): number => items.reduce((acc, item) => acc + item.value, 0);
  const totals = items.reduce((acc, item) => acc + item.total, 0);
  const cost = (item: (typeof items)[number], value: number): number => Math.abs(value - item.target);
  // Move steps one at a time in the direction the violated ceiling asks, cheapest first.
  const move = (direction: 1 | -1, steps: number): boolean => {
    const heap = new MinHeap<number>((a, b) => marginal(a) - marginal(b) || a - b);
    const marginal = (index: number): number => {
      const item = items[index] as (typeof items)[number];
      return cost(item, item.value + direction) - cost(item, item.value);
    };
    const movable = (index: number): boolean => {
      const item = items[index] as (typeof items)[number];
      return direction === 1 ? item.value < item.high : item.value > item.low;
    };
    items.forEach((_, index) => movable(index) && heap.push(index));
    for (let step = 0; step < steps; step++) {
      const index = heap.pop();
      if (index === undefined) return false;
      (items[index] as (typeof items)[number]).value += direction;
      if (movable(index)) heap.push(index);
    }
    return true;
  };
  const [firstCeiling, secondCeiling] = ceilings;
  const over = sum() - firstCeiling;
  if (over > 0 && !move(-1, over)) return undefined;
  const under = totals - secondCeiling - sum();
  if (under > 0 && !move(1, under)) return undefined;
  for (const item of items) {
    split.set(item.first, item.value);
    split.set(item.second, item.total - item.value);
  }
  return split;
}

/** A binary heap; the comparator must be consistent while an element is inside. */
class MinHeap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => number) {}
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.before(items[at] as T, items[parent] as T) >= 0) break;
      [items[at], items[parent]] = [items[parent] as T, items[at] as T];
      at = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let best = at;
        if (left < items.length && this.before(items[left] as T, items[best] as T) < 0) best = left;
        if (right < items.length && this.before(items[right] as T, items[best] as T) < 0) best = right;
        if (best === at) break;
        [items[at], items[best]] = [items[best] as T, items[at] as T];
        at = best;
      }
    }
    return top;
  }
}
