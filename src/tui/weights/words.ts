/** The weights screen's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';

const WORDS = {
  policy: { en: (name: string) => `Policy ${name}`, fr: (name: string) => `Pondération ${name}` },
  edited: { en: ' (edited)', fr: ' (modifiée)' },
  formulaTitle: { en: 'Score formula (read-only; p switches to a policy with weights):', fr: 'Formule de la note (lecture seule ; p passe à une pondération avec des poids) :' },
  criteriaTitle: { en: 'Criteria (rescaled to 0..1 in the formula):', fr: 'Critères (ramenés entre 0 et 1 dans la formule) :' },
  /** The headers of the table. */
  columns: { en: { criterion: 'Criterion', weight: 'Weight' }, fr: { criterion: 'Critère', weight: 'Poids' } },
  barsNote: {
    en: (scalePercent: number, step: number, bigStep: number) => `Bars run from 0 to ${scalePercent} %. ← → −/+ ${step} point, Shift ${bigStep} points; the other weights keep their proportions. 0 zeroes, r resets, s saves as a new policy.`,
    fr: (scalePercent: number, step: number, bigStep: number) => `Les barres vont de 0 à ${scalePercent}\u00a0%. ← → −/+ ${step} point, Shift ${bigStep} points ; les autres poids gardent leurs proportions. 0 met à zéro, r rétablit, s enregistre comme nouvelle pondération.`,
  },
  movedLast: { en: 'What moved with the last solve', fr: 'Ce qui a bougé au dernier calcul' },
  movedReference: { en: (policy: string) => `What moved against the reference (${policy})`, fr: (policy: string) => `Ce qui a bougé par rapport à la référence (${policy})` },
  changeAWeight: { en: 'Change a weight to see who gains and who loses.', fr: 'Modifiez un poids pour voir qui gagne et qui perd.' },
  counts: {
    en: (moved: number, entered: number, left: number) => `${moved} changed, ${entered} new, ${left} out`,
    fr: (moved: number, entered: number, left: number) => `${moved} ${moved <= 1 ? 'modifié' : 'modifiés'}, ${entered} ${entered <= 1 ? 'entre' : 'entrent'}, ${left} ${left <= 1 ? 'sort' : 'sortent'}`,
  },
  more: { en: (count: number) => `… and ${count} more (table: 1)`, fr: (count: number) => `… et ${count} de plus (tableau : 1)` },
  formulaRefused: {
    en: (policy: string) => `'${policy}' scores by a formula: its weights cannot be changed here. p switches policy.`,
    fr: (policy: string) => `« ${policy} » note par une formule : ses poids ne se modifient pas ici. p change de pondération.`,
  },
  alreadyPolicy: { en: (policy: string) => `The weights are already those of '${policy}'.`, fr: (policy: string) => `Les poids sont déjà ceux de « ${policy} ».` },
} satisfies InBoth;

export type WeightsWords = WordsOf<typeof WORDS>;

/** The weights screen's words in a language. */
export const WEIGHTS_WORDS: Readonly<Record<Lang, WeightsWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
