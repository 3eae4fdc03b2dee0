/**
 * The held models' reduction (held.ts) groups held candidates by the rows that see one of their
 * grants alone; this keeps those lists as numbers, so that grouping compares numbers, not strings.
 */

/**
 * Each grant's signature: the rows that see it alone, with their coefficients, in row order. A
 * signature is a node of a trie (0: no row), so that equal signatures are one number; its text
 * (`row:coefficient row:coefficient`) orders a pair's grants.
 */
export class Signatures {
  private readonly node: Int32Array;
  private readonly parent: number[] = [0];
  private readonly entry: string[] = [''];
  private readonly texts: (string | undefined)[] = [''];
  /** Child nodes by parent × `stride` + entry number (an entry is one row with one coefficient). */
  private readonly children = new Map<number, number>();
  private readonly stride: number;
  private entryRow = -1;
  private readonly entryOf = new Map<number, number>();
  private entries = 0;

  /** `size` variables; at most `terms` entries. */
  constructor(size: number, terms: number) {
    this.node = new Int32Array(size);
    this.stride = terms + 1;
  }

  get count(): number {
    return this.parent.length;
  }

  of(v: number): number {
    return this.node[v] ?? 0;
  }

  /** Row `row` sees variable v alone, with this coefficient (rows come in order). */
  add(v: number, row: number, coefficient: number): void {
    if (row !== this.entryRow) {
      this.entryRow = row;
      this.entryOf.clear();
    }
    // One entry per row and coefficient as written (0 and -0 alike).
    let entry = this.entryOf.get(coefficient);
    if (entry === undefined) {
      entry = this.entries++;
      this.entryOf.set(coefficient, entry);
    }
    const from = this.of(v);
    let child = this.children.get(from * this.stride + entry);
    if (child === undefined) {
      child = this.parent.length;
      this.parent.push(from);
      this.entry.push(`${row}:${coefficient}`);
      this.children.set(from * this.stride + entry, child);
    }
    this.node[v] = child;
  }

  text(node: number): string {
    const known = this.texts[node];
    if (known !== undefined) return known;
    const parent = this.parent[node] ?? 0;
    const text = parent === 0 ? this.entry[node] ?? '' : `${this.text(parent)} ${this.entry[node] ?? ''}`;
    this.texts[node] = text;
    return text;
  }
}
