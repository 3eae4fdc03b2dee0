/** The language of the interface and its numbers: what a French or an English user reads. */
import { describe, expect, it, test } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { inLanguage, langOf, parseLang, type InBoth } from '../../src/domain/lang.js';
import { numberFormats } from '../../src/domain/numbers.js';

describe('the language follows the locale', () => {
  test.each([
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'fr_BE.UTF-8' }, 'fr'],
    [{ LANG: 'C' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'fr_FR.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'en_GB.UTF-8', LC_MESSAGES: 'fr_FR' }, 'fr'],
    [{ LANG: 'fr_FR.UTF-8', LC_ALL: '' }, 'fr'],
  ])('%j → %s', (env, lang) => {
    expect(langOf(env)).toBe(lang);
  });

  test('--lang reads fr and en, and nothing else', () => {
    expect(parseLang('fr')).toBe('fr');
    expect(parseLang('EN')).toBe('en');
    expect(parseLang('de')).toBeUndefined();
  });
});

describe('numbers follow the language', () => {
  const fr = numberFormats('fr');
  const en = numberFormats('en');
  test('French: comma decimals, spaced thousands, the euro after', () => {
    expect([fr.euros(3_000_000), fr.decimal(84, 2), fr.percent(0.898), fr.millions(3_000_000), fr.euroChange(-12_000)]).toEqual([
      '3\u00a0000\u00a0000\u00a0€',
      '84,00',
      '89,8\u00a0%',
      '3,00\u00a0M€',
      '−12\u00a0000\u00a0€',
    ]);
  });
  test('English: point decimals, comma thousands, the euro before', () => {
    expect([en.euros(3_000_000), en.decimal(84, 2), en.percent(0.898), en.millions(3_000_000), en.euroChange(40_000)]).toEqual(['€3,000,000', '84.00', '89.8%', '€3.00M', '+€40,000']);
  });
  test('plurals: French 0 and 1 are singular, English 1 only', () => {
    const forms = { one: 'lauréat', other: 'lauréats' };
    expect([0, 1, 2].map((count) => fr.plural(count, forms))).toEqual(['lauréat', 'lauréat', 'lauréats']);
    expect([0, 1, 2].map((count) => en.plural(count, { one: 'laureate', other: 'laureates' }))).toEqual(['laureates', 'laureate', 'laureates']);
  });
});

describe('a user error reads in either language', () => {
  test('message and hint in French or English, with the place unchanged', () => {
    const error = new UserError({ fr: 'le montant demandé est vide', en: 'the amount requested is empty' }, { file: 'c.csv', line: 4, field: 'request', hint: { fr: 'Indiquez un montant.', en: 'Write an amount.' } });
    expect(error.format('fr')).toBe('c.csv:4: request: le montant demandé est vide. Indiquez un montant.');
    expect(error.format()).toBe('c.csv:4: request: the amount requested is empty. Write an amount.');
    expect(error.message).toBe('the amount requested is empty');
  });
});

describe('a table in both languages', () => {
  const table = { yes: { en: 'yes', fr: 'oui' }, rule: { en: (label: string) => `Rule: ${label}`, fr: (label: string) => `Règle : ${label}` } } satisfies InBoth;

  it("gives each language's catalogue, functions and all", () => {
    const french = inLanguage(table, 'fr');
    expect(french.yes).toBe('oui');
    expect(french.rule('x')).toBe('Règle : x');
    expect(inLanguage(table, 'en')).toEqual({ yes: 'yes', rule: table.rule.en });
    const word: string = french.yes;
    expect(word).toBe('oui');
  });

  it('does not compile with a language missing', () => {
    // @ts-expect-error: the French is missing
    const missing = { yes: { en: 'yes' } } satisfies InBoth;
    expect(Object.keys(missing)).toEqual(['yes']);
  });
});
