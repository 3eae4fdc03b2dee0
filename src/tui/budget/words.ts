/** The budget form's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';
import { groupDigits } from '../../domain/money.js';
import { numberFormats } from '../../domain/numbers.js';
import { reasonSaid } from '../../io/numbers.js';

export interface BudgetWords {
  readonly ceiling: (year: string) => string;
  readonly total: string;
  readonly grantMin: string;
  readonly grantMax: string;
  readonly laureatesMax: string;
  readonly title: string;
  readonly titleNote: string;
  readonly value: string;
  readonly now: string;
  readonly inFile: string;
  readonly was: (value: string) => string;
  readonly spent: (spent: string, total: string, laureates: string, min: number, max: number) => string;
  readonly grants: (min: string, max: string, step: string) => string;
  readonly amounts: string;
  // Why a typed value is refused
  readonly notWhole: (text: string) => string;
  readonly tooFewLaureates: (min: number) => string;
  readonly notAmount: (text: string, reason: string) => string;
  readonly noUnit: (typed: string, millions: number) => string;
  readonly envelopeAboveZero: string;
  readonly floorAboveCeiling: (ceiling: string) => string;
  readonly ceilingBelowFloor: (floor: string) => string;
  readonly keptAt: (label: string, value: string, reason: string) => string;
}

const en: BudgetWords = {
  ceiling: (year) => `Ceiling ${year}`,
  total: 'Envelope total',
  grantMin: 'Grant floor (smallest grant)',
  grantMax: 'Grant ceiling (largest grant)',
  laureatesMax: 'Laureates at most',
  title: 'Budget of the call',
  titleNote: ' — Enter changes the selected value; each change re-solves.',
  value: 'Value',
  now: 'Now',
  inFile: '   In the scenario file',
  was: (value) => `   was ${value}`,
  spent: (spent, total, laureates, min, max) => `Spent ${spent} of ${total}; ${laureates} laureates (${min} to ${max}).`,
  grants: (min, max, step) => `Grants from ${min} to ${max} in steps of ${step}: a candidate asking less than the floor cannot be funded.`,
  amounts: 'Amounts: 2,5 M€ · 2 500 000 · 2500000 · 750 k€. A bad entry keeps the old value; u undoes a change.',
  notWhole: (text) => `'${text}' is not a whole number of laureates`,
  tooFewLaureates: (min) => `at least ${min} laureates are required by the scenario (laureates.min)`,
  notAmount: (text, reason) => `'${text}' is not an amount (${reason}); try 2,5 M€, 2 500 000 or 750 k€`,
  noUnit: (typed, millions) => `'${typed}' has no unit: ${typed} € or ${typed} M€? Type ${typed} M€ or ${groupDigits(Math.round(millions * 1e6))} (${typed} € for euros)`,
  envelopeAboveZero: 'an envelope must be above 0 €',
  floorAboveCeiling: (ceiling) => `the grant floor cannot be above the grant ceiling (${ceiling})`,
  ceilingBelowFloor: (floor) => `the grant ceiling must be above 0 € and at least the grant floor (${floor})`,
  keptAt: (label, value, reason) => `${label} kept at ${value}: ${reason}.`,
};

const fr: BudgetWords = {
  ceiling: (year) => `Plafond ${year}`,
  total: 'Enveloppe totale',
  grantMin: 'Plancher de subvention',
  grantMax: 'Plafond de subvention',
  laureatesMax: 'Lauréats au plus',
  title: 'Budget de l’appel',
  titleNote: ' — Enter modifie la valeur choisie ; chaque modification relance le calcul.',
  value: 'Valeur',
  now: 'Actuelle',
  inFile: '   Dans le fichier du scénario',
  was: (value) => `   avant ${value}`,
  spent: (spent, total, laureates, min, max) => `Dépensé ${spent} sur ${total} ; ${laureates} lauréats (de ${min} à ${max}).`,
  grants: (min, max, step) => `Subventions de ${min} à ${max} par pas de ${step} : un candidat qui demande moins que le plancher ne peut pas être financé.`,
  amounts: 'Montants : 2,5 M€ · 2 500 000 · 2500000 · 750 k€. Une saisie erronée garde l’ancienne valeur ; u annule une modification.',
  notWhole: (text) => `« ${text} » n’est pas un nombre entier de lauréats`,
  tooFewLaureates: (min) => `le scénario exige au moins ${min} lauréats (laureates.min)`,
  notAmount: (text, reason) => `« ${text} » n’est pas un montant (ce texte ${reasonSaid(reason).fr}) ; essayez 2,5 M€, 2 500 000 ou 750 k€`,
  noUnit: (typed, millions) => `« ${typed} » n’a pas d’unité : ${typed} € ou ${typed} M€ ? Tapez ${typed} M€ ou ${numberFormats('fr').integer(millions * 1e6)} (${typed} € pour des euros)`,
  envelopeAboveZero: 'une enveloppe doit dépasser 0 €',
  floorAboveCeiling: (ceiling) => `le plancher de subvention ne peut pas dépasser le plafond (${ceiling})`,
  ceilingBelowFloor: (floor) => `le plafond de subvention doit dépasser 0 € et valoir au moins le plancher (${floor})`,
  keptAt: (label, value, reason) => `${label} gardé à ${value} : ${reason}.`,
};

/** The form's words in a language. */
export const BUDGET_WORDS: Readonly<Record<Lang, BudgetWords>> = { en, fr };
