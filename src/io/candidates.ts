/**
 * Turns the rows of a candidates CSV into Candidates: required columns, French numbers,
 * criteria within their declared scale, unique ids. One UserError per mistake, naming file, line and column.
 */
import { UserError } from '../domain/errors.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { closest } from '../domain/names.js';
import { cellPlace, headerHint, headerPlace, matchHeader, rowPlace, type CandidateTable, type ColumnMap } from './columns.js';
import type { CsvTable } from './csv.js';
import { ambiguousAmount, parseAmount, parseDecimal, parsePercent, type Parsed } from './numbers.js';
import { canonicalName, twinDifference } from './text.js';

export const REQUIRED_COLUMNS = ['id', 'name', 'region', 'request'] as const;

/** French headers programme officers write for the required columns, to suggest the rename. */
const FRENCH_NAMES: Readonly<Record<(typeof REQUIRED_COLUMNS)[number], readonly string[]>> = {
  id: ['identifiant', 'code', 'numéro', 'numero', 'n°', 'dossier'],
  name: ['nom', 'intitulé', 'intitule', 'projet', 'pôle', 'pole', 'porteur'],
  region: ['région'],
  request: ['montant', 'demande', 'montant demandé', 'montant_demande', 'subvention demandée', 'budget'],
};

/**
 * Most candidates a file may hold. HiGHS proves the optimum of 20,000 in about 6 s on 2 cores,
 * 50,000 in about 20 s (the default time limit) and 100,000 in about 90 s with 1.6 GB of memory.
 */
export const MAX_CANDIDATES = 20_000;

/**
 * Reads candidates from a parsed CSV or sheet; `years` are the envelope's years, matched to `request_<year>` columns;
 * `map` is the scenario's `columns:` (already checked against the header). Headers match case- and accent-insensitively.
 */
export function candidatesFromCsv(table: CandidateTable, criteria: readonly Criterion[], years: readonly string[], map: ColumnMap = {}): Candidate[] {
  const at = headersOf(table, criteria, map);
  if (table.rows.length === 0) {
    throw new UserError('the file has a header but no candidate', { ...headerPlace(table), hint: 'Add one row per candidate below the header.' });
  }
  const beyond = table.rows[MAX_CANDIDATES];
  if (beyond !== undefined) {
    throw new UserError(`the file has ${table.rows.length.toLocaleString('en-US')} candidates; enveloppe handles at most ${MAX_CANDIDATES.toLocaleString('en-US')}`, {
      ...rowPlace(table, beyond.line),
      hint: 'Beyond that the solver cannot prove the best allocation in reasonable time: keep only the admissible candidates, or split the call into several scenarios (e.g. one per region).',
    });
  }
  for (const year of years) {
    const match = matchHeader(`request_${year}`, table.header);
    if (match.ok) at[`request_${year}`] = match.header;
  }
  const yearColumns = years.filter((year) => at[`request_${year}`] !== undefined);
  const firstLine = new Map<string, { line: number; raw: string }>();
  return table.rows.map((row): Candidate => {
    // `column` is a part (id, request…) or a criterion as the scenario names it; `at` gives the file's header.
    const cell = (column: string): string => row.cells[at[column] ?? column] ?? '';
    const typed = (column: string): number | undefined => row.numbers?.[at[column] ?? column];
    const problem: (column: string, message: string, hint?: string) => never = (column, message, hint) => {
      throw new UserError(message, { ...cellPlace(table, row.line, at[column] ?? column, column), hint });
    };
    // Ids are compared as a person reads them (NFC, no invisible characters): a dossier typed twice is caught.
    const raw = cell('id');
    const id = canonicalName(raw);
    if (id === '') problem('id', raw === '' ? 'the id is empty' : 'the id holds only invisible characters', 'Give every candidate a unique id, e.g. ptce-001.');
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      const twins = earlier.raw === raw ? '' : ` (the two ids ${twinDifference(earlier.raw, raw)})`;
      problem('id', `the id '${id}' is already used on ${table.sheet === undefined ? 'line' : 'row'} ${earlier.line}${twins}`, 'Ids must be unique: renumber one of the two rows, or delete the row entered twice.');
    }
    firstLine.set(id, { line: row.line, raw });
    if (cell('name') === '') problem('name', 'the name is empty', 'Give the candidate its name.');
    if (cell('region') === '') problem('region', 'the region is empty', 'Give the region, e.g. Île-de-France.');

    const request = amountIn('request', cell('request'), problem, typed('request'));
    if (request === 0) problem('request', 'the request is 0 €', 'Give the euros the candidate asks for the whole period, or remove the row.');
    // No prototype: a year or a column named `constructor` or `__proto__` is just a name.
    const requestByYear: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const year of yearColumns) {
      const text = cell(`request_${year}`);
      if (text !== '') requestByYear[year] = amountIn(`request_${year}`, text, problem, typed(`request_${year}`));
    }

    const values: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const criterion of criteria) {
      const text = cell(criterion.column);
      const number = typed(criterion.column);
      const parsed: Parsed = number === undefined ? criterionValue(text, criterion) : { ok: true, value: number };
      if (!parsed.ok) problem(criterion.column, `the ${criterion.label} score '${text}' is ${parsed.reason}`, `Give a number on the scale ${criterion.scale[0]} to ${criterion.scale[1]}.`);
      const [low, high] = criterion.scale;
      if (parsed.value < low || parsed.value > high) problem(criterion.column, `the ${criterion.label} score ${text} is outside its scale [${low}, ${high}]`, 'Correct the score, or widen the scale in the scenario.');
      values[criterion.column] = parsed.value;
    }
    return { id, name: cell('name'), region: cell('region'), request, requestByYear, criteria: values, attributes: Object.assign(Object.create(null) as Record<string, string>, row.cells, { id }), line: row.line };
  });
}

/**
 * The file's header for each required part and each criterion, by the name the scenario uses;
 * one UserError for the first that is missing.
 */
function headersOf(table: CandidateTable, criteria: readonly Criterion[], map: ColumnMap): Record<string, string> {
  const at: Record<string, string> = {};
  for (const column of REQUIRED_COLUMNS) {
    const match = matchHeader(map[column] ?? column, table.header);
    if (match.ok) {
      at[column] = match.header;
      continue;
    }
    const guess = closest(column, table.header) ?? table.header.find((name) => FRENCH_NAMES[column].includes(name.toLowerCase()));
    const glued = gluedHeader(table, column);
    if (glued !== undefined) throw new UserError(`the required column '${column}' is missing: ${glued.message}`, { ...headerPlace(table, column), hint: glued.hint });
    throw new UserError(`the required column '${column}' is missing`, {
      ...headerPlace(table, column),
      hint: guess === undefined ? `The header must have ${REQUIRED_COLUMNS.join(', ')}; it has ${table.header.join(', ')}.` : `Rename '${guess}' to '${column}'?`,
    });
  }
  for (const criterion of criteria) {
    const match = matchHeader(criterion.column, table.header);
    if (match.ok) {
      at[criterion.column] = match.header;
      continue;
    }
    throw new UserError(`the criterion column '${criterion.column}' declared in the scenario is not in the ${table.sheet === undefined ? 'CSV' : 'sheet'}`, {
      ...headerPlace(table, criterion.column),
      hint: match.guess === undefined && match.ambiguous.length === 0 ? 'Add the column, or remove the criterion from the scenario.' : headerHint(match, table.header),
    });
  }
  return at;
}

/**
 * A header cell holding the other separator (`region,territory` in a `;` file): the columns were
 * cut wrongly, which is the real problem behind a "missing" column. Sheets have no separator.
 */
function gluedHeader(table: CandidateTable & { readonly delimiter?: CsvTable['delimiter'] }, column: string): { message: string; hint: string } | undefined {
  const delimiter = table.delimiter;
  if (delimiter === undefined) return undefined;
  for (const name of table.header) {
    const mark = ([';', ',', '\t'] as const).find((other) => other !== delimiter && name.split(other).map((part) => part.trim()).includes(column));
    if (mark === undefined) continue;
    const shown = (d: string): string => (d === '\t' ? 'tab' : `'${d}'`);
    return {
      message: `the header cell '${name}' holds ${shown(mark)}, but the columns are separated by ${shown(delimiter)}`,
      hint: `Separate every column of the header with ${shown(delimiter)}.`,
    };
  }
  return undefined;
}

function amountIn(column: string, text: string, problem: (column: string, message: string, hint?: string) => never, typed?: number): number {
  if (typed !== undefined && typed < 0) problem(column, `the amount ${typed} is a negative amount`, 'Give the euros the candidate asks for, 0 or more.');
  if (typed !== undefined) return typed;
  const ambiguous = ambiguousAmount(text);
  if (ambiguous !== undefined) problem(column, `the amount '${text}' is ambiguous: ${ambiguous}`, 'Write euros without a thousands mark (120000), with spaces (120 000), or with a decimal comma and cents (120,00).');
  const parsed = parseAmount(text);
  if (!parsed.ok) problem(column, text === '' ? 'the amount is empty' : `the amount '${text}' is ${parsed.reason}`, 'Write euros as 185000, 185 000 or 185 000 €.');
  return parsed.value;
}

/**
 * A score as typed in Excel. `45 %` is read on the criterion's own scale: 0.45 on a 0–1 scale,
 * 45 on a 0–100 scale, since a jury writes percentages of whichever scale it uses.
 */
function criterionValue(text: string, criterion: Criterion): Parsed {
  if (text === '') return { ok: false, reason: 'empty' };
  if (!text.includes('%')) return parseDecimal(text);
  const percent = parsePercent(text);
  if (!percent.ok) return percent;
  return { ok: true, value: criterion.scale[1] <= 1 ? percent.value : percent.value * 100 };
}
