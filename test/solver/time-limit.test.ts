/**
 * The time limit across the stages of one HiGHS solve (solver/fast-path.ts): HiGHS reads a MILP's
 * `time_limit` against that run alone, so each MILP run must be given what is left of the budget
 * (less GLPK's seconds and HiGHS's earlier runs on the model), not the whole budget again. Nothing
 * here is timed: the model's clock is set by hand (a real HiGHS model behind a proxy that reports
 * the run time given and records the options it is set), and the test reads the limit HiGHS was given.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario.js';
import { buildModel } from '../../src/model/build.js';
import { withTierLinks } from '../../src/model/cuts.js';
import { findPolicy, scoreCandidates } from '../../src/pipeline/score.js';
import { toArrays } from '../../src/solver/arrays.js';
import { fullSolve, type HighsSettings } from '../../src/solver/fast-path.js';
import { loadHighs, newModel, type HighsModel } from '../../src/solver/highs.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The tiny call's model as HiGHS arrays. */
async function tinyArrays(): Promise<ReturnType<typeof toArrays>> {
  const scenario = await loadScenario(join(ROOT, 'scenarios/tiny.yaml'));
  const policy = scenario.policies[0]?.name ?? '';
  const scored = await scoreCandidates(scenario, { policy });
  if (typeof scored === 'string') throw new Error(scored);
  return toArrays(withTierLinks(buildModel(scenario, scored.scores, findPolicy(scenario, policy) ?? { returns: [] })));
}

/** `target`'s own member, methods bound to it. */
function forwarded(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

/** A real HiGHS model whose clock reads `runTime` seconds, and the time limits it was given. */
function clocked(model: HighsModel, runTime: number): { model: HighsModel; limits: number[] } {
  const limits: number[] = [];
  const set = (values: Parameters<HighsModel['options']['set']>[0]): void => {
    const limit = (values as Record<string, unknown>)['time_limit'];
    if (typeof limit === 'number') limits.push(limit);
    model.options.set(values);
  };
  const options = new Proxy(model.options, { get: (target, property) => (property === 'set' ? set : forwarded(target, property)) });
  const proxy = new Proxy(model, {
    get: (target, property) => (property === 'getRunTime' ? () => runTime : property === 'options' ? options : forwarded(target, property)),
  });
  return { model: proxy, limits };
}

describe('the time limit of a HiGHS solve', () => {
  it('the full MILP after 6 s of HiGHS runs and 1 s of GLPK, of a 10 s budget, is given 3 s, not 9 (and still solves the tiny call)', async () => {
    const arrays = await tinyArrays();
    const real = newModel(await loadHighs(), arrays);
    try {
      const { model, limits } = clocked(real, 6);
      const settings: HighsSettings = { timeLimitMs: 10_000, relativeGap: 0, glpk: { seconds: 1 } };
      const answer = fullSolve(model, arrays, settings, undefined);
      expect(answer.status).toBe('solved');
      expect(limits).toHaveLength(1);
      expect(limits[0]).toBeCloseTo(3, 6);
    } finally {
      real.dispose();
    }
  });

  it('with the budget spent, the full MILP does not run: timed out', async () => {
    const arrays = await tinyArrays();
    const real = newModel(await loadHighs(), arrays);
    try {
      const { model, limits } = clocked(real, 9.5);
      const answer = fullSolve(model, arrays, { timeLimitMs: 10_000, relativeGap: 0, glpk: { seconds: 1 } }, undefined);
      expect(answer.status).toBe('timedout');
      expect(limits).toHaveLength(0);
    } finally {
      real.dispose();
    }
  });
});
