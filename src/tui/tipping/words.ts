/** The tipping points' words, in English (their historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';
import { fr as tui } from '../words-fr.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = tui.n;

export interface TippingWords {
  readonly title: string;
  readonly criterionOf: (index: number, count: number, label: string) => string;
  readonly slow: string;
  /** The policy's share is already written. */
  readonly givesIt: (policy: string, share: string, solves: number, criteria: number) => string;
  readonly noneBorderline: string;
  readonly borderline: (count: number) => string;
  readonly legend: (share: string) => string;
  readonly id: string;
  readonly name: string;
  readonly now: string;
  readonly holds: string;
  readonly funded: string;
  readonly out: string;
  readonly noChange: string;
  readonly steady: (funded: number, out: number) => string;
}

const en: TippingWords = {
  title: 'Tipping points',
  criterionOf: (index, count, label) => `criterion ${index} of ${count}: ${label}`,
  slow: 'Each criterion is swept, then every change of status is narrowed down to 0.1 point: hundreds of solves on a large call.',
  givesIt: (policy, share, solves, criteria) => `${policy} gives it ${share} of the weight · ${solves} solves over ${criteria} criteria · `,
  noneBorderline: 'none within 5 points',
  borderline: (count) => `${count} borderline (!)`,
  legend: (share) => `Where each candidate keeps its status as this share moves: █ funded, ░ out, ┃ now (${share}).`,
  id: 'Id',
  name: 'Name',
  now: 'Now',
  holds: 'Holds from–to',
  funded: 'funded',
  out: 'out',
  noChange: "No candidate changes status whatever this criterion's share.",
  steady: (funded, out) => `${funded} funded and ${out} out keep their status from 0 to 100 %.`,
};

const fr: TippingWords = {
  title: 'Points de bascule',
  criterionOf: (index, count, label) => `critère ${index} sur ${count} : ${label}`,
  slow: 'Chaque critère est balayé, puis chaque changement de statut est cerné à 0,1 point près : des centaines de calculs sur un grand appel.',
  givesIt: (policy, share, solves, criteria) => `${policy} lui donne ${share} du poids · ${solves} calculs sur ${criteria} ${plural(criteria, 'critère', 'critères')} · `,
  noneBorderline: 'aucun à moins de 5 points',
  borderline: (count) => `${count} à la limite (!)`,
  legend: (share) => `Où chaque candidat garde son statut quand cette part varie : █ financé, ░ non financé, ┃ actuelle (${share}).`,
  id: 'Id',
  name: 'Nom',
  now: 'Statut',
  holds: 'Tient de–à',
  funded: 'financé',
  out: 'non financé',
  noChange: 'Aucun candidat ne change de statut, quelle que soit la part de ce critère.',
  steady: (funded, out) =>
    `${funded} ${plural(funded, 'financé', 'financés')} et ${out} ${plural(out, 'non financé', 'non financés')} gardent leur statut de 0 à 100\u00a0%.`,
};

/** The tipping points' words in a language. */
export const TIPPING_WORDS: Readonly<Record<Lang, TippingWords>> = { en, fr };
