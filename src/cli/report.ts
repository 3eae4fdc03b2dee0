/** The readable report `enveloppe solve` prints: the allocation table, then totals and rules. */
import type { Allocation, CandidateResult, RuleResult } from '../domain/allocation.js';
import { euroWeightedScore } from '../analysis/mean-score.js';
import type { Lang } from '../domain/lang.js';
import { tieRuleIn, tieSentenceIn } from '../domain/tie-words.js';
import { engineName } from '../report/labels.js';
import { WORDS, type CliWords } from './words.js';

export interface ReportOptions {
  /** List candidates that get nothing too. @default false */
  readonly all?: boolean;
  /** The weights came from --weights, not from the policy. @default false */
  readonly customWeights?: boolean;
  /** The language of the table and its figures. @default 'en' */
  readonly lang?: Lang;
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

/** The heading: the scenario, the policy (or --weights), the weights or the formula, the optimum. */
function heading(allocation: Allocation, options: ReportOptions, words: CliWords): string[] {
  const out: string[] = [];
  const policy = words.policyHead(allocation.policy, allocation.policyLabel === allocation.policy ? undefined : allocation.policyLabel);
  out.push(`${allocation.scenario} — ${options.customWeights === true ? words.customWeights(policy) : policy}`);
  if (allocation.weights !== undefined) {
    const weights = Object.entries(allocation.weights).map(([column, weight]) => `${column} ${words.n.percent(weight)}`);
    out.push(`${words.weights}${weights.join(', ')}`);
  } else if (allocation.formula !== undefined) {
    out.push(`${words.formula}${allocation.formula}`);
  }
  // The objective itself (Σ score × euros) means nothing to a reader: it stays in the JSON output.
  const meanScore = euroWeightedScore(allocation);
  out.push(words.optimumBy(allocation.gap === 0, engineName(allocation.engine), meanScore === undefined ? undefined : words.n.decimal(meanScore, 2)));
  for (const note of allocation.notes) out.push(`${words.tableNote}${words.solveNote(note)}`);
  return out;
}

/** The table of the candidates shown: one line each, with a column per budget year. */
function table(allocation: Allocation, options: ReportOptions, words: CliWords): string[] {
  const out: string[] = [];
  const { n, columns: titles } = words;
  const years = allocation.years.map((entry) => entry.year);
  const reviewed = allocation.candidates.some((candidate) => candidate.review !== undefined);
  const shown = allocation.candidates.filter((candidate) => options.all === true || candidate.grant > 0);
  // Columns as wide as what they hold (names up to 48, regions up to 26), and the tags in a column of their own.
  const widest = (title: string, texts: readonly string[], most: number): number => Math.min(most, Math.max([...title].length, ...texts.map((text) => [...text].length)));
  const tags = shown.map((candidate) => tagOf(candidate, words));
  const tagged = tags.some((tag) => tag !== '');
  const columns: Column[] = [
    { title: titles.rank, width: 4, align: 'right' },
    { title: titles.id, width: widest(titles.id, shown.map((candidate) => candidate.id), 16), align: 'left' },
    { title: titles.name, width: widest(titles.name, shown.map((candidate) => candidate.name), 48), align: 'left' },
    { title: titles.region, width: widest(titles.region, shown.map((candidate) => candidate.region), 26), align: 'left' },
    // Wide enough for any score: a formula may give 10000.00.
    { title: titles.score, width: Math.max(6, ...allocation.candidates.map((candidate) => n.decimal(candidate.score, 2).length)), align: 'right' },
    ...years.map((year): Column => ({ title: year, width: 11, align: 'right' })),
    { title: titles.grant, width: 11, align: 'right' },
    { title: titles.shareOfRequest, width: 7, align: 'right' },
    ...(tagged ? [{ title: titles.note, width: widest(titles.note, tags, 20), align: 'left' } as const] : []),
    ...(reviewed ? [{ title: titles.reviews, width: 14, align: 'left' } as Column] : []),
  ];
  out.push(line(columns, columns.map((column) => column.title)));
  shown.forEach((candidate, index) => {
    out.push(line(columns, [
      String(candidate.rank),
      candidate.id,
      candidate.name,
      candidate.region,
      n.decimal(candidate.score, 2),
      ...years.map((year) => n.euros(candidate.years[year] ?? 0)),
      n.euros(candidate.grant),
      n.percent(candidate.shareOfRequest),
      ...(tagged ? [tags[index] ?? ''] : []),
      ...(reviewed ? [reviewTag(candidate.review, words)] : []),
    ]));
  });
  const hidden = allocation.candidates.length - shown.length;
  if (hidden > 0) out.push(words.nothingFor(hidden));
  if (reviewed) out.push(words.reviewsLegend);
  return out;
}

/** The totals: envelope, years, laureates, gap; then the regions and the rules. */
function totals(allocation: Allocation, words: CliWords, lang: Lang): string[] {
  const out: string[] = [];
  const { n } = words;
  out.push(words.envelope(n.euros(allocation.spent), n.euros(allocation.total), allocation.total - allocation.spent < allocation.step));
  for (const entry of allocation.years) out.push(`  ${fit(entry.year, 8)} ${words.yearSpent(n.euros(entry.spent), n.euros(entry.ceiling))}`);
  out.push(words.laureates(allocation.laureates, allocation.laureatesMax));
  out.push(words.gap(allocation.gap, formatGap(allocation.gap, lang)));
  out.push('');
  out.push(words.byRegion);
  for (const region of allocation.regions.filter((entry) => entry.amount > 0)) {
    out.push(`  ${fit(region.region, 28)} ${fit(n.euros(region.amount), 11, 'right')}  ${words.regionLaureates(region.laureates)}`);
  }
  if (allocation.rules.length > 0) {
    out.push('');
    out.push(words.rulesHeading);
    for (const rule of allocation.rules) {
      if (!rule.binding && !interesting(rule)) continue;
      out.push(`  ${rule.binding ? '●' : ' '} ${fit(rule.label, 44)} ${fit(rule.group, 28)} ${fit(ruleValue(rule, words), 11, 'right')}  ${bounds(rule, words)}`);
    }
    const quiet = allocation.rules.filter((rule) => !rule.binding && !interesting(rule)).length;
    if (quiet > 0) out.push(`  ${words.quietRules(quiet)}`);
  }
  return out;
}

/** The whole report as text, in `options.lang` (English by default). */
export function renderReport(allocation: Allocation, options: ReportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const words = WORDS[lang];
  const out = [...heading(allocation, options, words), '', ...table(allocation, options, words), '', ...totals(allocation, words, lang), '', ...renderTies(allocation, lang)];
  return `${out.join('\n')}\n`;
}

/** `3 ↕12.4 ⚑ ⊘1`: reviewers, range of their own scores, the disagreement flag, conflicts excluded. */
function reviewTag(review: CandidateResult['review'], words: CliWords): string {
  if (review === undefined) return '';
  return `${review.reviewers} ↕${words.n.decimal(review.scoreRange, 1)}${review.disagree ? ' ⚑' : ''}${review.conflicts > 0 ? ` ⊘${review.conflicts}` : ''}`;
}

/** `locked in`, `locked out`, `asks < floor` (asks less than the grant floor), or ''. */
function tagOf(candidate: Allocation['candidates'][number], words: CliWords): string {
  if (candidate.lock === 'funded') return words.lockedIn;
  if (candidate.lock === 'excluded') return words.lockedOut;
  return candidate.eligible ? '' : words.belowFloor;
}

/** A proven relative gap as a percentage with two significant digits, never rounded down: 0.0031 %. */
export function formatGap(gap: number, lang: Lang = 'en'): string {
  const words = WORDS[lang];
  if (!Number.isFinite(gap)) return words.unknownDistance;
  if (gap === 0) return words.n.percent(0, 0);
  const percent = gap * 100;
  const digits = Math.max(0, 1 - Math.floor(Math.log10(percent)));
  const factor = 10 ** digits;
  return words.n.percent(Math.ceil(percent * factor - 1e-9) / factor / 100, digits);
}

/** A group with no laureate and no binding bound says nothing worth a line. */
function interesting(rule: RuleResult): boolean {
  return rule.value > 0 || (rule.min !== undefined && rule.min > 0);
}

function ruleValue(rule: RuleResult, words: CliWords): string {
  return rule.measure === 'count' ? `${rule.value}` : words.n.euros(rule.value);
}

function bounds(rule: RuleResult, words: CliWords): string {
  const show = (value: number): string => (rule.measure === 'count' ? String(value) : words.n.euros(value));
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${show(rule.min)}`);
  if (rule.max !== undefined) parts.push(`≤ ${show(rule.max)}`);
  return parts.join(', ');
}

/** Ties at the optimum, the rule that settled them, and the lottery when one was drawn. */
export function renderTies(allocation: Allocation, lang: Lang = 'en'): string[] {
  const words = WORDS[lang];
  const out: string[] = [];
  const { lottery } = allocation.tiebreak;
  // English prints the words the allocation carries (its JSON's); another language says the same facts.
  out.push(words.ties(lang === 'en' ? allocation.tiebreak.rule : tieRuleIn(lottery, lang)));
  if (allocation.ties.length === 0) out.push(`  ${words.noOtherOptimum}`);
  for (const tie of allocation.ties) out.push(`  ${tie.kind === 'exact' ? '=' : '≈'} ${lang === 'en' ? tie.sentence : tieSentenceIn(tie.facts, lang)}`);
  if (lottery !== undefined) {
    out.push(words.lottery(lottery.seed, lottery.band, lottery.line, lottery.tickets.length));
    for (const entry of lottery.tickets.slice(0, 12)) {
      const funded = allocation.candidates.find((candidate) => candidate.id === entry.id)?.funded === true;
      out.push(`  ${fit(entry.id, 12)} ${words.ticket(entry.score, entry.ticket.slice(0, 16), funded)}`);
    }
    if (lottery.tickets.length > 12) out.push(`  ${words.moreTickets(lottery.tickets.length - 12)}`);
  }
  return out;
}
