/**
 * Writing tables as CSV, either for French Excel or as plain RFC 4180 CSV.
 * Pure: text in, bytes out. No file system here; the caller writes the Buffer.
 */
import type { Lang } from '../domain/lang.js';

/** A table to write: a header and rows of text or numbers, one cell per column. */
export interface CsvTableOut {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** How to write a table. */
export interface CsvWriteOptions {
  /**
   * `true`: Excel (UTF-8 with BOM, CRLF; French Excel's `;` and decimal comma, or English Excel's `,`
   * and decimal point with `lang: 'en'`).
   * `false`: plain CSV (`,`, decimal point, UTF-8 without BOM, LF), whatever the language.
   */
  readonly excel: boolean;
  /** Whose Excel reads the file. @default 'fr' */
  readonly lang?: Lang;
}

interface Dialect {
  readonly delimiter: string;
  readonly decimal: string;
  readonly newline: string;
  readonly bom: boolean;
}

const EXCEL: Dialect = { delimiter: ';', decimal: ',', newline: '\r\n', bom: true };
const ENGLISH_EXCEL: Dialect = { delimiter: ',', decimal: '.', newline: '\r\n', bom: true };
const PLAIN: Dialect = { delimiter: ',', decimal: '.', newline: '\n', bom: false };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Most decimals written for a non-integer number. */
const MAX_DECIMALS = 6;

/** First characters a spreadsheet reads as the start of a formula (CSV injection). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * Formats a table as CSV bytes, every record ended by the line terminator.
 *
 * Text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab
 * or CR) get a leading `'`; numbers are never altered, negatives included. A cell is quoted
 * (RFC 4180, `"` doubled) when it holds the delimiter, a quote, CR or LF. Numbers are written
 * without grouping, without exponent, with at most 6 decimals and no trailing zeros.
 *
 * @example
 * formatCsv({ columns: ['id', 'Subvention (€)'], rows: [['ptce-001', 72000.5]] }, { excel: true });
 * // BOM + 'id;Subvention (€)\r\nptce-001;72000,5\r\n'
 * @throws RangeError when a number is not finite or a row's length differs from the header's (bugs).
 */
export function formatCsv(table: CsvTableOut, options: CsvWriteOptions): Buffer {
  const dialect = !options.excel ? PLAIN : options.lang === 'en' ? ENGLISH_EXCEL : EXCEL;
  const width = table.columns.length;
  const lines: string[] = [formatRecord(table.columns, dialect)];
  table.rows.forEach((row, index) => {
    if (row.length !== width) {
      throw new RangeError(`CSV row ${index + 1} has ${row.length} cells, the header has ${width}`);
    }
    lines.push(formatRecord(row, dialect));
  });
  const text = lines.map((line) => line + dialect.newline).join('');
  const body = Buffer.from(text, 'utf8');
  return dialect.bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

function formatRecord(cells: readonly (string | number)[], dialect: Dialect): string {
  return cells.map((cell) => formatCell(cell, dialect)).join(dialect.delimiter);
}

function formatCell(cell: string | number, dialect: Dialect): string {
  const text = typeof cell === 'number' ? formatNumber(cell, dialect.decimal) : neutraliseFormula(cell);
  return needsQuotes(text, dialect.delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}

function neutraliseFormula(text: string): string {
  const first = text.charAt(0);
  return FORMULA_START.has(first) ? `'${text}` : text;
}

function needsQuotes(text: string, delimiter: string): boolean {
  return text.includes(delimiter) || text.includes('"') || text.includes('\r') || text.includes('\n');
}

/**
 * Writes a number the way a spreadsheet reads it back: digits, an optional decimal separator,
 * no grouping, no exponent (below 1e21), at most 6 decimals, no trailing zeros; -0 as 0.
 */
export function formatNumber(value: number, decimal = '.'): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`cannot write ${String(value)} in a CSV cell`);
  }
  // toFixed rounds half away from zero on the binary value and never uses an exponent below 1e21.
  let text = Number.isInteger(value) ? value.toFixed(0) : value.toFixed(MAX_DECIMALS);
  if (text.includes('.')) {
    text = text.replace(/0+$/, '').replace(/\.$/, '');
  }
  if (/^-0(\.0*)?$/.test(text)) {
    text = '0';
  }
  return decimal === '.' ? text : text.replace('.', decimal);
}
