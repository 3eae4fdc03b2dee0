/**
 * What the scenario loader says when a scenario does not match its schema: zod's issues turned
 * into one UserError naming the file, the line and the key, in words a programme officer reads.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import * as z from 'zod';
// The French locale alone: `z.locales` would bring zod's forty-odd languages into every start (docs/speed.md).
import { fr as zodFrench } from 'zod/v4/locales';
import { UserError } from '../domain/errors.js';
import type { Bilingual, Lang } from '../domain/lang.js';
import { closest } from '../domain/names.js';
import { didYouMean, fr } from './bilingual.js';
import { knownKeys, scenarioSchema } from './scenario-schema.js';

/** A key's place in the scenario: `['policies', 'social', 'weights']`. */
export type Path = readonly (string | number)[];

/** Finds the 1-based line of a key, for messages. */
export type LineOf = (where: Path) => number | undefined;

/** `rules[0].group.column`: a path as the README writes keys. */
export function dotted(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** The first issue zod found, as one UserError (an unknown key first: it also makes its right spelling missing). */
export function schemaError(error: z.ZodError, raw: unknown, file: string, at: LineOf): UserError {
  // A misspelt key also makes its right spelling missing: the unknown key is the one to name.
  const issue = error.issues.find((entry) => entry.code === 'unrecognized_keys') ?? error.issues[0];
  if (issue === undefined) return new UserError({ en: 'the scenario does not match its schema', fr: 'le scénario ne suit pas son schéma' }, { file });
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (path.length === 0 && issue.code === 'invalid_type') {
    return new UserError(
      { en: `the scenario should be a set of keys (name:, candidates:, envelope: …), not ${describeValue(raw, 'en')}`, fr: fr`le scénario doit être un ensemble de clés (name:, candidates:, envelope: …), et non ${describeValue(raw, 'fr')}` },
      { file, line: 1, hint: START_FROM_TINY },
    );
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const guess = closest(key, knownKeys(path));
    const known = knownKeys(path).filter((name) => name !== '$schema');
    return new UserError({ en: `unknown key '${key}'`, fr: fr`clé inconnue « ${key} »` }, {
      file,
      line: at([...path, key]),
      field: dotted([...path, key]),
      hint: guess === undefined ? { en: `Known keys here: ${known.join(', ')}.`, fr: fr`Clés connues ici : ${known.join(', ')}.` } : didYouMean(guess),
    });
  }
  const value = valueAt(raw, path);
  const key = dotted(path);
  const place = { file, line: at(path), field: key };
  if (issue.code === 'invalid_type') {
    if (value === undefined) return new UserError({ en: `'${key}' is missing`, fr: fr`« ${key} » manque` }, { ...place, hint: { en: 'Add it: the README and scenarios/tiny.yaml show every key.', fr: fr`Ajoutez cette clé : le README et scenarios/tiny.yaml montrent chacune.` } });
    const expected = EXPECTED[issue.expected];
    return new UserError(
      { en: `'${key}' should be ${expected?.en ?? `a ${issue.expected}`}, not ${describeValue(value, 'en')}`, fr: fr`« ${key} » doit être ${expected?.fr ?? issue.expected}, et non ${describeValue(value, 'fr')}` },
      { ...place, hint: HOW[issue.expected] ?? SEE_README },
    );
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const guess = closest(String(value), allowed);
    const message = { en: `'${key}' should be one of ${allowed.join(', ')}, not ${describeValue(value, 'en')}`, fr: fr`« ${key} » doit valoir ${allowed.slice(0, -1).join(', ')}${allowed.length > 1 ? ' ou ' : ''}${allowed.at(-1) ?? ''}, et non ${describeValue(value, 'fr')}` };
    return new UserError(message, guess === undefined ? place : { ...place, hint: didYouMean(guess) });
  }
  if (issue.code === 'too_small' && (issue.origin === 'array' || issue.origin === 'string')) {
    const count = Number(issue.minimum);
    const what =
      issue.origin === 'string'
        ? { en: 'must not be empty', fr: 'ne doit pas être vide' }
        : { en: `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`, fr: `demande au moins ${count} ${count > 1 ? 'entrées' : 'entrée'}` };
    return new UserError({ en: `'${key}' ${what.en}`, fr: fr`« ${key} » ${what.fr}` }, { ...place, hint: SEE_README });
  }
  return new UserError({ en: `'${key}' is not valid (${issue.message})`, fr: fr`« ${key} » n’est pas valide (${frenchIssue(raw, issue) ?? issue.message})` }, { ...place, hint: SEE_README });
}

/** zod's own words for an issue, in French: the same check again with zod's French messages. */
function frenchIssue(raw: unknown, issue: z.core.$ZodIssue): string | undefined {
  const french = scenarioSchema.safeParse(raw, { error: zodFrench().localeError });
  const same = french.error?.issues.find((entry) => entry.code === issue.code && entry.path.join('.') === issue.path.join('.'));
  return same?.message;
}

export const START_FROM_TINY: Bilingual = { en: 'Start from scenarios/tiny.yaml; the README describes every key.', fr: fr`Partez de scenarios/tiny.yaml ; le README décrit chaque clé.` };
const SEE_README: Bilingual = { en: 'See the scenario format in the README.', fr: 'Voyez le format du scénario dans le README.' };

/** How zod's expected types read to a programme officer. */
const EXPECTED: Readonly<Record<string, Bilingual>> = {
  number: { en: 'a number', fr: 'un nombre' },
  int: { en: 'a whole number', fr: 'un nombre entier' },
  string: { en: 'a text', fr: 'un texte' },
  array: { en: 'a list', fr: 'une liste' },
  tuple: { en: 'a list such as [0, 5]', fr: 'une liste comme [0, 5]' },
  object: { en: 'a set of keys (key: value)', fr: 'un ensemble de clés (clé: valeur)' },
  record: { en: 'a set of keys (key: value)', fr: 'un ensemble de clés (clé: valeur)' },
};

const WRITE_KEYS: Bilingual = { en: "Write 'key: value' lines indented under this key, or {key: value} on one line.", fr: fr`Écrivez des lignes « clé: valeur » en retrait sous cette clé, ou {clé: valeur} sur une ligne.` };

/** What to write instead, by expected type. */
const HOW: Readonly<Record<string, Bilingual>> = {
  number: { en: 'Write the number alone, without spaces or € and with a dot for decimals, e.g. 300000 or 0.5.', fr: 'Écrivez le nombre seul, sans espaces ni € et avec un point pour les décimales, par exemple 300000 ou 0.5.' },
  int: { en: 'Write a whole number, e.g. 23.', fr: 'Écrivez un nombre entier, par exemple 23.' },
  string: { en: 'Write it as text; quote it if it starts with a special character.', fr: fr`Écrivez-le comme un texte ; mettez-le entre guillemets s’il commence par un caractère spécial.` },
  array: { en: "Write a list, one '- item' per line or [a, b] on one line.", fr: fr`Écrivez une liste, un « - élément » par ligne, ou [a, b] sur une ligne.` },
  tuple: { en: 'Write the pair in brackets, e.g. [0, 5].', fr: 'Écrivez la paire entre crochets, par exemple [0, 5].' },
  object: WRITE_KEYS,
  record: WRITE_KEYS,
};

function valueAt(raw: unknown, path: Path): unknown {
  let value = raw;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** A YAML value as words: `the text '300 000 €'`, `the number 5`, `a list`. */
function describeValue(value: unknown, lang: Lang): string {
  const french = lang === 'fr';
  if (value === null || value === undefined) return french ? 'rien (la valeur est vide)' : 'nothing (the value is empty)';
  if (typeof value === 'string') return french ? fr`le texte « ${value} »` : `the text '${value}'`;
  if (typeof value === 'number') return `${french ? 'le nombre' : 'the number'} ${String(value)}`;
  if (typeof value === 'boolean') return `${french ? 'la valeur' : 'the value'} ${String(value)}`;
  if (Array.isArray(value)) return french ? 'une liste' : 'a list';
  return french ? 'un ensemble de clés' : 'a set of keys';
}

/** Throws the UserError of a scenario key. */
export function fail(message: Bilingual | string, file: string, line: number | undefined, field: string, hint?: Bilingual | string): never {
  throw new UserError(message, { file, line, field, hint });
}

/** 1-based line of the key (or list item) at `where`, or of the nearest parent that exists (never the whole document). */
export function lineOf(document: Document, lines: LineCounter, where: Path): number | undefined {
  for (let depth = where.length; depth >= 1; depth--) {
    const start = keyStart(document, where.slice(0, depth)) ?? (document.getIn(where.slice(0, depth), true) as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (start !== undefined) return lines.linePos(start).line;
  }
  return undefined;
}

/** Where the key of `where` starts: a block map's value starts on the next line, its key does not. */
function keyStart(document: Document, where: Path): number | undefined {
  const last = where[where.length - 1];
  if (last === undefined) return undefined;
  const parent: unknown = where.length === 1 ? document.contents : document.getIn(where.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    return (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  return undefined;
}
