import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCsv, formatNumber, type CsvTableOut } from '../../src/io/csv-write.js';

const table: CsvTableOut = {
  columns: ['id', 'Nom', 'Subvention (€)', 'Score'],
  rows: [
    ['ptce-001', 'Le Phares', 150000, 3.75],
    ['ptce-002', 'Pôle Sud', -5, 0.1],
  ],
};

const hex = (buffer: Buffer): string => buffer.toString('hex');
const text = (buffer: Buffer): string => buffer.toString('utf8');

describe('formatCsv', () => {
  it('writes French Excel: BOM, semicolons, decimal comma, CRLF', () => {
    const expected = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        'id;Nom;Subvention (€);Score\r\n' +
          'ptce-001;Le Phares;150000;3,75\r\n' +
          'ptce-002;Pôle Sud;-5;0,1\r\n',
        'utf8',
      ),
    ]);
    const bytes = formatCsv(table, { excel: true });
    expect(hex(bytes)).toBe(hex(expected));
    expect(hex(bytes.subarray(0, 3))).toBe('efbbbf');
    // "€" is e2 82 ac and "ô" c3 b4 in UTF-8: spot-check the encoding itself.
    expect(hex(bytes)).toContain('e282ac');
    expect(hex(bytes)).toContain('c3b4');
  });

  it('writes plain CSV: commas, decimal point, LF, no BOM', () => {
    const expected = Buffer.from(
      'id,Nom,Subvention (€),Score\n' + 'ptce-001,Le Phares,150000,3.75\n' + 'ptce-002,Pôle Sud,-5,0.1\n',
      'utf8',
    );
    const bytes = formatCsv(table, { excel: false });
    expect(hex(bytes)).toBe(hex(expected));
    expect(bytes[0]).toBe(0x69); // 'i', no BOM
  });

  it('neutralises formula-like text but never a real number', () => {
    const out = formatCsv(
      { columns: ['a', 'b', 'c', 'd', 'e', 'f'], rows: [['=SUM(A1)', '-2+3', -5, '+33 1', '@cmd', '\tx']] },
      { excel: false },
    );
    expect(text(out)).toBe("a,b,c,d,e,f\n'=SUM(A1),'-2+3,-5,'+33 1,'@cmd,'\tx\n");
  });

  it('neutralises a leading CR and then quotes the cell', () => {
    const out = formatCsv({ columns: ['a'], rows: [['\r=1']] }, { excel: true });
    expect(text(out)).toBe('\ufeffa\r\n"\'\r=1"\r\n');
  });

  it('quotes cells holding the delimiter, a quote or a line break (RFC 4180)', () => {
    const rows = [['a;b', 'Coopérative "Bois & Bocage"; Limousin', 'ligne 1\nligne 2', 'x,y']];
    expect(text(formatCsv({ columns: ['a', 'b', 'c', 'd'], rows }, { excel: true }))).toBe(
      '\ufeffa;b;c;d\r\n"a;b";"Coopérative ""Bois & Bocage""; Limousin";"ligne 1\nligne 2";x,y\r\n',
    );
    expect(text(formatCsv({ columns: ['a', 'b', 'c', 'd'], rows }, { excel: false }))).toBe(
      'a,b,c,d\na;b,"Coopérative ""Bois & Bocage""; Limousin","ligne 1\nligne 2","x,y"\n',
    );
  });

  it('writes a header-only table', () => {
    expect(text(formatCsv({ columns: ['id'], rows: [] }, { excel: false }))).toBe('id\n');
  });

  it('refuses a row of the wrong width and non-finite numbers (bugs)', () => {
    expect(() => formatCsv({ columns: ['a', 'b'], rows: [['x']] }, { excel: false })).toThrow(RangeError);
    expect(() => formatCsv({ columns: ['a'], rows: [[Number.NaN]] }, { excel: false })).toThrow(RangeError);
    expect(() => formatCsv({ columns: ['a'], rows: [[Infinity]] }, { excel: false })).toThrow(RangeError);
  });
});

describe('formatNumber', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [-0.0000001, '0'],
    [290000, '290000'],
    [1e20, '100000000000000000000'],
    [0.1 + 0.2, '0.3'],
    [1.5, '1.5'],
    [1e-7, '0'],
    [1.23456789, '1.234568'],
    [-2.5, '-2.5'],
    [123456.000001, '123456.000001'],
  ])('writes %s as %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });

  it('uses the decimal comma when asked', () => {
    expect(formatNumber(3.25, ',')).toBe('3,25');
    expect(formatNumber(72000, ',')).toBe('72000');
  });

  it('never writes an exponent, a grouping or a trailing zero, and reads back within 1e-6', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (value) => {
        const written = formatNumber(value);
        expect(written).toMatch(/^-?\d+(\.\d*[1-9])?$/);
        expect(Math.abs(Number(written) - value)).toBeLessThanOrEqual(Math.max(5e-7, Math.abs(value) * 1e-15));
      }),
    );
  });
});
