/**
 * What the four analysis views share, in English (the historical text) and in French: where a run
 * stands, why it cannot run, the scroll note, the criterion title. A missing text does not compile.
 */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import type { AnalysisKind } from './kinds.js';

/** What the analysis is called in messages. */
const NAMES: Readonly<Record<AnalysisKind, string>> = {
  compare: 'The comparison',
  sweep: 'The sweep',
  tipping: 'The tipping-point search',
  robustness: 'The robustness analysis',
};

/** French names, with the agreement of `arrêté` (feminine or masculine). */
const NOMS: Readonly<Record<AnalysisKind, { readonly name: string; readonly e: string }>> = {
  compare: { name: 'La comparaison', e: 'e' },
  sweep: { name: 'Le balayage', e: '' },
  tipping: { name: 'La recherche des points de bascule', e: 'e' },
  robustness: { name: 'L’analyse de robustesse', e: 'e' },
};

const WORDS = {
  starting: { en: 'Starting…', fr: 'Démarrage…' },
  solving: { en: 'Solving ', fr: 'Calcul ' },
  /** `37 %` as the progress line writes it (three cells for the number). */
  percent: { en: (percent: number) => `${String(percent).padStart(3)} %`, fr: (percent: number) => `${String(percent).padStart(3)}\u00a0%` },
  count: { en: (done: number, total: number, unit: string) => `${done} of ${total} ${unit}`, fr: (done: number, total: number, unit: string) => `${done} sur ${total} ${unit}` },
  /** The things a run counts, plural. */
  weightings: { en: 'weightings', fr: 'pondérations' },
  policies: { en: 'policies', fr: 'pondérations' },
  samples: { en: 'weightings', fr: 'tirages' },
  nothingToCompute: { en: (reason: string) => `Nothing to compute: ${reason}.`, fr: (reason: string) => `Rien à calculer : ${reason}.` },
  escStops: {
    en: 'Esc stops it. The other views stay usable meanwhile; the result is kept for these weights and edits.',
    fr: 'Échap l’arrête. Les autres vues restent utilisables pendant ce temps ; le résultat est gardé pour ces poids et ces modifications.',
  },
  failed: { en: (kind: AnalysisKind, reason: string) => `${NAMES[kind]} stopped: ${reason}`, fr: (kind: AnalysisKind, reason: string) => `${NOMS[kind].name} s’est arrêté${NOMS[kind].e} : ${reason}` },
  runAgain: { en: 'Enter runs it again.', fr: 'Entrée pour relancer.' },
  stopped: { en: (kind: AnalysisKind) => `${NAMES[kind]} was stopped. Enter runs it again.`, fr: (kind: AnalysisKind) => `${NOMS[kind].name} a été arrêté${NOMS[kind].e}. Entrée pour relancer.` },
  run: { en: 'Enter runs it.', fr: 'Entrée pour lancer.' },
  rows: {
    en: (first: number, last: number, total: number) => `rows ${first}–${last} of ${total} · ↑↓ PgUp PgDn scroll`,
    fr: (first: number, last: number, total: number) => `lignes ${first}–${last} sur ${total} · ↑↓ PgUp PgDn défiler`,
  },
  criterionOf: { en: (index: number, count: number) => `  (← → criterion ${index} of ${count})`, fr: (index: number, count: number) => `  (← → critère ${index} sur ${count})` },
  // Why an analysis has nothing to compute
  referenceAsIs: { en: 'the reference is compared as it is', fr: 'la référence se compare telle quelle' },
  onePolicy: {
    en: 'this scenario has one policy only: c sets a reference to compare with, m switches to it',
    fr: 'ce scénario n’a qu’une pondération : c fixe une référence à laquelle comparer, m y bascule',
  },
  formula: {
    en: (policy: string) => `'${policy}' scores by a formula: there are no weights to move. p switches to a weighted policy`,
    fr: (policy: string) => `« ${policy} » note par une formule : il n’y a pas de poids à faire varier. p passe à une pondération avec des poids`,
  },
  noCriteria: { en: 'the scenario has no criteria', fr: 'le scénario n’a pas de critère' },
} satisfies InBoth;

export type RunWords = WordsOf<typeof WORDS>;

/** The analyses' shared words in a language. */
export const RUN_WORDS: Readonly<Record<Lang, RunWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
