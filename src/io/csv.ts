/**
 * Reading a CSV table exported from (French) Excel: encoding, delimiter, header and rows,
 * each row tagged with the physical line it starts on so messages can point at it.
 */
import Papa from 'papaparse';
import { UserError } from '../domain/errors.js';
import { fr, RENAME_ONE, userError } from './bilingual.js';
import { readInputFile, type InputFiles } from './files.js';
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
 * @param files where a load keeps the SHA-256 of the bytes read.
 * @example readCsvFile('candidats.csv').rows[0]?.cells['montant']
 */
export function readCsvFile(path: string, files?: InputFiles): CsvTable {
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(path, 'candidates file', files);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw userError({ en: 'file not found', fr: 'fichier introuvable' }, { file: path, hint: { en: 'Check the path and the file name (with its .csv extension).', fr: 'Vérifiez le chemin et le nom du fichier (avec son extension .csv).' } });
    }
    if (code === 'EISDIR') {
      throw userError({ en: 'this is a folder, not a CSV file', fr: 'c’est un dossier, pas un fichier CSV' }, { file: path, hint: { en: 'Give the path of the .csv file inside it.', fr: 'Donnez le chemin du fichier .csv qu’il contient.' } });
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw userError({ en: 'cannot read the file (permission denied)', fr: 'impossible de lire le fichier (permission refusée)' }, {
        file: path,
        hint: { en: 'Close the file in Excel if it is open, or check its permissions.', fr: 'Fermez le fichier dans Excel s’il est ouvert, ou vérifiez ses droits d’accès.' },
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
    throw userError(NO_HEADER, {
      file,
      hint: { en: 'The first non-empty line must hold the column names.', fr: 'La première ligne non vide doit porter les noms des colonnes.' },
    });
  }
  const delimiter = forced ?? detectDelimiter(text, headerStart);
  const records = cutRecords(text, delimiter);

  let index = sepLine === null ? 0 : 1;
  while (index < records.length && isBlank(records[index]?.fields ?? [])) index++;
  const headerRecord = records[index];
  if (headerRecord === undefined) {
    throw userError(NO_HEADER, { file });
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

const NO_HEADER = { en: 'the file has no column names (every line is empty)', fr: 'le fichier n’a pas de noms de colonnes (toutes ses lignes sont vides)' };

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
    throw userError({ en: `a quote opened at line ${line} is never closed`, fr: `un guillemet ouvert ligne ${line} n’est jamais fermé` }, {
      file,
      line,
      hint: { en: 'Close the quoted cell with ", and write a quote inside a cell as two quotes ("").', fr: 'Fermez la cellule entre guillemets par ", et écrivez un guillemet dans une cellule en le doublant ("").' },
    });
  }
  throw userError({ en: `a quoted cell opened at line ${line} has text after its closing quote`, fr: `une cellule entre guillemets ouverte ligne ${line} a du texte après son guillemet fermant` }, {
    file,
    line,
    hint: { en: 'Inside a quoted cell, write a quote as two quotes ("").', fr: 'Dans une cellule entre guillemets, écrivez un guillemet en le doublant ("").' },
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
  throw userError({ en: `the columns are separated by '${best}', which enveloppe does not read`, fr: fr`les colonnes sont séparées par « ${best} », qu’enveloppe ne lit pas` }, {
    file,
    line: record.line,
    hint: {
      en: "Separate the columns with ';' (French Excel), ',' or tab: in Excel, save as 'CSV UTF-8 (délimité par des virgules)'.",
      fr: fr`Séparez les colonnes par « ; » (Excel en français), « , » ou une tabulation : dans Excel, enregistrez en « CSV UTF-8 (délimité par des virgules) ».`,
    },
  });
}

function raggedRow(record: RawRecord, text: string, file: string, delimiter: Delimiter, width: number): UserError {
  const got = record.fields.length;
  const base = `line ${record.line} has ${got} field${got === 1 ? '' : 's'}, the header has ${width}`;
  const french = `la ligne ${record.line} a ${got} champ${got > 1 ? 's' : ''}, l’en-tête en a ${width}`;
  const raw = text.slice(record.start, record.end).replace(/\n$/, '');
  const other = DELIMITERS.find(
    (d) => d !== delimiter && Papa.parse<string[]>(raw, { delimiter: d, newline: '\n', quoteChar: '"' }).data[0]?.length === width,
  );
  if (other !== undefined) {
    return userError({ en: `${base}: mixed delimiters, the header uses ${show(delimiter)} but this line uses ${show(other)}`, fr: fr`${french} : séparateurs mélangés, l’en-tête utilise ${montre(delimiter)} mais cette ligne ${montre(other)}` }, {
      file,
      line: record.line,
      hint: { en: `Use ${show(delimiter)} on every line, or export the file again from Excel.`, fr: `Utilisez ${montre(delimiter)} sur toutes les lignes, ou exportez de nouveau le fichier depuis Excel.` },
    });
  }
  return userError({ en: base, fr: french }, {
    file,
    line: record.line,
    hint: {
      en: `Columns are separated by ${show(delimiter)}; a cell containing ${show(delimiter)} or a line break must be in double quotes.`,
      fr: fr`Les colonnes sont séparées par ${montre(delimiter)} ; une cellule contenant ${montre(delimiter)} ou un retour à la ligne doit être entre guillemets droits (").`,
    },
  });
}

function show(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tab' : `'${delimiter}'`;
}

/** A separator as French names it: `«\u00a0;\u00a0»`, `la tabulation`. */
function montre(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'la tabulation' : `«\u00a0${delimiter}\u00a0»`;
}

/** `column 3 (C)`: the position as a person counts it and as Excel labels it. */
function columnLabel(index: number): { en: string; fr: string } {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return { en: `column ${index + 1} (${letters})`, fr: `colonne ${index + 1} (${letters})` };
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
      throw userError({ en: 'this column has no name in the header', fr: 'cette colonne n’a pas de nom dans l’en-tête' }, {
        file,
        line: record.line,
        field: columnLabel(i),
        hint: {
          en: 'Give every column a name on the first line, or delete the column (and any title line above the header).',
          fr: 'Donnez un nom à chaque colonne sur la première ligne, ou supprimez la colonne (et toute ligne de titre au-dessus de l’en-tête).',
        },
      });
    }
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const [a, b] = [trimCell(record.fields[first] ?? ''), trimCell(record.fields[i] ?? '')];
      const same = a.toLowerCase() === b.toLowerCase();
      const message = {
        en: `the column appears twice: ${columnLabel(first).en} and ${columnLabel(i).en}${same ? '' : ` (the two names ${twinDifference(a, b)})`}`,
        fr: fr`la colonne figure deux fois : ${columnLabel(first).fr} et ${columnLabel(i).fr}${same ? '' : ` (les deux noms ${twinDifference(a, b, 'fr')})`}`,
      };
      throw userError(message, { file, line: record.line, field: name, hint: RENAME_ONE });
    }
    seen.set(key, i);
  });
  return header;
}
