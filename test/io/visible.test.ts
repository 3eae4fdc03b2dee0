/**
 * `visible` (io/text.ts), which every line of the command line's output goes through, against the
 * character-by-character rule it states: on any text, control characters pictured, C1 controls and
 * format characters escaped, all else unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/io/text.js';

const FORMAT = /[\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2069\uFEFF\uFFF9-\uFFFB]/u;

/** The rule, one character at a time. */
function byCharacter(text: string, lines: boolean): string {
  let out = '';
  let index = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20) out += lines && (code === 0x0a || code === 0x09 || (code === 0x0d && index === 0)) ? char : String.fromCodePoint(0x2400 + code);
    else if (code === 0x7f) out += '\u2421';
    else if ((code >= 0x80 && code <= 0x9f) || FORMAT.test(char)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += char;
    index += char.length;
  }
  return out;
}

/** Text mixing what visible changes with ordinary letters, accents and emoji. */
const risky = fc.array(
  fc.oneof(
    fc.constantFrom('\u001b', '\u0007', '\r', '\n', '\t', '\u007f', '\u0085', '\u009f', '\u202E', '\u2066', '\u200B', '\uFEFF', '\u061C', '\uFFFB', 'é', '’', '€', '😀', '\uD800', 'a', ' ', '"'),
    fc.string({ unit: 'grapheme', maxLength: 3 }),
  ),
  { maxLength: 40 },
).map((parts) => parts.join(''));

describe('visible', () => {
  it('changes exactly what its rule names, with and without lines', () => {
    fc.assert(
      fc.property(risky, fc.boolean(), (text, lines) => {
        expect(visible(text, { lines })).toBe(byCharacter(text, lines));
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves printable text as it is', () => {
    const text = `{\n  "name": "Pôle Économie Sociale – Côte d’Azur 😀",\n  "grant": 290000\n}\n`;
    expect(visible(text, { lines: true })).toBe(text);
  });
});
