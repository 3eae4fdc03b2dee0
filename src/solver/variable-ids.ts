/**
 * Variable names as small integers, so that the held models' reduction (held.ts) reads rows through
 * typed arrays instead of maps keyed by name. The models derived from one built model (holdOthers,
 * maximiseTotal, the tie-break's rows) share most of its terms arrays, and the models built on one
 * frame share its rows: each terms array is read into ids once (see idsOf).
 */
import type { ModelRow, ModelVariable, Term } from '../model/types.js';

/** A terms array in ids: `variables[k]` with `coefficients[k]`. */
interface TermIds {
  readonly variables: Int32Array;
  readonly coefficients: Float64Array;
  /** No variable twice: merging is a copy of the free terms. */
  readonly distinct: boolean;
}

/** What is fixed, by id: `value[v]` counts when `fixed[v]` is 1 (ids past the end are free). */
export interface FixedValues {
  readonly fixed: Uint8Array;
  readonly value: Float64Array;
}

/** Nothing fixed: the objective's terms as they are. */
const NOTHING_FIXED: FixedValues = { fixed: new Uint8Array(0), value: new Float64Array(0) };

/**
 * Rows' terms without the fixed variables (repeated terms summed, in the order each first appears),
 * and the fixed part of each row as a constant. Row r's terms are `start[r]` to `start[r + 1]`.
 */
export interface FreeTerms {
  readonly start: Int32Array;
  readonly variable: Int32Array;
  readonly coefficient: Float64Array;
  readonly constant: Float64Array;
}

export class VariableIds {
  private readonly byName = new Map<string, number>();
  readonly names: string[] = [];
  private readonly read = new WeakMap<readonly Term[], TermIds>();
  /** The last variables' names and ids, and the last rows' terms read: the next held model mostly repeats them. */
  private lastNames: readonly string[] = [];
  private lastIds = new Int32Array(0);
  private lastTerms: readonly (readonly Term[])[] = [];
  private lastRead: readonly TermIds[] = [];
  private rows: FreeTerms = freeTermsFor(0, 0);
  /** Where a variable sits in the row being merged or last opened (`slot`), valid while `mark` holds that row's pass. */
  private mark = new Int32Array(0);
  private slot = new Int32Array(0);
  private pass = 0;
  private opened: FreeTerms | undefined;
  private openedRow = -1;
  private openedPass = -1;

  get size(): number {
    return this.names.length;
  }

  /** The id of a name already met, undefined for a new one. */
  find(name: string): number | undefined {
    return this.byName.get(name);
  }

  id(name: string): number {
    let id = this.byName.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.byName.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /** The id of each variable, in order (the array is shared: not to be written). */
  variableIds(variables: readonly ModelVariable[]): Int32Array {
    const last = this.lastNames;
    // Names compared as the same strings: holdOthers copies variables, not their names.
    if (last.length !== variables.length || !variables.every((variable, i) => variable.name === last[i])) {
      this.lastNames = variables.map((variable) => variable.name);
      this.lastIds = Int32Array.from(variables, (variable) => this.id(variable.name));
    }
    return this.lastIds;
  }

  private termIds(terms: readonly Term[]): TermIds {
    let ids = this.read.get(terms);
    if (ids === undefined) {
      const variables = Int32Array.from(terms, ([name]) => this.id(name));
      ids = { variables, coefficients: Float64Array.from(terms, ([, coefficient]) => coefficient), distinct: new Set(variables).size === variables.length };
      this.read.set(terms, ids);
    }
    return ids;
  }

  /**
   * A model's rows' free terms and constants (see FreeTerms), valid until the next call: the
   * arrays are reused (held models come one after another, each as large as the call).
   */
  freeRows(rows: readonly ModelRow[], fixed: FixedValues): FreeTerms {
    const last = this.lastTerms;
    const terms: (readonly Term[])[] = new Array(rows.length);
    const read: TermIds[] = new Array(rows.length);
    // A held model repeats the last one's rows but for a few held rows in or out: look a few ahead.
    let j = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = (rows[r] as ModelRow).terms;
      let ahead = 0;
      while (ahead < 4 && last[j + ahead] !== row) ahead += 1;
      const known = ahead < 4 ? this.lastRead[j + ahead] : undefined;
      if (known !== undefined) j += ahead + 1;
      terms[r] = row;
      read[r] = known ?? this.termIds(row);
    }
    this.lastTerms = terms;
    this.lastRead = read;
    const size = read.reduce((sum, ids) => sum + ids.variables.length, 0);
    if (this.rows.variable.length < size || this.rows.start.length < rows.length + 1) this.rows = freeTermsFor(rows.length, size);
    return this.merge(read, fixed, this.rows);
  }

  /** One terms array's free terms and constant, as row 0; `fixed` may be NOTHING_FIXED. */
  freeTerms(terms: readonly Term[], fixed: FixedValues = NOTHING_FIXED): FreeTerms {
    const read = this.termIds(terms);
    return this.merge([read], fixed, freeTermsFor(1, read.variables.length));
  }

  private merge(read: readonly TermIds[], fixed: FixedValues, into: FreeTerms): FreeTerms {
    this.grow();
    // The buffers are written anew: what was opened in them no longer stands.
    this.opened = undefined;
    const { start, variable, coefficient, constant } = into;
    const { mark, slot } = this;
    const { fixed: isFixed, value } = fixed;
    let end = 0;
    start[0] = 0;
    for (let r = 0; r < read.length; r++) {
      const { variables, coefficients, distinct } = read[r] as TermIds;
      const pass = distinct ? 0 : this.nextPass();
      let sum = 0;
      for (let k = 0; k < variables.length; k++) {
        const v = variables[k] as number;
        const c = coefficients[k] as number;
        if (isFixed[v] === 1) sum += c * (value[v] as number);
        else if (!distinct && mark[v] === pass) {
          const at = slot[v] as number;
          coefficient[at] = (coefficient[at] as number) + c;
        } else {
          if (!distinct) {
            mark[v] = pass;
            slot[v] = end;
          }
          variable[end] = v;
          // 0 + c, as a sum started at 0 (a -0 coefficient reads as 0).
          coefficient[end] = 0 + c;
          end += 1;
        }
      }
      constant[r] = sum;
      start[r + 1] = end;
    }
    return into;
  }

  /**
   * The coefficient of variable v in row r of `free`, undefined when the row does not see it. It is
   * looked for beside term k first (a candidate's grants sit side by side in most rows); else the
   * row is opened: each of its variables marked with its place, once for all lookups in that row.
   */
  coefficientNear(free: FreeTerms, r: number, k: number, v: number): number | undefined {
    if (free.variable[k + 1] === v && k + 1 < (free.start[r + 1] ?? 0)) return free.coefficient[k + 1];
    if (free.variable[k - 1] === v && k - 1 >= (free.start[r] ?? 0)) return free.coefficient[k - 1];
    if (this.opened !== free || this.openedRow !== r || this.openedPass !== this.pass) {
      const pass = this.nextPass();
      for (let at = free.start[r] ?? 0; at < (free.start[r + 1] ?? 0); at++) {
        const u = free.variable[at] ?? 0;
        this.mark[u] = pass;
        this.slot[u] = at;
      }
      this.opened = free;
      this.openedRow = r;
      this.openedPass = pass;
    }
    return this.mark[v] === this.pass ? free.coefficient[this.slot[v] ?? 0] : undefined;
  }

  private nextPass(): number {
    if (this.pass === 0x7fffffff) {
      this.mark.fill(0);
      this.pass = 0;
    }
    this.pass += 1;
    return this.pass;
  }

  private grow(): void {
    if (this.mark.length >= this.names.length) return;
    const mark = new Int32Array(Math.max(this.names.length, 2 * this.mark.length));
    mark.set(this.mark);
    this.mark = mark;
    this.slot = new Int32Array(mark.length);
  }
}

function freeTermsFor(rows: number, terms: number): FreeTerms {
  return { start: new Int32Array(rows + 1), variable: new Int32Array(terms), coefficient: new Float64Array(terms), constant: new Float64Array(rows) };
}

/**
 * The ids of every model's variables: one space for the process. Names are made of candidate
 * indices and years (model/build.ts), so a space stays as large as the largest call, and the
 * models of one frame (each weighting of a tipping run, each robustness draw) read its rows into
 * ids once, where a space per model read them at every tie-break (a third of its time).
 */
const space = new VariableIds();

export function idsOf(): VariableIds {
  return space;
}
