/**
 * Regressions: bugs found in src/ while writing the engine tests, each now fixed. Every test states
 * the right behaviour a user would see; the comment on each says what went wrong before.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/pipeline/allocate.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { lpNumber } from '../../src/model/lp-format.js';
import { compileFormula } from '../../src/scoring/formula.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { assertAllocationHonours } from './check.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tiny = await loadScenario(join(ROOT, 'scenarios/tiny.yaml'));

afterAll(async () => {
  await stopJslpWorker();
});

describe('fixed bugs stay fixed', { timeout: 60_000 }, () => {
  /**
   * src/scoring/formula.ts looks functions up with `FUNCTIONS[name]` on a plain object, so
   * `toString`, `constructor`, `valueOf`, `__proto__` … find Object.prototype members, and
   * `allowed.arity` is undefined: compileFormula throws a TypeError (the CLI prints a stack trace,
   * exit 1) instead of refusing. Fix: `const allowed = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;`
   * (and the same for BINARY[op]), or build both tables with Object.create(null) / a Map.
   */
  it.each(['toString(1)', 'constructor(1)', 'valueOf()', '__proto__(1)'])('compileFormula refuses %s like any call outside the whitelist', async (text) => {
    const result = await compileFormula(text, ['utilite_sociale', 'emplois']);
    expect(result.ok).toBe(false);
  });

  /**
   * grant.min: 0 is accepted by the loader, and then floorUnits is 0: the model may set f_i = 1
   * with no grant. A `funded` lock, laureates.min or a count.min rule is then met by a laureate who
   * gets 0 €, and the published allocation (funded = grant > 0) breaks it: on tiny with
   * grant.min 0 and laureates.min 5 the CLI answers "Laureates 4 of 5", exit 0.
   * Fix (src/model/build.ts): `const minUnits = Math.max(1, floorUnits(scenario));` so a laureate
   * gets at least one step (and `eligible` in publish uses the same floor).
   */
  it.each([
    ['a funded lock', { laureates: { min: 0, max: 5 }, locks: { 'tiny-4': 'funded' as const } }],
    ['laureates.min 5', { laureates: { min: 5, max: 5 }, locks: {} }],
  ])('with grant.min 0, %s is honoured by the published allocation', async (_what, change) => {
    const scenario: Scenario = { ...tiny, grant: { ...tiny.grant, min: 0 }, ...change };
    const outcome = await allocate(scenario, { policy: 'social' }, { engine: 'highs' });
    if (outcome.status !== 'optimal') throw new Error(`expected an allocation, got ${outcome.status}`);
    assertAllocationHonours(scenario, outcome.allocation);
  });

  /**
   * The canonical tie-break moved money only inside a class of equal score. On this call (drawn by
   * canonical.test.ts's generator), with at most 6 laureates, funding c-002 (score 48) at 90 000 €
   * or c-009 (score 36) at 120 000 € gives the same optimum, 29 520 000 (48 × 90 000 = 36 × 120 000):
   * HiGHS's fast path and jslp published c-002, HiGHS's full MILP c-009. Fix (solver/face.ts,
   * tie-classes.ts): at the exact optimum the rule runs over every candidate the optimal face leaves
   * free, whatever its score; the higher score comes first, so c-002 is funded on every path.
   */
  it('a tie across scores goes to the higher score, on every engine and path', async () => {
    const scenario = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/cross-score-tie.json'), 'utf8')) as Scenario;
    const paths = [{ engine: 'highs' as const }, { engine: 'highs' as const, fastPath: false }, { engine: 'jslp' as const }, { engine: 'auto' as const }];
    for (const options of paths) {
      const outcome = await allocate(scenario, { policy: 'p' }, options);
      if (outcome.status !== 'optimal') throw new Error(`expected an allocation, got ${outcome.status}`);
      const grant = (id: string): number => outcome.allocation.candidates.find((candidate) => candidate.id === id)?.grant ?? -1;
      expect(outcome.allocation.objective, JSON.stringify(options)).toBeCloseTo(29_520_000, 3);
      expect([grant('c-002'), grant('c-009')], JSON.stringify(options)).toEqual([90_000, 0]);
    }
  });

  /**
   * lpNumber promises "no exponent", but String(1e21) is '1e+21' (and toFixed keeps the exponent
   * from 1e21 up). Harmless for real envelopes; the contract is still broken.
   * Fix: for |value| ≥ 1e21 write BigInt(Math.round(value)).toString().
   */
  it('lpNumber writes 1e21 without an exponent', () => {
    expect(lpNumber(1e21)).toBe('1000000000000000000000');
  });
});
