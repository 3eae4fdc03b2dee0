/**
 * Tipping (7): for the chosen criterion, the interval of its share of the weight in which each
 * candidate keeps its status (funded or out), as a bar over 0–100 % with the current share marked
 * (┃). Candidates within BORDERLINE of a tipping point come first, marked `!`. Candidates that keep
 * their status over the whole range are summed up in one line. The rows scroll.
 */
import type { TippingAnalysis } from '../../analysis/sweep.js';
import { analysisResult } from '../runs/state.js';
import { selectedCriterion } from '../selectors.js';
import type { TuiState } from '../state.js';
import { cells, distinctCuts, fit, wrapText } from '../text.js';
import type { Area, Line, Segment, Shown } from '../lines.js';
import { criterionTitle, runStatusLines, windowNote, windowStart } from '../runs/lines.js';
import { wordsOf } from '../words.js';
import { TIPPING_WORDS } from './words.js';

/** A candidate is borderline when a tipping point lies closer than this to the current share (5 points). */
export const BORDERLINE = 0.05;

type Stable = TippingAnalysis['stable'][number];

export interface TippingRow {
  readonly entry: Stable;
  /** Distance from the current share to the nearest tipping point (Infinity: none). */
  readonly margin: number;
  readonly borderline: boolean;
}

/** Rows of the chosen criterion: candidates whose status changes somewhere in 0–100 %, nearest to tipping first. */
export function tippingRows(tipping: TippingAnalysis, criterion: string): { rows: TippingRow[]; steady: Stable[] } {
  const share = tipping.weights[criterion] ?? 0;
  const entries = tipping.stable.filter((entry) => entry.criterion === criterion);
  const rows = entries
    .filter((entry) => entry.from > 0 || entry.to < 1)
    .map((entry): TippingRow => {
      const margin = Math.min(entry.from > 0 ? share - entry.from : Infinity, entry.to < 1 ? entry.to - share : Infinity);
      return { entry, margin, borderline: margin < BORDERLINE };
    })
    .sort((a, b) => a.margin - b.margin || (a.entry.candidate < b.entry.candidate ? -1 : 1));
  return { rows, steady: entries.filter((entry) => entry.from <= 0 && entry.to >= 1) };
}

/** Lines above the rows (title, the current share, the legend, the axis) and below them (a blank, the notes). */
const HEAD_LINES = 4;
const FOOT_LINES = 2;

/** Rows that fit and how many there are: the key map scrolls them. */
export function tippingScroll(state: TuiState, height: number): { rows: number; total: number } {
  const result = analysisResult(state, 'tipping');
  const criterion = selectedCriterion(state);
  if (result === undefined || criterion === undefined) return { rows: 1, total: 0 };
  const total = tippingRows(result.tipping, criterion.column).rows.length;
  return { rows: Math.max(1, height - HEAD_LINES - FOOT_LINES), total };
}

export function tippingLines(state: TuiState, width: number, height: number): Line[] {
  const criterion = selectedCriterion(state);
  const count = state.scenario.criteria.length;
  const words = TIPPING_WORDS[state.lang];
  const { n } = wordsOf(state.lang);
  const lines: Line[] = [criterionTitle(state, words.title)];
  const criteria = state.scenario.criteria;
  const status = runStatusLines(state, 'tipping', width, {
    detail: (done, total) => {
      const under = Math.min(criteria.length - 1, Math.floor((done / Math.max(1, total)) * criteria.length));
      return words.criterionOf(under + 1, criteria.length, criteria[under]?.label ?? '');
    },
  });
  const result = analysisResult(state, 'tipping');
  if (status !== undefined || result === undefined || criterion === undefined) {
    const slow = wrapText(words.slow, Math.max(10, width)).map((text): Line => [{ text, dim: true }]);
    return [...lines, [], ...(status ?? []), [], ...slow];
  }
  const { tipping } = result;
  const share = tipping.weights[criterion.column] ?? 0;
  const { rows, steady } = tippingRows(tipping, criterion.column);
  const borderline = rows.filter((row) => row.borderline).length;
  lines.push([
    { text: words.givesIt(`${tipping.policy}${state.weights === undefined ? '' : '*'}`, n.share(share), tipping.solves, count), dim: true },
    { text: borderline === 0 ? words.noneBorderline : words.borderline(borderline), color: borderline === 0 ? undefined : 'yellow', dim: borderline === 0 },
  ]);

  const idWidth = Math.max(2, Math.min(10, ...rows.map((row) => cells(row.entry.candidate))));
  const nameWidth = Math.max(8, Math.min(30, Math.floor(width * 0.22)));
  const intervalWidth = 15;
  const statusWidth = Math.max(6, cells(words.funded), cells(words.out), cells(words.columns.now));
  const barWidth = Math.max(10, width - 2 - idWidth - 1 - nameWidth - 1 - statusWidth - 1 - 1 - intervalWidth);
  const lead = 2 + idWidth + 1 + nameWidth + 1 + statusWidth + 1;
  const nowCell = Math.min(barWidth - 1, Math.floor(share * barWidth));
  lines.push(
    [{ text: words.legend(n.share(share)), dim: true }],
    [{ text: `  ${fit(words.columns.id, idWidth)} ${fit(words.columns.name, nameWidth)} ${fit(words.columns.now, statusWidth)} `, bold: true }, { text: scaleLine(barWidth, n.share), bold: true }, { text: ` ${fit(words.columns.holds, intervalWidth)}`, bold: true }],
  );
  const cuts = distinctCuts(state.scenario.candidates.map((candidate) => candidate.name), nameWidth);
  const names = new Map(state.scenario.candidates.map((candidate) => [candidate.id, cuts.get(candidate.name) ?? candidate.name]));
  const room = Math.max(1, height - HEAD_LINES - FOOT_LINES);
  const shown = Math.min(rows.length, room);
  const start = windowStart(state.analysisTop.tipping, rows.length, shown);
  for (const row of rows.slice(start, start + shown)) {
    const { entry } = row;
    const tone = row.borderline ? 'yellow' : undefined;
    const barSegments: Segment[] = [];
    for (let cell = 0; cell < barWidth; cell++) {
      const at = (cell + 0.5) / barWidth;
      const inside = at >= entry.from && at <= entry.to;
      const text = cell === nowCell ? '┃' : inside ? (entry.funded ? '█' : '░') : '·';
      const segment: Segment = cell === nowCell ? { text, bold: true, color: tone ?? 'white' } : inside ? { text, color: entry.funded ? 'green' : undefined, dim: !entry.funded } : { text, dim: true };
      const last = barSegments[barSegments.length - 1];
      if (last !== undefined && last.color === segment.color && last.dim === segment.dim && last.bold === segment.bold) barSegments[barSegments.length - 1] = { ...last, text: last.text + text };
      else barSegments.push(segment);
    }
    lines.push([
      { text: row.borderline ? '! ' : '  ', color: 'yellow', bold: true },
      { text: `${fit(entry.candidate, idWidth)} ${fit(names.get(entry.candidate) ?? '', nameWidth)} `, color: tone },
      { text: `${fit(entry.funded ? words.funded : words.out, statusWidth)} `, color: entry.funded ? 'green' : undefined, dim: !entry.funded },
      ...barSegments,
      { text: ` ${fit(`${n.share(entry.from)}–${n.share(entry.to)}`, intervalWidth)}`, color: tone },
    ]);
  }
  if (rows.length === 0) lines.push([{ text: `  ${' '.repeat(Math.max(0, lead - 2))}${words.noChange}`, dim: true }]);
  const funded = steady.filter((entry) => entry.funded).length;
  const steadyText = steady.length === 0 ? '' : words.steady(funded, steady.length - funded);
  const note = windowNote(start, shown, rows.length, state.lang);
  lines.push([], [{ text: fit([note, steadyText].filter((text) => text !== '').join(' · '), width), dim: true }]);
  return lines;
}

/** `0 %       25 %       50 %       75 %      100 %` spread over the bar's cells. */
function scaleLine(width: number, share: (fraction: number) => string): string {
  const chars = new Array<string>(width).fill(' ');
  for (const at of [0, 0.25, 0.5, 0.75, 1]) {
    const text = [...share(at)];
    const start = Math.max(0, Math.min(width - text.length, Math.round(at * width) - (at === 0 ? 0 : at === 1 ? text.length : Math.floor(text.length / 2))));
    if (chars.slice(Math.max(0, start - 1), start + text.length + 1).some((char) => char !== ' ')) continue;
    text.forEach((char, offset) => {
      chars[start + offset] = char;
    });
  }
  return chars.join('');
}

/** Tipping: the share of one criterion in which each candidate keeps its status. */
export function tippingView(state: TuiState, { width, height }: Area): Shown {
  return { lines: tippingLines(state, width, height) };
}
