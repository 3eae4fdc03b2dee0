/**
 * Robustness (8): weightings drawn at random around the current weights (or uniformly), each
 * solved; candidates by probability of being funded, with a bar, the mean grant, the 5–95 % range of
 * the grant and the class (always, often, sometimes, never). The rows scroll.
 */
import type { CandidateRobustness, FundingClass } from '../../analysis/robustness.js';
import type { Lang } from '../../domain/lang.js';
import { SAMPLE_STEPS } from '../runs/kinds.js';
import { analysisResult } from '../runs/state.js';
import type { TuiState } from '../state.js';
import { bar, distinctCuts, fit, GAP, layoutColumns, tableLine, type Column } from '../text.js';
import type { Area, Line, Segment, Shown } from '../lines.js';
import { runStatusLines, windowNote, windowStart } from '../runs/lines.js';
import { RUN_WORDS } from '../runs/words.js';
import { wordsOf } from '../words.js';
import { ROBUSTNESS_WORDS } from './words.js';

const CLASS_COLORS: Readonly<Record<FundingClass, string | undefined>> = { always: 'green', often: 'cyan', sometimes: 'yellow', never: undefined };

/** Lines above the rows (title, settings, blank, titles) and below (blank, counts). */
const HEAD_LINES = 4;
const FOOT_LINES = 2;

/** Rows that fit and how many there are: the key map scrolls them. */
export function robustnessScroll(state: TuiState, height: number): { rows: number; total: number } {
  const result = analysisResult(state, 'robustness');
  return { rows: Math.max(1, height - HEAD_LINES - FOOT_LINES), total: result?.robustness.candidates.length ?? 0 };
}

function columns(width: number, barWidth: number, lang: Lang): Column<CandidateRobustness>[] {
  const words = ROBUSTNESS_WORDS[lang];
  const { n } = wordsOf(lang);
  return layoutColumns<CandidateRobustness>(
    [
      { key: 'id', title: words.columns.id, width: 10, align: 'left', cell: (row) => row.id },
      { key: 'name', title: words.columns.name, width: 0, align: 'left', flex: true, minWidth: 14, cell: (row) => row.name },
      { key: 'bar', title: words.columns.fundedIn, width: barWidth, align: 'left', drop: 1, cell: (row) => bar(row.probability, 1, barWidth) },
      { key: 'probability', title: '', width: 6, align: 'right', cell: (row) => probabilityText(row.probability, lang) },
      { key: 'mean', title: words.columns.meanGrant, width: 11, align: 'right', drop: 2, cell: (row) => (row.meanGrant === 0 ? '—' : n.euros(row.meanGrant)) },
      { key: 'range', title: words.columns.range, width: 19, align: 'right', drop: 3, cell: (row) => rangeText(row.p5, row.p95, 19, lang) },
      { key: 'class', title: words.columns.class, width: 9, align: 'left', cell: (row) => words.classes[row.class] },
    ],
    width,
  );
}

/** `100 %` only when always funded, `>99 %` just below, `<1 %` for rare ones, else whole percents. */
export function probabilityText(probability: number, lang: Lang = 'en'): string {
  const { n } = wordsOf(lang);
  if (probability > 0 && probability < 0.01) return `<${n.percent(0.01, 0)}`;
  if (probability < 1 && probability >= 0.99) return `>${n.percent(0.99, 0)}`;
  return n.percent(probability, 0);
}

/** `72 000 €–274 000 €`, or both ends in k€ when that is too wide; one amount when they are equal. */
export function rangeText(low: number, high: number, width: number, lang: Lang = 'en'): string {
  const { n } = wordsOf(lang);
  if (high === 0) return '—';
  if (low === high) return n.compact(low, width);
  const full = `${n.euros(low)}–${n.euros(high)}`;
  if ([...full].length <= width) return full;
  const thousands = (euros: number): string => n.integer(euros / 1000);
  return `${thousands(low)}–${thousands(high)}${lang === 'fr' ? '\u00a0' : ' '}k€`;
}

export function robustnessLines(state: TuiState, width: number, height: number): Line[] {
  const { samples, spread, seed, uniform } = state.robustness;
  const over = state.robustness.over ?? 'weights';
  const policy = `${state.policy}${state.weights === undefined ? '' : '*'}`;
  const words = ROBUSTNESS_WORDS[state.lang];
  const weightings = uniform ? words.uniform(samples) : words.around(samples, policy, wordsOf(state.lang).n.decimal(spread, 2));
  // Marks: each candidate's reviewers (not in conflict) resampled with replacement, then aggregated.
  const marks = words.marks(samples);
  const drawn = over === 'weights' ? weightings : over === 'marks' ? marks : words.both(marks, weightings);
  const lines: Line[] = [
    [{ text: words.title, bold: true }, { text: words.seed(drawn, seed) }],
    [
      {
        text: fit(words.keys(SAMPLE_STEPS[0] ?? 0, SAMPLE_STEPS[SAMPLE_STEPS.length - 1] ?? 0, uniform, state.scenario.reviews !== undefined), width),
        dim: true,
      },
    ],
  ];
  const status = runStatusLines(state, 'robustness', width, { unit: RUN_WORDS[state.lang].samples });
  const result = analysisResult(state, 'robustness');
  if (status !== undefined || result === undefined) return [...lines, [], ...(status ?? [])];
  const { robustness } = result;
  const laid = columns(width, Math.max(10, Math.min(30, Math.floor(width * 0.22))), state.lang);
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
  const counts = (['always', 'often', 'sometimes', 'never'] as const).map((name) => `${rows.filter((row) => row.class === name).length} ${words.classes[name]}`);
  const failed = robustness.samples - robustness.solved;
  const summary = words.solved(counts.join(' · '), robustness.solved, robustness.samples, failed);
  const note = windowNote(start, shown, rows.length, state.lang);
  lines.push([], [{ text: fit([summary, note].filter((text) => text !== '').join(' · '), width), dim: true }]);
  return lines;
}

/** Robustness: how often each candidate is funded under weightings drawn at random. */
export function robustnessView(state: TuiState, { width, height }: Area): Shown {
  return { lines: robustnessLines(state, width, height) };
}
