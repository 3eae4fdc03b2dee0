/**
 * A held model's answers read for the whole model (held.ts): the solved values, the fixed ones, and
 * each class of held pairs shared out between its candidates. With the types the reduction builds
 * and reads them with.
 */
import type { FixedValues, VariableIds } from './variable-ids.js';

/** A held candidate's fixed total over two grants (variable ids); `low..high` is what `first` can take with `second` within its bounds. */
export interface Pair {
  readonly row: number;
  readonly first: number;
  readonly second: number;
  readonly total: number;
  readonly low: number;
  readonly high: number;
}

/** Held candidates whose grants meet the same rows with the same coefficients, and the two variables standing for them. */
export interface PairClass {
  readonly pairs: Pair[];
  readonly first: string;
  readonly second: string;
  /** False when no row but their own sees these grants: the class needs no variable. */
  readonly seen: boolean;
}

/** A held grant: its pair (oriented as its class has it), its class, and whether it is the pair's first. */
export interface HeldGrant {
  readonly pair: Pair;
  readonly classed: PairClass;
  readonly first: boolean;
}

/** What rows are read against: the ids, the fixed values, and the held grants by id. */
export interface Held {
  readonly ids: VariableIds;
  readonly fixed: FixedValues;
  readonly grants: ReadonlyMap<number, HeldGrant>;
}

/** What the small model's answers are read back with (WholeValues). */
export interface Expansion {
  readonly held: Held;
  /** The fixed variables, in the order of the model's. */
  readonly fixedOrder: readonly number[];
  readonly classes: readonly PairClass[];
  /** The classes' variables: in the small model's answers, not in the whole model's. */
  readonly classVariables: ReadonlySet<string>;
}

/**
 * The whole model's values, read through the reduction rather than copied into a map: the solved
 * ones, the fixed ones, and each class's first-grant sum shared out in order. A held model fixes
 * tens of thousands of variables: a copy per solve cost more than the reduction itself. Listed in
 * the order such a copy had: solved, fixed, then the held pairs class by class.
 */
export class WholeValues implements ReadonlyMap<string, number> {
  /** By id, each held grant's share of its class: worked out when first read (a held base holds thousands). */
  private sharedValues: Float64Array | undefined;
  private sizeValue: number | undefined;

  constructor(
    private readonly solved: ReadonlyMap<string, number>,
    private readonly expansion: Expansion,
  ) {}

  private get shared(): Float64Array {
    if (this.sharedValues !== undefined) return this.sharedValues;
    const shared = new Float64Array(this.expansion.held.ids.size);
    for (const classed of this.expansion.classes) {
      const low = classed.pairs.reduce((sum, pair) => sum + pair.low, 0);
      let extra = classed.seen ? Math.round(this.solved.get(classed.first) ?? low) - low : 0;
      for (const pair of classed.pairs) {
        const take = Math.max(0, Math.min(extra, pair.high - pair.low));
        extra -= take;
        shared[pair.first] = pair.low + take;
        shared[pair.second] = pair.total - pair.low - take;
      }
    }
    this.sharedValues = shared;
    return shared;
  }

  get size(): number {
    if (this.sizeValue !== undefined) return this.sizeValue;
    const { classes, classVariables, fixedOrder } = this.expansion;
    let kept = 0;
    for (const name of this.solved.keys()) if (!classVariables.has(name)) kept += 1;
    this.sizeValue = kept + fixedOrder.length + 2 * classes.reduce((sum, classed) => sum + classed.pairs.length, 0);
    return this.sizeValue;
  }

  get(name: string): number | undefined {
    const { held, classVariables } = this.expansion;
    const v = held.ids.find(name);
    if (v !== undefined && held.grants.has(v)) return this.shared[v];
    if (v !== undefined && held.fixed.fixed[v] === 1) return held.fixed.value[v];
    return classVariables.has(name) ? undefined : this.solved.get(name);
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    const { held, fixedOrder, classes, classVariables } = this.expansion;
    const { names } = held.ids;
    for (const [name, value] of this.solved) if (!classVariables.has(name)) yield [name, value];
    for (const v of fixedOrder) yield [names[v] ?? '', held.fixed.value[v] ?? 0];
    for (const classed of classes) {
      for (const pair of classed.pairs) {
        yield [names[pair.first] ?? '', this.shared[pair.first] ?? 0];
        yield [names[pair.second] ?? '', this.shared[pair.second] ?? 0];
      }
    }
  }

  *keys(): MapIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): MapIterator<number> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, name: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    for (const [name, value] of this.entries()) callback.call(thisArg, value, name, this);
  }
}
