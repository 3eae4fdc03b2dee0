/** The tipping points' words, in English (their historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { wordsOf } from '../words.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = wordsOf('fr').n;

const WORDS = {
  title: { en: 'Tipping points', fr: 'Points de bascule' },
  criterionOf: {
    en: (index: number, count: number, label: string) => `criterion ${index} of ${count}: ${label}`,
    fr: (index: number, count: number, label: string) => `critère ${index} sur ${count} : ${label}`,
  },
  slow: {
    en: 'Each criterion is swept, then every change of status is narrowed down to 0.1 point: hundreds of solves on a large call.',
    fr: 'Chaque critère est balayé, puis chaque changement de statut est cerné à 0,1 point près : des centaines de calculs sur un grand appel.',
  },
  /** The policy's share is already written. */
  givesIt: {
    en: (policy: string, share: string, solves: number, criteria: number) => `${policy} gives it ${share} of the weight · ${solves} solves over ${criteria} criteria · `,
    fr: (policy: string, share: string, solves: number, criteria: number) => `${policy} lui donne ${share} du poids · ${solves} calculs sur ${criteria} ${plural(criteria, 'critère', 'critères')} · `,
  },
  noneBorderline: { en: 'none within 5 points', fr: 'aucun à moins de 5 points' },
  borderline: { en: (count: number) => `${count} borderline (!)`, fr: (count: number) => `${count} à la limite (!)` },
  legend: {
    en: (share: string) => `Where each candidate keeps its status as this share moves: █ funded, ░ out, ┃ now (${share}).`,
    fr: (share: string) => `Où chaque candidat garde son statut quand cette part varie : █ financé, ░ non financé, ┃ actuelle (${share}).`,
  },
  /** The headers of the table. */
  columns: { en: { id: 'Id', name: 'Name', now: 'Now', holds: 'Holds from–to' }, fr: { id: 'Id', name: 'Nom', now: 'Statut', holds: 'Tient de–à' } },
  funded: { en: 'funded', fr: 'financé' },
  out: { en: 'out', fr: 'non financé' },
  noChange: { en: "No candidate changes status whatever this criterion's share.", fr: 'Aucun candidat ne change de statut, quelle que soit la part de ce critère.' },
  steady: {
    en: (funded: number, out: number) => `${funded} funded and ${out} out keep their status from 0 to 100 %.`,
    fr: (funded: number, out: number) =>
      `${funded} ${plural(funded, 'financé', 'financés')} et ${out} ${plural(out, 'non financé', 'non financés')} gardent leur statut de 0 à 100\u00a0%.`,
  },
} satisfies InBoth;

export type TippingWords = WordsOf<typeof WORDS>;

/** The tipping points' words in a language. */
export const TIPPING_WORDS: Readonly<Record<Lang, TippingWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
