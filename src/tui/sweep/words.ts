/** The sweep's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';

const WORDS = {
  title: { en: 'Sweep', fr: 'Balayage' },
  /** The line under the title: the policy's share is already written. */
  subtitle: {
    en: (policy: string, share: string, solves: number, failed: number) => `Its share of the weight from 0 to 100 %, the others in proportion · ${policy} gives it ${share} · ${solves} solves${failed > 0 ? `, ${failed} without an allocation (?)` : ''}`,
    fr: (policy: string, share: string, solves: number, failed: number) =>
      `Sa part du poids de 0 à 100\u00a0%, les autres en proportion · ${policy} lui donne ${share} · ${solves} calculs${failed > 0 ? `, ${failed} sans répartition (?)` : ''}`,
  },
  noMove: { en: 'No grant moves along this sweep.', fr: 'Aucune subvention ne bouge le long de ce balayage.' },
  charted: {
    en: (count: number) => `Grants of the ${count === 1 ? 'candidate that moves' : `${count} candidates that move most`}`,
    fr: (count: number) => `Subventions ${count === 1 ? 'du candidat qui bouge' : `des ${count} candidats qui bougent le plus`}`,
  },
  fundedAlong: { en: 'Funded along the sweep', fr: 'Financé selon la part' },
  legend: { en: '█ funded  · not  ▼ ┊ the policy\'s share', fr: `█ financé  · non  ▼ ┊ la part de la pondération` },
} satisfies InBoth;

export type SweepWords = WordsOf<typeof WORDS>;

/** The sweep's words in a language. */
export const SWEEP_WORDS: Readonly<Record<Lang, SweepWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
