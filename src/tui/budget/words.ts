/** The budget form's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { groupDigits } from '../../domain/money.js';
import { numberFormats } from '../../domain/numbers.js';
import { reasonSaid } from '../../io/numbers.js';

const WORDS = {
  ceiling: { en: (year: string) => `Ceiling ${year}`, fr: (year: string) => `Plafond ${year}` },
  total: { en: 'Envelope total', fr: 'Enveloppe totale' },
  grantMin: { en: 'Grant floor (smallest grant)', fr: 'Plancher de subvention' },
  grantMax: { en: 'Grant ceiling (largest grant)', fr: 'Plafond de subvention' },
  laureatesMax: { en: 'Laureates at most', fr: 'Lauréats au plus' },
  title: { en: 'Budget of the call', fr: 'Budget de l’appel' },
  titleNote: { en: ' — Enter changes the selected value; each change re-solves.', fr: ' — Entrée modifie la valeur choisie ; chaque modification relance le calcul.' },
  value: { en: 'Value', fr: 'Valeur' },
  now: { en: 'Now', fr: 'Actuelle' },
  inFile: { en: '   In the scenario file', fr: '   Dans le fichier du scénario' },
  was: { en: (value: string) => `   was ${value}`, fr: (value: string) => `   avant ${value}` },
  spent: {
    en: (spent: string, total: string, laureates: string, min: number, max: number) => `Spent ${spent} of ${total}; ${laureates} laureates (${min} to ${max}).`,
    fr: (spent: string, total: string, laureates: string, min: number, max: number) => `Dépensé ${spent} sur ${total} ; ${laureates} lauréats (de ${min} à ${max}).`,
  },
  grants: {
    en: (min: string, max: string, step: string) => `Grants from ${min} to ${max} in steps of ${step}: a candidate asking less than the floor cannot be funded.`,
    fr: (min: string, max: string, step: string) => `Subventions de ${min} à ${max} par pas de ${step} : qui demande moins que le plancher ne peut être financé.`,
  },
  amounts: {
    en: 'Amounts: 2,5 M€ · 2 500 000 · 2500000 · 750 k€. A bad entry keeps the old value; u undoes a change.',
    fr: 'Montants : 2,5 M€ · 2 500 000 · 2500000 · 750 k€. Une erreur garde l’ancienne valeur ; u annule une modification.',
  },
  // Why a typed value is refused
  notWhole: { en: (text: string) => `'${text}' is not a whole number of laureates`, fr: (text: string) => `« ${text} » n’est pas un nombre entier de lauréats` },
  tooFewLaureates: { en: (min: number) => `at least ${min} laureates are required by the scenario (laureates.min)`, fr: (min: number) => `le scénario exige au moins ${min} lauréats (laureates.min)` },
  notAmount: {
    en: (text: string, reason: string) => `'${text}' is not an amount (${reason}); try 2,5 M€, 2 500 000 or 750 k€`,
    fr: (text: string, reason: string) => `« ${text} » n’est pas un montant (${reasonSaid(reason).fr.replace(/^(?:n’)?est /, '')}) ; essayez 2,5 M€, 2 500 000 ou 750 k€`,
  },
  noUnit: {
    en: (typed: string, millions: number) => `'${typed}' has no unit: ${typed} € or ${typed} M€? Type ${typed} M€ or ${groupDigits(Math.round(millions * 1e6))} (${typed} € for euros)`,
    fr: (typed: string, millions: number) => `« ${typed} » n’a pas d’unité : ${typed} € ou ${typed} M€ ? Tapez ${typed} M€ ou ${numberFormats('fr').integer(millions * 1e6)} (${typed} € pour des euros)`,
  },
  envelopeAboveZero: { en: 'an envelope must be above 0 €', fr: 'une enveloppe doit dépasser 0 €' },
  floorAboveCeiling: {
    en: (ceiling: string) => `the grant floor cannot be above the grant ceiling (${ceiling})`,
    fr: (ceiling: string) => `le plancher de subvention ne peut pas dépasser le plafond (${ceiling})`,
  },
  ceilingBelowFloor: {
    en: (floor: string) => `the grant ceiling must be above 0 € and at least the grant floor (${floor})`,
    fr: (floor: string) => `le plafond de subvention doit dépasser 0 € et valoir au moins le plancher (${floor})`,
  },
  keptAt: {
    en: (label: string, value: string, reason: string) => `${label} kept at ${value}: ${reason}.`,
    fr: (label: string, value: string, reason: string) => `${label} reste à ${value} : ${reason}.`,
  },
} satisfies InBoth;

export type BudgetWords = WordsOf<typeof WORDS>;

/** The form's words in a language. */
export const BUDGET_WORDS: Readonly<Record<Lang, BudgetWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
