/**
 * Reviewers in conflict never count (a property over their marks), and robustness over the marks:
 * exact 1 and 0 when every reviewer agrees, and probabilities that move towards the middle, on
 * average, as reviewers disagree more.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import { robustness } from '../../src/analysis/robustness.js';
import type { AggregateRule, Review, ReviewSettings } from '../../src/domain/reviews.js';
import type { Candidate, Scenario } from '../../src/domain/types.js';
import { allocationJson } from '../../src/io/allocation-export.js';
import { loadScenario } from '../../src/io/scenario.js';
import { aggregateReviews, makeReviews } from '../../src/scoring/aggregate.js';

const POOL = { workers: 1, solve: { engine: 'highs' as const } };

/** A scenario whose criteria are its reviewers' aggregate, as the loader makes it. */
function reviewed(base: Scenario, rows: readonly Review[], settings: Partial<ReviewSettings> = {}): Scenario {
  const reviews = makeReviews({ file: '', aggregate: 'mean', severity: false, disagreement: 20, ...settings }, rows, base.criteria);
  const values = aggregateReviews(reviews, base.criteria);
  return { ...base, candidates: base.candidates.map((candidate) => ({ ...candidate, criteria: values.get(candidate.id) ?? candidate.criteria })), reviews };
}

describe('a reviewer in conflict', () => {
  let tiny: Scenario;
  beforeAll(async () => {
    tiny = await loadScenario('scenarios/tiny.yaml');
  });

  /** Three reviewers out of r-1…r-4 per candidate, marks near the candidate's own, and r-k in conflict with candidate k. */
  function rows(conflictMarks: readonly (readonly [number, number])[]): Review[] {
    const out: Review[] = [];
    tiny.candidates.forEach((candidate, k) => {
      const base = [candidate.criteria['utilite_sociale'] ?? 0, candidate.criteria['emplois'] ?? 0];
      for (let r = 1; r <= 4; r++) {
        if (r === (k % 4) + 1) {
          const [a = 0, b = 0] = conflictMarks[k] ?? [];
          out.push({ candidate: candidate.id, reviewer: `r-${r}`, marks: { utilite_sociale: a, emplois: b }, conflict: true, line: out.length + 2 });
          continue;
        }
        const shift = ((r + k) % 3) * 0.5 - 0.5;
        out.push({ candidate: candidate.id, reviewer: `r-${r}`, marks: { utilite_sociale: Math.min(5, Math.max(0, (base[0] ?? 0) + shift)), emplois: Math.min(5, Math.max(0, (base[1] ?? 0) - shift)) }, conflict: false, line: out.length + 2 });
      }
    });
    return out;
  }

  it('changes nothing, whatever marks the file holds for them: values, severities, reviews, allocation', { timeout: 60_000 }, async () => {
    const mark = fc.double({ min: 0, max: 5, noNaN: true });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(mark, mark), { minLength: 5, maxLength: 5 }),
        fc.constantFrom<AggregateRule>('mean', 'median', 'trimmed-mean'),
        fc.boolean(),
        async (marks, aggregate, severity) => {
          const settings = { aggregate, severity };
          const quiet = reviewed(tiny, rows(tiny.candidates.map(() => [0, 0])), settings);
          const loud = reviewed(tiny, rows(marks), settings);
          expect(loud.reviews?.offsets).toEqual(quiet.reviews?.offsets);
          expect(loud.candidates.map((candidate) => candidate.criteria)).toEqual(quiet.candidates.map((candidate) => candidate.criteria));
          const [a, b] = await Promise.all([allocate(quiet, { policy: 'social' }, { engine: 'highs' }), allocate(loud, { policy: 'social' }, { engine: 'highs' })]);
          if (a.status !== 'optimal' || b.status !== 'optimal') throw new Error('tiny is feasible');
          expect(allocationJson(b.allocation, 'optimal')).toBe(allocationJson(a.allocation, 'optimal'));
        },
      ),
      { numRuns: 25, seed: 14 },
    );
  });

  it('is counted apart: the candidate shows its conflicts, and the others their reviewers', async () => {
    const scenario = reviewed(tiny, rows(tiny.candidates.map(() => [5, 5])));
    const outcome = await allocate(scenario, { policy: 'social' }, { engine: 'highs' });
    if (outcome.status !== 'optimal') throw new Error('tiny is feasible');
    for (const candidate of outcome.allocation.candidates) expect(candidate.review).toMatchObject({ reviewers: 3, conflicts: 1 });
  });
});

describe('robustness over the marks', () => {
  it('gives exactly 1 to what solve funds and 0 to the rest when every reviewer agrees (2013 call)', { timeout: 120_000 }, async () => {
    const ptce = await loadScenario('scenarios/ptce-2013.yaml');
    const byId = new Map(ptce.candidates.map((candidate) => [candidate.id, candidate]));
    // Every reviewer not in conflict gives the candidate's own values; conflicts stay as shipped.
    const agreed = (ptce.reviews?.rows ?? []).map((row) => (row.conflict ? row : { ...row, marks: { ...byId.get(row.candidate)?.criteria } }));
    expect(agreed.filter((row) => row.conflict).length).toBeGreaterThan(0);
    const scenario = reviewed(ptce, agreed);
    const solved = await allocate(scenario, { policy: 'equilibre' }, { engine: 'highs' });
    if (solved.status !== 'optimal') throw new Error('ptce-2013 is feasible');
    const result = await robustness(scenario, 'equilibre', {}, { samples: 6, spread: 0, seed: 3, uniform: false, over: 'marks' }, POOL);
    expect(result.solved).toBe(6);
    const funded = new Set(solved.allocation.candidates.filter((candidate) => candidate.funded).map((candidate) => candidate.id));
    expect(funded.size).toBeGreaterThan(10);
    const rank = new Map(solved.allocation.candidates.map((candidate) => [candidate.id, candidate.rank]));
    for (const candidate of result.candidates) {
      expect(candidate.probability, candidate.id).toBe(funded.has(candidate.id) ? 1 : 0);
      expect(candidate.class).toBe(funded.has(candidate.id) ? 'always' : 'never');
      expect(candidate.discuss).toBe(false);
      expect([candidate.expectedRank, candidate.rankLow, candidate.rankHigh]).toEqual(Array(3).fill(rank.get(candidate.id)));
    }
  });

  it('moves probabilities towards the middle, on average, as reviewers disagree more (constructed case)', { timeout: 120_000 }, async () => {
    // Six candidates, one criterion, three reviewers each; three grants of 100 000 € fit the envelope.
    const means = [3, 3.6, 4.2, 4.8, 5.4, 6];
    const gaps = [[-1, 0, 1], [1, -2, 1], [0, 1, -1], [2, -1, -1], [-1, -1, 2], [1, 0, -1]];
    const candidates: Candidate[] = means.map((note, k) => ({ id: `c-${k + 1}`, name: `Pôle ${k + 1}`, region: 'Bretagne', request: 100_000, requestByYear: {}, criteria: { note }, attributes: {}, line: k + 2 }));
    const base: Scenario = {
      name: 'constructed', description: '', file: '', candidatesFile: '', candidates,
      envelope: { total: 300_000, years: [] }, grant: { min: 100_000, max: 100_000, step: 1000 }, laureates: { min: 0, max: 3 },
      criteria: [{ column: 'note', label: 'Note', scale: [-5, 15], better: 'higher' }],
      policies: [{ name: 'p', label: 'p', weights: { note: 1 }, returns: [] }], rules: [], locks: {},
    };
    const distances: number[] = [];
    for (const disagreement of [0, 1, 2, 4]) {
      const rows: Review[] = candidates.flatMap((candidate, k) => (gaps[k] ?? []).map((gap, r) => ({ candidate: candidate.id, reviewer: `r-${r + 1}`, marks: { note: (means[k] ?? 0) + disagreement * gap }, conflict: false, line: 3 * k + r + 2 })));
      const result = await robustness(reviewed(base, rows), 'p', {}, { samples: 60, spread: 0, seed: 7, uniform: false, over: 'marks' }, POOL);
      distances.push(result.candidates.reduce((sum, candidate) => sum + Math.abs(candidate.probability - 0.5), 0) / candidates.length);
    }
    // No disagreement: every probability is 0 or 1.
    expect(distances[0]).toBe(0.5);
    for (let i = 1; i < distances.length; i++) expect(distances[i], `disagreement step ${i}: ${distances.join(', ')}`).toBeLessThanOrEqual(distances[i - 1] ?? 0);
    expect(distances.at(-1)).toBeLessThan(0.5);
  });
});
