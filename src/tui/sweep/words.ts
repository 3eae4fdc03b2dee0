/** The sweep's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';

export interface SweepWords {
  readonly title: string;
  /** The line under the title: the policy's share is already written. */
  readonly subtitle: (policy: string, share: string, solves: number, failed: number) => string;
  readonly noMove: string;
  readonly charted: (count: number) => string;
  readonly fundedAlong: string;
  readonly legend: string;
}

const en: SweepWords = {
  title: 'Sweep',
  subtitle: (policy, share, solves, failed) => `Its share of the weight from 0 to 100 %, the others in proportion · ${policy} gives it ${share} · ${solves} solves${failed > 0 ? `, ${failed} without an allocation (?)` : ''}`,
  noMove: 'No grant moves along this sweep.',
  charted: (count) => `Grants of the ${count === 1 ? 'candidate that moves' : `${count} candidates that move most`}`,
  fundedAlong: 'Funded along the sweep',
  legend: '█ funded  · not  ▼ ┊ the policy\'s share',
};

const fr: SweepWords = {
  title: 'Balayage',
  subtitle: (policy, share, solves, failed) =>
    `Sa part du poids de 0 à 100\u00a0%, les autres en proportion · ${policy} lui donne ${share} · ${solves} calculs${failed > 0 ? `, ${failed} sans répartition (?)` : ''}`,
  noMove: 'Aucune subvention ne bouge le long de ce balayage.',
  charted: (count) => `Subventions ${count === 1 ? 'du candidat qui bouge' : `des ${count} candidats qui bougent le plus`}`,
  fundedAlong: 'Financé selon la part',
  legend: `█ financé  · non  ▼ ┊ la part de la pondération`,
};

/** The sweep's words in a language. */
export const SWEEP_WORDS: Readonly<Record<Lang, SweepWords>> = { en, fr };
