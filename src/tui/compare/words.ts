/** The Compare view's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';
import { fr as tui } from '../words-fr.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = tui.n;

export interface CompareWords {
  readonly solvingFirst: string;
  readonly stale: string;
  readonly noReference: string;
  readonly referenceLabel: (policy: string) => string;
  /** `ptce: no allocation (infeasible).`: the status is a solve's kind (`infeasible`, `timedout`…) or why it failed. */
  readonly missing: (policy: string, status: string) => string;
  readonly id: string;
  readonly name: string;
  readonly rank: string;
  readonly versus: (label: string) => string;
  readonly everyPolicy: string;
  readonly theReference: string;
  readonly title: string;
  readonly mode: (mode: string) => string;
  readonly titleWith: (first: string, others: string) => string;
  /** `emploi → social: `, from a compared column to the current edits. */
  readonly pairTitle: (from: string, to: string) => string;
  /** The amount that changes hands is already written. */
  readonly pair: (common: number, moved: string) => string;
  readonly enter: (ids: string) => string;
  readonly leave: (ids: string) => string;
  readonly sameLaureates: string;
  readonly idle: (count: number) => string;
  readonly byRegion: string;
  readonly byRuleGroup: string;
  readonly spent: string;
  readonly laureates: string;
  // The message of m
  readonly comparingPolicies: string;
  readonly noReferenceYet: string;
  readonly comparingReference: (reference: string) => string;
}

const en: CompareWords = {
  solvingFirst: 'Solving the first allocation…',
  stale: 'The current edits have no allocation: the last feasible one stands for them.',
  noReference: 'No reference yet: c (in any view) makes the allocation on screen the reference. m compares with every policy instead.',
  referenceLabel: (policy) => `${policy} (ref)`,
  missing: (policy, status) => `${policy}: no allocation (${status}).`,
  id: 'Id',
  name: 'Name',
  rank: 'Rank',
  versus: (label) => `Δ vs ${label}`,
  everyPolicy: 'every policy of the scenario',
  theReference: 'the reference',
  title: 'Compare',
  mode: (mode) => `  (with ${mode}; m switches)`,
  titleWith: (first, others) => `${first} with ${others}`,
  pairTitle: (from, to) => `${from} → ${to}: `,
  pair: (common, moved) => `${common} laureate${common === 1 ? '' : 's'} in common · ${moved} change hands`,
  enter: (ids) => `enter ${ids}`,
  leave: (ids) => `leave ${ids}`,
  sameLaureates: 'the same laureates',
  idle: (count) => `${count} other candidate${count === 1 ? ' gets' : 's get'} nothing under any of them.`,
  byRegion: 'Totals by region',
  byRuleGroup: 'By rule group',
  spent: 'Spent',
  laureates: 'Laureates',
  comparingPolicies: 'Comparing with every policy of the scenario.',
  noReferenceYet: 'Compare with the reference: none yet; c in any view makes the current allocation the reference.',
  comparingReference: (reference) => `Comparing with the reference (${reference}).`,
};

/** The solve kinds a policy without an allocation reports, by their French words. */
const KINDS: Readonly<Record<string, string | undefined>> = { infeasible: tui.status.infeasible, timedout: tui.status.timedout, unbounded: tui.status.unbounded };

const fr: CompareWords = {
  solvingFirst: 'Calcul de la première répartition…',
  stale: 'Les modifications en cours n’ont pas de répartition : la dernière réalisable la remplace.',
  noReference: 'Pas encore de référence : c (dans toute vue) fait de la répartition affichée la référence. m compare plutôt à toutes les pondérations.',
  referenceLabel: (policy) => `${policy} (réf.)`,
  missing: (policy, status) => `${policy} : pas de répartition (${KINDS[status] ?? status}).`,
  id: 'Id',
  name: 'Nom',
  rank: 'Rang',
  versus: (label) => `Δ depuis ${label}`,
  everyPolicy: 'toutes les pondérations du scénario',
  theReference: 'la référence',
  title: 'Comparer',
  mode: (mode) => `  (avec ${mode} ; m bascule)`,
  titleWith: (first, others) => `${first} avec ${others}`,
  pairTitle: (from, to) => `${from} → ${to} : `,
  pair: (common, moved) => `${common} ${plural(common, 'lauréat', 'lauréats')} en commun · ${moved} changent de mains`,
  enter: (ids) => `entrent ${ids}`,
  leave: (ids) => `sortent ${ids}`,
  sameLaureates: 'les mêmes lauréats',
  idle: (count) => `${count} ${plural(count, 'autre candidat ne reçoit', 'autres candidats ne reçoivent')} rien dans aucune d’elles.`,
  byRegion: 'Totaux par région',
  byRuleGroup: 'Par groupe de règle',
  spent: 'Dépensé',
  laureates: 'Lauréats',
  comparingPolicies: 'Comparaison avec toutes les pondérations du scénario.',
  noReferenceYet: 'Comparer à la référence : aucune pour l’instant ; c (dans toute vue) fait de la répartition actuelle la référence.',
  comparingReference: (reference) => `Comparaison avec la référence (${reference}).`,
};

/** The Compare view's words in a language. */
export const COMPARE_WORDS: Readonly<Record<Lang, CompareWords>> = { en, fr };
