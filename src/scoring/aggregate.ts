/**
 * From several reviewers' marks to one value per criterion: mean, median or trimmed mean of the
 * marks of the reviewers not in conflict, optionally after removing each reviewer's severity.
 * Also what the reviewers disagree on, for the committee. Pure functions, no I/O.
 */
import type { AggregateRule, CandidateReview, Review, Reviews, ReviewSettings } from '../domain/reviews.js';
import type { Candidate, Criterion } from '../domain/types.js';
import { roundScore, scoreOfValues, type Scoring } from './score.js';

/** Aggregated marks are rounded to this many decimals, so that float noise never reaches a score. */
export const MARK_DECIMALS = 6;

/** One reviewer's usable marks on one candidate (after the severity correction, when on). */
export interface PanelMarks {
  readonly reviewer: string;
  readonly marks: Readonly<Record<string, number>>;
}

/** The reviewers of each candidate who count: not in conflict, in file order. */
export type Panels = ReadonlyMap<string, readonly PanelMarks[]>;

function roundMark(value: number): number {
  const factor = 10 ** MARK_DECIMALS;
  return Math.round(value * factor) / factor + 0;
}

/**
 * One criterion's marks to one value.
 * - mean: Σ marks / n.
 * - median: the middle mark, or the mean of the two middle marks.
 * - trimmed-mean: with 3 marks or more, the mean once the single lowest and the single highest mark
 *   are dropped (with 3 marks this is the median); with 1 or 2 marks, the mean.
 * @example aggregateMarks([2, 3, 5], 'mean') // 3.333333
 */
export function aggregateMarks(marks: readonly number[], rule: AggregateRule): number {
  if (marks.length === 0) return Number.NaN;
  const sorted = [...marks].sort((a, b) => a - b);
  const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
  if (rule === 'median') {
    const middle = Math.floor(sorted.length / 2);
    return roundMark(sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
  }
  if (rule === 'trimmed-mean' && sorted.length >= 3) return roundMark(mean(sorted.slice(1, -1)));
  return roundMark(mean(sorted));
}

/**
 * Each reviewer's severity: the mean, over every (candidate, criterion) they marked alongside at
 * least one other reviewer not in conflict, of (their mark − the mean of the others' marks), as a
 * fraction of the criterion's scale. Positive: the reviewer marks above the others. A reviewer who
 * shares no dossier gets 0.
 */
export function severityOffsets(rows: readonly Review[], criteria: readonly Criterion[]): Record<string, number> {
  const byCandidate = new Map<string, Review[]>();
  for (const row of rows) {
    if (row.conflict) continue;
    byCandidate.set(row.candidate, [...(byCandidate.get(row.candidate) ?? []), row]);
  }
  const sums = new Map<string, { sum: number; count: number }>();
  for (const row of rows) if (!row.conflict && !sums.has(row.reviewer)) sums.set(row.reviewer, { sum: 0, count: 0 });
  for (const panel of byCandidate.values()) {
    for (const criterion of criteria) {
      const marked = panel.filter((row) => row.marks[criterion.column] !== undefined);
      if (marked.length < 2) continue;
      const width = criterion.scale[1] - criterion.scale[0];
      const total = marked.reduce((sum, row) => sum + (row.marks[criterion.column] ?? 0), 0);
      for (const row of marked) {
        const own = row.marks[criterion.column] ?? 0;
        const others = (total - own) / (marked.length - 1);
        const entry = sums.get(row.reviewer) ?? { sum: 0, count: 0 };
        entry.sum += (own - others) / width;
        entry.count += 1;
        sums.set(row.reviewer, entry);
      }
    }
  }
  const offsets: Record<string, number> = {};
  for (const [reviewer, { sum, count }] of [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) offsets[reviewer] = count === 0 ? 0 : roundMark(sum / count);
  return offsets;
}

/** The reviews of a scenario from its rows: the severity offsets are estimated here when the settings ask for them. */
export function makeReviews(settings: ReviewSettings, rows: readonly Review[], criteria: readonly Criterion[]): Reviews {
  return { settings, rows, offsets: settings.severity ? severityOffsets(rows, criteria) : {} };
}

/**
 * Panels and conflicts do not change with the weights: worked out once per reviews (a simulator
 * re-scores at every key, an analysis at every draw).
 */
const panelsKept = new WeakMap<Reviews, { readonly criteria: readonly Criterion[]; readonly panels: Panels }>();
const conflictsKept = new WeakMap<Reviews, ReadonlyMap<string, number>>();

/** The panels of every candidate: reviewers not in conflict, marks corrected for severity when on, kept on the scale. */
export function panelsOf(reviews: Reviews, criteria: readonly Criterion[]): Panels {
  const kept = panelsKept.get(reviews);
  if (kept?.criteria === criteria) return kept.panels;
  const panels = panelsFrom(reviews, criteria);
  panelsKept.set(reviews, { criteria, panels });
  return panels;
}

function panelsFrom(reviews: Reviews, criteria: readonly Criterion[]): Panels {
  const panels = new Map<string, PanelMarks[]>();
  for (const row of reviews.rows) {
    if (row.conflict) continue;
    const offset = reviews.settings.severity ? (reviews.offsets[row.reviewer] ?? 0) : 0;
    const marks: Record<string, number> = {};
    for (const criterion of criteria) {
      const mark = row.marks[criterion.column];
      if (mark === undefined) continue;
      const [low, high] = criterion.scale;
      marks[criterion.column] = offset === 0 ? mark : roundMark(Math.min(high, Math.max(low, mark - offset * (high - low))));
    }
    const panel = panels.get(row.candidate);
    if (panel === undefined) panels.set(row.candidate, [{ reviewer: row.reviewer, marks }]);
    else panel.push({ reviewer: row.reviewer, marks });
  }
  return panels;
}

/** How many reviewers of each candidate were left out for a conflict of interest, by candidate id (one pass over the rows). */
export function conflictsOf(reviews: Reviews): ReadonlyMap<string, number> {
  const kept = conflictsKept.get(reviews);
  if (kept !== undefined) return kept;
  const counts = new Map<string, number>();
  for (const row of reviews.rows) if (row.conflict) counts.set(row.candidate, (counts.get(row.candidate) ?? 0) + 1);
  conflictsKept.set(reviews, counts);
  return counts;
}

/** A panel's marks to criterion values; a criterion nobody marked is absent. */
export function aggregatePanel(panel: readonly PanelMarks[], criteria: readonly Criterion[], rule: AggregateRule): Record<string, number> {
  const values: Record<string, number> = {};
  for (const criterion of criteria) {
    const marks = panel.flatMap((entry) => {
      const mark = entry.marks[criterion.column];
      return mark === undefined ? [] : [mark];
    });
    if (marks.length > 0) values[criterion.column] = aggregateMarks(marks, rule);
  }
  return values;
}

/** Criterion values of every candidate under the scenario's rule, by candidate id. */
export function aggregateReviews(reviews: Reviews, criteria: readonly Criterion[]): Map<string, Record<string, number>> {
  const panels = panelsOf(reviews, criteria);
  const values = new Map<string, Record<string, number>>();
  for (const [candidate, panel] of panels) values.set(candidate, aggregatePanel(panel, criteria, reviews.settings.aggregate));
  return values;
}

const spreads = new WeakMap<readonly PanelMarks[], Readonly<Record<string, number>>>();

/** The spread of a panel's marks by criterion (the panel is kept with its reviews: see panelsOf). */
function spreadOf(panel: readonly PanelMarks[], criteria: readonly Criterion[]): Readonly<Record<string, number>> {
  const kept = spreads.get(panel);
  if (kept !== undefined) return kept;
  const spread: Record<string, number> = {};
  for (const criterion of criteria) {
    const marks = panel.flatMap((entry) => (entry.marks[criterion.column] === undefined ? [] : [entry.marks[criterion.column] ?? 0]));
    spread[criterion.column] = marks.length === 0 ? 0 : roundMark(Math.max(...marks) - Math.min(...marks));
  }
  spreads.set(panel, spread);
  return spread;
}

/**
 * What one candidate's reviewers say: how many count, how many were excluded for a conflict, the
 * spread of their marks by criterion, each one's own final score under `scoring` (their marks, with
 * the candidate's value where they left a mark out), and the flag.
 */
export function reviewOf(candidate: Candidate, reviews: Reviews, panel: readonly PanelMarks[], conflicts: number, criteria: readonly Criterion[], scoring: Scoring): CandidateReview {
  const spread = spreadOf(panel, criteria);
  const scores: Record<string, number> = {};
  for (const entry of panel) scores[entry.reviewer] = scoreOfValues(candidate.criteria, criteria, scoring, entry.marks);
  // Math.max and Math.min pairwise, as over the spread list (a NaN stays NaN), without the list.
  const values = Object.values(scores);
  let highest = -Infinity;
  let lowest = Infinity;
  for (const score of values) {
    highest = Math.max(highest, score);
    lowest = Math.min(lowest, score);
  }
  const scoreRange = values.length === 0 ? 0 : roundScore(highest - lowest);
  return { reviewers: panel.length, conflicts, spread, scores, scoreRange, disagree: scoreRange > reviews.settings.disagreement };
}
