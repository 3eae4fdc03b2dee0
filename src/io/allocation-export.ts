/**
 * The allocation as files people open: a CSV table for Excel and a JSON document for programs.
 * Both are pure functions of the allocation, so the same inputs give the same bytes.
 */
import { stopsTieBreak } from '../domain/solve-notes.js';
import type { Allocation } from '../domain/allocation.js';
import type { Lang } from '../domain/lang.js';
import { formatCsv, type CsvTableOut } from './csv-write.js';
import { allocationWords } from './export-words.js';

/** How to export the allocation: for Excel or for programs, and in which language. */
export interface AllocationExportOptions {
  /** `true`: headers for people and Excel's dialect; `false`: snake_case headers and RFC 4180. */
  readonly excel: boolean;
  /**
   * The language of the headers and of yes/no; for Excel also of the numbers (French `;` and
   * decimal comma, English `,` and decimal point). @default 'fr' with `excel`, 'en' without
   */
  readonly lang?: Lang;
}

/** The allocation table: one row per candidate (table order), then a total row. */
export function allocationTable(allocation: Allocation, options: AllocationExportOptions): CsvTableOut {
  const years = allocation.years.map((entry) => entry.year);
  const words = allocationWords(options.excel, options.lang);
  const columns = [words.rank, words.id, words.name, words.region, words.score, ...years.map(words.grantOf), words.grant, words.request, words.share, words.funded];
  const { yes, no } = words;
  const rows: (string | number)[][] = allocation.candidates.map((candidate) => [
    candidate.rank,
    candidate.id,
    candidate.name,
    candidate.region,
    candidate.score,
    ...years.map((year) => candidate.years[year] ?? 0),
    candidate.grant,
    candidate.request,
    Math.round(candidate.shareOfRequest * 1000) / 10,
    candidate.funded ? yes : no,
  ]);
  // Every grant is a whole number of euros, so this total equals the sum of the rows exactly.
  const yearTotals = years.map((year) => allocation.candidates.reduce((sum, candidate) => sum + (candidate.years[year] ?? 0), 0));
  rows.push(['', '', words.total, '', '', ...yearTotals, allocation.spent, '', '', allocation.laureates]);
  return { columns, rows };
}

/** The allocation table as CSV bytes (Excel in French by default: `;`, decimal comma, BOM, CRLF). */
export function allocationCsv(allocation: Allocation, options: AllocationExportOptions): Buffer {
  return formatCsv(allocationTable(allocation, options), options);
}

/** The `--json` document. No timing in it: the same inputs give byte-identical output. */
/** A gap with three significant digits, rounded up so that the figure stays a proven bound; null when unknown. */
function roundedUp(gap: number): number | null {
  if (!Number.isFinite(gap)) return null;
  if (gap <= 0) return 0;
  const unit = 10 ** (Math.floor(Math.log10(gap)) - 2);
  return Number((Math.ceil(gap / unit - 1e-9) * unit).toPrecision(3));
}

export function allocationJson(allocation: Allocation, status: string): string {
  const stopped = allocation.notes.find(stopsTieBreak);
  const document = {
    status,
    scenario: allocation.scenario,
    policy: allocation.policy,
    weights: allocation.weights ?? null,
    formula: allocation.formula ?? null,
    objective: allocation.objective,
    // Relative gap proven between the objective and the best possible (0: proven optimum), 3 significant digits rounded up.
    gap: roundedUp(allocation.gap),
    envelope: { total: allocation.total, years: Object.fromEntries(allocation.years.map((entry) => [entry.year, entry.ceiling])) },
    spent: allocation.spent,
    spentByYear: Object.fromEntries(allocation.years.map((entry) => [entry.year, entry.spent])),
    laureates: allocation.laureates,
    engine: allocation.engine,
    allocations: allocation.candidates.map((candidate) => ({
      id: candidate.id,
      name: candidate.name,
      region: candidate.region,
      score: candidate.score,
      rank: candidate.rank,
      funded: candidate.funded,
      grant: candidate.grant,
      years: candidate.years,
      request: candidate.request,
      ...(candidate.lock === undefined ? {} : { lock: candidate.lock }),
      ...(candidate.eligible ? {} : { eligible: false }),
      ...(candidate.review === undefined ? {} : { review: candidate.review }),
    })),
    rules: allocation.rules.map((rule) => ({
      label: rule.label,
      measure: rule.measure,
      group: rule.group,
      value: rule.value,
      bound: { min: rule.min ?? null, max: rule.max ?? null },
      binding: rule.binding,
    })),
    tiebreak: {
      rule: allocation.tiebreak.rule,
      lottery: allocation.tiebreak.lottery ?? null,
      // Only when it happened: a tie-break that did not finish is said here, not left to the text table.
      ...(stopped === undefined ? {} : { stopped }),
    },
    ties: allocation.ties.map((tie) => ({ kind: tie.kind, gains: tie.gains, loses: tie.loses, loss: tie.loss, sentence: tie.sentence })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
