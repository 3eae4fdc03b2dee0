import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from '../../src/io/text.js';
import { UserError } from '../../src/domain/errors.js';

const SAMPLE = 'Coût par emploi – 1 234 € l’an';

function caught(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE), 'a.csv')).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id;nom')]);
    expect(decodeText(bytes, 'a.csv')).toEqual({ text: 'id;nom', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = iconv.encode(SAMPLE, 'utf-16le', { addBOM: true });
    const be = iconv.encode(SAMPLE, 'utf-16be', { addBOM: true });
    expect(le[0]).toBe(0xff);
    expect(be[0]).toBe(0xfe);
    expect(decodeText(le, 'a.csv')).toEqual({ text: SAMPLE, encoding: 'utf-16le' });
    expect(decodeText(be, 'a.csv')).toEqual({ text: SAMPLE, encoding: 'utf-16be' });
  });

  it('reads Windows-1252 from French Excel, keeping € and ’', () => {
    const bytes = iconv.encode(SAMPLE, 'win1252');
    expect(bytes.includes(0x80)).toBe(true); // €
    expect(bytes.includes(0x92)).toBe(true); // ’
    const { text, encoding } = decodeText(bytes, 'a.csv');
    expect(encoding).toBe('windows-1252');
    expect(text).toBe(SAMPLE);
    expect(text).toContain('€');
    expect(text).toContain('’');
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, naming the line', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a;b\r\n1;2\r\n'), 0x43, 0x81, 0x0a]);
    const error = caught(() => decodeText(bytes, 'candidats.csv'));
    expect(error.message).toBe('bytes that are neither UTF-8 nor Windows-1252 (byte 0x81 at line 3)');
    expect(error.line).toBe(3);
    expect(error.format()).toMatch(/^candidats\.csv:3: bytes that are neither .* Save the file from Excel as 'CSV UTF-8/);
  });

  it('refuses NUL bytes (UTF-16 without a BOM)', () => {
    const bytes = iconv.encode('id;nom\nA;B', 'utf-16le');
    expect(() => decodeText(bytes, 'a.csv')).toThrow(/byte 0x00 at line 1/);
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0x63, 0x6f, 0xfb, 0x74]);
    const error = caught(() => decodeText(bytes, 'a.csv'));
    expect(error.message).toBe('the file says it is UTF-8 but is not (byte 0xFB at line 2)');
    expect(error.line).toBe(2);
  });

  it.each([
    ['no bytes', new Uint8Array([])],
    ['only a BOM', new Uint8Array([0xef, 0xbb, 0xbf])],
    ['only whitespace', new TextEncoder().encode(' \r\n\n\t')],
    ['a UTF-16 BOM and blank lines', iconv.encode('\r\n\r\n', 'utf-16le', { addBOM: true })],
  ])('refuses an empty file (%s)', (_label, bytes) => {
    const error = caught(() => decodeText(bytes, 'vide.csv'));
    expect(error.message).toBe('the file is empty');
    expect(error.format()).toMatch(/^vide\.csv: the file is empty/);
  });
});
