/**
 * Turns the rows of a candidates CSV into Candidates: required columns, French numbers,
 * criteria within their declared scale, unique ids. One UserError per mistake, naming file, line and column.
 */
import { UserError } from '../domain/errors.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { closest } from '../domain/names.js';
import type { CsvTable } from './csv.js';
import { parseAmount, parseDecimal, parsePercent, type Parsed } from './numbers.js';

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
  const firstLine = new Map<string, number>();
  return table.rows.map((row): Candidate => {
    const cell = (column: string): string => row.cells[column] ?? '';
    const problem: (column: string, message: string, hint?: string) => never = (column, message, hint) => {
      throw new UserError(message, { file, line: row.line, field: column, hint });
    };
    const id = cell('id');
    if (id === '') problem('id', 'the id is empty', 'Give every candidate a unique id, e.g. ptce-001.');
    const earlier = firstLine.get(id);
    if (earlier !== undefined) problem('id', `the id '${id}' is already used on line ${earlier}`, 'Ids must be unique: renumber one of the two rows.');
    firstLine.set(id, row.line);
    if (cell('name') === '') problem('name', 'the name is empty', 'Give the candidate its name.');
    if (cell('region') === '') problem('region', 'the region is empty', 'Give the region, e.g. Île-de-France.');

    const request = amountIn('request', cell('request'), problem);
    if (request === 0) problem('request', 'the request is 0 €', 'Give the euros the candidate asks for the whole period, or remove the row.');
    const requestByYear: Record<string, number> = {};
    for (const year of yearColumns) {
      const text = cell(`request_${year}`);
      if (text !== '') requestByYear[year] = amountIn(`request_${year}`, text, problem);
    }

    const values: Record<string, number> = {};
    for (const criterion of criteria) {
      const text = cell(criterion.column);
      const parsed = criterionValue(text, criterion);
      if (!parsed.ok) problem(criterion.column, `the ${criterion.label} score '${text}' is ${parsed.reason}`, `Give a number on the scale ${criterion.scale[0]} to ${criterion.scale[1]}.`);
      const [low, high] = criterion.scale;
      if (parsed.value < low || parsed.value > high) problem(criterion.column, `the ${criterion.label} score ${text} is outside its scale [${low}, ${high}]`, 'Correct the score, or widen the scale in the scenario.');
      values[criterion.column] = parsed.value;
    }
    return { id, name: cell('name'), region: cell('region'), request, requestByYear, criteria: values, attributes: { ...row.cells }, line: row.line };
  });
}

function amountIn(column: string, text: string, problem: (column: string, message: string, hint?: string) => never): number {
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
