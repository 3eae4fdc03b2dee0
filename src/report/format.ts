/**
 * Numbers as the report prints them, by language: `3 000 000 €`, `84,00`, `89,8 %` in French,
 * `€3,000,000`, `84.00`, `89.8%` in English. Intl gives the digits; the narrow no-break space
 * (U+202F) it uses in French becomes a plain no-break space, which every system font has.
 */
import type { ReportLanguage } from './types.js';

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
}

const LOCALES: Record<ReportLanguage, string> = { fr: 'fr-FR', en: 'en-GB' };

function clean(text: string): string {
  return text.replace(/\u202f/g, '\u00a0').replace(/^-/, '−');
}

export function numberFormats(lang: ReportLanguage): NumberFormats {
  const locale = LOCALES[lang];
  const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
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
  };
}
