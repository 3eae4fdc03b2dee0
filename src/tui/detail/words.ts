/** A candidate's detail in English (its historical text) and in French; a missing text does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { wordsOf } from '../words.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = wordsOf('fr').n;

const WORDS = {
  /** The headers of the marks table. */
  columns: { en: { criterion: 'Criterion', mark: 'Mark', weight: 'Weight', points: 'Points' }, fr: { criterion: 'Critère', mark: 'Note', weight: 'Poids', points: 'Points' } },
  score: { en: 'Score', fr: 'Note globale' },
  scoreFormula: { en: (formula: string) => `Score (formula: ${formula})`, fr: (formula: string) => `Note globale (formule : ${formula})` },
  /** `Reviewers 3 (+1 in conflict, excluded) · their own scores 3.2 to 4.1`: numbers already written. */
  reviewers: {
    en: (reviewers: number, conflicts: number, low: string, high: string) => `Reviewers ${reviewers}${conflicts > 0 ? ` (+${conflicts} in conflict, excluded)` : ''} · their own scores ${low} to ${high}`,
    fr: (reviewers: number, conflicts: number, low: string, high: string) =>
      `${plural(reviewers, 'Rapporteur', 'Rapporteurs')} ${reviewers}${conflicts > 0 ? ` (+${conflicts} en conflit d’intérêts, ${plural(conflicts, 'écarté', 'écartés')})` : ''} · leurs notes globales de ${low} à ${high}`,
  },
  disagree: { en: ' ⚑ they disagree', fr: ' ⚑ ils divergent' },
  sameMarks: { en: 'They give the same marks.', fr: 'Ils donnent les mêmes notes.' },
  widest: { en: (spreads: string) => `Widest spreads: ${spreads}`, fr: (spreads: string) => `Plus grands écarts : ${spreads}` },
  noRule: { en: 'It counts towards no rule.', fr: 'Il ne compte dans aucune règle.' },
  rulesTitle: { en: 'Rules it counts towards', fr: 'Règles où il compte' },
  laureates: { en: (count: number) => `${count} laureate${count === 1 ? '' : 's'}`, fr: (count: number) => `${count} ${plural(count, 'lauréat', 'lauréats')}` },
  between: { en: (min: string, max: string) => `${min} to ${max}`, fr: (min: string, max: string) => `de ${min} à ${max}` },
  binding: { en: ' binding', fr: ' saturée' },
  noCandidate: { en: (id: string) => `No candidate ${id}.`, fr: (id: string) => `Aucun candidat ${id}.` },
  belowFloor: { en: ' · asks less than the grant floor: cannot be funded', fr: ' · demande moins que le plancher de subvention : ne peut pas être financé' },
  rank: { en: (rank: number, score: string) => `Rank ${rank} · score ${score} · `, fr: (rank: number, score: string) => `Rang ${rank} · note ${score} · ` },
  grant: { en: (grant: string) => `grant ${grant}`, fr: (grant: string) => `subvention ${grant}` },
  /** ` (2013 145 000 €, 2014 145 000 €) of 323 000 € asked (89.8 %)`: the years part already written. */
  asked: {
    en: (years: string, request: string, share: string) => `${years} of ${request} asked (${share})`,
    fr: (years: string, request: string, share: string) => `${years} pour ${request} demandés (${share})`,
  },
  whyFunded: { en: 'Why funded, and what would change it', fr: 'Pourquoi financé, et ce qui le changerait' },
  whyNot: { en: 'Why not funded, and what would change it', fr: 'Pourquoi non financé, et ce qui le changerait' },
  solvingAgain: { en: 'Solving again to find out…', fr: 'Nouveau calcul pour le savoir…' },
  cannotExplain: { en: (reason: string) => `Cannot explain: ${reason}.`, fr: (reason: string) => `Explication impossible : ${reason}.` },
} satisfies InBoth;

export type DetailWords = WordsOf<typeof WORDS>;

/** The detail's words in a language. */
export const DETAIL_WORDS: Readonly<Record<Lang, DetailWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
