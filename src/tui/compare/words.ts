/** The Compare view's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { solveNoteIn } from '../../domain/solve-notes.js';
import { wordsOf } from '../words.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const tui = wordsOf('fr');
const { plural } = tui.n;

/** The solve kinds a policy without an allocation reports, by their French words. */
const KINDS: Readonly<Record<string, string | undefined>> = { infeasible: tui.status.infeasible, timedout: tui.status.timedout, unbounded: tui.status.unbounded };

const WORDS = {
  solvingFirst: { en: 'Solving the first allocation…', fr: 'Calcul de la première répartition…' },
  stale: { en: 'The current edits have no allocation: the last feasible one stands for them.', fr: 'Les modifications en cours n’ont pas de répartition : la dernière réalisable la remplace.' },
  noReference: {
    en: 'No reference yet: c (in any view) makes the allocation on screen the reference. m compares with every policy instead.',
    fr: 'Pas encore de référence : c (dans toute vue) fait de la répartition affichée la référence. m compare plutôt à toutes les pondérations.',
  },
  referenceLabel: { en: (policy: string) => `${policy} (ref)`, fr: (policy: string) => `${policy} (réf.)` },
  /** `ptce: no allocation (infeasible).`: the status is a solve's kind (`infeasible`, `timedout`…) or why it failed. */
  missing: { en: (policy: string, status: string) => `${policy}: no allocation (${status}).`, fr: (policy: string, status: string) => `${policy} : pas de répartition (${KINDS[status] ?? solveNoteIn(status, 'fr')}).` },
  id: { en: 'Id', fr: 'Id' },
  name: { en: 'Name', fr: 'Nom' },
  rank: { en: 'Rank', fr: 'Rang' },
  versus: { en: (label: string) => `Δ vs ${label}`, fr: (label: string) => `Δ depuis ${label}` },
  everyPolicy: { en: 'every policy of the scenario', fr: 'toutes les pondérations du scénario' },
  theReference: { en: 'the reference', fr: 'la référence' },
  title: { en: 'Compare', fr: 'Comparer' },
  mode: { en: (mode: string) => `  (with ${mode}; m switches)`, fr: (mode: string) => `  (avec ${mode} ; m bascule)` },
  titleWith: { en: (first: string, others: string) => `${first} with ${others}`, fr: (first: string, others: string) => `${first} avec ${others}` },
  /** `emploi → social: `, from a compared column to the current edits. */
  pairTitle: { en: (from: string, to: string) => `${from} → ${to}: `, fr: (from: string, to: string) => `${from} → ${to} : ` },
  /** The amount that changes hands is already written. */
  pair: {
    en: (common: number, moved: string) => `${common} laureate${common === 1 ? '' : 's'} in common · ${moved} change hands`,
    fr: (common: number, moved: string) => `${common} ${plural(common, 'lauréat', 'lauréats')} en commun · ${moved} changent de mains`,
  },
  enter: { en: (ids: string) => `enter ${ids}`, fr: (ids: string) => `entrent ${ids}` },
  leave: { en: (ids: string) => `leave ${ids}`, fr: (ids: string) => `sortent ${ids}` },
  sameLaureates: { en: 'the same laureates', fr: 'les mêmes lauréats' },
  idle: {
    en: (count: number) => `${count} other candidate${count === 1 ? ' gets' : 's get'} nothing under any of them.`,
    fr: (count: number) => `${count} ${plural(count, 'autre candidat ne reçoit', 'autres candidats ne reçoivent')} rien dans aucune d’elles.`,
  },
  /** The totals under the table: their titles and rows. */
  totals: {
    en: { byRegion: 'Totals by region', byRuleGroup: 'By rule group', spent: 'Spent', laureates: 'Laureates' },
    fr: { byRegion: 'Totaux par région', byRuleGroup: 'Par groupe de règle', spent: 'Dépensé', laureates: 'Lauréats' },
  },
  // The message of m
  comparingPolicies: { en: 'Comparing with every policy of the scenario.', fr: 'Comparaison avec toutes les pondérations du scénario.' },
  noReferenceYet: {
    en: 'Compare with the reference: none yet; c in any view makes the current allocation the reference.',
    fr: 'Comparer à la référence : aucune pour l’instant ; c (dans toute vue) fait de la répartition actuelle la référence.',
  },
  comparingReference: { en: (reference: string) => `Comparing with the reference (${reference}).`, fr: (reference: string) => `Comparaison avec la référence (${reference}).` },
} satisfies InBoth;

export type CompareWords = WordsOf<typeof WORDS>;

/** The Compare view's words in a language. */
export const COMPARE_WORDS: Readonly<Record<Lang, CompareWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
