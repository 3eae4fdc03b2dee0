/** A candidate's detail in English (its historical text) and in French; a missing text does not compile. */
import type { Lang } from '../../domain/lang.js';
import { fr as tui } from '../words-fr.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = tui.n;

export interface DetailWords {
  readonly criterion: string;
  readonly mark: string;
  readonly weight: string;
  readonly points: string;
  readonly score: string;
  readonly scoreFormula: (formula: string) => string;
  /** `Reviewers 3 (+1 in conflict, excluded) · their own scores 3.2 to 4.1`: numbers already written. */
  readonly reviewers: (reviewers: number, conflicts: number, low: string, high: string) => string;
  readonly disagree: string;
  readonly sameMarks: string;
  readonly widest: (spreads: string) => string;
  readonly noRule: string;
  readonly rulesTitle: string;
  readonly laureates: (count: number) => string;
  readonly between: (min: string, max: string) => string;
  readonly binding: string;
  readonly noCandidate: (id: string) => string;
  readonly belowFloor: string;
  readonly rank: (rank: number, score: string) => string;
  readonly grant: (grant: string) => string;
  /** ` (2013 145 000 €, 2014 145 000 €) of 323 000 € asked (89.8 %)`: the years part already written. */
  readonly asked: (years: string, request: string, share: string) => string;
  readonly whyFunded: string;
  readonly whyNot: string;
  readonly solvingAgain: string;
  readonly cannotExplain: (reason: string) => string;
}

const en: DetailWords = {
  criterion: 'Criterion',
  mark: 'Mark',
  weight: 'Weight',
  points: 'Points',
  score: 'Score',
  scoreFormula: (formula) => `Score (formula: ${formula})`,
  reviewers: (reviewers, conflicts, low, high) => `Reviewers ${reviewers}${conflicts > 0 ? ` (+${conflicts} in conflict, excluded)` : ''} · their own scores ${low} to ${high}`,
  disagree: ' ⚑ they disagree',
  sameMarks: 'They give the same marks.',
  widest: (spreads) => `Widest spreads: ${spreads}`,
  noRule: 'It counts towards no rule.',
  rulesTitle: 'Rules it counts towards',
  laureates: (count) => `${count} laureate${count === 1 ? '' : 's'}`,
  between: (min, max) => `${min} to ${max}`,
  binding: ' binding',
  noCandidate: (id) => `No candidate ${id}.`,
  belowFloor: ' · asks less than the grant floor: cannot be funded',
  rank: (rank, score) => `Rank ${rank} · score ${score} · `,
  grant: (grant) => `grant ${grant}`,
  asked: (years, request, share) => `${years} of ${request} asked (${share})`,
  whyFunded: 'Why funded, and what would change it',
  whyNot: 'Why not funded, and what would change it',
  solvingAgain: 'Solving again to find out…',
  cannotExplain: (reason) => `Cannot explain: ${reason}.`,
};

const fr: DetailWords = {
  criterion: 'Critère',
  mark: 'Note',
  weight: 'Poids',
  points: 'Points',
  score: 'Note globale',
  scoreFormula: (formula) => `Note globale (formule : ${formula})`,
  reviewers: (reviewers, conflicts, low, high) =>
    `${plural(reviewers, 'Rapporteur', 'Rapporteurs')} ${reviewers}${conflicts > 0 ? ` (+${conflicts} en conflit d’intérêts, ${plural(conflicts, 'écarté', 'écartés')})` : ''} · leurs notes globales de ${low} à ${high}`,
  disagree: ' ⚑ ils divergent',
  sameMarks: 'Ils donnent les mêmes notes.',
  widest: (spreads) => `Plus grands écarts : ${spreads}`,
  noRule: 'Il ne compte dans aucune règle.',
  rulesTitle: 'Règles où il compte',
  laureates: (count) => `${count} ${plural(count, 'lauréat', 'lauréats')}`,
  between: (min, max) => `de ${min} à ${max}`,
  binding: ' saturée',
  noCandidate: (id) => `Aucun candidat ${id}.`,
  belowFloor: ' · demande moins que le plancher de subvention : ne peut pas être financé',
  rank: (rank, score) => `Rang ${rank} · note ${score} · `,
  grant: (grant) => `subvention ${grant}`,
  asked: (years, request, share) => `${years} pour ${request} demandés (${share})`,
  whyFunded: 'Pourquoi financé, et ce qui le changerait',
  whyNot: 'Pourquoi non financé, et ce qui le changerait',
  solvingAgain: 'Nouveau calcul pour le savoir…',
  cannotExplain: (reason) => `Explication impossible : ${reason}.`,
};

/** The detail's words in a language. */
export const DETAIL_WORDS: Readonly<Record<Lang, DetailWords>> = { en, fr };
