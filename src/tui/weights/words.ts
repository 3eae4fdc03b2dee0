/** The weights screen's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';

export interface WeightsWords {
  readonly policy: (name: string) => string;
  readonly edited: string;
  readonly formulaTitle: string;
  readonly criteriaTitle: string;
  readonly criterion: string;
  readonly weight: string;
  readonly barsNote: (scalePercent: number, step: number, bigStep: number) => string;
  readonly movedLast: string;
  readonly movedReference: (policy: string) => string;
  readonly changeAWeight: string;
  readonly counts: (moved: number, entered: number, left: number) => string;
  readonly more: (count: number) => string;
  readonly formulaRefused: (policy: string) => string;
  readonly alreadyPolicy: (policy: string) => string;
}

const en: WeightsWords = {
  policy: (name) => `Policy ${name}`,
  edited: ' (edited)',
  formulaTitle: 'Score formula (read-only; p switches to a policy with weights):',
  criteriaTitle: 'Criteria (rescaled to 0..1 in the formula):',
  criterion: 'Criterion',
  weight: 'Weight',
  barsNote: (scalePercent, step, bigStep) => `Bars run from 0 to ${scalePercent} %. ← → −/+ ${step} point, Shift ${bigStep} points; the other weights keep their proportions. 0 zeroes, r resets, s saves as a new policy.`,
  movedLast: 'What moved with the last solve',
  movedReference: (policy) => `What moved against the reference (${policy})`,
  changeAWeight: 'Change a weight to see who gains and who loses.',
  counts: (moved, entered, left) => `${moved} changed, ${entered} new, ${left} out`,
  more: (count) => `… and ${count} more (table: 1)`,
  formulaRefused: (policy) => `'${policy}' scores by a formula: its weights cannot be changed here. p switches policy.`,
  alreadyPolicy: (policy) => `The weights are already those of '${policy}'.`,
};

const fr: WeightsWords = {
  policy: (name) => `Pondération ${name}`,
  edited: ' (modifiée)',
  formulaTitle: 'Formule de la note (lecture seule ; p passe à une pondération avec des poids) :',
  criteriaTitle: 'Critères (ramenés entre 0 et 1 dans la formule) :',
  criterion: 'Critère',
  weight: 'Poids',
  barsNote: (scalePercent, step, bigStep) => `Les barres vont de 0 à ${scalePercent}\u00a0%. ← → −/+ ${step} point, Shift ${bigStep} points ; les autres poids gardent leurs proportions. 0 met à zéro, r rétablit, s enregistre comme nouvelle pondération.`,
  movedLast: 'Ce qui a bougé au dernier calcul',
  movedReference: (policy) => `Ce qui a bougé par rapport à la référence (${policy})`,
  changeAWeight: 'Modifiez un poids pour voir qui gagne et qui perd.',
  counts: (moved, entered, left) => `${moved} ${moved <= 1 ? 'modifié' : 'modifiés'}, ${entered} ${entered <= 1 ? 'entre' : 'entrent'}, ${left} ${left <= 1 ? 'sort' : 'sortent'}`,
  more: (count) => `… et ${count} de plus (tableau : 1)`,
  formulaRefused: (policy) => `« ${policy} » note par une formule : ses poids ne se modifient pas ici. p change de pondération.`,
  alreadyPolicy: (policy) => `Les poids sont déjà ceux de « ${policy} ».`,
};

/** The weights screen's words in a language. */
export const WEIGHTS_WORDS: Readonly<Record<Lang, WeightsWords>> = { en, fr };
