/** The summary's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { compactEuros } from '../text.js';
import { wordsOf } from '../words.js';

const WORDS = {
  solvingFirst: { en: 'Solving the first allocation…', fr: 'Calcul de la première répartition…' },
  meanScore: { en: 'Mean score weighted by the euros: ', fr: 'Note moyenne pondérée par les euros : ' },
  meanScoreNote: { en: '  (the score of the project each euro funds, on average)', fr: '  (la note du projet que finance chaque euro, en moyenne)' },
  byRegion: { en: 'Spend by region', fr: 'Dépense par région' },
  legend: {
    en: (spent: string, total: string) => `   █ spent  │ bound of a rule  ● binding rule   total ${spent} of ${total}`,
    fr: (spent: string, total: string) => `   █ dépensé  │ borne d’une règle  ● règle saturée   total ${spent} sur ${total}`,
  },
  /** `12 laur.`: laureates in a narrow column. */
  laureates: { en: (count: number) => `${count} laur.`, fr: (count: number) => `${count} laur.` },
  idleRegions: {
    en: (count: number) => `  ${count} other region${count === 1 ? '' : 's'} get nothing.`,
    fr: (count: number) => `  ${count} ${count <= 1 ? 'autre région ne reçoit rien' : 'autres régions ne reçoivent rien'}.`,
  },
  binding: { en: '  ● binding', fr: '  ● saturée' },
  otherGroups: {
    en: (count: number) => `  ${count} other group${count === 1 ? '' : 's'} at 0, within bounds.`,
    fr: (count: number) => `  ${count} ${count <= 1 ? 'autre groupe' : 'autres groupes'} à 0, dans les bornes.`,
  },
  /** An amount in at most `width` cells: euros, thousands or millions. */
  compact: { en: compactEuros, fr: wordsOf('fr').n.compact },
} satisfies InBoth;

export type SummaryWords = WordsOf<typeof WORDS>;

/** The summary's words in a language. */
export const SUMMARY_WORDS: Readonly<Record<Lang, SummaryWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
