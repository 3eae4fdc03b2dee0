/**
 * Turning the bytes of a user's file into text. French Excel writes CSV as Windows-1252
 * ("CSV (séparateur : point-virgule)"), UTF-8 with a BOM ("CSV UTF-8") or UTF-16 ("Texte Unicode").
 */
import iconv from 'iconv-lite';
import { UserError } from '../domain/errors.js';

/** How a file's bytes were read. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const EXCEL_HINT = "Save the file from Excel as 'CSV UTF-8 (délimité par des virgules)'.";

/** Bytes Windows-1252 leaves undefined: seeing one means the file is in some other encoding. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Decode a text file, guessing its encoding the way French Excel users need: BOM first,
 * then strict UTF-8, then Windows-1252. Throws a UserError when the file is empty or is neither.
 * @example decodeText(new Uint8Array([0x43, 0x6f, 0xfb, 0x74]), 'a.csv') // { text: 'Coût', encoding: 'windows-1252' }
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  const decoded = decodeBytes(bytes, file);
  if (decoded.text.trim() === '') {
    throw new UserError('the file is empty', {
      file,
      hint: 'Check the path, or export the table again from Excel.',
    });
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const bad = firstInvalidUtf8(bytes, 3);
    if (bad !== -1) {
      throw new UserError(
        `the file says it is UTF-8 but is not (byte 0x${hex(bytes[bad])} at line ${lineOfByte(bytes, bad)})`,
        { file, line: lineOfByte(bytes, bad), hint: EXCEL_HINT },
      );
    }
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  // iconv-lite strips the BOM itself; it does not depend on Node's ICU build.
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes), 'utf-16be'), encoding: 'utf-16be' };
  }

  // A NUL is valid UTF-8 but never in a CSV: it is a binary file or UTF-16 without its BOM.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = lineOfByte(bytes, nul);
    throw new UserError(`bytes that are neither UTF-8 nor Windows-1252 (byte 0x00 at line ${line})`, {
      file,
      line,
      hint: `This is not a text file, or it is UTF-16 without a byte order mark. ${EXCEL_HINT}`,
    });
  }

  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: fall through to Windows-1252.
  }

  const bad = bytes.findIndex((byte) => UNDEFINED_IN_1252.has(byte));
  if (bad !== -1) {
    const line = lineOfByte(bytes, bad);
    throw new UserError(
      `bytes that are neither UTF-8 nor Windows-1252 (byte 0x${hex(bytes[bad])} at line ${line})`,
      { file, line, hint: EXCEL_HINT },
    );
  }
  // TextDecoder('windows-1252') on Node 20 maps 0x80 and 0x92 to C1 controls, not € and ’.
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}

/** 1-based line of a byte offset; CRLF, LF and a lone CR each end a line. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a || (byte === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Offset of the first byte that breaks UTF-8 from `start`, or -1 (only called to place an error). */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let count: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) count = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      count = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      count = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= count; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += count + 1;
  }
  return -1;
}
