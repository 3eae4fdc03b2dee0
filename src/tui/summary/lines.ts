/** Spend by region and by rule group as bars, each rule's bounds drawn (│) and binding rules marked (●). */
import type { Allocation, RuleResult } from '../../domain/allocation.js';
import { euroWeightedScore } from '../../analysis/mean-score.js';
import type { Lang } from '../../domain/lang.js';
import { isStale } from '../selectors.js';
import { windowFor } from '../scroll.js';
import type { TuiState } from '../state.js';
import { boundedBar, fit } from '../text.js';
import type { Area, Line, Shown } from '../lines.js';
import { wordsOf } from '../words.js';
import { SUMMARY_WORDS } from './words.js';

function boundsText(rule: Pick<RuleResult, 'min' | 'max' | 'measure'>, lang: Lang): string {
  const show = (value: number): string => (rule.measure === 'count' ? String(value) : SUMMARY_WORDS[lang].compact(value, 11));
  if (rule.min !== undefined && rule.max !== undefined) return `${show(rule.min)}–${show(rule.max)}`;
  if (rule.min !== undefined) return `≥ ${show(rule.min)}`;
  if (rule.max !== undefined) return `≤ ${show(rule.max)}`;
  return '';
}

/** Bounds of the euro rules that group by region, by region: drawn on the region bars. */
function regionBounds(allocation: Allocation, state: TuiState): Map<string, { min?: number; max?: number; binding: boolean }> {
  const bounds = new Map<string, { min?: number; max?: number; binding: boolean }>();
  for (const rule of allocation.rules) {
    const declared = state.scenario.rules[rule.rule];
    if (declared?.group.column !== 'region' || declared.group.in !== undefined || rule.measure === 'count') continue;
    const entry = bounds.get(rule.group) ?? { binding: false };
    if (rule.min !== undefined) entry.min = Math.max(entry.min ?? 0, rule.min);
    if (rule.max !== undefined) entry.max = Math.min(entry.max ?? Infinity, rule.max);
    entry.binding ||= rule.binding;
    bounds.set(rule.group, entry);
  }
  return bounds;
}

/** What the summary lists, read off the allocation: the regions shown, each rule's groups shown and hidden. */
interface SummaryRows {
  readonly bounds: ReturnType<typeof regionBounds>;
  readonly regions: Allocation['regions'];
  /** Regions that get nothing, said in one line. */
  readonly idle: number;
  readonly rules: readonly { readonly label: string; readonly results: readonly RuleResult[]; readonly shown: readonly RuleResult[] }[];
}

function summaryRows(allocation: Allocation, state: TuiState): SummaryRows {
  const bounds = regionBounds(allocation, state);
  const regions = allocation.regions.filter((region) => region.amount > 0 || (bounds.get(region.region)?.min ?? 0) > 0);
  const rules = state.scenario.rules.map((rule, index) => {
    const results = allocation.rules.filter((entry) => entry.rule === index);
    // Binding groups first, then the largest.
    const shown = results.filter((entry) => entry.value > 0 || (entry.min ?? 0) > 0 || entry.binding).sort((a, b) => Number(b.binding) - Number(a.binding) || b.value - a.value);
    return { label: rule.label, results, shown };
  });
  return { bounds, regions, idle: allocation.regions.length - regions.length, rules };
}

/** How many lines `summaryLines` gives, counted from the allocation without laying them out. */
export function summaryHeight(state: TuiState): number {
  if (state.allocation === undefined) return 1;
  const { regions, idle, rules } = summaryRows(state.allocation, state);
  const ruleLines = rules.reduce((sum, rule) => sum + 2 + rule.shown.length + (rule.results.length > rule.shown.length ? 1 : 0), 0);
  return 3 + regions.length + (idle > 0 ? 1 : 0) + ruleLines;
}

export function summaryLines(state: TuiState, width: number): Line[] {
  const allocation = state.allocation;
  const words = SUMMARY_WORDS[state.lang];
  const { n } = wordsOf(state.lang);
  if (allocation === undefined) return [[{ text: words.solvingFirst, dim: true }]];
  const nameWidth = Math.max(12, Math.min(30, Math.floor(width * 0.28)));
  const barWidth = Math.max(8, width - nameWidth - 37);
  const meanScore = euroWeightedScore(allocation);
  const lines: Line[] = [
    [
      { text: words.meanScore, bold: true },
      { text: meanScore === undefined ? '—' : n.decimal(meanScore, 2), bold: true, color: 'cyan' },
      { text: words.meanScoreNote, dim: true },
    ],
    [],
    [{ text: words.byRegion, bold: true }, { text: words.legend(n.euros(allocation.spent), n.euros(allocation.total)), dim: true }],
  ];
  const { bounds, regions, idle, rules } = summaryRows(allocation, state);
  const regionScale = Math.max(...allocation.regions.map((region) => region.amount), ...[...bounds.values()].map((entry) => entry.max ?? entry.min ?? 0).filter(Number.isFinite), 1);
  for (const region of regions) {
    const bound = bounds.get(region.region);
    const binding = bound?.binding === true;
    lines.push([
      { text: binding ? '● ' : '  ', color: 'yellow' },
      { text: `${fit(region.region, nameWidth)} ` },
      { text: boundedBar(region.amount, regionScale, barWidth, bound?.min, bound?.max), color: binding ? 'yellow' : 'cyan' },
      { text: ` ${fit(n.euros(region.amount), 11, 'right')} ${fit(words.laureates(region.laureates), 9, 'right')}` },
    ]);
  }
  if (idle > 0) lines.push([{ text: words.idleRegions(idle), dim: true }]);

  for (const { label, results, shown } of rules) {
    lines.push([], [{ text: label, bold: true }, { text: results.some((entry) => entry.binding) ? words.binding : '', color: 'yellow' }]);
    for (const entry of shown) {
      const scale = Math.max(entry.value, entry.max ?? 0, entry.min ?? 0, 1) * (entry.max === undefined ? 1.25 : 1.05);
      const value = entry.measure === 'count' ? words.laureates(entry.value) : n.euros(entry.value);
      lines.push([
        { text: entry.binding ? '● ' : '  ', color: 'yellow' },
        { text: `${fit(entry.group, nameWidth)} ` },
        { text: boundedBar(entry.value, scale, barWidth, entry.min, entry.max), color: entry.binding ? 'yellow' : entry.measure === 'count' ? 'magenta' : 'cyan' },
        { text: ` ${fit(value, 11, 'right')} ${fit(boundsText(entry, state.lang), 20)}` },
      ]);
    }
    if (results.length > shown.length) lines.push([{ text: words.otherGroups(results.length - shown.length), dim: true }]);
  }
  return lines;
}

/** Spend by region and by rule group, scrolled, greyed with a stale allocation. */
export function summaryView(state: TuiState, { width, height }: Area): Shown {
  const lines = summaryLines(state, width);
  return { lines: lines.slice(windowFor(state.summaryTop, lines.length, height)), dim: isStale(state) };
}
