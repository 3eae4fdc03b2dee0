/**
 * Workbooks (.xlsx) in and out. exceljs is loaded here only, and only when a workbook is read or
 * written (it costs about 0.4 s to load), so the simulator's first frame never pays for it.
 *
 * In: the first sheet, or the one named; numbers typed as numbers stay numbers, text goes through
 * the CSV's French number reading; formulas count by their saved value. Out: sheets of typed cells,
 * euros formatted `# ##0 €`, a frozen header, filters, and total rows as SUM formulas with their values.
 */
import { readFileSync } from 'node:fs';
import type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';
import { UserError } from '../domain/errors.js';
import { closest } from '../domain/names.js';
import { didYouMean, fr } from './bilingual.js';
import { keepHash, type InputFiles } from './files.js';
import { columnLetters, headerKey, type CandidateRow, type CandidateTable } from './columns.js';

const exceljs = async (): Promise<typeof import('exceljs')> => (await import('exceljs')).default as unknown as typeof import('exceljs');

const RESAVE = { en: 'Open it in Excel and save it as "Classeur Excel (.xlsx)", or as "CSV UTF-8".', fr: fr`Ouvrez-le dans Excel et enregistrez-le en « Classeur Excel (.xlsx) », ou en « CSV UTF-8 ».` };
const RENAME_ONE = { en: 'Rename or delete one of them.', fr: 'Renommez ou supprimez l’une des deux.' };

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Reads the candidates table of a workbook: the sheet named `sheet` (case and accents aside), else
 * the first. The header is the first non-blank row below any merged title banner; a header row with
 * cells merged across columns is read with the row below it (its sub-headers). Blank rows are skipped.
 * @param file the path as messages should show it
 * @param files where a load keeps the SHA-256 of the bytes read
 */
export async function readWorkbookTable(file: string, sheet?: string, files?: InputFiles): Promise<CandidateTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    if (files !== undefined) keepHash(files, file, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const message = code === 'ENOENT' ? { en: 'file not found', fr: 'fichier introuvable' } : { en: `cannot read the workbook (${code})`, fr: `impossible de lire le classeur (${code})` };
    throw new UserError(message, { file, hint: { en: 'Close the file in Excel if it is open, and check the path.', fr: 'Fermez le fichier dans Excel s’il est ouvert, et vérifiez le chemin.' } });
  }
  // An .xlsx is a zip: "PK". An .xls (Excel 97–2003) starts with the OLE signature D0 CF 11 E0.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    const old = bytes[0] === 0xd0 && bytes[1] === 0xcf;
    const message = old
      ? { en: 'this is an old .xls workbook (Excel 97–2003), which enveloppe does not read', fr: 'c’est un ancien classeur .xls (Excel 97–2003), qu’enveloppe ne lit pas' }
      : { en: 'this is not an .xlsx workbook', fr: 'ce n’est pas un classeur .xlsx' };
    throw new UserError(message, { file, hint: RESAVE });
  }
  const { Workbook: WorkbookClass } = await exceljs();
  const workbook = new WorkbookClass();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const why = (error as Error).message.split('\n')[0] ?? '';
    throw new UserError({ en: `the workbook cannot be read (${why})`, fr: `le classeur ne peut pas être lu (${why})` }, { file, hint: RESAVE });
  }
  return tableOf(pickSheet(workbook, file, sheet), file);
}

function pickSheet(workbook: Workbook, file: string, wanted: string | undefined): Worksheet {
  const sheets = workbook.worksheets;
  const names = sheets.map((entry) => entry.name);
  if (wanted === undefined) {
    const first = sheets[0];
    if (first === undefined) throw new UserError({ en: 'the workbook has no sheet', fr: 'le classeur n’a aucune feuille' }, { file, hint: RESAVE });
    return first;
  }
  const found = sheets.find((entry) => entry.name === wanted) ?? sheets.find((entry) => headerKey(entry.name) === headerKey(wanted));
  if (found !== undefined) return found;
  const guess = closest(wanted, names);
  const hint = guess === undefined ? { en: `Its sheets: ${names.join(', ')}.`, fr: fr`Ses feuilles : ${names.join(', ')}.` } : didYouMean(guess);
  throw new UserError({ en: `the workbook has no sheet '${wanted}'`, fr: fr`le classeur n’a pas de feuille « ${wanted} »` }, { file, field: 'sheet', hint });
}

/** A cell read: its text, and its number when it holds one (not shown as a percentage). */
interface Read {
  readonly text: string;
  readonly number?: number;
}

function tableOf(sheet: Worksheet, file: string): CandidateTable {
  const place = (row: number, column: number): string => `${sheet.name}!${columnLetters(column)}${row}`;
  const width = sheet.columnCount;
  const last = sheet.rowCount;
  const read = (row: number, column: number): Read => readCell(sheet.getCell(row, column), place(row, column), file);
  const texts = (row: number): string[] => Array.from({ length: width }, (_, i) => read(row, i + 1).text);
  const filled = (row: number): number => texts(row).filter((text) => text !== '').length;

  let top = 1;
  while (top <= last && filled(top) === 0) top++;
  if (top > last) {
    const hint = { en: 'Put the column names on the first row and one candidate per row below.', fr: 'Mettez les noms des colonnes sur la première ligne et un candidat par ligne en dessous.' };
    throw new UserError({ en: `the sheet '${sheet.name}' is empty`, fr: fr`la feuille « ${sheet.name} » est vide` }, { file, hint });
  }
  // A title banner above the table: one merged cell, or a lone cell, over a row of several headers.
  while (top < last && distinctCells(sheet, top, width) === 1 && filled(top + 1) > 1) top++;

  // Headers merged across columns (a group over sub-headers): the sub-headers below name the columns.
  const twoRows = top < last && Array.from({ length: width }, (_, i) => sheet.getCell(top, i + 1)).some((cell) => cell.isMerged && Number(cell.master.row) === top && cell.master.address !== cell.address);
  const headerRow = twoRows ? top + 1 : top;
  const upper = texts(top);
  const lower = texts(headerRow);
  const names = lower.map((text, i) => (text !== '' ? text : (upper[i] ?? '')));

  const body: number[] = [];
  for (let row = headerRow + 1; row <= last; row++) if (filled(row) > 0) body.push(row);

  let columns = names.length;
  while (columns > 0 && names[columns - 1] === '' && body.every((row) => read(row, columns).text === '')) columns--;
  const header = names.slice(0, columns);
  const letters: Record<string, string> = {};
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') {
      const hint = { en: 'Give every column a name, or delete the column.', fr: 'Donnez un nom à chaque colonne, ou supprimez la colonne.' };
      throw new UserError({ en: 'this column has no name in the header', fr: 'cette colonne n’a pas de nom dans l’en-tête' }, { file, field: place(headerRow, i + 1), hint });
    }
    const key = headerKey(name);
    const first = seen.get(key);
    if (first !== undefined) {
      const [a, b] = [columnLetters(first + 1), columnLetters(i + 1)];
      throw new UserError({ en: `the column '${name}' appears twice: ${a} and ${b}`, fr: fr`la colonne « ${name} » figure deux fois : ${a} et ${b}` }, { file, field: place(headerRow, i + 1), hint: RENAME_ONE });
    }
    seen.set(key, i);
    letters[name] = columnLetters(i + 1);
  });

  const rows = body.map((row): CandidateRow => {
    // No prototype, so a column named `constructor` is just a column.
    const cells: Record<string, string> = Object.create(null) as Record<string, string>;
    const numbers: Record<string, number> = Object.create(null) as Record<string, number>;
    header.forEach((name, i) => {
      const cell = read(row, i + 1);
      cells[name] = cell.text;
      if (cell.number !== undefined) numbers[name] = cell.number;
    });
    return { line: row, cells, numbers };
  });
  return { file, header, rows, sheet: { name: sheet.name, headerRow, letters } };
}

/** How many different cells (a merged range counts once) hold something on a row. */
function distinctCells(sheet: Worksheet, row: number, width: number): number {
  const masters = new Set<string>();
  for (let column = 1; column <= width; column++) {
    const cell = sheet.getCell(row, column);
    if (textOf(cell.master.value) !== '') masters.add(cell.master.address);
  }
  return masters.size;
}

/** A formula counts by its saved value; one without a saved value is refused, naming the cell. */
function readCell(cell: Cell, where: string, file: string): Read {
  const source = cell.isMerged ? cell.master : cell;
  let value: CellValue = source.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    if (value.result === undefined || value.result === null) {
      const own = 'formula' in value ? value.formula : undefined;
      const shared = 'sharedFormula' in value ? value.sharedFormula : '';
      const message = {
        en: `the cell holds a formula (=${own ?? `(shared with ${shared})`}) without its computed value`,
        fr: `la cellule contient une formule (=${own ?? `(partagée avec ${shared})`}) sans sa valeur calculée`,
      };
      const hint = { en: 'Open the file in Excel or LibreOffice and save it again: the values of formulas are saved with it.', fr: fr`Ouvrez le fichier dans Excel ou LibreOffice et enregistrez-le de nouveau : les valeurs des formules sont enregistrées avec lui.` };
      throw new UserError(message, { file, field: where, hint });
    }
    value = value.result as CellValue;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { text: String(value) };
    // A cell shown as 45 % holds 0.45: give it as the text a person sees, read as the CSV reads it.
    if (/%/.test(source.numFmt ?? '')) return { text: `${Number((value * 100).toPrecision(15))} %` };
    return { text: String(value), number: value };
  }
  return { text: textOf(value).trim() };
}

function textOf(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : textOf(value.text as CellValue);
  if ('result' in value) return textOf((value.result ?? null) as CellValue);
  return '';
}

// ---------------------------------------------------------------------------------------------
// Writing

/** How a column's numbers are shown: `tenths` for shares already in percentage points (89.8). */
export type CellFormat = 'euros' | 'tenths' | 'decimal' | 'integer' | 'text';

/** One column of a sheet to write. */
export interface SheetColumn {
  readonly header: string;
  readonly format?: CellFormat;
  /** Width in characters; by default fitted to the longest cell (at most 60). */
  readonly width?: number;
}

/** A cell of a total row: `{sum}` becomes `=SUM(…)` over the column's data rows, with `sum` as its saved value. */
export type TotalCell = string | number | null | { readonly sum: number };

/** One sheet to write: a header row, data rows of typed cells, and an optional total row. */
export interface SheetOut {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly total?: readonly TotalCell[];
}

/** Format codes: Excel stores `,` and `.`, and French Excel shows `3 000 000 €` for `#,##0 "€"`. */
const FORMATS: Readonly<Record<CellFormat, string | undefined>> = {
  euros: '#,##0\\ "€"',
  tenths: '0.0',
  decimal: '0.00',
  integer: '0',
  text: undefined,
};

/**
 * The bytes of a workbook made of `sheets`. `date` is the file's creation date, written in its
 * properties and zip entries, so the same sheets and date give the same bytes.
 */
export async function workbookBytes(sheets: readonly SheetOut[], date: Date): Promise<Buffer> {
  const { Workbook: WorkbookClass } = await exceljs();
  const workbook = new WorkbookClass();
  workbook.creator = 'enveloppe';
  workbook.lastModifiedBy = 'enveloppe';
  workbook.created = date;
  workbook.modified = date;
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
    sheet.columns = spec.columns.map((column, i) => ({ header: column.header, key: `c${i}`, width: column.width ?? fittedWidth(column, spec.rows.map((row) => row[i] ?? null)) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row.map((cell) => cell ?? null));
    const lastData = spec.rows.length + 1;
    if (spec.total !== undefined) {
      const cells = spec.total.map((cell, i): CellValue => {
        if (cell === null || typeof cell !== 'object') return cell;
        const letters = columnLetters(i + 1);
        return { formula: `SUM(${letters}2:${letters}${lastData})`, result: cell.sum, date1904: false };
      });
      sheet.addRow(cells).font = { bold: true };
    }
    spec.columns.forEach((column, i) => {
      const format = FORMATS[column.format ?? 'text'];
      if (format !== undefined) sheet.getColumn(i + 1).numFmt = format;
    });
    if (spec.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastData, column: spec.columns.length } };
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return setZipDates(buffer, date);
}

function fittedWidth(column: SheetColumn, cells: readonly (string | number | null)[]): number {
  const longest = Math.max(column.header.length, ...cells.map((cell) => (cell === null ? 0 : typeof cell === 'number' ? Math.round(cell).toLocaleString('fr-FR').length + 2 : cell.length)));
  return Math.min(60, longest + 2);
}

/**
 * The zip library stamps every entry with the time of writing: stamp them with `date` instead,
 * in the central directory and in each local header, so the same workbook gives the same bytes.
 */
export function setZipDates(zip: Buffer, date: Date): Buffer {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1) throw new Error('the workbook written is not a zip');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('unexpected zip central directory');
    zip.writeUInt16LE(time, at + 12);
    zip.writeUInt16LE(day, at + 14);
    const local = zip.readUInt32LE(at + 42);
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(day, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}
