/** The robustness view's words, in English (its historical text) and in French; a missing one does not compile. */
import type { FundingClass } from '../../analysis/robustness.js';
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { wordsOf } from '../words.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = wordsOf('fr').n;

const WORDS = {
  title: { en: 'Robustness', fr: 'Robustesse' },
  /** The headers of the table. */
  columns: {
    en: { id: 'Id', name: 'Name', fundedIn: 'Funded in', meanGrant: 'Mean grant', range: 'Grant 5–95 %', class: 'Class' },
    fr: { id: 'Id', name: 'Nom', fundedIn: 'Financé', meanGrant: 'Moyenne', range: 'Subv. 5–95\u00a0%', class: 'Classe' },
  },
  // Every class of analysis/robustness.ts, said.
  classes: { en: { always: 'always', often: 'often', sometimes: 'sometimes', never: 'never' } satisfies Readonly<Record<FundingClass, string>>, fr: { always: 'toujours', often: 'souvent', sometimes: 'parfois', never: 'jamais' } },
  uniform: { en: (samples: number) => `${samples} weightings drawn uniformly over every weighting`, fr: (samples: number) => `${samples} pondérations tirées uniformément parmi toutes` },
  /** The spread is already written. */
  around: {
    en: (samples: number, policy: string, spread: string) => `${samples} weightings around the weights of ${policy} (spread ${spread})`,
    fr: (samples: number, policy: string, spread: string) => `${samples} pondérations autour des poids de ${policy} (dispersion ${spread})`,
  },
  marks: { en: (samples: number) => `the reviewers' marks resampled ${samples} times`, fr: (samples: number) => `les notes des rapporteurs rééchantillonnées ${samples} fois` },
  both: { en: (marks: string, weightings: string) => `${marks}, with ${weightings}`, fr: (marks: string, weightings: string) => `${marks}, avec ${weightings}` },
  seed: { en: (drawn: string, seed: number) => ` ${drawn}, seed ${seed}`, fr: (drawn: string, seed: number) => ` ${drawn}, graine ${seed}` },
  keys: {
    en: (fewest: number, most: number, uniform: boolean, reviews: boolean) => `+/- samples (${fewest} to ${most}) · [ ] spread (0: the weights as set) · U ${uniform ? 'draws around the weights' : 'draws uniformly'}${reviews ? ' · o weights/marks/both' : ''}`,
    fr: (fewest: number, most: number, uniform: boolean, reviews: boolean) =>
      `+/- tirages (${fewest} à ${most}) · [ ] dispersion (0 : les poids tels quels) · U ${uniform ? 'tire autour des poids' : 'tire uniformément'}${reviews ? ' · o poids/notes/les deux' : ''}`,
  },
  solved: {
    en: (counts: string, solved: number, samples: number, failed: number) => `${counts} · ${solved} of ${samples} solved${failed > 0 ? ` (${failed} without an allocation)` : ''}`,
    fr: (counts: string, solved: number, samples: number, failed: number) => `${counts} · ${solved} sur ${samples} ${plural(solved, 'résolu', 'résolus')}${failed > 0 ? ` (${failed} sans répartition)` : ''}`,
  },
  noReviews: { en: 'This scenario has no reviews file: only the weights can be drawn.', fr: 'Ce scénario n’a pas de fichier de notes des rapporteurs : seuls les poids peuvent être tirés.' },
} satisfies InBoth;

export type RobustnessWords = WordsOf<typeof WORDS>;

/** The robustness view's words in a language. */
export const ROBUSTNESS_WORDS: Readonly<Record<Lang, RobustnessWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
