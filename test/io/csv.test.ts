import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { parseCsv, readCsvFile } from '../../src/io/csv.js';
import { UserError } from '../../src/domain/errors.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (text: string) => parseCsv(utf8(text), 'c.csv');

function caught(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('delimiter detection', () => {
  it("detects ';' on a tiny 2-line file whose data holds decimal commas", () => {
    const table = parse('id;montant\nA;1,5\n');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['id', 'montant']);
    expect(table.rows).toEqual([{ line: 2, cells: { id: 'A', montant: '1,5' } }]);
  });

  it.each([
    ['id,nom,montant\nA,Alpha,10\n', ','],
    ['id\tnom\tmontant\nA\tAlpha\t10\n', '\t'],
    ['"a;b",c\n"x;y",z\n', ','],
    ['id\nA\n', ';'],
    ['a;b,c\n1;2,3\n', ';'],
  ] as const)('reads the delimiter of %j from the header as %j', (text, delimiter) => {
    expect(parse(text).delimiter).toBe(delimiter);
  });

  it('honours an Excel sep= line', () => {
    const table = parse('sep=,\nid;x,montant\nA;1,2\n');
    expect(table.delimiter).toBe(',');
    expect(table.header).toEqual(['id;x', 'montant']);
    expect(table.rows[0]).toEqual({ line: 3, cells: { 'id;x': 'A;1', montant: '2' } });
  });
});

describe('rows and line numbers', () => {
  const text = [
    'id;nom;montant',
    'A;"Pôle',
    'Territorial";1 000',
    'B;"Dit ""le grand""";2 000',
    '',
    ';;',
    'C;"x;y";3',
    '',
  ].join('\r\n');

  it('gives the physical line each row starts on, after a quoted cell with a line break', () => {
    const table = parse(text);
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 7]);
    expect(table.rows.map((row) => row.cells['nom'])).toEqual(['Pôle\nTerritorial', 'Dit "le grand"', 'x;y']);
    expect(table.rows[0]?.cells['montant']).toBe('1 000');
  });

  it('gives the same lines with LF or lone CR endings', () => {
    expect(parse(text.replace(/\r\n/g, '\n')).rows.map((row) => row.line)).toEqual([2, 4, 7]);
    expect(parse(text.replace(/\r\n/g, '\r')).rows.map((row) => row.line)).toEqual([2, 4, 7]);
  });

  it('counts leading blank lines before the header', () => {
    const table = parse('\n;;\nid;montant\nA;1\n');
    expect(table.header).toEqual(['id', 'montant']);
    expect(table.rows).toEqual([{ line: 4, cells: { id: 'A', montant: '1' } }]);
  });

  it('trims header and cells of spaces, U+00A0, U+202F and the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(' id\u00a0; Montant \nA ;\u202f1\u00a0000\u00a0\n')]);
    const table = parseCsv(bytes, 'c.csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.header).toEqual(['id', 'Montant']);
    expect(table.rows[0]?.cells).toEqual({ id: 'A', Montant: '1\u00a0000' });
  });

  it('accepts a header without rows', () => {
    expect(parse('id;montant\r\n\r\n').rows).toEqual([]);
  });

  it('reads Windows-1252 from French Excel', () => {
    const table = parseCsv(iconv.encode('id;libellé\r\nA;Coût 1 234 € l’an\r\n', 'win1252'), 'c.csv');
    expect(table.encoding).toBe('windows-1252');
    expect(table.rows[0]?.cells['libellé']).toBe('Coût 1 234 € l’an');
  });

  it('drops unnamed trailing columns that Excel leaves empty', () => {
    const table = parse('id;montant;;\nA;1;;\n;;;\nB;2;;\n');
    expect(table.header).toEqual(['id', 'montant']);
    expect(table.rows.map((row) => row.cells)).toEqual([
      { id: 'A', montant: '1' },
      { id: 'B', montant: '2' },
    ]);
  });

  it('keeps a column named like an Object property as a plain column', () => {
    const table = parse('constructor;__proto__\nA;B\n');
    expect(table.rows[0]?.cells['constructor']).toBe('A');
    expect(table.rows[0]?.cells['__proto__']).toBe('B');
    expect(Object.keys(table.rows[0]?.cells ?? {})).toEqual(['constructor', '__proto__']);
  });
});

describe('header errors', () => {
  it('names an empty header cell by position', () => {
    const error = caught(() => parse('id;;montant\nA;x;1\n'));
    expect(error.format()).toMatch(/^c\.csv:1: column 2 \(B\): this column has no name in the header\. Give every column a name/);
  });

  it('refuses an unnamed trailing column that holds data', () => {
    const error = caught(() => parse('id;montant;\nA;1;oops\n'));
    expect(error.field).toBe('column 3 (C)');
    expect(error.line).toBe(1);
  });

  it('names both positions of a duplicated column, ignoring case and spaces', () => {
    const error = caught(() => parse('id;Montant;nom; montant \nA;1;x;2\n'));
    expect(error.message).toBe('the column appears twice: column 2 (B) and column 4 (D)');
    expect(error.format()).toMatch(/^c\.csv:1: montant: the column appears twice/);
  });

  it('reports the line of a header that comes after blank lines', () => {
    expect(caught(() => parse('\n\nid;id\n')).line).toBe(3);
  });

  it('refuses a file whose lines are all empty', () => {
    expect(() => parse(';;;\n;;\n')).toThrow(/the file has no column names/);
  });

  it('refuses an empty file', () => {
    expect(() => parseCsv(new Uint8Array(), 'vide.csv')).toThrow(/the file is empty/);
  });
});

describe('row errors', () => {
  it('reports a ragged row with its line and the delimiter', () => {
    const error = caught(() => parse('id;nom;montant\nA;"x\ny";1\nB;2\n'));
    expect(error.message).toBe('line 4 has 2 fields, the header has 3');
    expect(error.line).toBe(4);
    expect(error.format()).toContain("Columns are separated by ';'");
  });

  it("names a separator enveloppe does not read, such as '|'", () => {
    const error = caught(() => parse('id|nom|montant\nA|x|1\n'));
    expect(error.message).toBe("the columns are separated by '|', which enveloppe does not read");
    expect(error.line).toBe(1);
  });

  it('says "1 field" in the singular', () => {
    expect(() => parse('id;nom\nA\n')).toThrow(/^line 2 has 1 field, the header has 2$/);
  });

  it('spots mixed delimiters', () => {
    const error = caught(() => parse('id;nom;montant\nA;Alpha;1\nB,Beta,2\n'));
    expect(error.message).toBe("line 3 has 1 field, the header has 3: mixed delimiters, the header uses ';' but this line uses ','");
    expect(error.format()).toMatch(/^c\.csv:3: /);
  });

  it('names the line where an unclosed quote opens', () => {
    const error = caught(() => parse('id;nom\nA;"x\ny"\nB;"ouvert\nC;z\nD;w\n'));
    expect(error.message).toBe('a quote opened at line 4 is never closed');
    expect(error.line).toBe(4);
    expect(error.format()).toContain('two quotes ("")');
  });

  it('names a quoted cell with text after its closing quote', () => {
    expect(() => parse('id;nom\nA;x\nB;"dit "non" ici";z\n')).toThrow(/^a quoted cell opened at line 3 has text after its closing quote$/);
  });
});

describe('readCsvFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'enveloppe-csv-'));

  it('reads a file from disk', () => {
    const path = join(dir, 'candidats.csv');
    writeFileSync(path, 'id;montant\r\nA;1 000\r\n', 'utf8');
    const table = readCsvFile(path);
    expect(table.file).toBe(path);
    expect(table.rows).toEqual([{ line: 2, cells: { id: 'A', montant: '1 000' } }]);
  });

  it('says a missing file is not found, with a hint', () => {
    const path = join(dir, 'absent.csv');
    const error = caught(() => readCsvFile(path));
    expect(error.message).toBe('file not found');
    expect(error.format()).toBe(`${path}: file not found. Check the path and the file name (with its .csv extension).`);
  });

  it('refuses a directory', () => {
    expect(() => readCsvFile(dir)).toThrow(/this is a folder, not a CSV file/);
  });
});
