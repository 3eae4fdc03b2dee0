/**
 * Compare (5): the current allocation beside every other policy's (or beside the reference set
 * with `c`), lined up by `lineUp`: one row per candidate with its grant under each, the change and
 * the rank change from the chosen column to the current edits (the allocation view's convention:
 * from the reference to the current); who enters and who leaves; totals by region and rule group.
 * The title stays; the rest scrolls.
 */
import type { Allocation } from '../../domain/allocation.js';
import { lineUp, type ComparedCandidate, type Comparison } from '../../analysis/compare.js';
import type { Lang } from '../../domain/lang.js';
import { changeColor, changeOf, formatChange, type Change } from '../changes.js';
import { analysisResult } from '../runs/state.js';
import { isStale } from '../selectors.js';
import type { TuiState } from '../state.js';
import { bar, cells, distinctCuts, fit, GAP, layoutColumns, tableLine, wrapText, type Column } from '../text.js';
import type { Area, Line, Segment, Shown } from '../lines.js';
import { runStatusLines, windowStart } from '../runs/lines.js';
import { RUN_WORDS } from '../runs/words.js';
import { wordsOf, type TuiNumbers } from '../words.js';
import { COMPARE_WORDS, type CompareWords } from './words.js';

export interface CompareColumns {
  /** Column titles: the current edits first. */
  readonly labels: readonly string[];
  readonly allocations: readonly Allocation[];
  /** Said under the title: a stale allocation, policies without an allocation. */
  readonly notes: readonly string[];
}

/** The allocations the view lines up, or the lines that say why there are none yet. */
export function compareColumns(state: TuiState, width: number): CompareColumns | Line[] {
  const now = state.allocation;
  const words = COMPARE_WORDS[state.lang];
  if (now === undefined) return [[{ text: words.solvingFirst, dim: true }]];
  const nowLabel = `${state.policy}${state.weights === undefined ? '' : '*'}`;
  const notes = isStale(state) ? [words.stale] : [];
  if (state.compareMode === 'reference') {
    if (state.reference === undefined) {
      return wrapText(words.noReference, Math.max(10, width)).map((text): Line => [{ text, color: 'yellow' }]);
    }
    return { labels: [nowLabel, words.referenceLabel(state.reference.policy)], allocations: [now, state.reference], notes };
  }
  const status = runStatusLines(state, 'compare', width, { unit: RUN_WORDS[state.lang].policies });
  if (status !== undefined) return status;
  const result = analysisResult(state, 'compare');
  const missing = result?.missing.map((entry) => words.missing(entry.policy, entry.status)) ?? [];
  return { labels: [nowLabel, ...(result?.policies ?? [])], allocations: [now, ...(result?.allocations ?? [])], notes: [...notes, ...missing] };
}

function euros(amount: number, n: TuiNumbers): string {
  return amount === 0 ? '—' : n.euros(amount);
}

/** The column the change is measured towards: 1 for the first compared policy. */
export function targetColumn(state: TuiState, columns: number): number {
  return 1 + Math.max(0, Math.min(state.compareTarget, columns - 2));
}

interface Row {
  readonly candidate: ComparedCandidate;
  readonly change: Change;
}

function tableColumns(comparison: Comparison, labels: readonly string[], target: number, width: number, lang: Lang): Column<Row>[] {
  const words = COMPARE_WORDS[lang];
  const { n } = wordsOf(lang);
  const money = (index: number): number => Math.max(cells(labels[index] ?? ''), ...comparison.candidates.map((candidate) => cells(euros(candidate.grants[index] ?? 0, n))));
  const most = Math.max(0, ...comparison.candidates.map((candidate) => Math.abs((candidate.grants[target] ?? 0) - (candidate.grants[0] ?? 0))));
  const changeTitle = words.versus(labels[target] ?? '');
  return layoutColumns<Row>(
    [
      { key: 'id', title: words.id, width: Math.max(2, Math.min(10, ...comparison.candidates.map((candidate) => cells(candidate.id)))), align: 'left', cell: (row) => row.candidate.id },
      { key: 'name', title: words.name, width: 0, align: 'left', flex: true, minWidth: 14, cell: (row) => row.candidate.name },
      ...labels.map((label, index): Column<Row> => ({
        key: `grant:${index}`,
        title: label,
        width: money(index),
        align: 'right',
        drop: index === 0 || index === target ? 0 : 3,
        cell: (row) => euros(row.candidate.grants[index] ?? 0, n),
      })),
      { key: 'change', title: changeTitle, width: Math.max(cells(changeTitle), cells(formatChange({ kind: 'down', euros: -most }, lang))), align: 'left', cell: (row) => formatChange(row.change, lang) },
      { key: 'bar', title: '', width: 8, align: 'left', drop: 1, cell: (row) => (row.change.kind === 'same' ? '' : bar(Math.abs(row.change.euros), most, 8)) },
      { key: 'rank', title: words.rank, width: 7, align: 'right', drop: 2, cell: (row) => rankChange(row.candidate, target) },
    ],
    width,
  );
}

function rankChange(candidate: ComparedCandidate, target: number): string {
  const before = candidate.ranks[target] ?? 0;
  const after = candidate.ranks[0] ?? 0;
  return before === after ? String(before) : `${before}→${after}`;
}

/** The view as a title and the lines under it (before scrolling). */
export function compareDocument(state: TuiState, width: number): { title: Line; body: Line[] } {
  const words = COMPARE_WORDS[state.lang];
  const { n } = wordsOf(state.lang);
  const mode = state.compareMode === 'policies' ? words.everyPolicy : words.theReference;
  const columns = compareColumns(state, width);
  const titleOf = (what: string): Line => [{ text: words.title, bold: true }, { text: ` ${what}` }, { text: words.mode(mode), dim: true }];
  if (Array.isArray(columns)) return { title: titleOf(`${state.policy}${state.weights === undefined ? '' : '*'}`), body: [[], ...columns] };
  const { labels, allocations, notes } = columns;
  if (allocations.length < 2) return { title: titleOf(labels[0] ?? ''), body: [[], ...notes.map((text): Line => [{ text, color: 'yellow' }])] };
  const target = targetColumn(state, labels.length);
  const comparison = lineUp(labels, allocations);
  const title = titleOf(words.titleWith(labels[0] ?? '', labels.slice(1).join(', ')));
  const body: Line[] = notes.map((text): Line => [{ text, color: 'yellow' }]);

  // Who enters and who leaves, pair by pair, from each compared column to the current edits.
  labels.slice(1).forEach((label, offset) => {
    const pair = comparison.pairs[offset];
    if (pair === undefined) return;
    const chosen = offset + 1 === target && labels.length > 2;
    const moved = comparison.candidates.reduce((sum, candidate) => sum + Math.max(0, (candidate.grants[0] ?? 0) - (candidate.grants[offset + 1] ?? 0)), 0);
    body.push([
      { text: chosen ? '› ' : '  ', bold: true },
      { text: words.pairTitle(label, labels[0] ?? ''), bold: true },
      { text: words.pair(pair.common, n.euros(moved)) },
    ]);
    // The pair runs from the current edits to the other column: its entries are this direction's exits.
    const moves = [pair.leaving.length > 0 ? words.enter(pair.leaving.join(', ')) : '', pair.entering.length > 0 ? words.leave(pair.entering.join(', ')) : ''].filter((text) => text !== '');
    for (const text of wrapText(moves.length === 0 ? words.sameLaureates : moves.join(' · '), Math.max(10, width - 4))) body.push([{ text: `    ${text}`, dim: moves.length === 0 }]);
  });

  const rows: Row[] = comparison.candidates
    .filter((candidate) => candidate.grants.some((grant) => grant > 0))
    .map((candidate) => ({ candidate, change: changeOf(candidate.grants[target] ?? 0, candidate.grants[0] ?? 0) }));
  const laid = tableColumns(comparison, labels, target, width, state.lang);
  // Names alike are cut in the middle, so that two rows never read the same.
  const cuts = distinctCuts(rows.map((row) => row.candidate.name), laid.find((column) => column.key === 'name')?.width ?? 0);
  const table = laid.map((column) => (column.key === 'name' ? { ...column, cell: (row: Row) => cuts.get(row.candidate.name) ?? row.candidate.name } : column));
  body.push([], [{ text: tableLine(table, table.map((column) => column.title)), bold: true }]);
  for (const row of rows) body.push(rowLine(table, row, row.candidate.funded[0] === true || row.candidate.funded[target] === true));
  const idle = comparison.candidates.length - rows.length;
  if (idle > 0) body.push([{ text: words.idle(idle), dim: true }]);

  body.push([], ...groupLines(comparison, labels, target, width, state.lang));
  return { title, body };
}

function rowLine(columns: readonly Column<Row>[], row: Row, funded: boolean): Line {
  const color = changeColor(row.change);
  const segments: Segment[] = [];
  columns.forEach((column, index) => {
    const text = `${index === 0 ? '' : GAP}${fit(column.cell(row), column.width, column.align)}`;
    const moving = column.key === 'change' || column.key === 'bar';
    segments.push({ text, color: moving ? color : undefined, dim: !moving && !funded });
  });
  return segments;
}

/** Totals by region, then by group of each rule, then the whole envelope and the laureates. */
function groupLines(comparison: Comparison, labels: readonly string[], target: number, width: number, lang: Lang): Line[] {
  const words: CompareWords = COMPARE_WORDS[lang];
  const { n } = wordsOf(lang);
  const amountWidth = Math.max(11, ...labels.map(cells));
  const shownLabels = labels.length * (amountWidth + 1) + 14 + 28 <= width ? labels.map((_, index) => index) : [0, target];
  const nameWidth = Math.max(12, Math.min(40, width - shownLabels.length * (amountWidth + 1) - 15));
  const line = (name: string, values: readonly number[], money: boolean, style: Omit<Segment, 'text'> = {}): Line => {
    const change = money ? changeOf(values[target] ?? 0, values[0] ?? 0) : undefined;
    return [
      { text: `  ${fit(name, nameWidth)}`, ...style },
      { text: shownLabels.map((index) => ` ${fit(money ? n.euros(values[index] ?? 0) : String(values[index] ?? 0), amountWidth, 'right')}`).join(''), ...style },
      { text: ` ${change === undefined ? '' : formatChange(change, lang)}`, color: changeColor(change) },
    ];
  };
  const lines: Line[] = [[{ text: `${fit(words.totals.byRegion, nameWidth + 2)}${shownLabels.map((index) => ` ${fit(labels[index] ?? '', amountWidth, 'right')}`).join('')} ${words.versus(labels[target] ?? '')}`, bold: true }]];
  const regions = comparison.groups.filter((group) => group.by === 'region' && group.amounts.some((amount) => amount > 0));
  for (const group of regions) lines.push(line(group.group, group.amounts, true));
  const ruleGroups = comparison.groups.filter((group) => group.by !== 'region' && group.amounts.some((amount) => amount > 0));
  if (ruleGroups.length > 0) lines.push([], [{ text: words.totals.byRuleGroup, bold: true }]);
  for (const group of ruleGroups) lines.push(line(`${group.group} (${group.by})`, group.amounts, true));
  lines.push(
    [],
    line(words.totals.spent, comparison.allocations.map((allocation) => allocation.spent), true, { bold: true }),
    line(words.totals.laureates, comparison.allocations.map((allocation) => allocation.laureates), false, { bold: true }),
  );
  return lines;
}

/** Lines of the body the view shows in `height` lines (one goes to the title). */
export function compareScroll(state: TuiState, width: number, height: number): { rows: number; total: number } {
  return { rows: Math.max(1, height - 1), total: compareDocument(state, width).body.length };
}

export function compareLines(state: TuiState, width: number, height: number): Line[] {
  const { title, body } = compareDocument(state, width);
  const rows = Math.max(1, height - 1);
  const start = windowStart(state.analysisTop.compare, body.length, rows);
  return [title, ...body.slice(start, start + rows)];
}

/** Compare: the current allocation beside the other policies' or the reference's. */
export function compareView(state: TuiState, { width, height }: Area): Shown {
  return { lines: compareLines(state, width, height) };
}
