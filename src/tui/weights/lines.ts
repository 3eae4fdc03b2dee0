/**
 * The weights of the active policy as bars. Each change re-solves at once; beside the bars, the
 * candidates whose grant moved. A formula policy's score formula is shown read-only.
 */
import { changeCounts, changesBetween, formatChange, type Change } from '../changes.js';
import { WEIGHT_STEP, WEIGHT_STEP_BIG, WEIGHTS_LEAD } from './state.js';
import { activePolicy, currentShares } from '../selectors.js';
import { windowFor } from '../scroll.js';
import type { TuiState } from '../state.js';
import { bar, cells, distinctCuts, fit, wrapText } from '../text.js';
import { besideLines, type Area, type Line, type Shown } from '../lines.js';
import { wordsOf } from '../words.js';
import { WEIGHTS_WORDS } from './words.js';

export function weightLines(state: TuiState, width: number, active: boolean): Line[] {
  const policy = activePolicy(state);
  const shares = currentShares(state);
  const words = WEIGHTS_WORDS[state.lang];
  const lines: Line[] = [
    [
      { text: words.policy(state.policy), bold: true },
      { text: ` — ${policy?.label ?? '?'}` },
      { text: state.weights === undefined ? '' : words.edited, color: 'yellow' },
    ],
  ];
  if (shares === undefined) {
    lines.push([], [{ text: words.formulaTitle, bold: true }]);
    for (const part of wrapText(policy?.score ?? '', Math.max(10, width - 4))) lines.push([{ text: `  ${part}`, color: 'cyan' }]);
    lines.push([], [{ text: words.criteriaTitle, bold: true }]);
    for (const criterion of state.scenario.criteria) lines.push([{ text: `  ${fit(criterion.column, 26)} ${criterion.label}`, dim: true }]);
    return lines;
  }
  const labelWidth = Math.max(14, Math.min(34, Math.floor(width * 0.4)));
  const barWidth = Math.max(6, width - labelWidth - 12);
  const top = Math.max(...Object.values(shares), 0);
  const scale = top > 0.5 ? 1 : Math.min(1, Math.ceil((top * 100) / 10) / 10 + 0.1);
  lines.push([{ text: `  ${fit(words.columns.criterion, labelWidth)} ${fit(words.columns.weight, barWidth + 8)}`, bold: true }]);
  state.scenario.criteria.forEach((criterion, index) => {
    const share = shares[criterion.column] ?? 0;
    const selected = active && index === state.weightCursor;
    lines.push([
      { text: `${selected ? '›' : ' '} ${fit(criterion.label, labelWidth)} `, inverse: selected, bold: selected },
      { text: bar(share, scale, barWidth), color: share === 0 ? undefined : 'cyan' },
      { text: fit(wordsOf(state.lang).n.percent(share), 8, 'right'), bold: selected, dim: share === 0 },
    ]);
  });
  lines.push(
    [],
    ...wrapText(words.barsNote(Math.round(scale * 100), WEIGHT_STEP, WEIGHT_STEP_BIG), width).map((text): Line => [{ text, dim: true }]),
  );
  return lines;
}

/** Who moved with the last change (or against the reference), biggest moves first. */
export function movedLines(state: TuiState, width: number, limit: number): Line[] {
  const allocation = state.allocation;
  if (allocation === undefined) return [];
  const baseline = state.reference ?? state.previous;
  const changes = changesBetween(baseline, allocation);
  const counts = changeCounts(changes);
  const words = WEIGHTS_WORDS[state.lang];
  const title = state.reference === undefined ? words.movedLast : words.movedReference(state.reference.policy);
  const lines: Line[] = [[{ text: title, bold: true }]];
  if (baseline === undefined) return [...lines, [{ text: words.changeAWeight, dim: true }]];
  lines.push([{ text: words.counts(counts.moved, counts.entered, counts.left), dim: true }]);
  const moved = allocation.candidates
    .map((candidate) => ({ candidate, change: changes.get(candidate.id) }))
    .filter((entry) => entry.change !== undefined && entry.change.kind !== 'same')
    .sort((a, b) => magnitude(b.change) - magnitude(a.change));
  // The id first: two names cut to the same text still read apart.
  const idWidth = Math.min(12, Math.max(0, ...moved.map((entry) => cells(entry.candidate.id))));
  const nameWidth = Math.max(0, width - 14 - idWidth - 1);
  const names = distinctCuts(moved.map((entry) => entry.candidate.name), nameWidth);
  for (const { candidate, change } of moved.slice(0, Math.max(0, limit - 2))) {
    const text = formatChange(change, state.lang);
    const good = change?.kind === 'up' || change?.kind === 'new';
    lines.push([{ text: fit(text, 14), color: good ? 'green' : 'red' }, { text: `${fit(candidate.id, idWidth)} `, dim: true }, { text: fit(names.get(candidate.name) ?? candidate.name, nameWidth) }]);
  }
  if (moved.length > limit - 2 && limit > 2) lines.push([{ text: words.more(moved.length - (limit - 2)), dim: true }]);
  return lines;
}

function magnitude(change: Change | undefined): number {
  return change === undefined || change.kind === 'same' ? 0 : Math.abs(change.euros);
}

/** The weights beside who moved (side by side from 100 columns, one under the other below). */
export function weightsScreen(state: TuiState, width: number, height: number, active: boolean): Line[] {
  const wide = width >= 100;
  const leftWidth = wide ? Math.min(70, width - 46) : width;
  const left = weightLines(state, leftWidth, active);
  return wide ? besideLines(left, leftWidth, movedLines(state, width - leftWidth - 3, height)) : [...left, [], ...movedLines(state, width, Math.max(8, height - left.length - 1))];
}

/** The weights screen, its window following the selected criterion. */
export function weightsView(state: TuiState, { width, height, active }: Area): Shown {
  const lines = weightsScreen(state, width, height, active);
  const cursor = currentShares(state) === undefined ? undefined : WEIGHTS_LEAD + state.weightCursor;
  return { lines: lines.slice(windowFor(state.tops.weights, lines.length, height, cursor)) };
}
