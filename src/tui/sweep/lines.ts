/**
 * Sweep (6): one criterion's share of the weight from 0 to 100 % (the others keep their
 * proportions), solved at 21 points. A braille line chart of the grants of the candidates that move
 * most, the policy's own share marked (┊ and ▼), then a strip per candidate funded somewhere along
 * the sweep (█ funded, · not), column for column under the chart's axis. The strips scroll.
 */
import type { SweepPoint, WeightSweep } from '../../analysis/sweep.js';
import type { Scenario } from '../../domain/types.js';
import { brailleRows, type ChartSeries } from '../chart.js';
import { analysisResult } from '../runs/state.js';
import type { TuiState } from '../state.js';
import { cells, fit } from '../text.js';
import type { Area, Line, Segment, Shown } from '../lines.js';
import { criterionTitle, runStatusLines, windowNote, windowStart } from '../runs/lines.js';
import { RUN_WORDS } from '../runs/words.js';
import { wordsOf, type TuiNumbers } from '../words.js';
import { SWEEP_WORDS } from './words.js';

/** Colours of the charted candidates, the one that moves most first. */
const SERIES_COLORS = ['cyan', 'magenta', 'green', 'blue'] as const;
/** Cells of the y-axis labels (`120 k€`, `1,5 M€`). */
const LABEL_WIDTH = 7;
/** Lines the view takes besides the chart rows and the strips (title, subtitle, headings, axis, ticks, blanks, the note). */
const FIXED_LINES = 9;
/** Candidates charted at most: more lines tangle. */
const MOST_CHARTED = 4;

/** Grant of candidate `index` at a point; undefined when the point has no allocation. */
function grantAt(point: SweepPoint, index: number): number | undefined {
  return point.result.status === 'optimal' ? (point.result.grants[index] ?? 0) : undefined;
}

/** Indexes of the candidates whose grant moves most along the sweep (largest range first), at most `count`. */
export function movers(sweep: WeightSweep, scenario: Scenario, count: number): number[] {
  const ranges = scenario.candidates.map((_, index) => {
    const grants = sweep.points.map((point) => grantAt(point, index)).filter((grant): grant is number => grant !== undefined);
    return grants.length === 0 ? 0 : Math.max(...grants) - Math.min(...grants);
  });
  return ranges
    .map((range, index) => ({ range, index }))
    .filter((entry) => entry.range > 0)
    .sort((a, b) => b.range - a.range || a.index - b.index)
    .slice(0, count)
    .map((entry) => entry.index);
}

/** The left margin: strip labels there, and the chart's legend and y labels, so that strips sit under the axis. */
function marginOf(width: number): number {
  return Math.max(22, Math.min(36, Math.floor(width * 0.3)));
}

/** Cell of the plot where share `x` falls, for a plot `plot` cells wide (as the chart draws it). */
function cellOf(x: number, plot: number): number {
  return Math.min(plot - 1, Math.floor(Math.round(Math.max(0, Math.min(1, x)) * (plot * 2 - 1)) / 2));
}

/** The point nearest to each cell of the plot: a strip reads the sweep at the chart's scale. */
function pointsByCell(sweep: WeightSweep, plot: number): (SweepPoint | undefined)[] {
  return Array.from({ length: plot }, (_, cell) => {
    const share = plot === 1 ? 0 : cell / (plot - 1);
    let best: SweepPoint | undefined;
    for (const point of sweep.points) if (best === undefined || Math.abs(point.share - share) < Math.abs(best.share - share)) best = point;
    return best;
  });
}

/** Candidates funded at some point of the sweep, in the scenario's order. */
export function stripCandidates(sweep: WeightSweep, scenario: Scenario): number[] {
  return scenario.candidates.map((_, index) => index).filter((index) => sweep.points.some((point) => (grantAt(point, index) ?? 0) > 0));
}

function chartRows(height: number, strips: number): number {
  const room = height - FIXED_LINES;
  return room - strips >= 10 ? 10 : Math.max(4, Math.min(10, Math.floor(room * 0.45)));
}

/** Too short for the chart and a strip: the whole view scrolls as one document instead of the strips alone. */
function asDocument(height: number, strips: number): boolean {
  return height - FIXED_LINES - chartRows(height, strips) < 2;
}

/** Strip rows that fit, and how many there are: the key map scrolls them (or the whole view, when short). */
export function sweepScroll(state: TuiState, width: number, height: number): { rows: number; total: number } {
  const result = analysisResult(state, 'sweep');
  if (result === undefined) return { rows: 1, total: 0 };
  const total = stripCandidates(result.sweep, state.scenario).length;
  if (asDocument(height, total)) return { rows: height, total: sweepDocument(state, width, height).length };
  return { rows: Math.max(1, height - FIXED_LINES - chartRows(height, total)), total };
}

export function sweepLines(state: TuiState, width: number, height: number): Line[] {
  const lines = sweepDocument(state, width, height);
  const result = analysisResult(state, 'sweep');
  if (result === undefined || !asDocument(height, stripCandidates(result.sweep, state.scenario).length)) return lines;
  const top = windowStart(state.analysisTop.sweep, lines.length, height);
  return lines.slice(top, top + height);
}

/** The view's lines: whole when it is short (the caller scrolls them), else with the strips windowed. */
function sweepDocument(state: TuiState, width: number, height: number): Line[] {
  const words = SWEEP_WORDS[state.lang];
  const { n } = wordsOf(state.lang);
  const lines: Line[] = [criterionTitle(state, words.title)];
  const status = runStatusLines(state, 'sweep', width, { unit: RUN_WORDS[state.lang].weightings });
  const result = analysisResult(state, 'sweep');
  if (status !== undefined || result === undefined) return [...lines, [], ...(status ?? [])];
  const { sweep } = result;
  const { scenario } = state;
  const solved = sweep.points.filter((point) => point.result.status === 'optimal').length;
  const failed = sweep.points.length - solved;
  lines.push([
    {
      text: fit(
        words.subtitle(`${state.policy}${state.weights === undefined ? '' : '*'}`, n.share(sweep.policyShare), sweep.points.length, failed),
        width,
      ),
      dim: true,
    },
  ]);

  const margin = marginOf(width);
  const plot = Math.max(10, width - margin - 2);
  const strips = stripCandidates(sweep, scenario);
  const chartHeight = chartRows(height, strips.length);
  const charted = movers(sweep, scenario, Math.min(MOST_CHARTED, SERIES_COLORS.length, chartHeight));
  const colorOf = new Map(charted.map((index, rank) => [index, SERIES_COLORS[rank] ?? 'cyan']));
  const yMax = Math.max(1, ...charted.flatMap((index) => sweep.points.map((point) => grantAt(point, index) ?? 0)));
  const policyCell = cellOf(sweep.policyShare, plot);

  lines.push([], [{ text: charted.length === 0 ? words.noMove : words.charted(charted.length), bold: true }]);
  // Drawn from the least moving up, so that the one moving most lies on top.
  const series: ChartSeries[] = [...charted].reverse().map((index) => ({ color: colorOf.get(index) ?? 'cyan', points: sweep.points.map((point) => ({ x: point.share, y: grantAt(point, index) })) }));
  const rows = brailleRows(series, plot, chartHeight, yMax, { x: sweep.policyShare, text: '┊', color: 'yellow' });
  // Labels at the top, half way and 0, each on the row where the chart draws that amount.
  const rowOf = (euros: number): number => Math.floor(Math.round((1 - euros / yMax) * (chartHeight * 4 - 1)) / 4);
  const labels = new Map<number, string>([[rowOf(0), n.euros(0)], [rowOf(yMax), n.compact(yMax, LABEL_WIDTH)]]);
  if (chartHeight >= 5) labels.set(rowOf(yMax / 2), n.compact(yMax / 2, LABEL_WIDTH));
  const labelOf = (row: number): string => labels.get(row) ?? '';
  const legendWidth = margin - LABEL_WIDTH - 2;
  rows.forEach((row, index) => {
    const candidate = scenario.candidates[charted[index] ?? -1];
    const legend: Segment = candidate === undefined ? { text: ' '.repeat(legendWidth) } : { text: fit(`━ ${candidate.id} ${candidate.name}`, legendWidth), color: colorOf.get(charted[index] ?? -1) };
    const label = labelOf(index);
    lines.push([legend, { text: ` ${fit(label, LABEL_WIDTH, 'right')} `, dim: true }, { text: label === '' ? '│' : '┤', dim: true }, ...row]);
  });
  lines.push(axisLine(margin, plot, policyCell), tickLine(margin, plot, sweep.policyShare, n));

  // The strips, under the axis.
  const idWidth = Math.max(2, Math.min(10, ...strips.map((index) => cells(scenario.candidates[index]?.id ?? ''))));
  const byCell = pointsByCell(sweep, plot);
  const marker = Array.from({ length: plot }, (_, cell) => (cell === policyCell ? '▼' : ' ')).join('');
  lines.push([], [{ text: fit(words.fundedAlong, margin), bold: true }, { text: ' ' }, { text: marker, color: 'yellow' }]);
  const whole = asDocument(height, strips.length);
  const shown = whole ? strips.length : Math.min(strips.length, Math.max(1, height - lines.length - 1));
  const start = whole ? 0 : windowStart(state.analysisTop.sweep, strips.length, shown);
  for (const index of strips.slice(start, start + shown)) {
    const candidate = scenario.candidates[index];
    const strip = byCell.map((point) => {
      const grant = point === undefined ? undefined : grantAt(point, index);
      return grant === undefined ? '?' : grant > 0 ? '█' : '·';
    });
    lines.push([
      { text: `${fit(candidate?.id ?? '', idWidth)} ${fit(candidate?.name ?? '', margin - idWidth - 1)} ` },
      { text: strip.join(''), color: colorOf.get(index) },
    ]);
  }
  const note = windowNote(start, shown, strips.length, state.lang);
  const legend = words.legend;
  lines.push([{ text: fit(note === '' ? legend : `${note} · ${legend}`, width), dim: true }]);
  return lines;
}

function axisLine(margin: number, plot: number, policyCell: number): Line {
  const ticks = new Set([0, 0.25, 0.5, 0.75, 1].map((share) => cellOf(share, plot)));
  const axis = Array.from({ length: plot }, (_, cell) => (ticks.has(cell) ? '┴' : '─'));
  return [{ text: `${' '.repeat(margin)}└`, dim: true }, { text: axis.slice(0, policyCell).join(''), dim: true }, { text: '▲', color: 'yellow' }, { text: axis.slice(policyCell + 1).join(''), dim: true }];
}

/** `0 %`, `25 %`, … under their ticks, and the policy's share under its mark when there is room. */
function tickLine(margin: number, plot: number, policyShare: number, n: TuiNumbers): Line {
  const chars = new Array<string>(plot + 1).fill(' ');
  // Writes `text` centred on `cell` unless it would touch a text already there.
  const put = (cell: number, text: string): boolean => {
    const slots = [...text];
    const start = Math.max(0, Math.min(plot + 1 - slots.length, cell - Math.floor(slots.length / 2)));
    for (let at = start - 1; at <= start + slots.length; at++) if (at >= 0 && at < chars.length && chars[at] !== ' ') return false;
    slots.forEach((char, offset) => {
      chars[start + offset] = char;
    });
    return true;
  };
  for (const share of [0, 0.25, 0.5, 0.75, 1]) put(cellOf(share, plot) + 1, n.share(share));
  const policy = chars.slice();
  const placed = put(cellOf(policyShare, plot) + 1, n.share(policyShare));
  return placed ? [{ text: ' '.repeat(margin), dim: true }, ...diff(policy, chars)] : [{ text: `${' '.repeat(margin)}${chars.join('')}`, dim: true }];
}

/** The tick line with the policy's share (the cells that differ from `before`) in its colour. */
function diff(before: readonly string[], after: readonly string[]): Segment[] {
  const segments: Segment[] = [];
  after.forEach((char, index) => {
    const mine = char !== before[index];
    const last = segments[segments.length - 1];
    if (last !== undefined && (last.color === 'yellow') === mine) segments[segments.length - 1] = { ...last, text: last.text + char };
    else segments.push(mine ? { text: char, color: 'yellow' } : { text: char, dim: true });
  });
  return segments;
}

/** Sweep: the grants as one criterion's share goes from 0 to 100 %, and where each candidate is funded. */
export function sweepView(state: TuiState, { width, height }: Area): Shown {
  return { lines: sweepLines(state, width, height) };
}
