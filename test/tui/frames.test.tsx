/**
 * Every view of the simulator on the 2013 call at 60×15, 80×24, 120×40 and 200×50: no line wider
 * than the terminal, the frame one line short of it, the cursor's row on screen, and each view's key
 * information (ids, totals, the fix of a conflict) on screen or reached by its scroll keys.
 *
 * Solves are real and memoised across sizes. The analyses (sweep, tipping points, robustness) are
 * built from the four policies' real allocations instead of hundreds of solves: these tests are
 * about layout; test/tui/analyses.test.tsx runs the analyses themselves.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/analysis/pipeline.js';
import type { Allocation, Selection } from '../../src/domain/allocation.js';
import { explainInfeasibility, type ConflictReport } from '../../src/analysis/conflicts.js';
import type { PoolResult } from '../../src/analysis/pool.js';
import { classify, type Robustness } from '../../src/analysis/robustness.js';
import type { TippingAnalysis, WeightSweep } from '../../src/analysis/sweep.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import type { Weights } from '../../src/scoring/weights.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import type { Services } from '../../src/tui/services.js';
import { cells } from '../../src/tui/text.js';
import { drive, KEYS, settled, type Driven } from './drive.js';

let ptce: Scenario;
let services: Partial<Services>;
const POLICIES = ['equilibre', 'emploi', 'citoyenne', 'solidite'];

/** One real solve per distinct question, shared by every size. */
function memoised(): Pick<Services, 'allocate' | 'explainInfeasibility'> {
  const solves = new Map<string, Promise<AllocationOutcome>>();
  const explained = new Map<string, Promise<ConflictReport>>();
  const keyOf = (scenario: Scenario, extra: unknown): string => JSON.stringify([scenario.envelope, scenario.grant, scenario.laureates, scenario.locks, extra]);
  return {
    allocate: (scenario: Scenario, selection: Selection, options) => {
      const key = keyOf(scenario, selection);
      const known = solves.get(key) ?? allocate(scenario, selection, options);
      solves.set(key, known);
      return known;
    },
    explainInfeasibility: (scenario: Scenario, options) => {
      const key = keyOf(scenario, 'explain');
      const known = explained.get(key) ?? explainInfeasibility(scenario, options);
      explained.set(key, known);
      return known;
    },
  };
}

/** Grants in the scenario's candidate order, as the pool returns them. */
function poolResult(scenario: Scenario, allocation: Allocation): PoolResult {
  const grants = new Map(allocation.candidates.map((candidate) => [candidate.id, candidate.grant]));
  return { status: 'optimal', objective: allocation.objective, grants: scenario.candidates.map((candidate) => grants.get(candidate.id) ?? 0) };
}

/** The analyses, from the four policies' allocations: a sweep through them, tipping points between them, their spread. */
function analysesFrom(scenario: Scenario, allocations: readonly Allocation[]): Pick<Services, 'sweepWeight' | 'tippingPoints' | 'robustness'> {
  const results = allocations.map((allocation) => poolResult(scenario, allocation));
  const funded = (index: number, candidate: number): boolean => {
    const result = results[index];
    return result?.status === 'optimal' && (result.grants[candidate] ?? 0) > 0;
  };
  return {
    sweepWeight: async (_scenario: Scenario, policy: string, weights: Weights, criterion: string): Promise<WeightSweep> => ({
      policy,
      criterion,
      policyShare: weights[criterion] ?? 0,
      points: [0, 0.25, 0.5, 0.75, 1].map((share, index) => ({ share, result: results[index % results.length] as PoolResult })),
    }),
    tippingPoints: async (_scenario: Scenario, policy: string, weights: Weights): Promise<TippingAnalysis> => {
      const points: TippingAnalysis['points'][number][] = [];
      const stable: TippingAnalysis['stable'][number][] = [];
      scenario.criteria.forEach((criterion, at) => {
        const share = weights[criterion.column] ?? 0;
        scenario.candidates.forEach((candidate, index) => {
          const now = funded(0, index);
          const other = funded(1 + (at % 3), index);
          const tip = Math.min(1, share + 0.04 + 0.01 * (index % 7));
          if (now !== other) points.push({ candidate: candidate.id, criterion: criterion.column, share: tip, fundedBelow: now, fundedAbove: other, bracket: [tip - 0.0005, tip + 0.0005] });
          stable.push({ candidate: candidate.id, criterion: criterion.column, funded: now, from: 0, to: now === other ? 1 : tip });
        });
      });
      return { policy, weights, points, stable, solves: 42 };
    },
    robustness: async (_scenario: Scenario, policy: string): Promise<Robustness> => {
      const candidates = scenario.candidates.map((candidate, index) => {
        const grants = results.map((result) => (result.status === 'optimal' ? (result.grants[index] ?? 0) : 0)).sort((a, b) => a - b);
        const probability = grants.filter((grant) => grant > 0).length / grants.length;
        return { id: candidate.id, name: candidate.name, region: candidate.region, probability, meanGrant: Math.round(grants.reduce((sum, grant) => sum + grant, 0) / grants.length), p5: grants[0] ?? 0, p95: grants[grants.length - 1] ?? 0, class: classify(probability) };
      });
      candidates.sort((a, b) => b.probability - a.probability || b.meanGrant - a.meanGrant || (a.id < b.id ? -1 : 1));
      return { policy, samples: 200, solved: 200, candidates };
    },
  };
}

beforeAll(async () => {
  ptce = await loadScenario('scenarios/ptce-2013.yaml');
  const solving = memoised();
  const allocations: Allocation[] = [];
  for (const policy of POLICIES) {
    const outcome = await solving.allocate(ptce, { policy });
    if (outcome.status !== 'optimal') throw new Error(`${policy}: ${outcome.status}`);
    allocations.push(outcome.allocation);
  }
  services = { ...solving, ...analysesFrom(ptce, allocations) };
}, 60_000);
afterAll(stopJslpWorker);

/** The frame fits: one line short of the terminal, none wider than it. */
function expectFits(frame: string, columns: number, rows: number, where: string): void {
  const lines = frame.split('\n');
  expect(lines.length, `${where}: lines`).toBe(rows - 1);
  const wide = lines.filter((line) => cells(line) > columns);
  expect(wide, `${where}: lines wider than ${columns}`).toEqual([]);
}

/** The line of the frame that starts with the cursor mark `›`. */
function cursorLine(frame: string): string | undefined {
  return frame.split('\n').find((line) => line.startsWith('›'));
}

/** Presses `key` until the frame satisfies `check`, at most `times` times. */
async function scrollUntil(app: Driven, key: string, check: (frame: string) => boolean, times = 40): Promise<string> {
  for (let press = 0; press < times; press++) {
    if (check(app.frame())) return app.frame();
    await app.press(key);
  }
  return app.until(check, 2_000);
}

const SIZES = [
  { columns: 60, rows: 15 },
  { columns: 80, rows: 24 },
  { columns: 120, rows: 40 },
  { columns: 200, rows: 50 },
] as const;

describe.each(SIZES)('every view at $columns×$rows', ({ columns, rows }) => {
  test('fits, keeps the cursor on screen and shows what matters', { timeout: 120_000 }, async () => {
    const app = drive({ scenario: ptce, size: { columns, rows }, services });
    try {
      const fits = (where: string): string => {
        const frame = app.frame();
        expectFits(frame, columns, rows, where);
        return frame;
      };

      // 1 Allocation: the id column, the selected row, the count of funded.
      let frame = await app.until(settled, 30_000);
      fits('allocation');
      expect(frame).toMatch(/^ {3}(Rank )?Id +Name /m);
      expect(cursorLine(frame)).toMatch(/^› +(\d+ )?ptce-109 Pôle Sud/);
      expect(frame).toMatch(/\d+ funded of 130/);
      await app.press(KEYS.pageDown, KEYS.pageDown);
      frame = fits('allocation, two pages down');
      expect(cursorLine(frame)).toMatch(/^› +(\d+ )?ptce-\d{3} /);
      await app.press('/', ...'pôle territorial', KEYS.enter);
      frame = await app.until('filter “pôle territorial”');
      // Names alike read apart: no two rows of the filtered table show the same name.
      const names = frame.split('\n').map((line) => /ptce-\d{3} (.+?)(?: {2,}|$)/.exec(line)?.[1]).filter((name) => name !== undefined);
      expect(names.length).toBeGreaterThan(1);
      expect(new Set(names).size).toBe(names.length);
      await app.press(KEYS.escape);
      await app.until(' of 130 ·');

      // The detail: its identity, its score, and the rules it counts towards (scrolled to when short).
      await app.press(KEYS.enter);
      frame = await app.until('Criterion');
      fits('detail');
      expect(frame).toMatch(/^ptce-\d{3} · /m);
      if (rows >= 24) expect(frame).toContain('Rules it counts towards');
      // Page by page, the heading, then its last rule (whether both share a page depends on when the
      // "why" below them arrives, which is not what this checks).
      frame = await scrollUntil(app, KEYS.pageDown, (text) => text.includes('Rules it counts towards'));
      fits('detail, scrolled to the rules');
      frame = await scrollUntil(app, KEYS.pageDown, (text) => /4 lauréats au plus par régi/.test(text));
      fits('detail, scrolled');
      expect(frame).toMatch(/4 lauréats au plus par régi/);
      await app.press(KEYS.escape);
      await app.until((text) => !text.includes('Rules it counts towards'));

      // 2 Weights: the cursor follows ↓ to the last criterion, and → changes the criterion on screen.
      await app.press('2');
      frame = await app.until('Policy equilibre');
      fits('weights');
      expect(cursorLine(frame)).toMatch(/^› Périmètre/);
      for (let step = 0; step < 8; step++) await app.press(KEYS.down);
      frame = fits('weights, last criterion');
      expect(cursorLine(frame)).toMatch(/^› Implication des citoyens/);
      await app.press(KEYS.right);
      frame = await app.until((text) => /^› Implication des citoyens .* 12\.\d %/m.test(text));
      fits('weights, after →');
      frame = await app.until(settled, 30_000);
      await app.press('r');
      await app.until((text) => settled(text) && !text.includes('edited'), 30_000);

      // 3 Budget: the selected value on screen, all the way down.
      await app.press('3');
      frame = await app.until('Envelope total');
      fits('budget');
      expect(cursorLine(frame)).toMatch(/^› Envelope total +3 000 000 €/);
      for (let step = 0; step < 5; step++) await app.press(KEYS.down);
      expect(cursorLine(fits('budget, last value'))).toMatch(/^› Laureates at most +23/);
      for (let step = 0; step < 5; step++) await app.press(KEYS.up);

      // 4 Summary: the mean score per euro, and the rules at the end.
      await app.press('4');
      frame = await app.until('Spend by region');
      fits('summary');
      expect(frame).toMatch(/Mean score weighted by the euros: \d+\.\d\d/);
      frame = await scrollUntil(app, KEYS.pageDown, (text) => text.includes('4 lauréats au plus par région'));
      fits('summary, scrolled');

      // ? Help.
      await app.press('?');
      fits(`help ${(await app.until('Everywhere')).length}`);
      await app.press(KEYS.escape);
      await app.until((text) => !text.includes('Everywhere'));

      // 5 Compare: ids with grants, then the totals at the end.
      await app.press('5');
      frame = await app.until((text) => text.includes('Compare equilibre with') && text.includes('→ equilibre:'), 30_000);
      fits('compare');
      frame = await scrollUntil(app, KEYS.pageDown, (text) => /^ptce-109 /m.test(text));
      fits('compare, the table');
      frame = await scrollUntil(app, KEYS.pageDown, (text) => /^ +Spent +3 000 000 €/m.test(text));
      fits('compare, the totals');

      // 6, 7, 8: the analyses name candidates by id.
      await app.press('6');
      frame = await app.until((text) => text.includes('Grants of the') && /ptce-\d{3}/.test(text), 10_000);
      fits('sweep');
      frame = await scrollUntil(app, KEYS.pageDown, (text) => /Funded along the sweep|^ptce-\d{3} .*[█░]/m.test(text));
      fits('sweep, scrolled');
      await app.press('7');
      frame = await app.until((text) => /ptce-\d{3}/.test(text) && text.includes('Tipping'), 10_000);
      fits('tipping');
      await app.press('8');
      frame = await app.until((text) => /ptce-\d{3}/.test(text) && text.includes('200 of 200'), 10_000);
      fits('robustness');

      // A conflict: an envelope of 100 000 €. The panel groups the regions, never splits an amount,
      // and scrolls (< >) to what would fix it.
      await app.press('3', KEYS.enter, ...'100 000', KEYS.enter);
      await app.until('✗ infeasible', 30_000);
      frame = await app.until((text) => !text.includes('looking for the rules'), 60_000);
      fits('conflict');
      frame = await scrollUntil(app, '>', (text) => text.includes('lower the grant floor'), 20);
      fits('conflict, scrolled to the fix');
      const panel = (text: string): string[] => text.split('\n').map((line) => /│ (.*?) *│$/.exec(line)?.[1] ?? '');
      panel(frame).forEach((line, index, all) => {
        const next = all[index + 1] ?? '';
        expect(`${line} ⏎ ${next}`, 'an amount split across lines').not.toMatch(/(\d ⏎ +(\d{3}\b|[kM]?€))|([≤≥] ⏎)/);
      });
      frame = await scrollUntil(app, '>', (text) => /\d+ regions/.test(text), 20);
      expect(frame).toMatch(/\d+ regions/);
      expect(frame).not.toMatch(/— Aquitaine: ≤/);
      await app.press('u');
      await app.until((text) => settled(text) && text.includes('✓ optimal'), 30_000);
    } finally {
      app.unmount();
    }
  });
});
