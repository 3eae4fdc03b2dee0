/**
 * Numbers as every screen, message and report prints them, by language: `3 000 000 €`, `84,00`,
 * `89,8 %` in French, `€3,000,000`, `84.00`, `89.8%` in English. Intl gives the digits; the narrow
 * no-break space (U+202F) it uses in French becomes a plain no-break space (U+00A0), which every
 * terminal and system font renders and Windows-1252 (Excel's CSV) holds.
 */
import type { Lang } from './lang.js';

export interface NumberFormats {
  /** Whole euros. */
  readonly euros: (value: number) => string;
  /** A signed change of euros: `+40 000 €`, `−12 000 €` (a real minus sign), `0 €`. */
  readonly euroChange: (value: number) => string;
  /** A number with exactly `digits` decimals. */
  readonly decimal: (value: number, digits: number) => string;
  /** A fraction 0..1 as a percentage with `digits` decimals. */
  readonly percent: (fraction: number, digits?: number) => string;
  readonly integer: (value: number) => string;
  /** Millions of euros with `digits` decimals: `3,00 M€`, `€3.00M`. */
  readonly millions: (value: number, digits?: number) => string;
  /** The word for a count: `plural(2, {one: 'lauréat', other: 'lauréats'})` (French 0 and 1 are singular). */
  readonly plural: (count: number, forms: { readonly one: string; readonly other: string }) => string;
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

function clean(text: string): string {
  return text.replace(/\u202f/g, '\u00a0').replace(/^-/, '−');
}

/**
 * A memo, not state: what it holds depends on the language alone, the same for every caller and
 * every run. Made on first use, because creating them at load costs every start 10-40 ms of
 * Intl's locale data, even a run that prints no number.
 */
const made = new Map<Lang, NumberFormats>();

/** The formats of a language (made once per language: Intl formatters are slow to create). */
export function numberFormats(lang: Lang): NumberFormats {
  let formats = made.get(lang);
  if (formats === undefined) {
    formats = makeFormats(lang);
    made.set(lang, formats);
  }
  return formats;
}

function makeFormats(lang: Lang): NumberFormats {
  const locale = LOCALES[lang];
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const plurals = new Intl.PluralRules(locale);
  const decimals = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const decimal = (value: number, digits: number): string => {
    let format = decimals.get(digits);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      decimals.set(digits, format);
    }
    return clean(format.format(value + 0));
  };
  const percent = (fraction: number, digits = 1): string => {
    let format = percents.get(digits);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
      percents.set(digits, format);
    }
    return clean(format.format(fraction + 0));
  };
  const euros = (value: number): string => clean(euro.format(Math.round(value) + 0));
  return {
    euros,
    euroChange: (value) => {
      const rounded = Math.round(value);
      if (rounded === 0) return euros(0);
      return `${rounded > 0 ? '+' : '−'}${euros(Math.abs(rounded))}`;
    },
    decimal,
    percent,
    integer: (value) => clean(integer.format(Math.round(value) + 0)),
    millions: (value, digits = 2) => (lang === 'fr' ? `${decimal(value / 1e6, digits)}\u00a0M€` : `€${decimal(value / 1e6, digits)}M`),
    plural: (count, forms) => (plurals.select(count) === 'one' ? forms.one : forms.other),
  };
}

/** A French number of points with its noun agreed as French agrees it: `0,01 point`, `6,23 points` (singular below 2). */
export function frenchPoints(value: number, digits = 2): string {
  const french = numberFormats('fr');
  return `${french.decimal(value, digits)}\u00a0${french.plural(Math.abs(value), { one: 'point', other: 'points' })}`;
}

/** `0 règle`, `1 règle`, `2 règles`: a French count, 0 and 1 in the singular. */
export function frenchCount(value: number, one: string, many = `${one}s`): string {
  return `${value} ${numberFormats('fr').plural(value, { one, other: many })}`;
}
