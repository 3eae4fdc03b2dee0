/**
 * The score formula's refusals in both languages. scoring/formula.ts words them in English (the
 * core has no catalogue yet); the loader shows them at the formula's line, so io gives each its
 * French. Every refusal of formula.ts has a pattern here (test/io/french.test.ts checks them).
 */
import type { Bilingual } from '../domain/lang.js';
import { fr } from './bilingual.js';

/** The English refusal, and its French when it is one of formula.ts's own. */
type Translation = readonly [RegExp, (match: RegExpExecArray) => string];

const q = (text: string | undefined): string => `«\u00a0${text ?? ''}\u00a0»`;

const FORMULA_REASONS: readonly Translation[] = [
  [/^the formula does not parse \((.*)\)$/s, (m) => `la formule ne se lit pas (${m[1] ?? ''})`],
  [/^only numbers may appear as constants, not (.*)$/s, (m) => `seuls des nombres peuvent y figurer comme constantes, et non ${m[1] ?? ''}`],
  [/^unknown name '(.*)'$/s, (m) => `nom inconnu ${q(m[1])}`],
  [/^the operator '(.*)' is not allowed in a score formula$/s, (m) => `l’opérateur ${q(m[1])} n’est pas permis dans une formule de score`],
  [/^calling 'an expression' is not allowed in a score formula$/, () => 'appeler une expression n’est pas permis dans une formule de score'],
  [/^calling '(.*)' is not allowed in a score formula$/s, (m) => `appeler ${q(m[1])} n’est pas permis dans une formule de score`],
  [/^(.*)\(\) takes (\d+)( or more)? argument\(s\), not (\d+)$/s, (m) => `${m[1] ?? ''}() prend ${m[2] ?? ''}${m[3] === undefined ? '' : ' ou plus'} argument(s), et non ${m[4] ?? ''}`],
  [/^a score formula may not assign a variable$/, () => 'une formule de score ne peut pas affecter de variable'],
  [/^a score formula may not define a function$/, () => 'une formule de score ne peut pas définir de fonction'],
  [/^a score formula is a single expression, without ; or line breaks$/, () => fr`une formule de score est une seule expression, sans « ; » ni retour à la ligne`],
  [/^'(.*)' expressions are not allowed in a score formula$/s, (m) => `les expressions ${q(m[1])} ne sont pas permises dans une formule de score`],
  [/^the formula is incomplete$/, () => 'la formule est incomplète'],
];

const FORMULA_HINTS: readonly Translation[] = [
  [/^A formula may use the declared criteria: (.*)\.$/s, (m) => fr`Une formule peut utiliser les critères déclarés : ${m[1] ?? ''}.`],
  [/^Did you mean '(.*)'\?$/s, (m) => fr`Vouliez-vous dire ${q(m[1])} ?`],
  [/^Use \+ - \* \/ \^ and comparisons\.$/, () => 'Utilisez + - * / ^ et les comparaisons.'],
  [/^Allowed functions: (.*)\.$/s, (m) => fr`Fonctions permises : ${m[1] ?? ''}.`],
  [/^Write a single expression, e\.g\. (.*)$/s, (m) => `Écrivez une seule expression, par exemple ${m[1] ?? ''}`],
  [/^Write a single expression\.$/, () => 'Écrivez une seule expression.'],
  [/^Use numbers, criteria, \+ - \* \/ \^ and the allowed functions\.$/, () => 'Utilisez des nombres, les critères, + - * / ^ et les fonctions permises.'],
];

function translated(english: string, table: readonly Translation[]): Bilingual {
  for (const [pattern, french] of table) {
    const match = pattern.exec(english);
    if (match !== null) return { en: english, fr: french(match) };
  }
  return { en: english, fr: english };
}

/** A refusal of compileFormula in both languages (the English as it is). */
export function formulaReason(reason: string): Bilingual {
  return translated(reason, FORMULA_REASONS);
}

/** A hint of compileFormula in both languages. */
export function formulaHint(hint: string): Bilingual {
  return translated(hint, FORMULA_HINTS);
}
