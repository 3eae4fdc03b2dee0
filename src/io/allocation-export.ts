/**
 * The allocation as files people open: a CSV table for Excel and a JSON document for programs.
 * Both are pure functions of the allocation, so the same inputs give the same bytes.
 */
import type { Allocation } from '../domain/allocation.js';
import { formatCsv, type CsvTableOut } from './csv-write.js';

/** The allocation table: one row per candidate (table order), then a total row. */
export function allocationTable(allocation: Allocation, options: { excel: boolean }): CsvTableOut {
  const years = allocation.years.map((entry) => entry.year);
  const columns = options.excel
    ? ['Rang', 'Id', 'Nom', 'Région', 'Score', ...years.map((year) => `Subvention ${year} (€)`), 'Subvention (€)', 'Demande (€)', 'Part de la demande (%)', 'Lauréat']
    : ['rank', 'id', 'name', 'region', 'score', ...years.map((year) => `grant_${year}_eur`), 'grant_eur', 'request_eur', 'share_of_request_pct', 'funded'];
  const yes = options.excel ? 'oui' : 'yes';
  const no = options.excel ? 'non' : 'no';
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
  rows.push(['', '', options.excel ? 'Total' : 'total', '', '', ...yearTotals, allocation.spent, '', '', allocation.laureates]);
  return { columns, rows };
}

/** The allocation table as CSV bytes (French Excel: `;`, decimal comma, BOM, CRLF). */
export function allocationCsv(allocation: Allocation, options: { excel: boolean }): Buffer {
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
    },
    ties: allocation.ties.map((tie) => ({ kind: tie.kind, gains: tie.gains, loses: tie.loses, loss: tie.loss, sentence: tie.sentence })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
