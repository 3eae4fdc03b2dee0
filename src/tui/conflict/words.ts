/** The conflict panel's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { wordsOf } from '../words.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = wordsOf('fr').n;

const WORDS = {
  infeasible: { en: 'No allocation satisfies every rule.', fr: 'Aucune répartition ne respecte toutes les règles.' },
  timedout: { en: 'The solver ran out of time before finding an allocation.', fr: 'Le solveur a manqué de temps avant de trouver une répartition.' },
  unbounded: { en: 'The model is unbounded, which should never happen; please report it.', fr: 'Le modèle n’est pas borné, ce qui ne devrait jamais arriver ; merci de le signaler.' },
  failed: { en: 'No allocation could be computed:', fr: 'Aucune répartition n’a pu être calculée :' },
  after: { en: (edit: string) => `After: ${edit}.`, fr: (edit: string) => `Après : ${edit}.` },
  looking: { en: 'looking for the rules that conflict…', fr: 'recherche des règles en conflit…' },
  explainFailed: { en: (reason: string) => `Could not find the conflicting rules: ${reason}`, fr: (reason: string) => `Les règles en conflit n’ont pas pu être trouvées : ${reason}` },
  fixTitle: { en: 'What would fix it (any one):', fr: 'Ce qui le résoudrait (au choix) :' },
  whyTitle: { en: 'Why:', fr: 'Pourquoi :' },
  conflictTitle: { en: 'These cannot all hold:', fr: 'Règles incompatibles :' },
  sumsTitle: { en: 'Sums:', fr: 'Sommes :' },
  nothingSmaller: {
    en: 'No smaller set of conflicting rules was found: loosen a rule, a lock, the grant floor or the number of laureates.',
    fr: 'Aucun ensemble plus petit de règles en conflit n’a été trouvé : assouplissez une règle, un verrou, le plancher de subvention ou le nombre de lauréats.',
  },
  lastFeasible: { en: 'The last feasible allocation is shown dimmed. u undoes the last edit.', fr: 'La dernière répartition réalisable est affichée en grisé. u annule la dernière modification.' },
  groups: {
    en: (count: number, column: string) => (column === 'region' ? `${count} regions` : `${count} groups of ${column}`),
    fr: (count: number, column: string) => (column === 'region' ? `${count} ${plural(count, 'région', 'régions')}` : `${count} ${plural(count, 'groupe', 'groupes')} de ${column}`),
  },
  laureates: { en: (count: number) => `${count} laureate${count === 1 ? '' : 's'}`, fr: (count: number) => `${count} ${plural(count, 'lauréat', 'lauréats')}` },
  belowFloor: {
    en: (groups: string, max: string, floor: string, rule: string) => `${groups}: each may receive at most ${max} (${rule}), but any grant is at least ${floor} (the grant floor): no laureate can be funded there.`,
    fr: (groups: string, max: string, floor: string, rule: string) =>
      `${groups} : chacun peut recevoir au plus ${max} (${rule}), mais toute subvention est d’au moins ${floor} (le plancher de subvention) : aucun lauréat ne peut y être financé.`,
  },
  groupedBound: {
    en: (rule: string, sign: string, value: string, groups: string, names: string) => `${rule}: ${sign} ${value} in each of ${groups} (${names})`,
    fr: (rule: string, sign: string, value: string, groups: string, names: string) => `${rule} : ${sign} ${value} dans chacun des ${groups} (${names})`,
  },
  groupedFix: {
    en: (side: 'lower' | 'upper', rule: string, sign: string, value: string, groups: string) => `${side === 'lower' ? 'lower' : 'raise'} the bound of '${rule}' (now ${sign} ${value}) in one of the ${groups}`,
    fr: (side: 'lower' | 'upper', rule: string, sign: string, value: string, groups: string) => `${side === 'lower' ? 'abaisser' : 'relever'} la borne de « ${rule} » (actuellement ${sign} ${value}) dans l’un des ${groups}`,
  },
  scroll: {
    en: (first: number, last: number, total: number) => `< > scroll · ${first}–${last} of ${total}`,
    fr: (first: number, last: number, total: number) => `< > défiler · ${first}–${last} sur ${total}`,
  },
} satisfies InBoth;

export type ConflictWords = WordsOf<typeof WORDS>;

/** The panel's words in a language. */
export const CONFLICT_WORDS: Readonly<Record<Lang, ConflictWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
