/**
 * Reading a CSV table exported from (French) Excel: encoding, delimiter, header and rows,
 * each row tagged with the physical line it starts on so messages can point at it.
 */
import Papa from 'papaparse';
import { UserError } from '../domain/errors.js';
import { readInputFile } from './files.js';
import { canonicalName, decodeText, twinDifference } from './text.js';

/** One data row: the line it starts on (1-based, header is line 1) and its trimmed cells by column name. */
export interface CsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

/** A parsed CSV file. */
export interface CsvTable {
  readonly file: string;
  readonly encoding: string;
  readonly delimiter: ';' | ',' | '\t';
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

type Delimiter = CsvTable['delimiter'];

const DELIMITERS: readonly Delimiter[] = [';', ',', '\t'];

/** One record as papaparse cut it, with where it sits in the text. */
interface RawRecord {
  readonly fields: readonly string[];
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly errors: readonly Papa.ParseError[];
}

/**
 * Read and parse a CSV file. A missing file or a directory is a UserError.
 * @example readCsvFile('candidats.csv').rows[0]?.cells['montant']
 */
export function readCsvFile(path: string): CsvTable {
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(path, 'candidates file');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UserError('file not found', { file: path, hint: 'Check the path and the file name (with its .csv extension).' });
    }
    if (code === 'EISDIR') {
      throw new UserError('this is a folder, not a CSV file', { file: path, hint: 'Give the path of the .csv file inside it.' });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UserError('cannot read the file (permission denied)', {
        file: path,
        hint: 'Close the file in Excel if it is open, or check its permissions.',
      });
    }
    throw error;
  }
  return parseCsv(bytes, path);
}

/**
 * Parse the bytes of a CSV file: decode, detect the delimiter from the header line, cut rows.
 * Blank lines are skipped; a header without rows gives `rows: []`.
 * @example parseCsv(new TextEncoder().encode('id;montant\nA;1 000\n'), 'c.csv').delimiter // ';'
 */
export function parseCsv(bytes: Uint8Array, file: string): CsvTable {
  const decoded = decodeText(bytes, file);
  // One newline convention, so offsets map to physical lines and mixed endings cannot merge rows.
  const text = decoded.text.replace(/\r\n?/g, '\n');

  // Excel honours a first line `sep=;` and some exports write one.
  const sepLine = /^sep=([;,\t])[ ]*(?:\n|$)/i.exec(text);
  const forced = sepLine?.[1] as Delimiter | undefined;
  const headerStart = firstContentLine(text, sepLine === null ? 0 : sepLine[0].length);
  if (headerStart === -1) {
    throw new UserError('the file has no column names (every line is empty)', {
      file,
      hint: 'The first non-empty line must hold the column names.',
    });
  }
  const delimiter = forced ?? detectDelimiter(text, headerStart);
  const records = cutRecords(text, delimiter);

  let index = sepLine === null ? 0 : 1;
  while (index < records.length && isBlank(records[index]?.fields ?? [])) index++;
  const headerRecord = records[index];
  if (headerRecord === undefined) {
    throw new UserError('the file has no column names (every line is empty)', { file });
  }
  checkQuotes(headerRecord, text, file);
  checkForeignDelimiter(headerRecord, file, forced !== undefined);

  const body: RawRecord[] = [];
  const width = headerRecord.fields.length;
  for (const record of records.slice(index + 1)) {
    checkQuotes(record, text, file);
    if (isBlank(record.fields)) continue;
    if (record.fields.length !== width) throw raggedRow(record, text, file, delimiter, width);
    body.push(record);
  }

  const header = checkHeader(headerRecord, body, file);
  const rows = body.map((record): CsvRow => {
    // No prototype, so a column named `constructor` or `__proto__` is just a column.
    const cells: Record<string, string> = Object.create(null) as Record<string, string>;
    header.forEach((name, i) => {
      cells[name] = trimCell(record.fields[i] ?? '');
    });
    return { line: record.line, cells };
  });

  return { file, encoding: decoded.encoding, delimiter, header, rows };
}

/** JS `trim` already covers spaces, tabs, U+00A0, U+202F and a stray BOM. */
function trimCell(cell: string): string {
  return cell.trim();
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => trimCell(field) === '');
}

/** Offset of the first line holding something other than spaces and delimiters, or -1. */
function firstContentLine(text: string, from: number): number {
  let start = from;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? undefined : end);
    if (/[^\s;,]/.test(line)) return start;
    if (end === -1) break;
    start = end + 1;
  }
  return -1;
}

/**
 * The most frequent of `;`, `,` and tab outside quotes on the header line; a tie goes to `;`
 * (French Excel's choice), then tab, since a comma is also the French decimal mark.
 */
function detectDelimiter(text: string, start: number): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') break;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ';';
  for (const candidate of [';', '\t', ','] as const) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/** Let papaparse cut the records, keeping each one's offsets to compute its starting line. */
function cutRecords(text: string, delimiter: Delimiter): RawRecord[] {
  const records: RawRecord[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (result) => {
      const end = result.meta.cursor;
      records.push({ fields: result.data, start, end, line, errors: result.errors });
      line += countNewlines(text, start, end);
      start = end;
    },
  });
  return records;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

function lineAt(text: string, offset: number): number {
  return 1 + countNewlines(text, 0, offset);
}

function checkQuotes(record: RawRecord, text: string, file: string): void {
  const error = record.errors.find((e) => e.type === 'Quotes');
  if (error === undefined) return;
  // papaparse's index is just past the opening quote of the faulty cell.
  const quote = (error.index ?? 0) - 1;
  const line = text[quote] === '"' && quote >= record.start ? lineAt(text, quote) : record.line;
  if (error.code === 'MissingQuotes') {
    throw new UserError(`a quote opened at line ${line} is never closed`, {
      file,
      line,
      hint: 'Close the quoted cell with ", and write a quote inside a cell as two quotes ("").',
    });
  }
  throw new UserError(`a quoted cell opened at line ${line} has text after its closing quote`, {
    file,
    line,
    hint: 'Inside a quoted cell, write a quote as two quotes ("").',
  });
}

/** Separators some tools write that Excel never does; seen in a one-column header, they are the real delimiter. */
const FOREIGN_DELIMITERS = ['|', ':', '^', '~'] as const;

/** A header read as one column because its columns are separated by, say, `|`: name that separator. */
function checkForeignDelimiter(record: RawRecord, file: string, forced: boolean): void {
  const [only, ...others] = record.fields;
  if (forced || only === undefined || others.length > 0) return;
  let best: string | undefined;
  let bestCount = 0;
  for (const candidate of FOREIGN_DELIMITERS) {
    const count = only.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  if (best === undefined) return;
  throw new UserError(`the columns are separated by '${best}', which enveloppe does not read`, {
    file,
    line: record.line,
    hint: "Separate the columns with ';' (French Excel), ',' or tab: in Excel, save as 'CSV UTF-8 (délimité par des virgules)'.",
  });
}

function raggedRow(record: RawRecord, text: string, file: string, delimiter: Delimiter, width: number): UserError {
  const got = record.fields.length;
  const base = `line ${record.line} has ${got} field${got === 1 ? '' : 's'}, the header has ${width}`;
  const raw = text.slice(record.start, record.end).replace(/\n$/, '');
  const other = DELIMITERS.find(
    (d) => d !== delimiter && Papa.parse<string[]>(raw, { delimiter: d, newline: '\n', quoteChar: '"' }).data[0]?.length === width,
  );
  if (other !== undefined) {
    return new UserError(`${base}: mixed delimiters, the header uses ${show(delimiter)} but this line uses ${show(other)}`, {
      file,
      line: record.line,
      hint: `Use ${show(delimiter)} on every line, or export the file again from Excel.`,
    });
  }
  return new UserError(base, {
    file,
    line: record.line,
    hint: `Columns are separated by ${show(delimiter)}; a cell containing ${show(delimiter)} or a line break must be in double quotes.`,
  });
}

function show(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}

/** `column 3 (C)`: the position as a person counts it and as Excel labels it. */
function columnLabel(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return `column ${index + 1} (${letters})`;
}

/**
 * Trimmed, named, unique column names. Trailing unnamed columns that are empty on every row
 * are dropped: Excel writes them when formatted cells stretch the sheet.
 */
function checkHeader(record: RawRecord, body: readonly RawRecord[], file: string): string[] {
  // Compared as a person reads them: NFC, without zero-width characters or a stray BOM.
  const names = record.fields.map((field) => canonicalName(trimCell(field)));
  let width = names.length;
  while (width > 1 && names[width - 1] === '' && body.every((row) => trimCell(row.fields[width - 1] ?? '') === '')) {
    width--;
  }
  const header = names.slice(0, width);
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === '') {
      throw new UserError('this column has no name in the header', {
        file,
        line: record.line,
        field: columnLabel(i),
        hint: 'Give every column a name on the first line, or delete the column (and any title line above the header).',
      });
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const [a, b] = [trimCell(record.fields[first] ?? ''), trimCell(record.fields[i] ?? '')];
      const twins = a.toLowerCase() === b.toLowerCase() ? '' : ` (the two names ${twinDifference(a, b)})`;
      throw new UserError(`the column appears twice: ${columnLabel(first)} and ${columnLabel(i)}${twins}`, {
        file,
        line: record.line,
        field: name,
        hint: 'Rename or delete one of them.',
      });
    }
    seen.set(key, i);
  });
  return header;
}
