/**
 * Reviewers (rapporteurs) and their marks: several per candidate, aggregated into the candidate's
 * criterion values by a rule the scenario chooses. Plain data, no I/O.
 */

/** How a candidate's marks on one criterion become its value. */
export type AggregateRule = 'mean' | 'median' | 'trimmed-mean';

/** The scenario's `reviews:` key, resolved. */
export interface ReviewSettings {
  /** Absolute path of the reviews CSV. */
  readonly file: string;
  /** @default "mean" */
  readonly aggregate: AggregateRule;
  /** Subtract each reviewer's mean offset from the others on the dossiers they share. @default false */
  readonly severity: boolean;
  /**
   * Flag a candidate when the range (highest − lowest) of its reviewers' own final scores,
   * in score points (0–100), is above this. @default 20
   */
  readonly disagreement: number;
}

/** One row of the reviews file: one reviewer's marks on one candidate. */
export interface Review {
  readonly candidate: string;
  readonly reviewer: string;
  /** Marks by criterion column; a missing mark is absent. Empty when the reviewer is in conflict. */
  readonly marks: Readonly<Record<string, number>>;
  /** The reviewer declared a conflict of interest with the candidate: the row never counts. */
  readonly conflict: boolean;
  /** 1-based line in the reviews file, for messages. */
  readonly line: number;
}

/** The reviews of a scenario: the settings, every row, and the severity offsets estimated from them. */
export interface Reviews {
  readonly settings: ReviewSettings;
  readonly rows: readonly Review[];
  /**
   * Each reviewer's severity offset, as a fraction of the scale (positive: marks above the others).
   * All zero when `severity` is off.
   */
  readonly offsets: Readonly<Record<string, number>>;
}

/** What the reviewers of one candidate say, shown beside its result. */
export interface CandidateReview {
  /** Reviewers not in conflict. */
  readonly reviewers: number;
  /** Reviewers excluded for a conflict of interest. */
  readonly conflicts: number;
  /** Highest − lowest mark by criterion column (raw scale), among reviewers not in conflict. */
  readonly spread: Readonly<Record<string, number>>;
  /** Each reviewer's own final score (0–100, the policy applied to their marks), by reviewer. */
  readonly scores: Readonly<Record<string, number>>;
  /** Highest − lowest of `scores`: the measure the flag compares to the threshold. */
  readonly scoreRange: number;
  /** scoreRange is above the scenario's `disagreement` threshold. */
  readonly disagree: boolean;
}
