/**
 * What the four analysis views share: the line that says where a run stands (a progress bar while
 * it runs, why it stopped, why it cannot run) and a window over a list that scrolls.
 */
import type { Lang } from '../../domain/lang.js';
import { analysisKey, type AnalysisKind } from './kinds.js';
import { RUN_WORDS } from './words.js';
import { analysisRequest } from './state.js';
import { selectedCriterion } from '../selectors.js';
import type { TuiState } from '../state.js';
import { fit, progressBar, wrapText } from '../text.js';
import type { Line } from '../lines.js';

/** How a run's progress is counted: `12 of 22 weightings`, or a percentage for tipping points. */
export interface ProgressWords {
  /** The thing counted, plural, in the view's language (`weightings`, `policies`); undefined: percentage only. */
  readonly unit?: string;
  /** Extra text after the count (the criterion under way). */
  readonly detail?: (done: number, total: number) => string;
}

/** One line with the progress bar: `Solving ████▌······  37 %  73 of 200 weightings`. */
export function progressLine(done: number, total: number, width: number, words: ProgressWords, lang: Lang = 'en'): Line {
  const said = RUN_WORDS[lang];
  if (total <= 0) return [{ text: said.starting, color: 'cyan' }];
  const percent = said.percent(Math.floor((done / total) * 100));
  const count = words.unit === undefined ? '' : `  ${said.count(done, total, words.unit)}`;
  const detail = words.detail === undefined ? '' : `  ${words.detail(done, total)}`;
  const barWidth = Math.max(10, Math.min(40, width - 14 - count.length - detail.length));
  return [
    { text: said.solving, color: 'cyan' },
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
  const said = RUN_WORDS[state.lang];
  const wrap = (text: string, style: Omit<Line[number], 'text'> = {}): Line[] => wrapText(text, Math.max(10, width)).map((part) => [{ text: part, ...style }]);
  if (typeof request === 'string') return wrap(said.nothingToCompute(request), { color: 'yellow' });
  const key = analysisKey(state.edition, request);
  const run = state.analyses[kind];
  if (run.status === 'done' && run.key === key) return undefined;
  if (run.status === 'running') {
    return [progressLine(run.done, run.total, width, words, state.lang), [], ...wrap(said.escStops, { dim: true })];
  }
  if (run.status === 'failed' && run.key === key) return [...wrap(said.failed(kind, run.reason), { color: 'red' }), [], ...wrap(said.runAgain, { dim: true })];
  if (run.status === 'idle' && run.key === key) return wrap(said.stopped(kind), { color: 'yellow' });
  return wrap(said.run, { dim: true });
}

/** The first row to show of `total` rows in `rows` lines, from the view's scroll position. */
export function windowStart(top: number, total: number, rows: number): number {
  return Math.max(0, Math.min(top, total - rows));
}

/** `rows 1–12 of 40 · ↑↓ scroll` when the list does not fit, '' when it does. */
export function windowNote(start: number, shown: number, total: number, lang: Lang = 'en'): string {
  return total > shown ? RUN_WORDS[lang].rows(start + 1, start + shown, total) : '';
}

/** `Sweep Création d'emplois  (← → criterion 2 of 2)`: the title of a view over one criterion (sweep, tipping). */
export function criterionTitle(state: TuiState, title: string): Line {
  const count = state.scenario.criteria.length;
  return [{ text: title, bold: true }, { text: ` ${selectedCriterion(state)?.label ?? '—'}` }, { text: RUN_WORDS[state.lang].criterionOf(state.weightCursor + 1, count), dim: true }];
}
