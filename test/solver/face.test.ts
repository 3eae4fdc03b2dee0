/**
 * The optimal face (solver/face.ts): the range it gives each candidate's total grant must hold every
 * optimal allocation, or the tie-break would hold a candidate the rule could move. Checked against
 * the MILP itself: the smallest and largest total each candidate reaches under the optimum row (full
 * HiGHS solves) lie within its range, and the parts of the room each takes add up to no more than
 * the room, with and without return tiers, on random calls built to tie.
 * And the face must be narrow enough to matter: on the 2013 call it pins all but a few candidates.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { buildModel } from '../../src/model/build.js';
import { totalOf } from '../../src/model/totals.js';
import { objectiveInSteps, OPTIMUM_SLACK, optimumRow } from '../../src/solver/canonical.js';
import { faceRanges } from '../../src/solver/face.js';
import { solveModel } from '../../src/solver/solve.js';
import { scoreCandidates } from '../../src/pipeline/score.js';
import { scenarioArbitrary, tiedScenario } from './arbitrary.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TIERS = [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }];

async function checkFace(scenario: Scenario, scores: readonly number[], returns: typeof TIERS | []): Promise<void> {
  const model = buildModel(scenario, scores, { returns });
  const first = await solveModel(model, { engine: 'highs', relativeGap: 0, fastPath: false });
  if (first.status !== 'optimal') return;
  const optimum = objectiveInSteps(model, first.values);
  const ranges = await faceRanges(model, model.unit * (optimum - OPTIMUM_SLACK), first.values, 10_000);
  expect(ranges, 'the face is computed').toBeDefined();
  const row = optimumRow(model, optimum - OPTIMUM_SLACK);
  for (const candidate of model.candidates) {
    const range = ranges?.byCandidate.get(candidate.index);
    for (const sense of [1, -1]) {
      const outcome = await solveModel({ ...model, objective: candidate.grants.map((grant) => [grant.variable, sense] as const), rows: [...model.rows, row] }, { engine: 'highs', relativeGap: 0, fastPath: false });
      expect(outcome.status).toBe('optimal');
      if (outcome.status !== 'optimal') continue;
      const total = totalOf(model, candidate.index, outcome.values);
      // The parts of every allocation on the face fit in the room together (canGain relies on it).
      const parts = model.candidates.reduce((sum, other) => {
        const at = totalOf(model, other.index, outcome.values);
        return sum + (ranges?.byCandidate.get(other.index)?.part(at, at) ?? Infinity);
      }, 0);
      expect(parts, 'the parts of an allocation on the face').toBeLessThanOrEqual((ranges?.room ?? 0) + 1e-6 * Math.max(1, Math.abs(optimum * model.unit)) * 1e-3);
      expect(total, `${candidate.id} ${sense > 0 ? 'largest' : 'smallest'} total on the face`).toBeGreaterThanOrEqual(range?.low ?? Infinity);
      expect(total, `${candidate.id} ${sense > 0 ? 'largest' : 'smallest'} total on the face`).toBeLessThanOrEqual(range?.high ?? -Infinity);
    }
  }
}

describe('the optimal face', () => {
  it('holds every optimal allocation: each total the MILP reaches on the face lies in its range', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary({ min: 4, max: 12 }).map(tiedScenario), fc.boolean(), async (scenario, tiers) => {
        const scores = scenario.candidates.map((candidate) => Object.values(candidate.criteria).reduce((sum, mark) => sum + mark, 0));
        await checkFace(scenario, scores, tiers ? TIERS : []);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  }, 300_000);

  it('pins all but a few candidates of the 2013 call', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios/ptce-2013.yaml'));
    for (const [policy, most] of [['equilibre', 5], ['emploi', 30]] as const) {
      const selected = scenario.policies.find((entry) => entry.name === policy);
      if (selected === undefined) throw new Error(policy);
      const scored = await scoreCandidates(scenario, { policy });
      if (typeof scored === 'string') throw new Error(scored);
      const model = buildModel(scenario, scored.scores, selected);
      const first = await solveModel(model, { engine: 'highs', relativeGap: 0 });
      if (first.status !== 'optimal') throw new Error(first.status);
      const ranges = await faceRanges(model, model.unit * (objectiveInSteps(model, first.values) - OPTIMUM_SLACK), first.values, 10_000);
      const free = [...(ranges?.byCandidate.values() ?? [])].filter((range) => range.low < range.high).length;
      expect(ranges?.byCandidate.size).toBe(130);
      expect(free, `${policy}: candidates the face leaves free`).toBeLessThanOrEqual(most);
    }
  }, 60_000);
});
