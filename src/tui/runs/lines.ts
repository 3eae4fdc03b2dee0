/**
 * What the four analysis views share: the line that says where a run stands (a progress bar while
 * it runs, why it stopped, why it cannot run) and a window over a list that scrolls.
 */
import { ANALYSIS_NAMES, analysisKey, type AnalysisKind } from './kinds.js';
import { analysisRequest } from './state.js';
import { selectedCriterion } from '../selectors.js';
import type { TuiState } from '../state.js';
import { fit, progressBar, wrapText } from '../text.js';
import type { Line } from '../lines.js';

/** How a run's progress is counted: `12 of 22 weightings`, or a percentage for tipping points. */
export interface ProgressWords {
  /** The thing counted, plural (`weightings`, `policies`); undefined: percentage only. */
  readonly unit?: string;
  /** Extra text after the count (the criterion under way). */
  readonly detail?: (done: number, total: number) => string;
}

/** One line with the progress bar: `Solving ████▌······  37 %  73 of 200 weightings`. */
export function progressLine(done: number, total: number, width: number, words: ProgressWords): Line {
  if (total <= 0) return [{ text: 'Starting…', color: 'cyan' }];
  const percent = `${String(Math.floor((done / total) * 100)).padStart(3)} %`;
  const count = words.unit === undefined ? '' : `  ${done} of ${total} ${words.unit}`;
  const detail = words.detail === undefined ? '' : `  ${words.detail(done, total)}`;
  const barWidth = Math.max(10, Math.min(40, width - 14 - count.length - detail.length));
  return [
    { text: 'Solving ', color: 'cyan' },
    { text: progressBar(done, total, barWidth), color: 'cyan' },
    { text: ` ${percent}`, bold: true },
    { text: fit(`${count}${detail}`, Math.max(0, width - barWidth - 14)), dim: true },
  ];
}

/**
 * The lines that replace a view's result when it has none for the current edits: the progress of
 * the run, why it failed, that it was cancelled, or why the analysis cannot run. Undefined when the
 * result is there.
 */
export function runStatusLines(state: TuiState, kind: AnalysisKind, width: number, words: ProgressWords): Line[] | undefined {
  const request = analysisRequest(state, kind);
  const wrap = (text: string, style: Omit<Line[number], 'text'> = {}): Line[] => wrapText(text, Math.max(10, width)).map((part) => [{ text: part, ...style }]);
  if (typeof request === 'string') return wrap(`Nothing to compute: ${request}.`, { color: 'yellow' });
  const key = analysisKey(state.edition, request);
  const run = state.analyses[kind];
  if (run.status === 'done' && run.key === key) return undefined;
  if (run.status === 'running') {
    return [progressLine(run.done, run.total, width, words), [], ...wrap('Esc stops it. The other views stay usable meanwhile; the result is kept for these weights and edits.', { dim: true })];
  }
  if (run.status === 'failed' && run.key === key) return [...wrap(`${ANALYSIS_NAMES[kind]} stopped: ${run.reason}`, { color: 'red' }), [], ...wrap('Enter runs it again.', { dim: true })];
  if (run.status === 'idle' && run.key === key) return wrap(`${ANALYSIS_NAMES[kind]} was stopped. Enter runs it again.`, { color: 'yellow' });
  return wrap('Enter runs it.', { dim: true });
}

/** The first row to show of `total` rows in `rows` lines, from the view's scroll position. */
export function windowStart(top: number, total: number, rows: number): number {
  return Math.max(0, Math.min(top, total - rows));
}

/** `rows 1–12 of 40 · ↑↓ scroll` when the list does not fit, '' when it does. */
export function windowNote(start: number, shown: number, total: number): string {
  return total > shown ? `rows ${start + 1}–${start + shown} of ${total} · ↑↓ PgUp PgDn scroll` : '';
}

/** `Sweep Création d'emplois  (← → criterion 2 of 2)`: the title of a view over one criterion (sweep, tipping). */
export function criterionTitle(state: TuiState, title: string): Line {
  const count = state.scenario.criteria.length;
  return [{ text: title, bold: true }, { text: ` ${selectedCriterion(state)?.label ?? '—'}` }, { text: `  (← → criterion ${state.weightCursor + 1} of ${count})`, dim: true }];
}
