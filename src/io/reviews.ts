/**
 * The reviews file: one row per (candidate, reviewer), in long form, with columns `id`, `reviewer`,
 * one per criterion (the scenario's columns and scales) and optionally `conflict`. Its marks replace
 * the criterion columns of the candidates file by their aggregate. Every mistake is one UserError
 * naming the file, the line and the column.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { AggregateRule, Review, Reviews, ReviewSettings } from '../domain/reviews.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { aggregateReviews, makeReviews } from '../scoring/aggregate.js';
import { closest } from '../domain/names.js';
import { candidatesFromCsv } from './candidates.js';
import type { CandidateTable, ColumnMap } from './columns.js';
import { readCsvFile, type CsvTable } from './csv.js';
import { parseDecimal, parsePercent, type Parsed } from './numbers.js';

/** The `reviews:` key as written in the scenario. */
export interface ReviewsSpec {
  readonly file: string;
  readonly aggregate?: AggregateRule | undefined;
  readonly severity?: boolean | undefined;
  readonly disagreement?: number | undefined;
}

/** Disagreement threshold when the scenario gives none: 20 score points (of 100) between reviewers. @default 20 */
export const DEFAULT_DISAGREEMENT = 20;

/** Texts of the `conflict` column that mean "no conflict"; any other non-empty text declares one. */
const NO_CONFLICT = new Set(['', 'non', 'no', 'n', '0', 'false', 'faux']);

/** Where the scenario declares the key, for messages about the key itself. */
export interface ReviewsKey {
  /** The scenario file as the user named it. */
  readonly scenario: string;
  readonly line: number | undefined;
}

/**
 * Reads the candidates (without their criterion columns) and the reviews file the scenario names,
 * and gives each candidate the aggregate of its reviewers' marks as its criterion values.
 */
export function candidatesWithReviews(table: CandidateTable, criteria: readonly Criterion[], years: readonly string[], spec: ReviewsSpec, key: ReviewsKey, map: ColumnMap = {}): { candidates: Candidate[]; reviews: Reviews } {
  const file = resolve(dirname(resolve(key.scenario)), spec.file);
  const shown = isAbsolute(spec.file) ? spec.file : join(dirname(key.scenario), spec.file);
  if (!existsSync(file)) {
    throw new UserError(`the reviews file '${spec.file}' does not exist`, { file: key.scenario, line: key.line, field: 'reviews.file', hint: `The path is relative to the scenario's folder (${dirname(file)}).` });
  }
  const disagreement = spec.disagreement ?? DEFAULT_DISAGREEMENT;
  if (!(disagreement >= 0)) {
    throw new UserError(`reviews.disagreement is a number of score points 0 or more, not ${disagreement}`, { file: key.scenario, line: key.line, field: 'reviews.disagreement', hint: 'e.g. disagreement: 15 flags reviewers whose own final scores are more than 15 points apart.' });
  }
  const bare = candidatesFromCsv(table, [], years, map);
  const rows = reviewsFromCsv(readCsvFile(shown), criteria, bare);
  const settings: ReviewSettings = { file, aggregate: spec.aggregate ?? 'mean', severity: spec.severity ?? false, disagreement };
  const reviews: Reviews = makeReviews(settings, rows, criteria);
  const values = aggregateReviews(reviews, criteria);
  const candidates = bare.map((candidate): Candidate => {
    const own = values.get(candidate.id);
    if (own === undefined) {
      throw new UserError(`the candidate '${candidate.id}' has no reviewer (out of conflict) in ${shown}`, { file: table.file, line: candidate.line, field: 'id', hint: `Add rows '${candidate.id};<reviewer>;<marks…>' to ${shown}, or remove the candidate.` });
    }
    for (const criterion of criteria) {
      if (own[criterion.column] === undefined) {
        const first = rows.find((row) => row.candidate === candidate.id && !row.conflict);
        throw new UserError(`no reviewer of '${candidate.id}' gave a ${criterion.label} mark`, { file: shown, line: first?.line, field: criterion.column, hint: 'A mark may be missing for some reviewers, not for all: give at least one.' });
      }
    }
    return { ...candidate, criteria: own };
  });
  return { candidates, reviews };
}

/** Checks and reads the rows of a reviews file against the scenario's criteria and candidates. */
export function reviewsFromCsv(table: CsvTable, criteria: readonly Criterion[], candidates: readonly Candidate[]): Review[] {
  const { file } = table;
  const header = new Set(table.header);
  for (const column of ['id', 'reviewer', ...criteria.map((criterion) => criterion.column)]) {
    if (header.has(column)) continue;
    const guess = closest(column, table.header) ?? (column === 'reviewer' ? table.header.find((name) => ['rapporteur', 'instructeur', 'expert', 'évaluateur', 'evaluateur'].includes(name.toLowerCase())) : undefined);
    throw new UserError(`the reviews file has no column '${column}'`, {
      file,
      line: 1,
      field: column,
      hint: guess === undefined ? `Its header must have id, reviewer, one column per criterion (${criteria.map((criterion) => criterion.column).join(', ')}) and optionally conflict.` : `Rename '${guess}' to '${column}'?`,
    });
  }
  if (table.rows.length === 0) throw new UserError('the reviews file has a header but no review', { file, line: 1, hint: 'Add one row per reviewer and candidate below the header.' });
  const ids = candidates.map((candidate) => candidate.id);
  const known = new Set(ids);
  const seen = new Map<string, number>();
  return table.rows.map((row): Review => {
    const cell = (column: string): string => row.cells[column] ?? '';
    const problem: (column: string, message: string, hint?: string) => never = (column, message, hint) => {
      throw new UserError(message, { file, line: row.line, field: column, hint });
    };
    const candidate = cell('id');
    if (candidate === '') problem('id', 'the candidate id is empty', 'Give the id of the candidate this reviewer marked, as in the candidates file.');
    if (!known.has(candidate)) {
      const guess = closest(candidate, ids);
      problem('id', `no candidate has the id '${candidate}'`, guess === undefined ? 'Use the ids of the candidates file.' : `Did you mean '${guess}'?`);
    }
    const reviewer = cell('reviewer');
    if (reviewer === '') problem('reviewer', 'the reviewer is empty', 'Name the reviewer (rapporteur) who gave these marks, e.g. cdc-02.');
    const key = `${candidate}\u0000${reviewer}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) problem('reviewer', `the reviewer '${reviewer}' already marked '${candidate}' on line ${earlier}`, 'Keep one row per reviewer and candidate: merge the two rows or delete one.');
    seen.set(key, row.line);
    const conflict = !NO_CONFLICT.has(cell('conflict').toLowerCase());
    const marks: Record<string, number> = {};
    for (const criterion of criteria) {
      const text = cell(criterion.column);
      if (text === '') continue;
      if (conflict) problem(criterion.column, `the reviewer '${reviewer}' declared a conflict of interest with '${candidate}' and marked it anyway`, `A reviewer in conflict must not mark the candidate: empty the marks of this row, or empty its conflict cell ('${cell('conflict')}') if no conflict exists.`);
      const parsed = markValue(text, criterion);
      if (!parsed.ok) problem(criterion.column, `the ${criterion.label} mark '${text}' is ${parsed.reason}`, `Give a number on the scale ${criterion.scale[0]} to ${criterion.scale[1]}, or leave the cell empty.`);
      const [low, high] = criterion.scale;
      if (parsed.value < low || parsed.value > high) problem(criterion.column, `the ${criterion.label} mark ${text} is outside its scale [${low}, ${high}]`, 'Correct the mark, or widen the scale in the scenario.');
      marks[criterion.column] = parsed.value;
    }
    if (!conflict && Object.keys(marks).length === 0) problem(criteria[0]?.column ?? 'reviewer', `the reviewer '${reviewer}' gave '${candidate}' no mark`, "Give the marks, write oui in the 'conflict' column if the reviewer is in conflict, or delete the row.");
    return { candidate, reviewer, marks, conflict, line: row.line };
  });
}

/** A mark as typed in Excel; `45 %` is read on the criterion's own scale, as in the candidates file. */
function markValue(text: string, criterion: Criterion): Parsed {
  if (!text.includes('%')) return parseDecimal(text);
  const percent = parsePercent(text);
  if (!percent.ok) return percent;
  return { ok: true, value: criterion.scale[1] <= 1 ? percent.value : percent.value * 100 };
}
