/**
 * Turns the rows of a candidates CSV into Candidates: required columns, French numbers,
 * criteria within their declared scale, unique ids. One UserError per mistake, naming file, line and column.
 */
import type { Bilingual } from '../domain/lang.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { closest } from '../domain/names.js';
import { fr, frenchNumber, userError } from './bilingual.js';
import { cellPlace, headerHint, headerPlace, matchHeader, rowPlace, type CandidateTable, type ColumnMap } from './columns.js';
import type { CsvTable } from './csv.js';
import { ambiguousAmount, EMPTY, reasonSaid, parseAmount, parseDecimal, parsePercent, type Parsed } from './numbers.js';
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
    throw userError(
      { en: 'the file has a header but no candidate', fr: 'le fichier a une ligne d’en-tête mais aucun candidat' },
      { ...headerPlace(table), hint: { en: 'Add one row per candidate below the header.', fr: 'Ajoutez une ligne par candidat sous l’en-tête.' } },
    );
  }
  checkCount(table);
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
    const problem: Problem = (column, message, hint) => {
      throw userError(message, { ...cellPlace(table, row.line, at[column] ?? column, column), ...(hint === undefined ? {} : { hint }) });
    };
    // Ids are compared as a person reads them (NFC, no invisible characters): a dossier typed twice is caught.
    const raw = cell('id');
    const id = canonicalName(raw);
    if (id === '') {
      const message = raw === '' ? { en: 'the id is empty', fr: 'l’identifiant est vide' } : { en: 'the id holds only invisible characters', fr: 'l’identifiant ne contient que des caractères invisibles' };
      problem('id', message, { en: 'Give every candidate a unique id, e.g. ptce-001.', fr: 'Donnez à chaque candidat un identifiant unique, par exemple ptce-001.' });
    }
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      const twins = (lang: 'fr' | 'en'): string => (earlier.raw === raw ? '' : lang === 'en' ? ` (the two ids ${twinDifference(earlier.raw, raw)})` : ` (les deux identifiants ${twinDifference(earlier.raw, raw, 'fr')})`);
      problem(
        'id',
        { en: `the id '${id}' is already used on ${table.sheet === undefined ? 'line' : 'row'} ${earlier.line}${twins('en')}`, fr: fr`l’identifiant « ${id} » est déjà utilisé ligne ${earlier.line}${twins('fr')}` },
        { en: 'Ids must be unique: renumber one of the two rows, or delete the row entered twice.', fr: fr`Les identifiants doivent être uniques : renumérotez l’une des deux lignes, ou supprimez la ligne saisie deux fois.` },
      );
    }
    firstLine.set(id, { line: row.line, raw });
    if (cell('name') === '') problem('name', { en: 'the name is empty', fr: 'le nom est vide' }, { en: 'Give the candidate its name.', fr: 'Indiquez le nom du candidat.' });
    if (cell('region') === '') problem('region', { en: 'the region is empty', fr: 'la région est vide' }, { en: 'Give the region, e.g. Île-de-France.', fr: 'Indiquez la région, par exemple Île-de-France.' });

    const request = amountIn('request', cell('request'), problem, typed('request'));
    if (request === 0) {
      problem('request', { en: 'the request is 0 €', fr: 'le montant demandé est de 0\u00a0€' }, { en: 'Give the euros the candidate asks for the whole period, or remove the row.', fr: 'Indiquez les euros que le candidat demande pour toute la période, ou supprimez la ligne.' });
    }
    // No prototype: a year or a column named `constructor` or `__proto__` is just a name.
    const requestByYear: Record<string, number> = Object.create(null) as Record<string, number>;
    for (const year of yearColumns) {
      const text = cell(`request_${year}`);
      if (text !== '') requestByYear[year] = amountIn(`request_${year}`, text, problem, typed(`request_${year}`));
    }

    const values = scoresOf(criteria, cell, typed, problem);
    return { id, name: cell('name'), region: cell('region'), request, requestByYear, criteria: values, attributes: Object.assign(Object.create(null) as Record<string, string>, row.cells, { id }), line: row.line };
  });
}

/** The criterion values of one row, each a number within its scale (a workbook's numbers as typed). */
function scoresOf(criteria: readonly Criterion[], cell: (column: string) => string, typed: (column: string) => number | undefined, problem: Problem): Record<string, number> {
  const values: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const criterion of criteria) {
    const text = cell(criterion.column);
    const number = typed(criterion.column);
    const parsed: Parsed = number === undefined ? criterionValue(text, criterion) : { ok: true, value: number };
    const [low, high] = criterion.scale;
    if (!parsed.ok) {
      problem(criterion.column, { en: `the ${criterion.label} score '${text}' is ${parsed.reason}`, fr: fr`la note « ${criterion.label} » « ${text} » ${reasonSaid(parsed.reason).fr}` }, { en: `Give a number on the scale ${low} to ${high}.`, fr: `Donnez un nombre de l’échelle de ${frenchNumber(low)} à ${frenchNumber(high)}.` });
    }
    if (parsed.value < low || parsed.value > high) {
      problem(criterion.column, { en: `the ${criterion.label} score ${text} is outside its scale [${low}, ${high}]`, fr: fr`la note « ${criterion.label} » ${text} sort de son échelle [${frenchNumber(low)} ; ${frenchNumber(high)}]` }, { en: 'Correct the score, or widen the scale in the scenario.', fr: 'Corrigez la note, ou élargissez l’échelle dans le scénario.' });
    }
    values[criterion.column] = parsed.value;
  }
  return values;
}

/** At most MAX_CANDIDATES rows: refused at the row that crosses the limit. */
function checkCount(table: CandidateTable): void {
  const beyond = table.rows[MAX_CANDIDATES];
  if (beyond !== undefined) {
    const count = table.rows.length;
    throw userError(
      {
        en: `the file has ${count.toLocaleString('en-US')} candidates; enveloppe handles at most ${MAX_CANDIDATES.toLocaleString('en-US')}`,
        fr: fr`le fichier compte ${frenchNumber(count)} candidats ; enveloppe en traite au plus ${frenchNumber(MAX_CANDIDATES)}`,
      },
      {
        ...rowPlace(table, beyond.line),
        hint: {
          en: 'Beyond that the solver cannot prove the best allocation in reasonable time: keep only the admissible candidates, or split the call into several scenarios (e.g. one per region).',
          fr: fr`Au-delà, le solveur ne peut pas prouver la meilleure répartition en un temps raisonnable : ne gardez que les dossiers recevables, ou partagez l’appel en plusieurs scénarios (par exemple un par région).`,
        },
      },
    );
  }
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
    const missing = { en: `the required column '${column}' is missing`, fr: fr`la colonne obligatoire « ${column} » manque` };
    if (glued !== undefined) throw userError({ en: `${missing.en}: ${glued.message.en}`, fr: fr`${missing.fr} : ${glued.message.fr}` }, { ...headerPlace(table, column), hint: glued.hint });
    throw userError(missing, {
      ...headerPlace(table, column),
      hint:
        guess === undefined
          ? { en: `The header must have ${REQUIRED_COLUMNS.join(', ')}; it has ${table.header.join(', ')}.`, fr: fr`L’en-tête doit avoir ${REQUIRED_COLUMNS.join(', ')} ; il a ${table.header.join(', ')}.` }
          : { en: `Rename '${guess}' to '${column}'?`, fr: fr`Renommer « ${guess} » en « ${column} » ?` },
    });
  }
  for (const criterion of criteria) {
    const match = matchHeader(criterion.column, table.header);
    if (match.ok) {
      at[criterion.column] = match.header;
      continue;
    }
    const message = {
      en: `the criterion column '${criterion.column}' declared in the scenario is not in the ${table.sheet === undefined ? 'CSV' : 'sheet'}`,
      fr: fr`la colonne du critère « ${criterion.column} » déclarée dans le scénario n’est pas dans ${table.sheet === undefined ? 'le CSV' : 'la feuille'}`,
    };
    throw userError(message, {
      ...headerPlace(table, criterion.column),
      hint: match.guess === undefined && match.ambiguous.length === 0 ? { en: 'Add the column, or remove the criterion from the scenario.', fr: 'Ajoutez la colonne, ou retirez le critère du scénario.' } : headerHint(match, table.header),
    });
  }
  return at;
}

/**
 * A header cell holding the other separator (`region,territory` in a `;` file): the columns were
 * cut wrongly, which is the real problem behind a "missing" column. Sheets have no separator.
 */
function gluedHeader(table: CandidateTable & { readonly delimiter?: CsvTable['delimiter'] }, column: string): { message: Bilingual; hint: Bilingual } | undefined {
  const delimiter = table.delimiter;
  if (delimiter === undefined) return undefined;
  for (const name of table.header) {
    const mark = ([';', ',', '\t'] as const).find((other) => other !== delimiter && name.split(other).map((part) => part.trim()).includes(column));
    if (mark === undefined) continue;
    const shown = (d: string): string => (d === '\t' ? 'tab' : `'${d}'`);
    const montre = (d: string): string => (d === '\t' ? 'une tabulation' : `«\u00a0${d}\u00a0»`);
    return {
      message: { en: `the header cell '${name}' holds ${shown(mark)}, but the columns are separated by ${shown(delimiter)}`, fr: fr`la cellule d’en-tête « ${name} » contient ${montre(mark)}, mais les colonnes sont séparées par ${montre(delimiter)}` },
      hint: { en: `Separate every column of the header with ${shown(delimiter)}.`, fr: `Séparez toutes les colonnes de l’en-tête par ${montre(delimiter)}.` },
    };
  }
  return undefined;
}

/** Throws the UserError of one cell: its column, the message, what to do. */
type Problem = (column: string, message: Bilingual, hint?: Bilingual) => never;

function amountIn(column: string, text: string, problem: Problem, typed?: number): number {
  if (typed !== undefined && typed < 0) {
    problem(column, { en: `the amount ${typed} is a negative amount`, fr: `le montant ${frenchNumber(typed)} est négatif` }, { en: 'Give the euros the candidate asks for, 0 or more.', fr: 'Indiquez les euros que demande le candidat, 0 ou plus.' });
  }
  if (typed !== undefined) return typed;
  const ambiguous = ambiguousAmount(text);
  if (ambiguous !== undefined) {
    problem(
      column,
      { en: `the amount '${text}' is ambiguous: ${ambiguous}`, fr: fr`le montant « ${text} » est ambigu : ${ambiguousAmount(text, 'fr') ?? ''}` },
      { en: 'Write euros without a thousands mark (120000), with spaces (120 000), or with a decimal comma and cents (120,00).', fr: 'Écrivez les euros sans séparateur de milliers (120000), avec des espaces (120 000), ou avec une virgule décimale et les centimes (120,00).' },
    );
  }
  const parsed = parseAmount(text);
  if (!parsed.ok) {
    const message = text === '' ? { en: 'the amount is empty', fr: 'le montant est vide' } : { en: `the amount '${text}' is ${parsed.reason}`, fr: fr`le montant « ${text} » ${reasonSaid(parsed.reason).fr}` };
    problem(column, message, { en: 'Write euros as 185000, 185 000 or 185 000 €.', fr: 'Écrivez les euros ainsi\u00a0: 185000, 185 000 ou 185 000\u00a0€.' });
  }
  return parsed.value;
}

/**
 * A score as typed in Excel. `45 %` is read on the criterion's own scale: 0.45 on a 0–1 scale,
 * 45 on a 0–100 scale, since a jury writes percentages of whichever scale it uses.
 */
function criterionValue(text: string, criterion: Criterion): Parsed {
  if (text === '') return EMPTY;
  if (!text.includes('%')) return parseDecimal(text);
  const percent = parsePercent(text);
  if (!percent.ok) return percent;
  return { ok: true, value: criterion.scale[1] <= 1 ? percent.value : percent.value * 100 };
}
