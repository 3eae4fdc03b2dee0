/**
 * What io needs to say things in both languages: French typography for messages written in the
 * source with plain spaces, French numbers, and a UserError whose field is itself words
 * (`column 3 (C)` / `colonne 3 (C)`).
 */
import { UserError } from '../domain/errors.js';
import { say, type Bilingual, type Lang } from '../domain/lang.js';
import { numberFormats } from '../domain/numbers.js';

/**
 * A French message with its typography: in the literal parts (never in the values put in), a
 * no-break space before `:`, `;`, `?` and `!`, and inside `« »`. The values (file names, cells)
 * are shown as they are.
 * @example fr`la colonne « ${name} » est vide : donnez-lui un nom ?` // 'la colonne «\u00a0id\u00a0» est vide\u00a0: …'
 */
export function fr(literals: TemplateStringsArray, ...values: readonly unknown[]): string {
  return literals.reduce((text, literal, index) => {
    const typeset = literal
      .replace(/ ([:;?!])(?=\s|$|\)|\.)/g, '\u00a0$1')
      .replace(/« /g, '«\u00a0')
      .replace(/ »/g, '\u00a0»');
    return index === 0 ? typeset : `${text}${String(values[index - 1])}${typeset}`;
  }, '');
}

// Made on first use (domain/numbers.ts): a run that prints no French number does not pay for Intl's French data.
const french = (): ReturnType<typeof numberFormats> => numberFormats('fr');

/** Whole euros as a French reader writes them: `300 000 €` (no-break spaces). */
export function euros(value: number): string {
  return french().euros(value);
}

/** A count or a number as French writes it: `20 000`, `0,5`, `-3`. */
export function frenchNumber(value: number): string {
  if (Number.isInteger(value)) return french().integer(value);
  // Up to 6 decimals, as typed: 0.05 is 0,05, not 0,050000.
  const digits = Math.min(6, (String(value).split('.')[1] ?? '').length);
  return french().decimal(value, digits);
}

/** The same text in both languages: names, ids, numbers without words. */
export function both(text: string): Bilingual {
  return { fr: text, en: text };
}

/** `Did you mean 'x'?` in both languages. */
export function didYouMean(guess: string): Bilingual {
  return { en: `Did you mean '${guess}'?`, fr: fr`Vouliez-vous dire « ${guess} » ?` };
}

/** The hint of a name given twice. */
export const RENAME_ONE: Bilingual = { en: 'Rename or delete one of them.', fr: 'Renommez ou supprimez l’une des deux.' };

/** Where a UserError is, with a field that is words and so has a French form. */
export interface BilingualPlace {
  readonly file?: string;
  readonly line?: number;
  readonly field?: Bilingual | string;
  readonly hint?: Bilingual | string;
  readonly exitCode?: number;
}

/**
 * A UserError whose field is words (`column 3 (C)`, `Candidatures row 12`): `field` holds the
 * English (as before), `format('fr')` shows the French. Still a UserError for every caller.
 */
export class FieldError extends UserError {
  /** The field in both languages. */
  readonly fields: Bilingual | string | undefined;

  constructor(message: Bilingual | string, where: BilingualPlace = {}) {
    const { field, ...rest } = where;
    super(message, field === undefined ? rest : { ...rest, field: say(field, 'en') });
    this.fields = field;
  }

  override format(lang: Lang = 'en'): string {
    if (lang === 'en' || this.fields === undefined || typeof this.fields === 'string') return super.format(lang);
    const { file, line, hint, exitCode } = this;
    const place = { ...(file === undefined ? {} : { file }), ...(line === undefined ? {} : { line }), ...(hint === undefined ? {} : { hint }), exitCode };
    return new UserError(this.text, { ...place, field: say(this.fields, lang) }).format(lang);
  }
}

/** A UserError, or a FieldError when its field has words to translate. */
export function userError(message: Bilingual | string, where: BilingualPlace = {}): UserError {
  if (where.field === undefined || typeof where.field === 'string') {
    const { field, ...rest } = where;
    return new UserError(message, field === undefined ? rest : { ...rest, field });
  }
  return new FieldError(message, where);
}
