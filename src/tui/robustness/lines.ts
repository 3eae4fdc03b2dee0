/**
 * Robustness (8): weightings drawn at random around the current weights (or uniformly), each
 * solved; candidates by probability of being funded, with a bar, the mean grant, the 5–95 % range of
 * the grant and the class (always, often, sometimes, never). The rows scroll.
 */
import type { CandidateRobustness, FundingClass } from '../../analysis/robustness.js';
import { formatEuros, formatPercent, groupDigits } from '../../domain/money.js';
import { SAMPLE_STEPS } from '../runs/kinds.js';
import { analysisResult } from '../runs/state.js';
import type { TuiState } from '../state.js';
import { bar, compactEuros, distinctCuts, fit, GAP, layoutColumns, tableLine, type Column } from '../text.js';
import type { Area, Line, Segment, Shown } from '../lines.js';
import { runStatusLines, windowNote, windowStart } from '../runs/lines.js';

const CLASS_COLORS: Readonly<Record<FundingClass, string | undefined>> = { always: 'green', often: 'cyan', sometimes: 'yellow', never: undefined };

/** Lines above the rows (title, settings, blank, titles) and below (blank, counts). */
const HEAD_LINES = 4;
const FOOT_LINES = 2;

/** Rows that fit and how many there are: the key map scrolls them. */
export function robustnessScroll(state: TuiState, height: number): { rows: number; total: number } {
  const result = analysisResult(state, 'robustness');
  return { rows: Math.max(1, height - HEAD_LINES - FOOT_LINES), total: result?.robustness.candidates.length ?? 0 };
}

function columns(width: number, barWidth: number): Column<CandidateRobustness>[] {
  return layoutColumns<CandidateRobustness>(
    [
      { key: 'id', title: 'Id', width: 10, align: 'left', cell: (row) => row.id },
      { key: 'name', title: 'Name', width: 0, align: 'left', flex: true, minWidth: 14, cell: (row) => row.name },
      { key: 'bar', title: 'Funded in', width: barWidth, align: 'left', drop: 1, cell: (row) => bar(row.probability, 1, barWidth) },
      { key: 'probability', title: '', width: 6, align: 'right', cell: (row) => probabilityText(row.probability) },
      { key: 'mean', title: 'Mean grant', width: 11, align: 'right', drop: 2, cell: (row) => (row.meanGrant === 0 ? '—' : formatEuros(row.meanGrant)) },
      { key: 'range', title: 'Grant 5–95 %', width: 19, align: 'right', drop: 3, cell: (row) => rangeText(row.p5, row.p95, 19) },
      { key: 'class', title: 'Class', width: 9, align: 'left', cell: (row) => row.class },
    ],
    width,
  );
}

/** `100 %` only when always funded, `>99 %` just below, `<1 %` for rare ones, else whole percents. */
export function probabilityText(probability: number): string {
  if (probability > 0 && probability < 0.01) return '<1 %';
  if (probability < 1 && probability >= 0.99) return '>99 %';
  return formatPercent(probability, 0);
}

/** `72 000 €–274 000 €`, or both ends in k€ when that is too wide; one amount when they are equal. */
export function rangeText(low: number, high: number, width: number): string {
  if (high === 0) return '—';
  if (low === high) return compactEuros(low, width);
  const full = `${formatEuros(low)}–${formatEuros(high)}`;
  if ([...full].length <= width) return full;
  const thousands = (euros: number): string => `${groupDigits(Math.round(euros / 1000))}`;
  return `${thousands(low)}–${thousands(high)} k€`;
}

export function robustnessLines(state: TuiState, width: number, height: number): Line[] {
  const { samples, spread, seed, uniform } = state.robustness;
  const over = state.robustness.over ?? 'weights';
  const policy = `${state.policy}${state.weights === undefined ? '' : '*'}`;
  const weightings = uniform ? `${samples} weightings drawn uniformly over every weighting` : `${samples} weightings around the weights of ${policy} (spread ${spread.toFixed(2)})`;
  // Marks: each candidate's reviewers (not in conflict) resampled with replacement, then aggregated.
  const marks = `the reviewers' marks resampled ${samples} times`;
  const drawn = over === 'weights' ? weightings : over === 'marks' ? marks : `${marks}, with ${weightings}`;
  const lines: Line[] = [
    [{ text: 'Robustness', bold: true }, { text: ` ${drawn}, seed ${seed}` }],
    [
      {
        text: fit(`+/- samples (${SAMPLE_STEPS[0]} to ${SAMPLE_STEPS[SAMPLE_STEPS.length - 1]}) · [ ] spread (0: the weights as set) · U ${uniform ? 'draws around the weights' : 'draws uniformly'}${state.scenario.reviews === undefined ? '' : ' · o weights/marks/both'}`, width),
        dim: true,
      },
    ],
  ];
  const status = runStatusLines(state, 'robustness', width, { unit: 'weightings' });
  const result = analysisResult(state, 'robustness');
  if (status !== undefined || result === undefined) return [...lines, [], ...(status ?? [])];
  const { robustness } = result;
  const laid = columns(width, Math.max(10, Math.min(30, Math.floor(width * 0.22))));
  // Names alike are cut in the middle, so that two rows never read the same.
  const cuts = distinctCuts(robustness.candidates.map((row) => row.name), laid.find((column) => column.key === 'name')?.width ?? 0);
  const table = laid.map((column) => (column.key === 'name' ? { ...column, cell: (row: CandidateRobustness) => cuts.get(row.name) ?? row.name } : column));
  lines.push([], [{ text: tableLine(table, table.map((column) => column.title)), bold: true }]);
  const rows = robustness.candidates;
  const room = Math.max(1, height - HEAD_LINES - FOOT_LINES);
  const shown = Math.min(rows.length, room);
  const start = windowStart(state.analysisTop.robustness, rows.length, shown);
  for (const row of rows.slice(start, start + shown)) {
    const color = CLASS_COLORS[row.class];
    const segments: Segment[] = table.map((column, index) => ({
      text: `${index === 0 ? '' : GAP}${fit(column.cell(row), column.width, column.align)}`,
      color: column.key === 'bar' || column.key === 'class' ? color : undefined,
      dim: row.class === 'never',
    }));
    lines.push(segments);
  }
  const counts = (['always', 'often', 'sometimes', 'never'] as const).map((name) => `${rows.filter((row) => row.class === name).length} ${name}`);
  const failed = robustness.samples - robustness.solved;
  const summary = `${counts.join(' · ')} · ${robustness.solved} of ${robustness.samples} solved${failed > 0 ? ` (${failed} without an allocation)` : ''}`;
  const note = windowNote(start, shown, rows.length);
  lines.push([], [{ text: fit([summary, note].filter((text) => text !== '').join(' · '), width), dim: true }]);
  return lines;
}

/** Robustness: how often each candidate is funded under weightings drawn at random. */
export function robustnessView(state: TuiState, { width, height }: Area): Shown {
  return { lines: robustnessLines(state, width, height) };
}
