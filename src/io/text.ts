/**
 * Turning the bytes of a user's file into text. French Excel writes CSV as Windows-1252
 * ("CSV (séparateur : point-virgule)"), UTF-8 with a BOM ("CSV UTF-8") or UTF-16 ("Texte Unicode").
 */
import { createRequire } from 'node:module';
import type * as IconvLite from 'iconv-lite';
import type { Bilingual, Lang } from '../domain/lang.js';
import { fr, userError } from './bilingual.js';
import { readInputFile, type InputFiles } from './files.js';

/**
 * iconv-lite, loaded on first use (a UTF-16 or Windows-1252 file, an Excel export): its tables are
 * half a megabyte of code that every start of the command parsed for files that are mostly UTF-8
 * (docs/speed.md). It stays outside the bundle (scripts/bundle.ts).
 */
let loadedIconv: typeof IconvLite | undefined;
function iconv(): typeof IconvLite {
  loadedIconv ??= createRequire(import.meta.url)('iconv-lite') as typeof IconvLite;
  return loadedIconv;
}

/** How a file's bytes were read. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const EXCEL_HINT = { en: "Save the file from Excel as 'CSV UTF-8 (délimité par des virgules)'.", fr: fr`Enregistrez le fichier depuis Excel en « CSV UTF-8 (délimité par des virgules) ».` };

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
    throw userError({ en: 'the file is empty', fr: 'le fichier est vide' }, {
      file,
      hint: { en: 'Check the path, or export the table again from Excel.', fr: 'Vérifiez le chemin, ou exportez de nouveau le tableau depuis Excel.' },
    });
  }
  return decoded;
}

function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: TextEncoding } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const bad = firstInvalidUtf8(bytes, 3);
    if (bad !== -1) {
      const line = lineOfByte(bytes, bad);
      throw userError(
        { en: `the file says it is UTF-8 but is not (byte 0x${hex(bytes[bad])} at line ${line})`, fr: `le fichier se dit en UTF-8 mais ne l’est pas (octet 0x${hex(bytes[bad])} ligne ${line})` },
        { file, line, hint: EXCEL_HINT },
      );
    }
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  // iconv-lite strips the BOM itself; it does not depend on Node's ICU build.
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: iconv().decode(Buffer.from(bytes), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: iconv().decode(Buffer.from(bytes), 'utf-16be'), encoding: 'utf-16be' };
  }

  // A NUL is valid UTF-8 but never in a CSV: it is a binary file or UTF-16 without its BOM.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const line = lineOfByte(bytes, nul);
    throw userError(neither('00', line), {
      file,
      line,
      hint: { en: `This is not a text file, or it is UTF-16 without a byte order mark. ${EXCEL_HINT.en}`, fr: `Ce n’est pas un fichier texte, ou c’est de l’UTF-16 sans marque d’ordre des octets (BOM). ${EXCEL_HINT.fr}` },
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
    throw userError(neither(hex(bytes[bad]), line), { file, line, hint: EXCEL_HINT });
  }
  // TextDecoder('windows-1252') on Node 20 maps 0x80 and 0x92 to C1 controls, not € and ’.
  return { text: iconv().decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

function neither(byte: string, line: number): { en: string; fr: string } {
  return { en: `bytes that are neither UTF-8 nor Windows-1252 (byte 0x${byte} at line ${line})`, fr: `des octets qui ne sont ni de l’UTF-8 ni du Windows-1252 (octet 0x${byte} ligne ${line})` };
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

/**
 * Writes text back in the encoding it was read in, or undefined when some character has no byte in
 * that encoding (a `€` fits Windows-1252, a `✓` does not): such a file must not be written.
 */
export function encodeText(text: string, encoding: TextEncoding): Buffer | undefined {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
    case 'utf-16be': {
      const body = iconv().encode(text, encoding);
      return Buffer.concat([Buffer.from(encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
    }
    case 'windows-1252': {
      const bytes = iconv().encode(text, 'win1252');
      // iconv-lite writes '?' for what Windows-1252 lacks: read the bytes back to find out.
      return iconv().decode(bytes, 'win1252') === text ? bytes : undefined;
    }
  }
}

/** Characters that show nothing: zero-width spaces and joiners, soft hyphen, BOM, direction marks and overrides. */
const INVISIBLE = /\u034F|\u17B4|\u17B5|[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u3164\uFEFF\uFFA0]/g;

/**
 * A name (id, column) as compared: NFC, invisible characters removed, trimmed. Two names a person
 * cannot tell apart on screen compare equal.
 * @example canonicalName('ptce\u200B-001') // 'ptce-001'
 */
export function canonicalName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '').trim();
}

/**
 * What two names that compare equal under {@link canonicalName} differ by, in words for a message.
 * In French with `lang: 'fr'`.
 * @example twinDifference('Ele\u0301ne', 'Élène') // 'differ only by Unicode form (NFC/NFD)'
 */
export function twinDifference(a: string, b: string, lang: Lang = 'en'): string {
  const french = lang === 'fr';
  if (a === b) return french ? 'sont identiques' : 'are the same';
  if (a.normalize('NFC') === b.normalize('NFC')) {
    return french ? 'ne diffèrent que par la forme Unicode (NFC/NFD\u00a0: un accent saisi comme un caractère ou comme deux)' : 'differ only by Unicode form (NFC/NFD: an accent typed as one character or as two)';
  }
  if (canonicalName(a) !== canonicalName(b)) return french ? 'ne diffèrent que par la casse' : 'differ only by letter case';
  return french ? 'ne diffèrent que par des caractères invisibles (espace sans chasse, trait d’union conditionnel, marque d’ordre des octets…)' : 'differ only by invisible characters (zero-width space, soft hyphen, byte order mark…)';
}

/**
 * What visible changes: C0 and C1 controls, DEL, and the bidirectional overrides, isolates and
 * marks and other format characters a terminal would obey. One pass of the engine's own search
 * over the text: `solve --json` on 10,000 candidates writes 3 MB through it.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/gu;
// The same, found once (no g: test keeps no state); and the same but line feed and tab, which `lines` keeps.
const ANY_UNSAFE = new RegExp(UNSAFE.source, 'u');
const UNSAFE_BUT_LINES = new RegExp(UNSAFE.source.replace('\\u0000-\\u001f', '\\u0000-\\u0008\\u000b-\\u001f'), 'u');

/**
 * User text made safe for a terminal: every C0 control (but line feed and tab when `lines`) shown as
 * its Unicode control picture (ESC as ␛), DEL as ␡, C1 controls and direction overrides as `\u00XX`
 * escapes, so a name can neither move the cursor, clear the screen, retitle the window nor reverse
 * the text after it. Printable text, accents and emoji pass unchanged. JSON stays valid and means the
 * same: JSON.stringify already escapes C0 controls, and `\u0085` is how JSON writes a C1 control.
 * @example visible('A\u001b]0;pwned\u0007') // 'A␛]0;pwned␇'
 */
export function visible(text: string, options: { lines?: boolean } = {}): string {
  const lines = options.lines === true;
  // Most text has nothing to show: one scan, no replacement (a JSON answer of 10,000 candidates has
  // 100,000 line feeds, and a callback for each took 60–80 ms).
  if (!(lines ? UNSAFE_BUT_LINES : ANY_UNSAFE).test(text)) return text;
  return text.replace(UNSAFE, (char: string, offset: number) => {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20) return lines && (code === 0x0a || code === 0x09 || (code === 0x0d && offset === 0)) ? char : String.fromCodePoint(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}

/**
 * Reads a text file the user owns (scenario, candidates) by its bytes: BOM, strict UTF-8, then
 * Windows-1252; refuses a FIFO, a device or an oversized file (see readInputFile).
 */
export function readTextFile(path: string, what: Bilingual | string, files?: InputFiles): { text: string; encoding: TextEncoding } {
  // An empty scenario is the YAML reader's to name: no emptiness check here.
  return decodeBytes(readInputFile(path, what, files), path);
}
