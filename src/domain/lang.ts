/**
 * The two languages of the interface. French for French users (the locale says `fr…`), English
 * otherwise, `--lang fr|en` to choose. Every text a user reads exists in both: a `Bilingual` value,
 * or a catalogue typed after its English half, so that a missing translation is a compile error.
 */

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

/** One text in both languages; leaving one out does not compile. */
export interface Bilingual {
  readonly fr: string;
  readonly en: string;
}

/** `fr`, `en` (or `fr_FR`, `en-GB`…) → the language; anything else → undefined. */
export function parseLang(text: string): Lang | undefined {
  const code = text.trim().toLowerCase().slice(0, 2);
  return code === 'fr' || code === 'en' ? code : undefined;
}

/**
 * The language the environment asks for, as POSIX reads it: the first of `LC_ALL`, `LC_MESSAGES`
 * and `LANG` that is set and not empty decides; `fr…` is French, anything else (`C`, `POSIX`,
 * `en_GB.UTF-8`, unset) English.
 */
export function langOf(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
  return 'en';
}

/** The text of a language; a plain string is the same in both (an id, a file name, a number). */
export function say(text: Bilingual | string, lang: Lang): string {
  return typeof text === 'string' ? text : text[lang];
}

/** A table of texts written once, each entry in both languages side by side: `{ yes: { en: 'yes', fr: 'oui' } }`. */
export type InBoth = Readonly<Record<string, { readonly en: unknown; readonly fr: unknown }>>;

/** The catalogue of one language a table in both gives: each entry's type, the same in both languages (else `never`). */
export type WordsOf<Table extends InBoth> = { readonly [Key in keyof Table]: Table[Key]['fr'] extends Table[Key]['en'] ? Table[Key]['en'] : never };

/** One language's catalogue out of a table in both: `inLanguage(table, 'fr').yes` is `oui`. */
export function inLanguage<Table extends InBoth>(table: Table, lang: Lang): WordsOf<Table> {
  return Object.fromEntries(Object.entries(table).map(([key, both]) => [key, both[lang]])) as WordsOf<Table>;
}
