/**
 * The 2013 call with its reviewers: the criteria `solve` works with are the by-hand aggregation of
 * the reviews file under each rule (computed here from the raw file, apart from the code under test),
 * the shipped rule (mean) reproduces ptce-2013.csv, and the allocation is the one of those values.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import type { Scenario } from '../../src/domain/types.js';
import { candidatesFromCsv } from '../../src/io/candidates.js';
import { readCsvFile } from '../../src/io/csv.js';
import { loadScenario } from '../../src/io/scenario.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const NOTES = join(ROOT, 'scenarios/ptce-2013-notes.csv');
const folder = mkdtempSync(join(tmpdir(), 'enveloppe-reviews-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Row {
  id: string;
  reviewer: string;
  conflict: boolean;
  marks: (number | undefined)[];
}

/** The reviews file read by hand: BOM, CRLF, `;`, decimal comma, no quoting. */
function readNotes(): { columns: string[]; rows: Row[] } {
  const lines = readFileSync(NOTES, 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
  const [header = '', ...body] = lines;
  const columns = header.split(';').slice(3);
  const rows = body.map((line) => {
    const [id = '', reviewer = '', conflict = '', ...marks] = line.split(';');
    return { id, reviewer, conflict: conflict !== '', marks: marks.map((text) => (text === '' ? undefined : Number(text.replace(',', '.')))) };
  });
  return { columns, rows };
}

const { columns, rows } = readNotes();

function byHand(rule: 'mean' | 'median' | 'trimmed-mean', severity: boolean): Map<string, number[]> {
  const counted = rows.filter((row) => !row.conflict);
  const offset = new Map<string, number>();
  if (severity) {
    const sums = new Map<string, [number, number]>();
    for (const id of new Set(counted.map((row) => row.id))) {
      const panel = counted.filter((row) => row.id === id);
      columns.forEach((_, k) => {
        const marked = panel.filter((row) => row.marks[k] !== undefined);
        if (marked.length < 2) return;
        for (const row of marked) {
          const others = marked.filter((other) => other !== row).map((other) => other.marks[k] ?? 0);
          const gap = ((row.marks[k] ?? 0) - others.reduce((a, b) => a + b, 0) / others.length) / 5;
          const [sum, count] = sums.get(row.reviewer) ?? [0, 0];
          sums.set(row.reviewer, [sum + gap, count + 1]);
        }
      });
    }
    for (const [reviewer, [sum, count]] of sums) offset.set(reviewer, sum / count);
  }
  const values = new Map<string, number[]>();
  for (const id of new Set(counted.map((row) => row.id))) {
    const panel = counted.filter((row) => row.id === id);
    values.set(id, columns.map((_, k) => {
      const marks = panel.flatMap((row) => {
        const mark = row.marks[k];
        return mark === undefined ? [] : [Math.min(5, Math.max(0, mark - 5 * (offset.get(row.reviewer) ?? 0)))];
      }).sort((a, b) => a - b);
      const mean = (list: number[]): number => list.reduce((a, b) => a + b, 0) / list.length;
      if (rule === 'median') return marks.length % 2 === 1 ? (marks[(marks.length - 1) / 2] ?? 0) : ((marks[marks.length / 2 - 1] ?? 0) + (marks[marks.length / 2] ?? 0)) / 2;
      if (rule === 'trimmed-mean' && marks.length >= 3) return mean(marks.slice(1, -1));
      return mean(marks);
    }));
  }
  return values;
}

/** The 2013 scenario with another `reviews:` line, written beside the test. */
async function with2013Reviews(reviews: string): Promise<Scenario> {
  const text = readFileSync(join(ROOT, 'scenarios/ptce-2013.yaml'), 'utf8')
    .replace('candidates: ptce-2013.csv', `candidates: ${join(ROOT, 'scenarios/ptce-2013.csv')}`)
    .replace(/^reviews: .*$/m, `reviews: ${reviews.replace('NOTES', NOTES)}`);
  const file = join(folder, `ptce-2013-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return loadScenario(file);
}

describe('the shipped 2013 reviews', () => {
  let shipped: Scenario;
  beforeAll(async () => {
    shipped = await loadScenario(join(ROOT, 'scenarios/ptce-2013.yaml'));
  });

  it('have 2 to 4 reviewers per candidate, a few conflicts, some strong disagreement', () => {
    const counted = rows.filter((row) => !row.conflict);
    const perCandidate = [...new Set(rows.map((row) => row.id))].map((id) => counted.filter((row) => row.id === id).length);
    expect(perCandidate).toHaveLength(130);
    expect(Math.min(...perCandidate)).toBe(2);
    expect(Math.max(...perCandidate)).toBe(4);
    const conflicts = rows.filter((row) => row.conflict);
    expect(conflicts.length).toBeGreaterThanOrEqual(3);
    for (const row of conflicts) expect(row.marks.every((mark) => mark === undefined)).toBe(true);
    expect(shipped.reviews?.settings.aggregate).toBe('mean');
  });

  it('aggregate (mean) to exactly the marks of ptce-2013.csv, so the scenario figures do not change', () => {
    const table = readCsvFile(join(ROOT, 'scenarios/ptce-2013.csv'));
    const plain = candidatesFromCsv(table, shipped.criteria, ['2013', '2014']);
    expect(shipped.candidates.map((candidate) => candidate.criteria)).toEqual(plain.map((candidate) => candidate.criteria));
  });
});

describe.each([
  ['mean', false],
  ['median', false],
  ['trimmed-mean', false],
  ['mean', true],
] as const)('aggregate %s, severity %s, on the 2013 call', (rule, severity) => {
  it('gives the by-hand values, and solve funds what those values fund', { timeout: 60_000 }, async () => {
    const scenario = await with2013Reviews(`{file: NOTES, aggregate: ${rule}, severity: ${severity}}`);
    const expected = byHand(rule, severity);
    for (const candidate of scenario.candidates) {
      const values = expected.get(candidate.id);
      expect(values, candidate.id).toBeDefined();
      columns.forEach((column, k) => expect(candidate.criteria[column], `${candidate.id} ${column}`).toBeCloseTo(values?.[k] ?? Number.NaN, 5));
    }
    if (rule !== 'mean' || severity) {
      // The rule matters: some value differs from the shipped mean.
      const mean = byHand('mean', false);
      expect(scenario.candidates.some((candidate) => columns.some((column, k) => Math.abs((candidate.criteria[column] ?? 0) - (mean.get(candidate.id)?.[k] ?? 0)) > 0.01))).toBe(true);
    }

    const solved = await allocate(scenario, { policy: 'equilibre' }, { engine: 'highs' });
    // The same call with the by-hand values typed in as single marks, and no reviews.
    const { reviews: _reviews, ...plain } = scenario;
    const typed: Scenario = { ...plain, candidates: scenario.candidates.map((candidate) => ({ ...candidate, criteria: Object.fromEntries(columns.map((column, k) => [column, expected.get(candidate.id)?.[k] ?? 0])) })) };
    const reference = await allocate(typed, { policy: 'equilibre' }, { engine: 'highs' });
    if (solved.status !== 'optimal' || reference.status !== 'optimal') throw new Error('both solves should be optimal');
    const scores = new Map(reference.allocation.candidates.map((candidate) => [candidate.id, candidate.score]));
    for (const candidate of solved.allocation.candidates) {
      expect(candidate.score, candidate.id).toBeCloseTo(scores.get(candidate.id) ?? Number.NaN, 3);
      // equal weights: the score is 100 × the mean of the rescaled values
      const values = expected.get(candidate.id) ?? [];
      expect(candidate.score, candidate.id).toBeCloseTo((100 * values.reduce((a, b) => a + b / 5, 0)) / values.length, 3);
    }
    const grants = (allocation: typeof solved.allocation): Record<string, number> => Object.fromEntries(allocation.candidates.filter((candidate) => candidate.grant > 0).map((candidate) => [candidate.id, candidate.grant]));
    expect(grants(solved.allocation)).toEqual(grants(reference.allocation));
    expect(solved.allocation.candidates.every((candidate) => candidate.review !== undefined)).toBe(true);
  });
});
