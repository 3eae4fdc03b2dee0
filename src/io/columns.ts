/**
 * The columns of a candidates file as the scenario names them: the four parts (`id`, `name`,
 * `region`, `request`) mapped to the file's own headers by `columns:`, and every header matched
 * after trimming, case- and accent-insensitively, so an export is used as it is.
 */
import type { Bilingual } from '../domain/lang.js';
import { closest } from '../domain/names.js';
import type { Result } from '../domain/result.js';
import { didYouMean, fr, userError, type BilingualPlace } from './bilingual.js';
import { readCsvFile } from './csv.js';
import type { InputFiles } from './files.js';

/** The parts a column can play; each must be found in the file. */
export const ROLES = ['id', 'name', 'region', 'request'] as const;
export type Role = (typeof ROLES)[number];

/** `columns:` of a scenario: which header of the file plays each part. */
export type ColumnMap = Readonly<Partial<Record<Role, string>>>;

/** One data row of a candidates table: its trimmed text cells, and the numbers typed as numbers (workbooks). */
export interface CandidateRow {
  /** 1-based line of a CSV, or row number of a sheet. */
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
  /** Cells a workbook holds as numbers, by header; absent for a CSV. */
  readonly numbers?: Readonly<Record<string, number>>;
}

/** Where a workbook's table sits, so messages can name `Candidatures!F12`. */
export interface SheetPlace {
  readonly name: string;
  /** Row number of the header (of its last row when the header spans two rows). */
  readonly headerRow: number;
  /** Column letters by header. */
  readonly letters: Readonly<Record<string, string>>;
}

/** A candidates table read from a CSV or from a sheet. */
export interface CandidateTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly CandidateRow[];
  readonly sheet?: SheetPlace;
}

/**
 * How a header compares: trimmed, inner spaces collapsed, lower case, accents and typographic
 * apostrophes folded. @example headerKey(' Montant  Demandé ') // 'montant demande'
 */
export function headerKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export type HeaderMatch = Result<{ readonly header: string }, { readonly guess: string | undefined; readonly ambiguous: readonly string[] }>;

/**
 * The header of the file that `wanted` names: the same text first, else the one header equal to it
 * once trimmed and case and accents folded; a near miss gives a guess for "did you mean".
 */
export function matchHeader(wanted: string, header: readonly string[]): HeaderMatch {
  if (header.includes(wanted)) return { ok: true, header: wanted };
  const key = headerKey(wanted);
  const same = header.filter((name) => headerKey(name) === key);
  const [only] = same;
  if (same.length === 1 && only !== undefined) return { ok: true, header: only };
  if (same.length > 1) return { ok: false, guess: undefined, ambiguous: same };
  const keys = header.map(headerKey);
  const near = closest(key, keys);
  return { ok: false, guess: near === undefined ? undefined : header[keys.indexOf(near)], ambiguous: [] };
}

/** "Did you mean …?", or the headers the file has. */
export function headerHint(match: Extract<HeaderMatch, { ok: false }>, header: readonly string[]): Bilingual {
  if (match.ambiguous.length > 0) {
    return {
      en: `The file has ${match.ambiguous.map((name) => `'${name}'`).join(' and ')}, which differ only by case or accents: rename one.`,
      fr: fr`Le fichier a ${match.ambiguous.map((name) => `«\u00a0${name}\u00a0»`).join(' et ')}, qui ne diffèrent que par la casse ou les accents : renommez l’une des colonnes.`,
    };
  }
  if (match.guess !== undefined) return didYouMean(match.guess);
  return { en: `The file's columns are: ${header.join(', ')}.`, fr: fr`Les colonnes du fichier sont : ${header.join(', ')}.` };
}

/**
 * The file's header for a column the scenario names (a criterion, a rule's group): a part mapped
 * by `columns:` (`region` → `Région`) first, then the header itself.
 */
export function fileColumn(wanted: string, header: readonly string[], map: ColumnMap | undefined): string | undefined {
  const mapped = (ROLES as readonly string[]).includes(wanted) ? map?.[wanted as Role] : undefined;
  const match = matchHeader(mapped ?? wanted, header);
  return match.ok ? match.header : undefined;
}

/** `A`, `B`, … `Z`, `AA`: the column letters of a 1-based column number. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * Where a cell is, for a message: `{line: 12, field: 'request'}` in a CSV, or in a sheet
 * `{field: 'Candidatures!F12: request'}` (row number `line` of column `header`).
 */
export function cellPlace(table: CandidateTable, line: number, header: string, field: string): BilingualPlace & { file: string } {
  const letters = table.sheet?.letters[header];
  if (table.sheet === undefined || letters === undefined) return { file: table.file, line, field };
  return { file: table.file, field: `${table.sheet.name}!${letters}${line}: ${field}` };
}

/** `Candidatures row 12` / `Candidatures ligne 12`: a row of a sheet. */
function sheetRow(sheet: SheetPlace, row: number): Bilingual {
  return { en: `${sheet.name} row ${row}`, fr: `${sheet.name} ligne ${row}` };
}

/** Where a row is: its line in a CSV, `Candidatures row 12` in a sheet. */
export function rowPlace(table: CandidateTable, line: number): BilingualPlace & { file: string } {
  return table.sheet === undefined ? { file: table.file, line } : { file: table.file, field: sheetRow(table.sheet, line) };
}

/** Where the header is: line 1 of a CSV, or the header row of a sheet. */
export function headerPlace(table: CandidateTable, field?: string): BilingualPlace & { file: string } {
  if (table.sheet === undefined) return field === undefined ? { file: table.file, line: 1 } : { file: table.file, line: 1, field };
  const row = sheetRow(table.sheet, table.sheet.headerRow);
  return { file: table.file, field: field === undefined ? row : { en: `${row.en}: ${field}`, fr: `${row.fr}: ${field}` } };
}

/** A problem with `columns:`: the part whose header is not in the file, and what to say. */
export interface ColumnMapProblem {
  readonly role: Role;
  readonly message: Bilingual;
  readonly hint: Bilingual;
}

/** Checks that every header named by `columns:` is in the file (case and accents aside). */
export function columnMapProblem(map: ColumnMap | undefined, table: CandidateTable): ColumnMapProblem | undefined {
  for (const role of ROLES) {
    const wanted = map?.[role];
    if (wanted === undefined) continue;
    const match = matchHeader(wanted, table.header);
    if (!match.ok) {
      const message = {
        en: `the column '${wanted}' given for ${role} is not in ${table.file}${table.sheet === undefined ? '' : ` (sheet '${table.sheet.name}')`}`,
        fr: fr`la colonne « ${wanted} » donnée pour ${role} n’est pas dans ${table.file}${table.sheet === undefined ? '' : fr` (feuille « ${table.sheet.name} »)`}`,
      };
      return { role, message, hint: headerHint(match, table.header) };
    }
  }
  return undefined;
}

/** Spreadsheet formats enveloppe does not read, and what to save them as. */
const UNREAD = /\.(xls|xlsm|xlsb|ods|numbers)$/i;

/**
 * Reads the candidates file a scenario names: an .xlsx workbook (the sheet `sheet`, else the
 * first), or a CSV. The workbook reader and its library load only when an .xlsx is named.
 */
export async function readCandidatesTable(file: string, sheet: string | undefined, files?: InputFiles): Promise<CandidateTable> {
  if (/\.xlsx$/i.test(file)) {
    const { readWorkbookTable } = await import('./xlsx.js');
    return readWorkbookTable(file, sheet, files);
  }
  if (UNREAD.test(file)) {
    throw userError(
      { en: 'enveloppe reads .xlsx workbooks and CSV files, not this format', fr: 'enveloppe lit les classeurs .xlsx et les fichiers CSV, pas ce format' },
      { file, hint: { en: 'Open it in Excel and save it as "Classeur Excel (.xlsx)" or "CSV UTF-8".', fr: fr`Ouvrez-le dans Excel et enregistrez-le en « Classeur Excel (.xlsx) » ou en « CSV UTF-8 ».` } },
    );
  }
  return readCsvFile(file, files);
}
