/**
 * The reviews file: one row per (candidate, reviewer), in long form, with columns `id`, `reviewer`,
 * one per criterion (the scenario's columns and scales) and optionally `conflict`. Its marks replace
 * the criterion columns of the candidates file by their aggregate. Every mistake is one UserError
 * naming the file, the line and the column.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { Bilingual } from '../domain/lang.js';
import type { AggregateRule, Review, Reviews, ReviewSettings } from '../domain/reviews.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { aggregateReviews, makeReviews } from '../scoring/aggregate.js';
import { closest } from '../domain/names.js';
import { didYouMean, fr, frenchNumber as num } from './bilingual.js';
import { candidatesFromCsv } from './candidates.js';
import type { CandidateTable, ColumnMap } from './columns.js';
import { readCsvFile, type CsvTable } from './csv.js';
import type { InputFiles } from './files.js';
import { parseDecimal, parsePercent, reasonSaid, type Parsed } from './numbers.js';

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
export function candidatesWithReviews(table: CandidateTable, criteria: readonly Criterion[], years: readonly string[], spec: ReviewsSpec, key: ReviewsKey, map: ColumnMap = {}, files?: InputFiles): { candidates: Candidate[]; reviews: Reviews } {
  const file = resolve(dirname(resolve(key.scenario)), spec.file);
  const shown = isAbsolute(spec.file) ? spec.file : join(dirname(key.scenario), spec.file);
  if (!existsSync(file)) {
    const message = { en: `the reviews file '${spec.file}' does not exist`, fr: fr`le fichier des notes « ${spec.file} » n’existe pas` };
    throw new UserError(message, { file: key.scenario, line: key.line, field: 'reviews.file', hint: { en: `The path is relative to the scenario's folder (${dirname(file)}).`, fr: `Le chemin part du dossier du scénario (${dirname(file)}).` } });
  }
  const disagreement = spec.disagreement ?? DEFAULT_DISAGREEMENT;
  if (!(disagreement >= 0)) {
    const message = { en: `reviews.disagreement is a number of score points 0 or more, not ${disagreement}`, fr: `reviews.disagreement est un nombre de points de score positif ou nul, et non ${num(disagreement)}` };
    const hint = { en: 'e.g. disagreement: 15 flags reviewers whose own final scores are more than 15 points apart.', fr: 'Par exemple disagreement: 15 signale les rapporteurs dont les scores finaux s’écartent de plus de 15 points.' };
    throw new UserError(message, { file: key.scenario, line: key.line, field: 'reviews.disagreement', hint });
  }
  const bare = candidatesFromCsv(table, [], years, map);
  const rows = reviewsFromCsv(readCsvFile(shown, files), criteria, bare);
  const settings: ReviewSettings = { file, aggregate: spec.aggregate ?? 'mean', severity: spec.severity ?? false, disagreement };
  const reviews: Reviews = makeReviews(settings, rows, criteria);
  const values = aggregateReviews(reviews, criteria);
  const candidates = bare.map((candidate): Candidate => {
    const own = values.get(candidate.id);
    if (own === undefined) {
      const message = { en: `the candidate '${candidate.id}' has no reviewer (out of conflict) in ${shown}`, fr: fr`le candidat « ${candidate.id} » n’a aucun rapporteur (hors conflit) dans ${shown}` };
      const hint = { en: `Add rows '${candidate.id};<reviewer>;<marks…>' to ${shown}, or remove the candidate.`, fr: fr`Ajoutez des lignes « ${candidate.id};<rapporteur>;<notes…> » à ${shown}, ou retirez le candidat.` };
      throw new UserError(message, { file: table.file, line: candidate.line, field: 'id', hint });
    }
    for (const criterion of criteria) {
      if (own[criterion.column] === undefined) {
        const first = rows.find((row) => row.candidate === candidate.id && !row.conflict);
        const message = { en: `no reviewer of '${candidate.id}' gave a ${criterion.label} mark`, fr: fr`aucun rapporteur de « ${candidate.id} » n’a donné de note « ${criterion.label} »` };
        const hint = { en: 'A mark may be missing for some reviewers, not for all: give at least one.', fr: fr`Une note peut manquer chez certains rapporteurs, pas chez tous : donnez-en au moins une.` };
        throw new UserError(message, { file: shown, line: first?.line, field: criterion.column, hint });
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
    const columns = criteria.map((criterion) => criterion.column).join(', ');
    throw new UserError({ en: `the reviews file has no column '${column}'`, fr: fr`le fichier des notes n’a pas de colonne « ${column} »` }, {
      file,
      line: 1,
      field: column,
      hint:
        guess === undefined
          ? { en: `Its header must have id, reviewer, one column per criterion (${columns}) and optionally conflict.`, fr: `Son en-tête doit avoir id, reviewer, une colonne par critère (${columns}) et, au besoin, conflict.` }
          : { en: `Rename '${guess}' to '${column}'?`, fr: fr`Renommer « ${guess} » en « ${column} » ?` },
    });
  }
  if (table.rows.length === 0) {
    const hint = { en: 'Add one row per reviewer and candidate below the header.', fr: 'Ajoutez une ligne par rapporteur et par candidat sous l’en-tête.' };
    throw new UserError({ en: 'the reviews file has a header but no review', fr: 'le fichier des notes a une ligne d’en-tête mais aucune note' }, { file, line: 1, hint });
  }
  const ids = candidates.map((candidate) => candidate.id);
  const known = new Set(ids);
  const seen = new Map<string, number>();
  return table.rows.map((row): Review => {
    const cell = (column: string): string => row.cells[column] ?? '';
    const problem: (column: string, message: Bilingual, hint?: Bilingual) => never = (column, message, hint) => {
      throw new UserError(message, { file, line: row.line, field: column, hint });
    };
    const candidate = cell('id');
    if (candidate === '') {
      problem('id', { en: 'the candidate id is empty', fr: 'l’identifiant du candidat est vide' }, { en: 'Give the id of the candidate this reviewer marked, as in the candidates file.', fr: 'Donnez l’identifiant du candidat noté par ce rapporteur, tel qu’il figure dans le fichier des candidats.' });
    }
    if (!known.has(candidate)) {
      const guess = closest(candidate, ids);
      problem('id', { en: `no candidate has the id '${candidate}'`, fr: fr`aucun candidat n’a l’identifiant « ${candidate} »` }, guess === undefined ? { en: 'Use the ids of the candidates file.', fr: 'Utilisez les identifiants du fichier des candidats.' } : didYouMean(guess));
    }
    const reviewer = cell('reviewer');
    if (reviewer === '') problem('reviewer', { en: 'the reviewer is empty', fr: 'le rapporteur est vide' }, { en: 'Name the reviewer (rapporteur) who gave these marks, e.g. cdc-02.', fr: 'Nommez le rapporteur qui a donné ces notes, par exemple cdc-02.' });
    const key = `${candidate}\u0000${reviewer}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const message = { en: `the reviewer '${reviewer}' already marked '${candidate}' on line ${earlier}`, fr: fr`le rapporteur « ${reviewer} » a déjà noté « ${candidate} » ligne ${earlier}` };
      problem('reviewer', message, { en: 'Keep one row per reviewer and candidate: merge the two rows or delete one.', fr: fr`Gardez une ligne par rapporteur et par candidat : fusionnez les deux lignes ou supprimez-en une.` });
    }
    seen.set(key, row.line);
    const conflict = !NO_CONFLICT.has(cell('conflict').toLowerCase());
    const marks: Record<string, number> = {};
    for (const criterion of criteria) {
      const text = cell(criterion.column);
      if (text === '') continue;
      if (conflict) {
        const message = { en: `the reviewer '${reviewer}' declared a conflict of interest with '${candidate}' and marked it anyway`, fr: fr`le rapporteur « ${reviewer} » a déclaré un conflit d’intérêts avec « ${candidate} » et l’a pourtant noté` };
        const hint = {
          en: `A reviewer in conflict must not mark the candidate: empty the marks of this row, or empty its conflict cell ('${cell('conflict')}') if no conflict exists.`,
          fr: fr`Un rapporteur en conflit ne doit pas noter le candidat : videz les notes de cette ligne, ou videz sa cellule conflict (« ${cell('conflict')} ») s’il n’y a pas de conflit.`,
        };
        problem(criterion.column, message, hint);
      }
      const parsed = markValue(text, criterion);
      const [low, high] = criterion.scale;
      if (!parsed.ok) {
        const message = { en: `the ${criterion.label} mark '${text}' is ${parsed.reason}`, fr: fr`la note « ${criterion.label} » « ${text} » ${reasonSaid(parsed.reason).fr}` };
        problem(criterion.column, message, { en: `Give a number on the scale ${low} to ${high}, or leave the cell empty.`, fr: `Donnez un nombre de l’échelle de ${num(low)} à ${num(high)}, ou laissez la cellule vide.` });
      }
      if (parsed.value < low || parsed.value > high) {
        const message = { en: `the ${criterion.label} mark ${text} is outside its scale [${low}, ${high}]`, fr: fr`la note « ${criterion.label} » ${text} sort de son échelle [${num(low)} ; ${num(high)}]` };
        problem(criterion.column, message, { en: 'Correct the mark, or widen the scale in the scenario.', fr: 'Corrigez la note, ou élargissez l’échelle dans le scénario.' });
      }
      marks[criterion.column] = parsed.value;
    }
    if (!conflict && Object.keys(marks).length === 0) {
      const hint = { en: "Give the marks, write oui in the 'conflict' column if the reviewer is in conflict, or delete the row.", fr: fr`Donnez les notes, écrivez oui dans la colonne « conflict » si le rapporteur est en conflit, ou supprimez la ligne.` };
      problem(criteria[0]?.column ?? 'reviewer', { en: `the reviewer '${reviewer}' gave '${candidate}' no mark`, fr: fr`le rapporteur « ${reviewer} » n’a donné aucune note à « ${candidate} »` }, hint);
    }
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
