/** The readable report `enveloppe solve` prints: the allocation table, then totals and rules. */
import type { Allocation, RuleResult } from '../analysis/allocation.js';
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
  const engine = allocation.engine === 'jslp' ? 'javascript-lp-solver' : 'HiGHS';
  out.push(`${allocation.gap === 0 ? 'Proven optimum' : 'Optimum'} by ${engine}; objective ${allocation.objective.toFixed(2)}`);
  for (const note of allocation.notes) out.push(`Note: ${note}`);
  out.push('');

  const years = allocation.years.map((entry) => entry.year);
  const columns: Column[] = [
    { title: 'Rank', width: 4, align: 'right' },
    { title: 'Id', width: 10, align: 'left' },
    { title: 'Name', width: 34, align: 'left' },
    { title: 'Region', width: 20, align: 'left' },
    { title: 'Score', width: 6, align: 'right' },
    ...years.map((year): Column => ({ title: year, width: 11, align: 'right' })),
    { title: 'Grant', width: 11, align: 'right' },
    { title: '% req.', width: 7, align: 'right' },
  ];
  out.push(line(columns, columns.map((column) => column.title)));
  const shown = allocation.candidates.filter((candidate) => options.all === true || candidate.grant > 0);
  for (const candidate of shown) {
    const lock = candidate.lock === 'funded' ? ' [locked in]' : candidate.lock === 'excluded' ? ' [locked out]' : !candidate.eligible ? ' [asks < floor]' : '';
    out.push(line(columns, [
      String(candidate.rank),
      candidate.id,
      `${candidate.name}${lock}`,
      candidate.region,
      candidate.score.toFixed(2),
      ...years.map((year) => formatEuros(candidate.years[year] ?? 0)),
      formatEuros(candidate.grant),
      formatPercent(candidate.shareOfRequest),
    ]));
  }
  const hidden = allocation.candidates.length - shown.length;
  if (hidden > 0) out.push(`(${hidden} candidates get nothing; --all lists them)`);
  out.push('');

  const envelopeBinding = allocation.total - allocation.spent < allocation.step ? '  ● all spent' : '';
  out.push(`Envelope   ${formatEuros(allocation.spent)} of ${formatEuros(allocation.total)}${envelopeBinding}`);
  for (const entry of allocation.years) out.push(`  ${fit(entry.year, 8)} ${formatEuros(entry.spent)} of ${formatEuros(entry.ceiling)}`);
  out.push(`Laureates  ${allocation.laureates} of ${allocation.laureatesMax} at most`);
  out.push(`Gap        ${allocation.gap === 0 ? '0 % (proven optimum)' : `within ${formatGap(allocation.gap)} of the best possible objective (proven)`}`);
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

/** A proven relative gap as a percentage with two significant digits, never rounded down: 0.0031 %. */
export function formatGap(gap: number): string {
  if (!Number.isFinite(gap)) return 'an unknown distance';
  if (gap === 0) return '0 %';
  const percent = gap * 100;
  const digits = Math.max(0, 1 - Math.floor(Math.log10(percent)));
  const factor = 10 ** digits;
  return `${(Math.ceil(percent * factor - 1e-9) / factor).toFixed(digits)} %`;
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
