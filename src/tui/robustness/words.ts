/** The robustness view's words, in English (its historical text) and in French; a missing one does not compile. */
import type { FundingClass } from '../../analysis/robustness.js';
import type { Lang } from '../../domain/lang.js';
import { fr as tui } from '../words-fr.js';

/** French plurals by Intl's rules (0 and 1 singular). */
const { plural } = tui.n;

export interface RobustnessWords {
  readonly title: string;
  readonly id: string;
  readonly name: string;
  readonly fundedIn: string;
  readonly meanGrant: string;
  readonly range: string;
  readonly class: string;
  readonly classes: Readonly<Record<FundingClass, string>>;
  readonly uniform: (samples: number) => string;
  /** The spread is already written. */
  readonly around: (samples: number, policy: string, spread: string) => string;
  readonly marks: (samples: number) => string;
  readonly both: (marks: string, weightings: string) => string;
  readonly seed: (drawn: string, seed: number) => string;
  readonly keys: (fewest: number, most: number, uniform: boolean, reviews: boolean) => string;
  readonly solved: (counts: string, solved: number, samples: number, failed: number) => string;
  readonly noReviews: string;
}

const en: RobustnessWords = {
  title: 'Robustness',
  id: 'Id',
  name: 'Name',
  fundedIn: 'Funded in',
  meanGrant: 'Mean grant',
  range: 'Grant 5–95 %',
  class: 'Class',
  classes: { always: 'always', often: 'often', sometimes: 'sometimes', never: 'never' },
  uniform: (samples) => `${samples} weightings drawn uniformly over every weighting`,
  around: (samples, policy, spread) => `${samples} weightings around the weights of ${policy} (spread ${spread})`,
  marks: (samples) => `the reviewers' marks resampled ${samples} times`,
  both: (marks, weightings) => `${marks}, with ${weightings}`,
  seed: (drawn, seed) => ` ${drawn}, seed ${seed}`,
  keys: (fewest, most, uniform, reviews) => `+/- samples (${fewest} to ${most}) · [ ] spread (0: the weights as set) · U ${uniform ? 'draws around the weights' : 'draws uniformly'}${reviews ? ' · o weights/marks/both' : ''}`,
  solved: (counts, solved, samples, failed) => `${counts} · ${solved} of ${samples} solved${failed > 0 ? ` (${failed} without an allocation)` : ''}`,
  noReviews: 'This scenario has no reviews file: only the weights can be drawn.',
};

const fr: RobustnessWords = {
  title: 'Robustesse',
  id: 'Id',
  name: 'Nom',
  fundedIn: 'Financé',
  meanGrant: 'Moyenne',
  range: 'Subv. 5–95\u00a0%',
  class: 'Classe',
  classes: { always: 'toujours', often: 'souvent', sometimes: 'parfois', never: 'jamais' },
  uniform: (samples) => `${samples} pondérations tirées uniformément parmi toutes`,
  around: (samples, policy, spread) => `${samples} pondérations autour des poids de ${policy} (dispersion ${spread})`,
  marks: (samples) => `les notes des rapporteurs rééchantillonnées ${samples} fois`,
  both: (marks, weightings) => `${marks}, avec ${weightings}`,
  seed: (drawn, seed) => ` ${drawn}, graine ${seed}`,
  keys: (fewest, most, uniform, reviews) =>
    `+/- tirages (${fewest} à ${most}) · [ ] dispersion (0 : les poids tels quels) · U ${uniform ? 'tire autour des poids' : 'tire uniformément'}${reviews ? ' · o poids/notes/les deux' : ''}`,
  solved: (counts, solved, samples, failed) => `${counts} · ${solved} sur ${samples} ${plural(solved, 'résolu', 'résolus')}${failed > 0 ? ` (${failed} sans répartition)` : ''}`,
  noReviews: 'Ce scénario n’a pas de fichier de notes des rapporteurs : seuls les poids peuvent être tirés.',
};

/** The robustness view's words in a language. */
export const ROBUSTNESS_WORDS: Readonly<Record<Lang, RobustnessWords>> = { en, fr };
