/**
 * The allocation table: candidates by grant then score, with what changed. Only the rows that fit
 * are drawn. Enter opens a candidate's detail, which takes over this view until Esc.
 */
import type { CandidateResult } from '../../domain/allocation.js';
import { changeColor, changesBetween, formatChange } from '../changes.js';
import { isStale, selectedIndex, visibleCandidates } from '../selectors.js';
import { windowTop } from '../scroll.js';
import type { TuiState } from '../state.js';
import { cells, distinctCuts, fit, GAP, layoutColumns, tableLine, type Column } from '../text.js';
import type { Area, Line, Segment, Shown } from '../lines.js';
import { wordsOf, type TuiNumbers } from '../words.js';
import { ALLOCATION_WORDS } from './words.js';

/** Rows of the table in a body of `height` lines: one for the titles, one for the count. */
export function tableRows(height: number): number {
  return Math.max(1, height - 2);
}

/** `✓` locked in, `✗` locked out, `·` asks less than the grant floor. */
export function lockMark(candidate: CandidateResult): string {
  if (candidate.lock === 'funded') return '✓';
  if (candidate.lock === 'excluded') return '✗';
  return candidate.eligible ? ' ' : '·';
}

/** Grants in the table: `—` for nothing, so that the funded rows stand out. */
function euros(amount: number, n: TuiNumbers): string {
  return amount === 0 ? '—' : n.euros(amount);
}

export function allocationColumns(state: TuiState, width: number): Column<CandidateResult>[] {
  const allocation = state.allocation;
  const years = allocation?.years.map((entry) => entry.year) ?? [];
  const { n } = wordsOf(state.lang);
  const words = ALLOCATION_WORDS[state.lang];
  const baseline = state.reference === undefined ? words.versusPrevious : words.versusReference;
  // Money columns as wide as their widest amount, so that a 100-column terminal still shows the years.
  const widest = (title: string, amounts: readonly number[]): number => Math.max(cells(title), ...amounts.map((amount) => cells(euros(amount, n))));
  const grants = allocation?.candidates.map((row) => row.grant) ?? [];
  const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map(cells));
  const candidates = allocation?.candidates ?? [];
  const columns: Column<CandidateResult>[] = [
    { key: 'mark', title: '', width: 2, align: 'left', cell: (row) => ` ${lockMark(row)}` },
    { key: 'rank', title: words.rank, width: 4, align: 'right', drop: 4, cell: (row) => String(row.rank) },
    // The id names a candidate for sure when names are cut; long ids (rare) are cut at 12.
    { key: 'id', title: words.id, width: Math.min(12, Math.max(2, longest(candidates.map((row) => row.id)))), align: 'left', cell: (row) => row.id },
    { key: 'name', title: words.name, width: 0, align: 'left', flex: true, minWidth: 26, maxWidth: Math.max(4, longest(candidates.map((row) => row.name))), cell: (row) => row.name },
    // The region gets its full width before the name grows past its minimum.
    { key: 'region', title: words.region, width: Math.min(26, Math.max(6, longest(candidates.map((row) => row.region)))), shrinkTo: 14, align: 'left', drop: 2, cell: (row) => row.region },
    { key: 'score', title: words.score, width: 6, align: 'right', drop: 3, cell: (row) => n.decimal(row.score, 2) },
    ...years.map((year): Column<CandidateResult> => ({
      key: `year:${year}`,
      title: year,
      width: widest(year, allocation?.candidates.map((row) => row.years[year] ?? 0) ?? []),
      align: 'right',
      drop: 6,
      cell: (row) => euros(row.years[year] ?? 0, n),
    })),
    { key: 'grant', title: words.grant, width: widest(words.grant, grants), align: 'right', cell: (row) => euros(row.grant, n) },
    { key: 'share', title: words.shareOfRequest, width: 7, align: 'right', drop: 5, cell: (row) => (row.grant === 0 ? '' : n.percent(row.shareOfRequest)) },
    { key: 'change', title: baseline, width: Math.max(cells(baseline), cells(`▼ ${n.euroChange(-Math.max(0, ...grants))}`)), align: 'left', cell: () => '' },
  ];
  return layoutColumns(columns, width);
}

/** The whole table as lines: titles, the rows that fit, and a count line. */
export function allocationLines(state: TuiState, width: number, height: number, active: boolean): Line[] {
  const allocation = state.allocation;
  const words = ALLOCATION_WORDS[state.lang];
  if (allocation === undefined) return [[{ text: words.solvingFirst, dim: true }]];
  const columns = allocationColumns(state, width);
  const changes = changesBetween(state.reference ?? state.previous, allocation);
  const candidates = visibleCandidates(state);
  const rows = tableRows(height);
  const index = selectedIndex(state);
  const top = windowTop(candidates.length, index, state.top, rows);
  const lines: Line[] = [[{ text: tableLine(columns, columns.map((column) => column.title)), bold: true }]];
  const nameWidth = columns.find((column) => column.key === 'name')?.width ?? 0;
  const names = distinctCuts(allocation.candidates.map((candidate) => candidate.name), nameWidth);

  candidates.slice(top, top + rows).forEach((candidate, offset) => {
    const selected = active && top + offset === index;
    const change = changes.get(candidate.id);
    const texts = columns.map((column) => (column.key === 'change' ? formatChange(change, state.lang) : column.key === 'name' ? (names.get(candidate.name) ?? candidate.name) : column.cell(candidate)));
    const cellsOf = columns.map((column, at) => fit(texts[at] ?? '', column.width, column.align));
    const style = { inverse: selected, bold: selected };
    const lock = candidate.lock === undefined ? undefined : candidate.lock === 'funded' ? 'green' : 'red';
    const segments: Segment[] = [
      { text: selected ? '›' : ' ', ...style },
      { text: lockMark(candidate), color: lock, ...style },
      { text: `${GAP}${cellsOf.slice(1, -1).join(GAP)}${GAP}`, dim: !candidate.funded && !selected, ...style },
      { text: cellsOf[cellsOf.length - 1] ?? '', color: changeColor(change), ...style },
    ];
    lines.push(segments);
  });
  if (candidates.length === 0) lines.push([{ text: words.noMatch(state.filter), color: 'yellow' }]);
  while (lines.length < rows + 1) lines.push([]);

  const funded = allocation.candidates.filter((candidate) => candidate.funded).length;
  const locks = Object.keys(state.scenario.locks).length;
  const shownRange = candidates.length === 0 ? words.noneShown : words.rows(top + 1, Math.min(candidates.length, top + rows), candidates.length);
  const count = [
    words.funded(funded, allocation.candidates.length),
    shownRange,
    state.filter === '' ? '' : words.filter(state.filter),
    locks === 0 ? '' : words.locks(locks),
    allocation.candidates.some((candidate) => !candidate.eligible) ? words.belowFloor : '',
  ].filter((part) => part !== '');
  lines.push([{ text: count.join(' · '), dim: true }]);
  return lines;
}

/** The table, greyed while the current edits have no allocation (and then without a selection). */
export function allocationView(state: TuiState, { width, height, active }: Area): Shown {
  const stale = isStale(state);
  return { lines: allocationLines(state, width, height, active && !stale), dim: stale };
}
