/** The readable report `enveloppe solve` prints: the allocation table, then totals and rules. */
import type { Allocation, CandidateResult, RuleResult } from '../domain/allocation.js';
import { euroWeightedScore } from '../analysis/mean-score.js';
import { formatEuros, formatPercent } from '../domain/money.js';

export interface ReportOptions {
  /** List candidates that get nothing too. @default false */
  readonly all?: boolean;
  /** The weights came from --weights, not from the policy. @default false */
  readonly customWeights?: boolean;
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
  const policy = `policy ${allocation.policy}${allocation.policyLabel === allocation.policy ? '' : ` (${allocation.policyLabel})`}`;
  out.push(`${allocation.scenario} — ${options.customWeights === true ? `weights from --weights (replacing those of ${policy})` : policy}`);
  if (allocation.weights !== undefined) {
    const weights = Object.entries(allocation.weights).map(([column, weight]) => `${column} ${formatPercent(weight)}`);
    out.push(`Weights: ${weights.join(', ')}`);
  } else if (allocation.formula !== undefined) {
    out.push(`Score formula: ${allocation.formula}`);
  }
  // The objective itself (Σ score × euros) means nothing to a reader: it stays in the JSON output.
  const meanScore = euroWeightedScore(allocation);
  const engine = allocation.engine === 'jslp' ? 'javascript-lp-solver' : 'HiGHS';
  out.push(`${allocation.gap === 0 ? 'Proven optimum' : 'Optimum'} by ${engine}${meanScore === undefined ? '' : `; mean score weighted by the euros: ${meanScore.toFixed(2)}`}`);
  for (const note of allocation.notes) out.push(`Note: ${note}`);
  out.push('');

  const years = allocation.years.map((entry) => entry.year);
  const reviewed = allocation.candidates.some((candidate) => candidate.review !== undefined);
  const shown = allocation.candidates.filter((candidate) => options.all === true || candidate.grant > 0);
  // Columns as wide as what they hold (names up to 48, regions up to 26), and the tags in a column of their own.
  const widest = (title: string, texts: readonly string[], most: number): number => Math.min(most, Math.max([...title].length, ...texts.map((text) => [...text].length)));
  const tags = shown.map(tagOf);
  const columns: Column[] = [
    { title: 'Rank', width: 4, align: 'right' },
    { title: 'Id', width: widest('Id', shown.map((candidate) => candidate.id), 16), align: 'left' },
    { title: 'Name', width: widest('Name', shown.map((candidate) => candidate.name), 48), align: 'left' },
    { title: 'Region', width: widest('Region', shown.map((candidate) => candidate.region), 26), align: 'left' },
    // Wide enough for any score: a formula may give 10000.00.
    { title: 'Score', width: Math.max(6, ...allocation.candidates.map((candidate) => candidate.score.toFixed(2).length)), align: 'right' },
    ...years.map((year): Column => ({ title: year, width: 11, align: 'right' })),
    { title: 'Grant', width: 11, align: 'right' },
    { title: '% req.', width: 7, align: 'right' },
    ...(tags.some((tag) => tag !== '') ? [{ title: 'Note', width: widest('Note', tags, 20), align: 'left' } as const] : []),
    ...(reviewed ? [{ title: 'Reviews', width: 14, align: 'left' } as Column] : []),
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
      ...(tags.some((tag) => tag !== '') ? [tags[index] ?? ''] : []),
      ...(reviewed ? [reviewTag(candidate.review)] : []),
    ]));
  });
  const hidden = allocation.candidates.length - shown.length;
  if (hidden > 0) out.push(`(${hidden} candidates get nothing; --all lists them)`);
  if (reviewed) out.push("Reviews: reviewers counted, ↕ range of their own final scores in points, ⚑ above the scenario's disagreement threshold, ⊘ conflicts excluded.");
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
  out.push('');
  out.push(...renderTies(allocation));
  return `${out.join('\n')}\n`;
}

/** `3 ↕12.4 ⚑ ⊘1`: reviewers, range of their own scores, the disagreement flag, conflicts excluded. */
function reviewTag(review: CandidateResult['review']): string {
  if (review === undefined) return '';
  return `${review.reviewers} ↕${review.scoreRange.toFixed(1)}${review.disagree ? ' ⚑' : ''}${review.conflicts > 0 ? ` ⊘${review.conflicts}` : ''}`;
}

/** `locked in`, `locked out`, `asks < floor` (asks less than the grant floor), or ''. */
function tagOf(candidate: Allocation['candidates'][number]): string {
  if (candidate.lock === 'funded') return 'locked in';
  if (candidate.lock === 'excluded') return 'locked out';
  return candidate.eligible ? '' : 'asks < floor';
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

/** Ties at the optimum, the rule that settled them, and the lottery when one was drawn. */
export function renderTies(allocation: Allocation): string[] {
  const out: string[] = [];
  const { lottery } = allocation.tiebreak;
  out.push(`Ties: ${allocation.tiebreak.rule}.`);
  if (allocation.ties.length === 0) out.push('  No other optimal allocation funds another candidate.');
  for (const tie of allocation.ties) out.push(`  ${tie.kind === 'exact' ? '=' : '≈'} ${tie.sentence}`);
  if (lottery !== undefined) {
    out.push(`Lottery: seed "${lottery.seed}", band ${lottery.band} points around the funding line (score ${lottery.line.toFixed(2)}); ${lottery.tickets.length} candidate${lottery.tickets.length === 1 ? '' : 's'} in the draw, in drawn order:`);
    for (const entry of lottery.tickets.slice(0, 12)) {
      const funded = allocation.candidates.find((candidate) => candidate.id === entry.id)?.funded === true;
      out.push(`  ${fit(entry.id, 12)} score ${entry.score.toFixed(2)}  ticket ${entry.ticket.slice(0, 16)}…  ${funded ? 'funded' : 'not funded'}`);
    }
    if (lottery.tickets.length > 12) out.push(`  (${lottery.tickets.length - 12} more; --json lists them all)`);
  }
  return out;
}
