/** One candidate: its marks, its score broken down by criterion, the rules it counts towards, its lock. */
import { formatEuros, formatPercent } from '../../domain/money.js';
import { ruleGroups } from '../../domain/rules.js';
import { changesBetween, formatChange } from '../changes.js';
import { currentShares, type TuiState } from '../state.js';
import { bar, fit } from '../text.js';
import type { Line } from '../lines.js';

function describeBounds(min: number | undefined, max: number | undefined, measure: string): string {
  const show = (value: number): string => (measure === 'count' ? String(value) : formatEuros(value));
  if (min !== undefined && max !== undefined) return `${show(min)} to ${show(max)}`;
  if (min !== undefined) return `≥ ${show(min)}`;
  if (max !== undefined) return `≤ ${show(max)}`;
  return '';
}

export function detailLines(state: TuiState, id: string, width: number): Line[] {
  const { scenario } = state;
  const allocation = state.allocation;
  const index = scenario.candidates.findIndex((candidate) => candidate.id === id);
  const candidate = scenario.candidates[index];
  const result = allocation?.candidates.find((entry) => entry.id === id);
  if (candidate === undefined || result === undefined || allocation === undefined) return [[{ text: `No candidate ${id}.`, color: 'red' }]];

  const skip = new Set(['id', 'name', 'region', 'request', ...scenario.criteria.map((criterion) => criterion.column)]);
  const attributes = Object.entries(candidate.attributes)
    .filter(([column, value]) => !skip.has(column) && !column.startsWith('request_') && value !== '')
    .map(([column, value]) => `${column} ${value}`);
  const years = Object.entries(result.years).map(([year, euros]) => `${year} ${formatEuros(euros)}`);
  const change = formatChange(changesBetween(state.reference ?? state.previous, allocation).get(id));
  const lock = scenario.locks[id];
  const lines: Line[] = [
    [{ text: `${candidate.id} · `, dim: true }, { text: candidate.name, bold: true }, { text: ` · ${candidate.region}` }],
    [{ text: attributes.length === 0 ? ' ' : attributes.join(' · '), dim: true }],
    [
      { text: `Rank ${result.rank} · score ${result.score.toFixed(2)} · ` },
      { text: `grant ${formatEuros(result.grant)}`, bold: true, color: result.funded ? 'green' : undefined },
      { text: `${years.length > 0 ? ` (${years.join(', ')})` : ''} of ${formatEuros(result.request)} asked (${formatPercent(result.shareOfRequest)})` },
      { text: change === '' ? '' : ` · ${change}`, color: change.startsWith('▼') || change === 'out' ? 'red' : 'green' },
    ],
    [
      { text: 'Lock: ' },
      { text: lock === undefined ? 'free' : lock === 'funded' ? 'locked in (funded)' : 'locked out (excluded)', bold: true, color: lock === undefined ? undefined : lock === 'funded' ? 'green' : 'red' },
      { text: result.eligible ? '' : ' · asks less than the grant floor: cannot be funded', color: 'yellow' },
      { text: '   Space: free → funded → excluded → free', dim: true },
    ],
    [],
  ];

  const shares = currentShares(state);
  const labelWidth = Math.max(16, Math.min(40, width - 44));
  const maxShare = Math.max(...Object.values(shares ?? {}), 0);
  lines.push([{ text: `${fit('Criterion', labelWidth)} ${fit('Mark', 7, 'right')} ${fit('Weight', 7, 'right')} ${fit('Points', 7, 'right')}`, bold: true }]);
  for (const criterion of scenario.criteria) {
    const mark = candidate.criteria[criterion.column];
    const share = shares?.[criterion.column];
    const points = result.contributions?.[criterion.column];
    const scale = `${mark === undefined ? '—' : String(mark)}/${criterion.scale[1]}`;
    lines.push([
      { text: `${fit(criterion.label, labelWidth)} ${fit(scale, 7, 'right')} ${fit(share === undefined ? '' : formatPercent(share), 7, 'right')} ${fit(points === undefined ? '' : points.toFixed(2), 7, 'right')} ` },
      { text: points === undefined ? '' : bar(points, maxShare * 100, Math.max(0, Math.min(20, width - labelWidth - 26))), color: 'cyan' },
    ]);
  }
  lines.push([{ text: `${fit(result.contributions === undefined ? `Score (formula: ${allocation.formula ?? '?'})` : 'Score', labelWidth + 16)} ${fit(result.score.toFixed(2), 7, 'right')}`, bold: true }]);

  const rules = scenario.rules.flatMap((rule, ruleIndex) => {
    const group = ruleGroups(scenario, ruleIndex).find((entry) => entry.members.includes(index));
    if (group === undefined) return [];
    return allocation.rules.filter((entry) => entry.rule === ruleIndex && entry.group === group.label).map((entry) => ({ rule, entry }));
  });
  lines.push([], [{ text: rules.length === 0 ? 'It counts towards no rule.' : 'Rules it counts towards', bold: true }]);
  for (const { rule, entry } of rules) {
    const value = entry.measure === 'count' ? `${entry.value} laureates` : formatEuros(entry.value);
    lines.push([
      { text: entry.binding ? '● ' : '  ', color: 'yellow' },
      { text: `${fit(rule.label, Math.max(10, width - 52))} ${fit(entry.group, 18)} ${fit(value, 13, 'right')} ${describeBounds(entry.min, entry.max, entry.measure)}` },
      { text: entry.binding ? ' binding' : '', color: 'yellow' },
    ]);
  }
  return lines;
}
