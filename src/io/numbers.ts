/**
 * Numbers as French Excel users write them: `1 234,56 €`, `45 %`, `2,5 M€`.
 * Every parser returns a result instead of throwing, so the caller can name the cell.
 *
 * Separator rules, shared by all parsers:
 * - Spaces (U+0020, U+00A0, U+202F, U+2009, U+2007) group thousands: `1 234 567`.
 * - With both `,` and `.`, the last one is the decimal mark: `1.234,56` and `1,234.56`.
 * - A separator that appears twice or more groups thousands: `1.234.567`, `1,234,567`.
 * - A lone `,` is the French decimal comma: `1,234` is 1.234, never 1234.
 * - A lone `.` is a decimal point, except in amounts where `1.234` (1–3 digits, a dot, exactly
 *   3 digits) is 1234: French users group with dots, and euro amounts rarely carry 3 decimals.
 */

import type { Bilingual, Lang } from '../domain/lang.js';
import type { Result } from '../domain/result.js';

/** A parse result: the value, or a short English phrase saying what the text is instead ({@link reasonSaid} in both languages). */
export type Parsed = Result<{ readonly value: number }>;

/** The French end of sentence of each reason the parsers give: French cannot put every reason after "est". */
const FRENCH_REASONS: Readonly<Record<string, string>> = {
  empty: 'est vide',
  'not a number': 'n’est pas un nombre',
  'a negative amount': 'est un montant négatif',
  'a negative amount (accounting brackets)': 'est un montant négatif (entre parenthèses, à la façon des comptables)',
  'a percentage, not an amount': 'est un pourcentage, pas un montant',
};

/**
 * A parser's reason as the end of a sentence about the text, in both languages.
 * @example reasonSaid('not a number') // { en: 'is not a number', fr: 'n’est pas un nombre' }
 */
export function reasonSaid(reason: string): Bilingual {
  const excel = /^an Excel error \((.*)\)$/.exec(reason);
  const french = excel === null ? FRENCH_REASONS[reason] : `est une erreur d’Excel (${excel[1] ?? ''})`;
  return { en: `is ${reason}`, fr: french ?? `n’est pas lisible (${reason})` };
}

function refused(reason: string): Parsed {
  return { ok: false, reason };
}

const GROUP_SPACE = '[ \\u00A0\\u202F\\u2009\\u2007]';
const HAS_GROUP_SPACE = new RegExp(GROUP_SPACE);
const NUMBER_CHARS = new RegExp(`^(?:\\d|[.,]|${GROUP_SPACE})+$`);
/**
 * Digits, with a decimal point: what a CSV export writes in most cells, read at once (the rules
 * above give the same value; 10,000 candidates' cells took 0.1 s through them). In an amount, a
 * lone dot before exactly three digits groups thousands (LONE_DOT_GROUP), so those take the rules.
 */
const PLAIN = /^\d+(?:\.\d+)?$/;
const LONE_DOT_GROUP = /^[1-9]\d{0,2}\.\d{3}$/;
const SCIENTIFIC = /^(\d+)(?:[.,](\d+))?[eE]([+-]?\d+)$/;
const EXCEL_ERROR = /^#(?:N\/A|[\p{L}\d/]+[!?])$/u;
const CURRENCY_BEFORE = /^(?:€|eur|euros?)\s*/i;
const CURRENCY_AFTER = /\s*(?:€|eur|euros?|d['’]\s*euros?)$/i;

/** Refusals every parser may give; also read by the candidates and reviews readers. */
export const EMPTY: Parsed = refused('empty');
const NOT_A_NUMBER: Parsed = refused('not a number');
const NEGATIVE: Parsed = refused('a negative amount');
const BRACKETS: Parsed = refused('a negative amount (accounting brackets)');

/**
 * Parse an amount in euros; negatives are refused, zero is accepted.
 * @example parseAmount('1 234,56 €') // { ok: true, value: 1234.56 }
 */
export function parseAmount(text: string): Parsed {
  if (PLAIN.test(text) && !LONE_DOT_GROUP.test(text)) return { ok: true, value: Number(text) };
  const early = refuseEarly(text);
  if (early !== undefined) return early;
  const s = text.trim();
  if (/%$/.test(s)) return refused('a percentage, not an amount');

  const brackets = /^\((.*)\)$/.exec(s);
  if (brackets !== null) {
    const inner = unsignedAmount(stripCurrency(brackets[1] ?? ''), true);
    return inner === undefined ? NOT_A_NUMBER : BRACKETS;
  }

  const { negative, rest } = splitSign(stripCurrency(s));
  const value = unsignedAmount(stripCurrency(rest), true);
  if (value === undefined) return NOT_A_NUMBER;
  if (negative && value !== 0) return NEGATIVE;
  return { ok: true, value };
}

/**
 * Parse a share: `45 %` is 0.45; without `%` the number is already a fraction (`0,45` is 0.45,
 * `45` stays 45). Ranges are the caller's business.
 * @example parsePercent('45,5 %') // { ok: true, value: 0.455 }
 */
export function parsePercent(text: string): Parsed {
  const early = refuseEarly(text);
  if (early !== undefined) return early;
  const s = text.trim();
  const percent = /^(.*?)\s*%$/.exec(s);
  const parsed = signedDecimal(percent === null ? s : (percent[1] ?? ''));
  if (parsed === undefined) return NOT_A_NUMBER;
  // toPrecision drops the binary noise of the division (45.5 / 100 would not print as 0.455).
  return { ok: true, value: percent === null ? parsed : Number((parsed / 100).toPrecision(15)) };
}

/**
 * Parse a plain decimal number, e.g. a criterion score: comma or dot decimal mark, optional sign.
 * @example parseDecimal('3,5') // { ok: true, value: 3.5 }
 */
export function parseDecimal(text: string): Parsed {
  if (PLAIN.test(text)) return { ok: true, value: Number(text) };
  const early = refuseEarly(text);
  if (early !== undefined) return early;
  const value = signedDecimal(text.trim());
  return value === undefined ? NOT_A_NUMBER : { ok: true, value };
}

/**
 * Parse money typed by a person, with `k` (thousand) or `M` (million) shorthands, rounded to the cent.
 * With a shorthand a lone `.` or `,` is always decimal (`1.250 M€` is 1 250 000).
 * @example parseMoneyInput('2,5 M€') // { ok: true, value: 2500000 }
 */
export function parseMoneyInput(text: string): Parsed {
  const early = refuseEarly(text);
  if (early !== undefined) return early;
  const s = text.trim();
  if (/^\(.*\)$/.test(s)) {
    return parseMoneyInput(s.slice(1, -1)).ok ? BRACKETS : NOT_A_NUMBER;
  }

  const { negative, rest } = splitSign(stripCurrency(s));
  const scaled = /^(.*?)\s*(k|m|md|mds|mrd|mille|millions?|milliards?)$/i.exec(stripCurrency(rest));
  const multiplier = scaled === null ? 1 : MULTIPLIERS[(scaled[2] ?? '').toLowerCase()] ?? 1;
  const digits = scaled === null ? stripCurrency(rest) : (scaled[1] ?? '');
  const value = unsignedAmount(digits, scaled === null);
  if (value === undefined) return NOT_A_NUMBER;
  if (negative && value !== 0) return NEGATIVE;
  return { ok: true, value: Math.round(value * multiplier * 100) / 100 };
}

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  mille: 1e3,
  m: 1e6,
  million: 1e6,
  millions: 1e6,
  md: 1e9,
  mds: 1e9,
  mrd: 1e9,
  milliard: 1e9,
  milliards: 1e9,
};

/** The refusals every parser shares: empty cells and Excel error values such as `#N/A` or `#VALEUR!`. */
function refuseEarly(text: string): Parsed | undefined {
  const s = text.trim();
  if (s === '') return EMPTY;
  if (EXCEL_ERROR.test(s)) return refused(`an Excel error (${s})`);
  return undefined;
}

function stripCurrency(text: string): string {
  const s = text.trim();
  const before = s.replace(CURRENCY_BEFORE, '');
  return (before === s ? s.replace(CURRENCY_AFTER, '') : before).trim();
}

/** Leading `+`, `-` or the typographic minus U+2212 that Excel may write. */
function splitSign(text: string): { negative: boolean; rest: string } {
  const match = /^([+\-\u2212])\s*(.*)$/.exec(text);
  if (match === null) return { negative: false, rest: text };
  return { negative: match[1] !== '+', rest: match[2] ?? '' };
}

function signedDecimal(text: string): number | undefined {
  const { negative, rest } = splitSign(text.trim());
  const value = unsignedNumber(rest, false);
  if (value === undefined) return undefined;
  return negative && value !== 0 ? -value : value;
}

function unsignedAmount(text: string, loneDotGroups: boolean): number | undefined {
  return unsignedNumber(text.trim(), loneDotGroups);
}

/** Digits with grouping and a decimal mark per the rules at the top of this file, or undefined. */
function unsignedNumber(s: string, loneDotGroups: boolean): number | undefined {
  const scientific = SCIENTIFIC.exec(s);
  if (scientific !== null) {
    const value = Number(`${scientific[1] ?? ''}.${scientific[2] ?? '0'}e${scientific[3] ?? '0'}`);
    return Number.isFinite(value) ? value : undefined;
  }
  if (!NUMBER_CHARS.test(s) || !/\d/.test(s)) return undefined;

  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimal: ',' | '.' | undefined;
  let group: ',' | '.' | undefined;
  if (commas > 0 && dots > 0) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.';
    group = decimal === ',' ? '.' : ',';
  } else if (commas > 0) {
    if (commas > 1) group = ',';
    else decimal = ',';
  } else if (dots > 0) {
    if (dots > 1 || (loneDotGroups && LONE_DOT_GROUP.test(s))) group = '.';
    else decimal = '.';
  }

  let integer = s;
  let fraction = '';
  if (decimal !== undefined) {
    const at = s.indexOf(decimal);
    if (s.indexOf(decimal, at + 1) !== -1) return undefined;
    integer = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return undefined;
  }

  const spaced = HAS_GROUP_SPACE.test(integer);
  if (spaced && group !== undefined) return undefined;
  if (spaced || group !== undefined) {
    const separator = spaced ? GROUP_SPACE : `\\${group ?? ''}`;
    if (!new RegExp(`^\\d{1,3}(?:${separator}\\d{3})+$`).test(integer)) return undefined;
    integer = integer.replace(/\D/g, '');
  } else if (!/^\d*$/.test(integer)) {
    return undefined;
  }
  if (integer === '' && fraction === '') return undefined;
  const value = Number(`${integer === '' ? '0' : integer}.${fraction === '' ? '0' : fraction}`);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * An amount that reads two ways, as words naming both readings; undefined when it reads one way.
 * `120,000` is 120 € with a French decimal comma or 120 000 € with an English thousands comma;
 * `1.500` is 1 500 € with French dot grouping or 1,5 € with a decimal point. A money column
 * must not guess: a wrong guess is a grant off by a factor of 1,000 with exit 0.
 * In French with `lang: 'fr'`.
 * @example ambiguousAmount('120,000') // "120 € (',' as decimal comma) or 120 000 € (',' grouping thousands)"
 */
export function ambiguousAmount(text: string, lang: Lang = 'en'): string | undefined {
  const { rest } = splitSign(stripCurrency(text.trim()));
  const match = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(stripCurrency(rest));
  if (match === null) return undefined;
  const [, whole = '', mark = '', part = ''] = match;
  const space = lang === 'fr' ? '\u00a0' : ' ';
  const asDecimal = `${whole}${part.replace(/0+$/, '') === '' ? '' : `,${part.replace(/0+$/, '')}`}${space}€`;
  const asThousands = `${whole}${space}${part}${space}€`;
  if (lang === 'fr') return `${asDecimal} (« ${mark} » comme ${mark === ',' ? 'virgule' : 'point'} décimal${mark === ',' ? 'e' : ''}) ou ${asThousands} (« ${mark} » séparant les milliers)`.replace(/« (.) »/g, '«\u00a0$1\u00a0»');
  const name = mark === ',' ? 'comma' : 'point';
  return `${asDecimal} ('${mark}' as decimal ${name}) or ${asThousands} ('${mark}' grouping thousands)`;
}
