/**
 * Guards of the scenario loader against hostile or careless files, kept apart from scenario.ts:
 * YAML alias bombs, names that would collide with JavaScript's object machinery, empty group lists.
 */
import type { Document } from 'yaml';
import { UserError } from '../domain/errors.js';
import { fr, frenchNumber } from './bilingual.js';
import type { Lock } from '../domain/types.js';
import { canonicalName } from './text.js';

/**
 * Most uses of YAML aliases (`*name`) a scenario may make: enough for any hand-written file,
 * too few for a "billion laughs" file that expands to gigabytes.
 * @default 100
 */
export const MAX_ALIASES = 100;

/** The document as plain data, or one UserError when it expands an alias too often. */
export function plainYaml(document: Document, file: string): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
      throw new UserError({ en: `the file uses its YAML aliases (*name) too often: more than ${MAX_ALIASES} expansions`, fr: fr`le fichier utilise trop ses alias YAML (*nom) : plus de ${MAX_ALIASES} expansions` }, {
        file,
        hint: { en: 'Write the values out in full; a scenario needs few or no aliases.', fr: fr`Écrivez les valeurs en entier ; un scénario n’a besoin que de peu d’alias, ou d’aucun.` },
      });
    }
    throw error;
  }
}

/**
 * `__proto__` as a key (an id under locks:, a criterion under weights:) would be dropped on the
 * way in, silently: refuse it by name instead.
 */
export function forbiddenKey(raw: unknown, file: string, at: (where: readonly (string | number)[]) => number | undefined): void {
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
      return;
    }
    for (const key of Object.keys(value)) {
      if (key === '__proto__') {
        throw new UserError({ en: "'__proto__' cannot be used as a name in a scenario file", fr: fr`« __proto__ » ne peut pas servir de nom dans un fichier de scénario` }, {
          file,
          line: at(path),
          field: [...path, key].join('.'),
          hint: { en: 'Rename the id, criterion or policy (in the CSV too).', fr: 'Renommez l’identifiant, le critère ou la politique (dans le CSV aussi).' },
        });
      }
      visit((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(raw, []);
}

/**
 * Longest score formula read, in characters: a formula of the README fits in 200, and the parser
 * recurses once per term (a formula thousands of terms long would overflow its stack).
 * @default 2000
 */
export const MAX_FORMULA_LENGTH = 2000;

/** Refuses a score formula too long to be a person's, before the parser sees it. */
export function checkFormulaSize(formula: string, file: string, line: number | undefined, field: string): void {
  if (formula.length > MAX_FORMULA_LENGTH) {
    const message = {
      en: `the formula is ${formula.length.toLocaleString('en-US')} characters long, more than the ${MAX_FORMULA_LENGTH.toLocaleString('en-US')} a score formula may have`,
      fr: `la formule compte ${frenchNumber(formula.length)} caractères, plus que les ${frenchNumber(MAX_FORMULA_LENGTH)} permis à une formule de score`,
    };
    throw new UserError(message, {
      file,
      line,
      field,
      hint: { en: 'Write a shorter formula: weights: {criterion: weight} express any weighted sum.', fr: fr`Écrivez une formule plus courte : weights: {critère: poids} exprime toute somme pondérée.` },
    });
  }
  let depth = 0;
  let deepest = 0;
  for (const char of formula) {
    if (char === '(' || char === '[') deepest = Math.max(deepest, ++depth);
    else if (char === ')' || char === ']') depth--;
  }
  if (deepest > MAX_FORMULA_DEPTH) {
    const message = { en: `the formula nests ${deepest} brackets deep, more than the ${MAX_FORMULA_DEPTH} a score formula may have`, fr: `la formule imbrique ${deepest} niveaux de parenthèses, plus que les ${MAX_FORMULA_DEPTH} permis à une formule de score` };
    throw new UserError(message, { file, line, field, hint: { en: 'Write it with fewer brackets.', fr: 'Écrivez-la avec moins de parenthèses.' } });
  }
}

/** Deepest bracket nesting of a score formula. @default 32 */
export const MAX_FORMULA_DEPTH = 32;

/** A table of locks by id with no prototype: an id named `constructor` or `toString` is just an id. */
export function lockTable(): Record<string, Lock> {
  return Object.create(null) as Record<string, Lock>;
}

/** Weights by criterion with no prototype and names compared as a person reads them. */
export function canonicalWeights(weights: Readonly<Record<string, number>>): Record<string, number> {
  const table = Object.create(null) as Record<string, number>;
  for (const [column, weight] of Object.entries(weights)) table[canonicalName(column)] = weight;
  return table;
}

/** `group.in: []` selects nobody: a rule on an empty group is a mistake, not a constraint. */
export function checkGroupIn(listed: readonly unknown[] | undefined, file: string, line: number | undefined, field: string): void {
  if (listed !== undefined && listed.length === 0) {
    throw new UserError({ en: 'group.in is an empty list, so the rule would apply to no candidate', fr: 'group.in est une liste vide : la règle ne s’appliquerait à aucun candidat' }, {
      file,
      line,
      field,
      hint: {
        en: 'List the values the rule applies to, e.g. in: [rural, qpv], or remove in: to apply it to every value of the column.',
        fr: 'Listez les valeurs auxquelles la règle s’applique, par exemple in: [rural, qpv], ou retirez in: pour l’appliquer à chaque valeur de la colonne.',
      },
    });
  }
}
