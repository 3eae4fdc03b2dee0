/**
 * What the four analysis views share, in English (the historical text) and in French: where a run
 * stands, why it cannot run, the scroll note, the criterion title. A missing text does not compile.
 */
import type { Lang } from '../../domain/lang.js';
import type { AnalysisKind } from './kinds.js';

export interface RunWords {
  readonly starting: string;
  readonly solving: string;
  /** `37 %` as the progress line writes it (three cells for the number). */
  readonly percent: (percent: number) => string;
  readonly count: (done: number, total: number, unit: string) => string;
  /** The things a run counts, plural. */
  readonly weightings: string;
  readonly policies: string;
  readonly samples: string;
  readonly nothingToCompute: (reason: string) => string;
  readonly escStops: string;
  readonly failed: (kind: AnalysisKind, reason: string) => string;
  readonly runAgain: string;
  readonly stopped: (kind: AnalysisKind) => string;
  readonly run: string;
  readonly rows: (first: number, last: number, total: number) => string;
  readonly criterionOf: (index: number, count: number) => string;
  // Why an analysis has nothing to compute
  readonly referenceAsIs: string;
  readonly onePolicy: string;
  readonly formula: (policy: string) => string;
  readonly noCriteria: string;
}

/** What the analysis is called in messages. */
const NAMES: Readonly<Record<AnalysisKind, string>> = {
  compare: 'The comparison',
  sweep: 'The sweep',
  tipping: 'The tipping-point search',
  robustness: 'The robustness analysis',
};

const en: RunWords = {
  starting: 'Starting…',
  solving: 'Solving ',
  percent: (percent) => `${String(percent).padStart(3)} %`,
  count: (done, total, unit) => `${done} of ${total} ${unit}`,
  weightings: 'weightings',
  policies: 'policies',
  samples: 'weightings',
  nothingToCompute: (reason) => `Nothing to compute: ${reason}.`,
  escStops: 'Esc stops it. The other views stay usable meanwhile; the result is kept for these weights and edits.',
  failed: (kind, reason) => `${NAMES[kind]} stopped: ${reason}`,
  runAgain: 'Enter runs it again.',
  stopped: (kind) => `${NAMES[kind]} was stopped. Enter runs it again.`,
  run: 'Enter runs it.',
  rows: (first, last, total) => `rows ${first}–${last} of ${total} · ↑↓ PgUp PgDn scroll`,
  criterionOf: (index, count) => `  (← → criterion ${index} of ${count})`,
  referenceAsIs: 'the reference is compared as it is',
  onePolicy: 'this scenario has one policy only: c sets a reference to compare with, m switches to it',
  formula: (policy) => `'${policy}' scores by a formula: there are no weights to move. p switches to a weighted policy`,
  noCriteria: 'the scenario has no criteria',
};

/** French names, with the agreement of `arrêté` (feminine or masculine). */
const NOMS: Readonly<Record<AnalysisKind, { readonly name: string; readonly e: string }>> = {
  compare: { name: 'La comparaison', e: 'e' },
  sweep: { name: 'Le balayage', e: '' },
  tipping: { name: 'La recherche des points de bascule', e: 'e' },
  robustness: { name: 'L’analyse de robustesse', e: 'e' },
};

const fr: RunWords = {
  starting: 'Démarrage…',
  solving: 'Calcul ',
  percent: (percent) => `${String(percent).padStart(3)}\u00a0%`,
  count: (done, total, unit) => `${done} sur ${total} ${unit}`,
  weightings: 'pondérations',
  policies: 'pondérations',
  samples: 'tirages',
  nothingToCompute: (reason) => `Rien à calculer : ${reason}.`,
  escStops: 'Esc l’arrête. Les autres vues restent utilisables pendant ce temps ; le résultat est gardé pour ces poids et ces modifications.',
  failed: (kind, reason) => `${NOMS[kind].name} s’est arrêté${NOMS[kind].e} : ${reason}`,
  runAgain: 'Enter pour relancer.',
  stopped: (kind) => `${NOMS[kind].name} a été arrêté${NOMS[kind].e}. Enter pour relancer.`,
  run: 'Enter pour lancer.',
  rows: (first, last, total) => `lignes ${first}–${last} sur ${total} · ↑↓ PgUp PgDn défiler`,
  criterionOf: (index, count) => `  (← → critère ${index} sur ${count})`,
  referenceAsIs: 'la référence se compare telle quelle',
  onePolicy: 'ce scénario n’a qu’une pondération : c fixe une référence à laquelle comparer, m y bascule',
  formula: (policy) => `« ${policy} » note par une formule : il n’y a pas de poids à faire varier. p passe à une pondération avec des poids`,
  noCriteria: 'le scénario n’a pas de critère',
};

/** The analyses' shared words in a language. */
export const RUN_WORDS: Readonly<Record<Lang, RunWords>> = { en, fr };
