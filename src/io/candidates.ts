/**
 * Turns the rows of a candidates CSV into Candidates: required columns, French numbers,
 * criteria within their declared scale, unique ids. One UserError per mistake, naming file, line and column.
 */
import { UserError } from '../domain/errors.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { closest } from '../scoring/formula.js';
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

/** Reads candidates from a parsed CSV; `years` are the envelope's years, matched to `request_<year>` columns. */
export function candidatesFromCsv(table: CsvTable, criteria: readonly Criterion[], years: readonly string[]): Candidate[] {
  const { file } = table;
  const header = new Set(table.header);
  for (const column of REQUIRED_COLUMNS) {
    if (!header.has(column)) {
      const guess = closest(column, table.header) ?? table.header.find((name) => FRENCH_NAMES[column].includes(name.toLowerCase()));
      const glued = gluedHeader(table, column);
      if (glued !== undefined) throw new UserError(`the required column '${column}' is missing: ${glued.message}`, { file, line: 1, field: column, hint: glued.hint });
      throw new UserError(`the required column '${column}' is missing`, {
        file,
        line: 1,
        field: column,
        hint: guess === undefined ? `The header must have ${REQUIRED_COLUMNS.join(', ')}; it has ${table.header.join(', ')}.` : `Rename '${guess}' to '${column}'?`,
      });
    }
  }
  for (const criterion of criteria) {
    if (!header.has(criterion.column)) {
      const guess = closest(criterion.column, table.header);
      throw new UserError(`the criterion column '${criterion.column}' declared in the scenario is not in the CSV`, {
        file,
        line: 1,
        field: criterion.column,
        hint: guess === undefined ? 'Add the column, or remove the criterion from the scenario.' : `Did you mean '${guess}'?`,
      });
    }
  }
  if (table.rows.length === 0) {
    throw new UserError('the file has a header but no candidate', { file, line: 1, hint: 'Add one row per candidate below the header.' });
  }
  const beyond = table.rows[MAX_CANDIDATES];
  if (beyond !== undefined) {
    throw new UserError(`the file has ${table.rows.length.toLocaleString('en-US')} candidates; enveloppe handles at most ${MAX_CANDIDATES.toLocaleString('en-US')}`, {
      file,
      line: beyond.line,
      hint: 'Beyond that the solver cannot prove the best allocation in reasonable time: keep only the admissible candidates, or split the call into several scenarios (e.g. one per region).',
    });
  }
  const yearColumns = years.filter((year) => header.has(`request_${year}`));
  const firstLine = new Map<string, { line: number; raw: string }>();
  return table.rows.map((row): Candidate => {
    const cell = (column: string): string => row.cells[column] ?? '';
    const problem: (column: string, message: string, hint?: string) => never = (column, message, hint) => {
      throw new UserError(message, { file, line: row.line, field: column, hint });
    };
    // Ids are compared as a person reads them (NFC, no invisible characters): a dossier typed twice is caught.
    const raw = cell('id');
    const id = canonicalName(raw);
    if (id === '') problem('id', raw === '' ? 'the id is empty' : 'the id holds only invisible characters', 'Give every candidate a unique id, e.g. ptce-001.');
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      const twins = earlier.raw === raw ? '' : ` (the two ids ${twinDifference(earlier.raw, raw)})`;
      problem('id', `the id '${id}' is already used on line ${earlier.line}${twins}`, 'Ids must be unique: renumber one of the two rows, or delete the row entered twice.');
    }
    firstLine.set(id, { line: row.line, raw });
    if (cell('name') === '') problem('name', 'the name is empty', 'Give the candidate its name.');
    if (cell('region') === '') problem('region', 'the region is empty', 'Give the region, e.g. Île-de-France.');

    const request = amountIn('request', cell('request'), problem);
    if (request === 0) problem('request', 'the request is 0 €', 'Give the euros the candidate asks for the whole period, or remove the row.');
    // No prototype: a year or a column named `constructor` or `__proto__` is just a name.
    const requestByYear: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const year of yearColumns) {
      const text = cell(`request_${year}`);
      if (text !== '') requestByYear[year] = amountIn(`request_${year}`, text, problem);
    }

    const values: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const criterion of criteria) {
      const text = cell(criterion.column);
      const parsed = criterionValue(text, criterion);
      if (!parsed.ok) problem(criterion.column, `the ${criterion.label} score '${text}' is ${parsed.reason}`, `Give a number on the scale ${criterion.scale[0]} to ${criterion.scale[1]}.`);
      const [low, high] = criterion.scale;
      if (parsed.value < low || parsed.value > high) problem(criterion.column, `the ${criterion.label} score ${text} is outside its scale [${low}, ${high}]`, 'Correct the score, or widen the scale in the scenario.');
      values[criterion.column] = parsed.value;
    }
    return { id, name: cell('name'), region: cell('region'), request, requestByYear, criteria: values, attributes: Object.assign(Object.create(null) as Record<string, string>, row.cells, { id }), line: row.line };
  });
}

/**
 * A header cell holding the other separator (`region,territory` in a `;` file): the columns were
 * cut wrongly, which is the real problem behind a "missing" column.
 */
function gluedHeader(table: CsvTable, column: string): { message: string; hint: string } | undefined {
  for (const name of table.header) {
    const mark = ([';', ',', '\t'] as const).find((other) => other !== table.delimiter && name.split(other).map((part) => part.trim()).includes(column));
    if (mark === undefined) continue;
    const shown = (d: string): string => (d === '\t' ? 'tab' : `'${d}'`);
    return {
      message: `the header cell '${name}' holds ${shown(mark)}, but the columns are separated by ${shown(table.delimiter)}`,
      hint: `Separate every column of the header with ${shown(table.delimiter)}.`,
    };
  }
  return undefined;
}

function amountIn(column: string, text: string, problem: (column: string, message: string, hint?: string) => never): number {
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
