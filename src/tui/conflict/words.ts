/** The conflict panel's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';
import { fr as tui } from '../words-fr.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = tui.n;

export interface ConflictWords {
  readonly infeasible: string;
  readonly timedout: string;
  readonly unbounded: string;
  readonly failed: string;
  readonly after: (edit: string) => string;
  readonly looking: string;
  readonly explainFailed: (reason: string) => string;
  readonly fixTitle: string;
  readonly whyTitle: string;
  readonly conflictTitle: string;
  readonly sumsTitle: string;
  readonly nothingSmaller: string;
  readonly lastFeasible: string;
  readonly groups: (count: number, column: string) => string;
  readonly laureates: (count: number) => string;
  readonly belowFloor: (groups: string, max: string, floor: string, rule: string) => string;
  readonly groupedBound: (rule: string, sign: string, value: string, groups: string, names: string) => string;
  readonly groupedFix: (side: 'lower' | 'upper', rule: string, sign: string, value: string, groups: string) => string;
  readonly scroll: (first: number, last: number, total: number) => string;
}

const en: ConflictWords = {
  infeasible: 'No allocation satisfies every rule.',
  timedout: 'The solver ran out of time before finding an allocation.',
  unbounded: 'The model is unbounded, which should never happen; please report it.',
  failed: 'No allocation could be computed:',
  after: (edit) => `After: ${edit}.`,
  looking: 'looking for the rules that conflict…',
  explainFailed: (reason) => `Could not find the conflicting rules: ${reason}`,
  fixTitle: 'What would fix it (any one):',
  whyTitle: 'Why:',
  conflictTitle: 'These cannot all hold:',
  sumsTitle: 'Sums:',
  nothingSmaller: 'No smaller set of conflicting rules was found: loosen a rule, a lock, the grant floor or the number of laureates.',
  lastFeasible: 'The last feasible allocation is shown dimmed. u undoes the last edit.',
  groups: (count, column) => (column === 'region' ? `${count} regions` : `${count} groups of ${column}`),
  laureates: (count) => `${count} laureate${count === 1 ? '' : 's'}`,
  belowFloor: (groups, max, floor, rule) => `${groups}: each may receive at most ${max} (${rule}), but any grant is at least ${floor} (the grant floor): no laureate can be funded there.`,
  groupedBound: (rule, sign, value, groups, names) => `${rule}: ${sign} ${value} in each of ${groups} (${names})`,
  groupedFix: (side, rule, sign, value, groups) => `${side === 'lower' ? 'lower' : 'raise'} the bound of '${rule}' (now ${sign} ${value}) in one of the ${groups}`,
  scroll: (first, last, total) => `< > scroll · ${first}–${last} of ${total}`,
};

const fr: ConflictWords = {
  infeasible: 'Aucune répartition ne respecte toutes les règles.',
  timedout: 'Le solveur a manqué de temps avant de trouver une répartition.',
  unbounded: 'Le modèle n’est pas borné, ce qui ne devrait jamais arriver ; merci de le signaler.',
  failed: 'Aucune répartition n’a pu être calculée :',
  after: (edit) => `Après : ${edit}.`,
  looking: 'recherche des règles en conflit…',
  explainFailed: (reason) => `Les règles en conflit n’ont pas pu être trouvées : ${reason}`,
  fixTitle: 'Ce qui le résoudrait (au choix) :',
  whyTitle: 'Pourquoi :',
  conflictTitle: 'Règles incompatibles :',
  sumsTitle: 'Sommes :',
  nothingSmaller: 'Aucun ensemble plus petit de règles en conflit n’a été trouvé : assouplissez une règle, un verrou, le plancher de subvention ou le nombre de lauréats.',
  lastFeasible: 'La dernière répartition réalisable est affichée en grisé. u annule la dernière modification.',
  groups: (count, column) => (column === 'region' ? `${count} ${plural(count, 'région', 'régions')}` : `${count} ${plural(count, 'groupe', 'groupes')} de ${column}`),
  laureates: (count) => `${count} ${plural(count, 'lauréat', 'lauréats')}`,
  belowFloor: (groups, max, floor, rule) =>
    `${groups} : chacun peut recevoir au plus ${max} (${rule}), mais toute subvention est d’au moins ${floor} (le plancher de subvention) : aucun lauréat ne peut y être financé.`,
  groupedBound: (rule, sign, value, groups, names) => `${rule} : ${sign} ${value} dans chacun des ${groups} (${names})`,
  groupedFix: (side, rule, sign, value, groups) => `${side === 'lower' ? 'abaisser' : 'relever'} la borne de « ${rule} » (actuellement ${sign} ${value}) dans l’un des ${groups}`,
  scroll: (first, last, total) => `< > défiler · ${first}–${last} sur ${total}`,
};

/** The panel's words in a language. */
export const CONFLICT_WORDS: Readonly<Record<Lang, ConflictWords>> = { en, fr };
