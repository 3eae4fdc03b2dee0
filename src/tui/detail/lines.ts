/** One candidate: its marks, its score broken down by criterion, the rules it counts towards, its lock. */
import type { Allocation, CandidateResult } from '../../domain/allocation.js';
import type { Candidate } from '../../domain/types.js';
import { ruleGroups } from '../../domain/rules.js';
import { tieSentenceIn } from '../../domain/tie-words.js';
import { changesBetween, formatChange } from '../changes.js';
import { currentShares, isStale } from '../selectors.js';
import { windowFor } from '../scroll.js';
import type { TuiState } from '../state.js';
import { bar, fit, wrapText } from '../text.js';
import type { Area, Line, Shown } from '../lines.js';
import { wordsOf, type TuiNumbers } from '../words.js';
import { DETAIL_WORDS, type DetailWords } from './words.js';

function describeBounds(min: number | undefined, max: number | undefined, measure: string, n: TuiNumbers, words: DetailWords): string {
  const show = (value: number): string => (measure === 'count' ? String(value) : n.euros(value));
  if (min !== undefined && max !== undefined) return words.between(show(min), show(max));
  if (min !== undefined) return `≥ ${show(min)}`;
  if (max !== undefined) return `≤ ${show(max)}`;
  return '';
}

/** The marks, weights and points by criterion, the score, and what the reviewers gave. */
function scoreLines(state: TuiState, candidate: Candidate, result: CandidateResult, allocation: Allocation, width: number): Line[] {
  const { scenario } = state;
  const { n } = wordsOf(state.lang);
  const words = DETAIL_WORDS[state.lang];
  const lines: Line[] = [];
  const shares = currentShares(state);
  const labelWidth = Math.max(16, Math.min(40, width - 44));
  const maxShare = Math.max(...Object.values(shares ?? {}), 0);
  lines.push([{ text: `${fit(words.columns.criterion, labelWidth)} ${fit(words.columns.mark, 7, 'right')} ${fit(words.columns.weight, 7, 'right')} ${fit(words.columns.points, 7, 'right')}`, bold: true }]);
  for (const criterion of scenario.criteria) {
    const mark = candidate.criteria[criterion.column];
    const share = shares?.[criterion.column];
    const points = result.contributions?.[criterion.column];
    const scale = `${mark === undefined ? '—' : n.mark(mark)}/${criterion.scale[1]}`;
    lines.push([
      { text: `${fit(criterion.label, labelWidth)} ${fit(scale, 7, 'right')} ${fit(share === undefined ? '' : n.percent(share), 7, 'right')} ${fit(points === undefined ? '' : n.decimal(points, 2), 7, 'right')} ` },
      { text: points === undefined ? '' : bar(points, maxShare * 100, Math.max(0, Math.min(20, width - labelWidth - 26))), color: 'cyan' },
    ]);
  }
  lines.push([{ text: `${fit(result.contributions === undefined ? words.scoreFormula(allocation.formula ?? '?') : words.score, labelWidth + 16)} ${fit(n.decimal(result.score, 2), 7, 'right')}`, bold: true }]);
  const review = result.review;
  if (review !== undefined) {
    const own = Object.values(review.scores);
    const widest = scenario.criteria.filter((criterion) => (review.spread[criterion.column] ?? 0) > 0).sort((a, b) => (review.spread[b.column] ?? 0) - (review.spread[a.column] ?? 0)).slice(0, 3);
    lines.push([
      { text: words.reviewers(review.reviewers, review.conflicts, n.decimal(Math.min(...own), 1), n.decimal(Math.max(...own), 1)) },
      { text: review.disagree ? words.disagree : '', color: 'yellow', bold: true },
    ]);
    lines.push([{ text: widest.length === 0 ? words.sameMarks : words.widest(widest.map((criterion) => `${criterion.label} ${n.decimal(review.spread[criterion.column] ?? 0, 1)}`).join(' · ')), dim: true }]);
  }
  return lines;
}

/** The rules candidate `index` counts towards, with their groups' totals and bounds. */
function ruleLines(state: TuiState, index: number, allocation: Allocation, width: number): Line[] {
  const { scenario } = state;
  const { n } = wordsOf(state.lang);
  const words = DETAIL_WORDS[state.lang];
  const lines: Line[] = [];
  const rules = scenario.rules.flatMap((rule, ruleIndex) => {
    const group = ruleGroups(scenario, ruleIndex).find((entry) => entry.members.includes(index));
    if (group === undefined) return [];
    return allocation.rules.filter((entry) => entry.rule === ruleIndex && entry.group === group.label).map((entry) => ({ rule, entry }));
  });
  lines.push([{ text: rules.length === 0 ? words.noRule : words.rulesTitle, bold: true }]);
  for (const { rule, entry } of rules) {
    const value = entry.measure === 'count' ? words.laureates(entry.value) : n.euros(entry.value);
    const figures = `${fit(value, 13, 'right')} ${describeBounds(entry.min, entry.max, entry.measure, n, words)}`;
    if (width >= 90) {
      lines.push([
        { text: entry.binding ? '● ' : '  ', color: 'yellow' },
        { text: `${fit(rule.label, Math.max(10, width - 52))} ${fit(entry.group, 18)} ${figures}` },
        { text: entry.binding ? words.binding : '', color: 'yellow' },
      ]);
      continue;
    }
    // Narrow: the rule on its own line, its group and figures under it.
    lines.push(
      [{ text: entry.binding ? '● ' : '  ', color: 'yellow' }, { text: rule.label }],
      [{ text: `    ${fit(entry.group, Math.max(8, Math.min(18, width - 46)))} ${figures}` }, { text: entry.binding ? words.binding : '', color: 'yellow' }],
    );
  }
  return lines;
}

export function detailLines(state: TuiState, id: string, width: number): Line[] {
  const { scenario } = state;
  const tui = wordsOf(state.lang);
  const { n } = tui;
  const words = DETAIL_WORDS[state.lang];
  const allocation = state.allocation;
  const index = scenario.candidates.findIndex((candidate) => candidate.id === id);
  const candidate = scenario.candidates[index];
  const result = allocation?.candidates.find((entry) => entry.id === id);
  if (candidate === undefined || result === undefined || allocation === undefined) return [[{ text: words.noCandidate(id), color: 'red' }]];

  const skip = new Set(['id', 'name', 'region', 'request', ...scenario.criteria.map((criterion) => criterion.column)]);
  const attributes = Object.entries(candidate.attributes)
    .filter(([column, value]) => !skip.has(column) && !column.startsWith('request_') && value !== '')
    .map(([column, value]) => `${column} ${value}`);
  const years = Object.entries(result.years).map(([year, euros]) => `${year} ${n.euros(euros)}`);
  const moved = changesBetween(state.reference ?? state.previous, allocation).get(id);
  const change = formatChange(moved, state.lang);
  const lock = scenario.locks[id];
  // Compact, with no blank line: at 80×24 the rules the candidate counts towards are still on screen.
  const lines: Line[] = [
    [
      { text: `${candidate.id} · `, dim: true },
      { text: candidate.name, bold: true },
      { text: ` · ${candidate.region} · ` },
      { text: tui.lock[lock ?? 'free'], bold: true, color: lock === undefined ? undefined : lock === 'funded' ? 'green' : 'red' },
      { text: result.eligible ? '' : words.belowFloor, color: 'yellow' },
    ],
    [{ text: attributes.length === 0 ? ' ' : attributes.join(' · '), dim: true }],
    [
      { text: words.rank(result.rank, n.decimal(result.score, 2)) },
      { text: words.grant(n.euros(result.grant)), bold: true, color: result.funded ? 'green' : undefined },
      { text: words.asked(years.length > 0 ? ` (${years.join(', ')})` : '', n.euros(result.request), n.percent(result.shareOfRequest)) },
      { text: change === '' ? '' : ` · ${change}`, color: moved?.kind === 'down' || moved?.kind === 'out' ? 'red' : 'green' },
    ],
  ];

  lines.push(...scoreLines(state, candidate, result, allocation, width), ...ruleLines(state, index, allocation, width));

  // Ties the solve found around this candidate, then "why", re-solved (explain), when it arrives.
  for (const tie of allocation.ties.filter((entry) => entry.gains === id || entry.loses.includes(id))) {
    wrapText(`${tie.kind === 'exact' ? '=' : '≈'} ${tieSentenceIn(tie.facts, state.lang)}`, width).forEach((part) => lines.push([{ text: part, color: 'yellow' }]));
  }
  lines.push([{ text: result.funded ? words.whyFunded : words.whyNot, bold: true }]);
  const why = state.why?.id === id && state.why.generation === state.solved ? state.why.lines : 'pending';
  if (why === 'pending') lines.push([{ text: words.solvingAgain, dim: true }]);
  else for (const sentence of why) wrapText(sentence, width).forEach((part) => lines.push([{ text: part }]));
  return lines;
}

/** The open candidate's detail, scrolled (PgUp PgDn), greyed with a stale allocation. */
export function detailView(state: TuiState, { width, height }: Area): Shown {
  const lines = detailLines(state, state.detail ?? '', width);
  const top = windowFor(state.tops.detail, lines.length, height);
  return { lines: lines.slice(top), dim: isStale(state) };
}
