/** The summary's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';
import { compactEuros } from '../text.js';
import { fr as frWords } from '../words-fr.js';

export interface SummaryWords {
  readonly solvingFirst: string;
  readonly meanScore: string;
  readonly meanScoreNote: string;
  readonly byRegion: string;
  readonly legend: (spent: string, total: string) => string;
  /** `12 laur.`: laureates in a narrow column. */
  readonly laureates: (count: number) => string;
  readonly idleRegions: (count: number) => string;
  readonly binding: string;
  readonly otherGroups: (count: number) => string;
  /** An amount in at most `width` cells: euros, thousands or millions. */
  readonly compact: (euros: number, width: number) => string;
}

const en: SummaryWords = {
  solvingFirst: 'Solving the first allocation…',
  meanScore: 'Mean score weighted by the euros: ',
  meanScoreNote: '  (the score of the project each euro funds, on average)',
  byRegion: 'Spend by region',
  legend: (spent, total) => `   █ spent  │ bound of a rule  ● binding rule   total ${spent} of ${total}`,
  laureates: (count) => `${count} laur.`,
  idleRegions: (count) => `  ${count} other region${count === 1 ? '' : 's'} get nothing.`,
  binding: '  ● binding',
  otherGroups: (count) => `  ${count} other group${count === 1 ? '' : 's'} at 0, within bounds.`,
  compact: compactEuros,
};

const fr: SummaryWords = {
  solvingFirst: 'Calcul de la première répartition…',
  meanScore: 'Note moyenne pondérée par les euros : ',
  meanScoreNote: '  (la note du projet que finance chaque euro, en moyenne)',
  byRegion: 'Dépense par région',
  legend: (spent, total) => `   █ dépensé  │ borne d’une règle  ● règle saturée   total ${spent} sur ${total}`,
  laureates: (count) => `${count} laur.`,
  idleRegions: (count) => `  ${count} ${count <= 1 ? 'autre région ne reçoit rien' : 'autres régions ne reçoivent rien'}.`,
  binding: '  ● saturée',
  otherGroups: (count) => `  ${count} ${count <= 1 ? 'autre groupe' : 'autres groupes'} à 0, dans les bornes.`,
  compact: frWords.n.compact,
};

/** The summary's words in a language. */
export const SUMMARY_WORDS: Readonly<Record<Lang, SummaryWords>> = { en, fr };
