/** The readable report `enveloppe solve` prints: the allocation table, then totals and rules. */
import type { Allocation, RuleResult } from '../analysis/allocation.js';
import { euroWeightedScore } from '../analysis/mean-score.js';
import { formatEuros, formatPercent } from '../domain/money.js';

export interface ReportOptions {
  /** List candidates that get nothing too. @default false */
  readonly all?: boolean;
}

interface Column {
  readonly title: string;
  readonly width: number;
  readonly align: 'left' | 'right';
}

/** Cuts or pads text to `width` characters. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const chars = [...text];
  const cut = chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text;
  const pad = ' '.repeat(Math.max(0, width - [...cut].length));
  return align === 'left' ? cut + pad : pad + cut;
}

function line(columns: readonly Column[], cells: readonly string[]): string {
  return columns.map((column, index) => fit(cells[index] ?? '', column.width, column.align)).join('  ').trimEnd();
}

/** The whole report as text. */
export function renderReport(allocation: Allocation, options: ReportOptions = {}): string {
  const out: string[] = [];
  out.push(`${allocation.scenario} — policy ${allocation.policy}${allocation.policyLabel === allocation.policy ? '' : ` (${allocation.policyLabel})`}`);
  if (allocation.weights !== undefined) {
    const weights = Object.entries(allocation.weights).map(([column, weight]) => `${column} ${formatPercent(weight)}`);
    out.push(`Weights: ${weights.join(', ')}`);
  } else if (allocation.formula !== undefined) {
    out.push(`Score formula: ${allocation.formula}`);
  }
  // The objective itself (Σ score × euros) means nothing to a reader: it stays in the JSON output.
  const meanScore = euroWeightedScore(allocation);
  out.push(`Proven optimum by ${allocation.engine === 'jslp' ? 'javascript-lp-solver' : 'HiGHS'}${meanScore === undefined ? '' : `; mean score weighted by the euros: ${meanScore.toFixed(2)}`}`);
  for (const note of allocation.notes) out.push(`Note: ${note}`);
  out.push('');

  const years = allocation.years.map((entry) => entry.year);
  const shown = allocation.candidates.filter((candidate) => options.all === true || candidate.grant > 0);
  // Columns as wide as what they hold (names up to 48, regions up to 26), and the tags in a column of their own.
  const widest = (title: string, texts: readonly string[], most: number): number => Math.min(most, Math.max([...title].length, ...texts.map((text) => [...text].length)));
  const tags = shown.map(tagOf);
  const columns: Column[] = [
    { title: 'Rank', width: 4, align: 'right' },
    { title: 'Id', width: widest('Id', shown.map((candidate) => candidate.id), 16), align: 'left' },
    { title: 'Name', width: widest('Name', shown.map((candidate) => candidate.name), 48), align: 'left' },
    { title: 'Region', width: widest('Region', shown.map((candidate) => candidate.region), 26), align: 'left' },
    { title: 'Score', width: 6, align: 'right' },
    ...years.map((year): Column => ({ title: year, width: 11, align: 'right' })),
    { title: 'Grant', width: 11, align: 'right' },
    { title: '% req.', width: 7, align: 'right' },
    ...(tags.some((tag) => tag !== '') ? [{ title: 'Note', width: widest('Note', tags, 20), align: 'left' } as const] : []),
  ];
  out.push(line(columns, columns.map((column) => column.title)));
  shown.forEach((candidate, index) => {
    out.push(line(columns, [
      String(candidate.rank),
      candidate.id,
      candidate.name,
      candidate.region,
      candidate.score.toFixed(2),
      ...years.map((year) => formatEuros(candidate.years[year] ?? 0)),
      formatEuros(candidate.grant),
      formatPercent(candidate.shareOfRequest),
      tags[index] ?? '',
    ]));
  });
  const hidden = allocation.candidates.length - shown.length;
  if (hidden > 0) out.push(`(${hidden} candidates get nothing; --all lists them)`);
  out.push('');

  const envelopeBinding = allocation.total - allocation.spent < allocation.step ? '  ● all spent' : '';
  out.push(`Envelope   ${formatEuros(allocation.spent)} of ${formatEuros(allocation.total)}${envelopeBinding}`);
  for (const entry of allocation.years) out.push(`  ${fit(entry.year, 8)} ${formatEuros(entry.spent)} of ${formatEuros(entry.ceiling)}`);
  out.push(`Laureates  ${allocation.laureates} of ${allocation.laureatesMax} at most`);
  out.push('');
  out.push('By region');
  for (const region of allocation.regions.filter((entry) => entry.amount > 0)) {
    out.push(`  ${fit(region.region, 28)} ${fit(formatEuros(region.amount), 11, 'right')}  ${region.laureates} laureate${region.laureates === 1 ? '' : 's'}`);
  }
  if (allocation.rules.length > 0) {
    out.push('');
    out.push('Rules (● binding: the rule holds the allocation back)');
    for (const rule of allocation.rules) {
      if (!rule.binding && !interesting(rule)) continue;
      out.push(`  ${rule.binding ? '●' : ' '} ${fit(rule.label, 44)} ${fit(rule.group, 28)} ${fit(ruleValue(rule), 11, 'right')}  ${bounds(rule)}`);
    }
    const quiet = allocation.rules.filter((rule) => !rule.binding && !interesting(rule)).length;
    if (quiet > 0) out.push(`  (${quiet} more groups hold with room to spare and receive nothing)`);
  }
  return `${out.join('\n')}\n`;
}

/** `locked in`, `locked out`, `asks < floor` (asks less than the grant floor), or ''. */
function tagOf(candidate: Allocation['candidates'][number]): string {
  if (candidate.lock === 'funded') return 'locked in';
  if (candidate.lock === 'excluded') return 'locked out';
  return candidate.eligible ? '' : 'asks < floor';
}

/** A group with no laureate and no binding bound says nothing worth a line. */
function interesting(rule: RuleResult): boolean {
  return rule.value > 0 || (rule.min !== undefined && rule.min > 0);
}

function ruleValue(rule: RuleResult): string {
  return rule.measure === 'count' ? `${rule.value}` : formatEuros(rule.value);
}

function bounds(rule: RuleResult): string {
  const show = (value: number): string => (rule.measure === 'count' ? String(value) : formatEuros(value));
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${show(rule.min)}`);
  if (rule.max !== undefined) parts.push(`≤ ${show(rule.max)}`);
  return parts.join(', ');
}
