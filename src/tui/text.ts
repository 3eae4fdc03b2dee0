/**
 * Text laid out in terminal cells: cutting and padding to a width, bars, table columns.
 * One code point is one cell here: the scenarios' names are Latin text (precomposed after NFC).
 */
import { formatEuros } from '../domain/money.js';
import { visible } from '../io/text.js';

/** Number of cells `text` takes. */
export function cells(text: string): number {
  return [...visible(text).normalize('NFC')].length;
}

/** Cuts `text` to `width` cells (ending with `…` when cut) and pads it on the right or the left. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  // Applicants' names are shown with their control bytes made visible, never obeyed by the terminal.
  const chars = [...visible(text).normalize('NFC')];
  const cut = chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : chars.join('');
  const pad = ' '.repeat(Math.max(0, width - cells(cut)));
  return align === 'left' ? cut + pad : pad + cut;
}

/**
 * Cuts `text` to `width` cells in the middle (`Pôle territorial…du Diois`), keeping its end, where
 * names that share a long beginning differ; pads it like `fit`.
 */
export function fitMiddle(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= width || width < 5) return fit(text, width, align);
  const head = Math.ceil((width - 1) * 0.45);
  const tail = width - 1 - head;
  return fit(`${chars.slice(0, head).join('').trimEnd()}…${chars.slice(chars.length - tail).join('').trimStart()}`, width, align);
}

/**
 * How each text reads cut to `width` cells: cut at the end, or in the middle when two texts cut at
 * the end would read the same.
 * @example distinctCuts(['Pôle territorial du Diois', 'Pôle territorial du Jura'], 14) // Pôle t…Diois, Pôle t…u Jura
 */
export function distinctCuts(texts: readonly string[], width: number): ReadonlyMap<string, string> {
  const ends = new Map<string, number>();
  for (const text of new Set(texts)) {
    const cut = fit(text, width).trimEnd();
    ends.set(cut, (ends.get(cut) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const text of texts) {
    const cut = fit(text, width).trimEnd();
    out.set(text, (ends.get(cut) ?? 0) > 1 ? fitMiddle(text, width).trimEnd() : cut);
  }
  return out;
}

/** Cuts `text` to `width` cells without padding. */
export function clip(text: string, width: number): string {
  return cells(text) > width ? fit(text, width) : visible(text);
}

/**
 * A horizontal bar of `width` cells filled in proportion to `value / scale`, in eighths of a cell.
 * @example bar(0.5, 1, 4) // '██  '
 */
export function bar(value: number, scale: number, width: number): string {
  if (width <= 0) return '';
  const ratio = scale > 0 ? Math.max(0, Math.min(1, value / scale)) : 0;
  const eighths = Math.round(ratio * width * 8);
  const full = Math.floor(eighths / 8);
  const rest = eighths % 8;
  const partial = rest === 0 ? '' : (['▏', '▎', '▍', '▌', '▋', '▊', '▉'][rest - 1] ?? '');
  return `${'█'.repeat(full)}${partial}`.padEnd(width, ' ');
}

/** A bar with bound marks: `│` where min and max fall (drawn over the bar). */
export function boundedBar(value: number, scale: number, width: number, min: number | undefined, max: number | undefined): string {
  const chars = [...bar(value, scale, width)].map((char) => (char === ' ' ? '·' : char));
  const mark = (bound: number | undefined): void => {
    if (bound === undefined || scale <= 0) return;
    const at = Math.min(width - 1, Math.max(0, Math.round((bound / scale) * width) - (bound > 0 ? 1 : 0)));
    chars[at] = '│';
  };
  mark(min);
  mark(max);
  return chars.join('');
}

/** Euros in a narrow place: `1 500 000 €` when it fits `width`, else `1 500 k€`, else `1,5 M€`. */
export function compactEuros(euros: number, width: number): string {
  const full = formatEuros(euros);
  if (cells(full) <= width) return full;
  const thousands = `${formatEuros(Math.round(euros / 1000)).replace(/ €$/, '')} k€`;
  if (cells(thousands) <= width) return thousands;
  return `${(euros / 1e6).toFixed(1).replace('.', ',')} M€`;
}

/** One column of a table drawn with text. */
export interface Column<Row> {
  readonly key: string;
  readonly title: string;
  readonly width: number;
  readonly align: 'left' | 'right';
  /** The column that takes the space left; at most one per table. */
  readonly flex?: boolean;
  /** Width below which a flex column makes the table drop optional columns. @default 12 */
  readonly minWidth?: number;
  /** Widest a flex column grows (its longest text): the space beyond is left empty. @default no limit */
  readonly maxWidth?: number;
  /**
   * A fixed column that may narrow down to this width when room is short: it gets its full `width`
   * back before the flex column grows past its minimum.
   */
  readonly shrinkTo?: number;
  /** Dropped first (highest first) when the table is too narrow; 0 = never dropped. @default 0 */
  readonly drop?: number;
  readonly cell: (row: Row) => string;
}

/** Gap between columns. */
export const GAP = ' ';

/**
 * Chooses the columns that fit `width`: optional columns go (highest `drop` first) until the flex
 * column gets at least its minimum (the shrinkable columns at their narrowest); then the shrinkable
 * columns get their room back, and the flex column takes what is left, up to its `maxWidth`.
 */
export function layoutColumns<Row>(columns: readonly Column<Row>[], width: number): Column<Row>[] {
  let kept = [...columns];
  const flexMin = (list: readonly Column<Row>[]): number => list.find((column) => column.flex === true)?.minWidth ?? 12;
  const narrowest = (column: Column<Row>): number => Math.min(column.width, column.shrinkTo ?? column.width);
  const fixed = (list: readonly Column<Row>[]): number => list.reduce((sum, column) => sum + (column.flex === true ? 0 : narrowest(column)), 0) + GAP.length * (list.length - 1);
  while (width - fixed(kept) < flexMin(kept)) {
    const droppable = kept.filter((column) => (column.drop ?? 0) > 0);
    if (droppable.length === 0) break;
    const highest = Math.max(...droppable.map((column) => column.drop ?? 0));
    kept = kept.filter((column) => (column.drop ?? 0) !== highest);
  }
  const flex = kept.find((column) => column.flex === true);
  const room = width - fixed(kept);
  const flexStart = flex === undefined ? 0 : Math.min(flexMin(kept), Math.max(4, room));
  let spare = Math.max(0, room - flexStart);
  const widths = new Map<Column<Row>, number>();
  for (const column of kept) {
    if (column.flex === true) continue;
    const grow = Math.min(spare, column.width - narrowest(column));
    widths.set(column, narrowest(column) + grow);
    spare -= grow;
  }
  const flexWidth = Math.min(flexStart + spare, flex?.maxWidth ?? Infinity);
  return kept.map((column) => ({ ...column, width: column.flex === true ? flexWidth : (widths.get(column) ?? column.width) }));
}

/** A row of cells joined with the gap; always exactly the table's width. */
export function tableLine<Row>(columns: readonly Column<Row>[], texts: readonly string[]): string {
  return columns.map((column, index) => fit(texts[index] ?? '', column.width, column.align)).join(GAP);
}

/**
 * Greedy word wrap to `width` cells at plain spaces only: a non-breaking space (see `keepAmountsWhole`)
 * never breaks. Words longer than a line are cut.
 */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/[ \t]+/).filter((part) => part !== '')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (cells(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') out.push(line);
      line = cells(word) > width ? fit(word, width) : word;
    }
    out.push(line);
  }
  return out;
}

/**
 * A progress bar of `width` cells: the done part in eighths of a cell, the rest dotted.
 * @example progressBar(1, 4, 8) // '██······'
 */
export function progressBar(done: number, total: number, width: number): string {
  return bar(done, total, width).replace(/ /g, '·');
}

/** A share of the weight as the views write it: `25 %`, `58.3 %` (one decimal only when needed). */
export function shareText(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)} %`;
}

/** The no-break space that holds an amount together when text wraps. */
export const NBSP = '\u00A0';

/**
 * Joins the parts of each amount with no-break spaces, so that wrapping never splits one:
 * `100 000 €`, `≤ 20 000 €`, `2,5 M€`, `12 laureates` stay on one line.
 */
export function keepAmountsWhole(text: string): string {
  return text
    .replace(/(\d) (?=\d{3}(?!\d))/g, `$1${NBSP}`)
    .replace(/(\d) (?=(?:k|M)?€|%)/g, `$1${NBSP}`)
    .replace(/([≤≥<>=×]) (?=\d)/g, `$1${NBSP}`);
}
