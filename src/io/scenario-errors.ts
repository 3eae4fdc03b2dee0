/**
 * What the scenario loader says when a scenario does not match its schema: zod's issues turned
 * into one UserError naming the file, the line and the key, in words a programme officer reads.
 */
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import { closest } from '../domain/names.js';
import { knownKeys } from './scenario-schema.js';

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
  if (issue === undefined) return new UserError('the scenario does not match its schema', { file });
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (path.length === 0 && issue.code === 'invalid_type') {
    return new UserError(`the scenario should be a set of keys (name:, candidates:, envelope: …), not ${describeValue(raw)}`, { file, line: 1, hint: 'Start from scenarios/tiny.yaml; the README describes every key.' });
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const guess = closest(key, knownKeys(path));
    const known = knownKeys(path).filter((name) => name !== '$schema');
    return new UserError(`unknown key '${key}'`, {
      file,
      line: at([...path, key]),
      field: dotted([...path, key]),
      hint: guess === undefined ? `Known keys here: ${known.join(', ')}.` : `Did you mean '${guess}'?`,
    });
  }
  const value = valueAt(raw, path);
  if (issue.code === 'invalid_type') {
    if (value === undefined) return new UserError(`'${dotted(path)}' is missing`, { file, line: at(path), field: dotted(path), hint: 'Add it: the README and scenarios/tiny.yaml show every key.' });
    return new UserError(`'${dotted(path)}' should be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}, not ${describeValue(value)}`, {
      file,
      line: at(path),
      field: dotted(path),
      hint: HOW[issue.expected] ?? 'See the scenario format in the README.',
    });
  }
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map(String);
    const guess = closest(String(value), allowed);
    return new UserError(`'${dotted(path)}' should be one of ${allowed.join(', ')}, not ${describeValue(value)}`, {
      file,
      line: at(path),
      field: dotted(path),
      hint: guess === undefined ? undefined : `Did you mean '${guess}'?`,
    });
  }
  if (issue.code === 'too_small' && (issue.origin === 'array' || issue.origin === 'string')) {
    const what = issue.origin === 'string' ? 'must not be empty' : `needs at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
    return new UserError(`'${dotted(path)}' ${what}`, { file, line: at(path), field: dotted(path), hint: 'See the scenario format in the README.' });
  }
  return new UserError(`'${dotted(path)}' is not valid (${issue.message})`, { file, line: at(path), field: dotted(path), hint: 'See the scenario format in the README.' });
}

/** How zod's expected types read to a programme officer. */
const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  array: 'a list',
  tuple: 'a list such as [0, 5]',
  object: 'a set of keys (key: value)',
  record: 'a set of keys (key: value)',
};

/** What to write instead, by expected type. */
const HOW: Readonly<Record<string, string>> = {
  number: 'Write the number alone, without spaces or € and with a dot for decimals, e.g. 300000 or 0.5.',
  int: 'Write a whole number, e.g. 23.',
  string: 'Write it as text; quote it if it starts with a special character.',
  array: "Write a list, one '- item' per line or [a, b] on one line.",
  tuple: 'Write the pair in brackets, e.g. [0, 5].',
  object: "Write 'key: value' lines indented under this key, or {key: value} on one line.",
  record: "Write 'key: value' lines indented under this key, or {key: value} on one line.",
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
function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (the value is empty)';
  if (typeof value === 'string') return `the text '${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  return 'a set of keys';
}

/** Throws the UserError of a scenario key. */
export function fail(message: string, file: string, line: number | undefined, field: string, hint?: string): never {
  throw new UserError(message, { file, line, field, hint });
}
