/**
 * The LP file: on tiny it is exactly the committed fixture, so any change to the model shows in
 * review as a diff of test/fixtures/engine/tiny.lp (regenerate it with
 * `ENVELOPPE_UPDATE_FIXTURES=1 npx vitest run test/model/lp-format.test.ts`, then read the diff).
 * Numbers never use exponents, lines stay under CPLEX's 255 characters, names are plain.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import highsModule from 'highs';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/pipeline/allocate.js';
import { scoreCandidates } from '../../src/pipeline/score.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { buildModel } from '../../src/model/build.js';
import { lpNumber, toLpFormat } from '../../src/model/lp-format.js';
import type { AllocationModel } from '../../src/model/types.js';
import { scenarioArbitrary } from '../solver/arbitrary.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = join(ROOT, 'test/fixtures/engine/tiny.lp');
const NAME = /^[A-Za-z0-9_]+$/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

async function modelOf(scenario: Scenario, policy: string): Promise<AllocationModel> {
  const scored = await scoreCandidates(scenario, { policy });
  if (typeof scored === 'string') throw new Error(scored);
  const entry = scenario.policies.find((candidate) => candidate.name === policy);
  if (entry === undefined) throw new Error(`no policy ${policy}`);
  return buildModel(scenario, scored.scores, entry);
}

/** The names an LP text uses: row labels and every token of the sections that is not a number or an operator. */
function lpNames(text: string): string[] {
  const names: string[] = [];
  const keywords = new Set(['Maximize', 'Subject', 'To', 'Bounds', 'Binaries', 'Generals', 'End', '+inf']);
  for (const line of text.split('\n')) {
    if (line.startsWith('\\') || line.trim() === '') continue;
    for (const token of line.trim().split(/\s+/)) {
      if (keywords.has(token) || ['+', '-', '<=', '>=', '='].includes(token) || PLAIN_NUMBER.test(token)) continue;
      names.push(token.endsWith(':') ? token.slice(0, -1) : token);
    }
  }
  return names;
}

describe('the LP file of tiny', { timeout: 60_000 }, () => {
  it('is byte for byte the committed fixture test/fixtures/engine/tiny.lp', async () => {
    const tiny = await loadScenario(join(ROOT, 'scenarios/tiny.yaml'));
    const outcome = await allocate(tiny, { policy: 'social' }, { engine: 'highs' });
    if (outcome.status === 'failed') throw new Error(outcome.reason);
    const text = toLpFormat(outcome.model);
    if (process.env['ENVELOPPE_UPDATE_FIXTURES'] === '1') {
      mkdirSync(dirname(FIXTURE), { recursive: true });
      writeFileSync(FIXTURE, text);
    }
    expect(text).toBe(readFileSync(FIXTURE, 'utf8'));
  });

  it('does not depend on the engine or on an earlier solve', async () => {
    const tiny = await loadScenario(join(ROOT, 'scenarios/tiny.yaml'));
    const first = toLpFormat(await modelOf(tiny, 'social'));
    await allocate(tiny, { policy: 'emploi' }, { engine: 'highs' });
    const again = await allocate(tiny, { policy: 'social' }, { engine: 'jslp' });
    if (again.status === 'failed') throw new Error(again.reason);
    expect(toLpFormat(again.model)).toBe(first);
  });
});

describe('lpNumber', { timeout: 30_000 }, () => {
  it.each([
    [0, '0'],
    [3, '3'],
    [-40, '-40'],
    [300000, '300000'],
    [77500, '77500'],
    [0.1 + 0.2, '0.3'],
    [101.95, '101.95'],
    [-0.4, '-0.4'],
    [1e-7, '0.0000001'],
    [1.5e-10, '0.00000000015'],
    [123456789 + 0.123456789, '123456789.123457'],
    [1e20, '100000000000000000000'],
  ])('writes %s as %s', (value, text) => {
    expect(lpNumber(value)).toBe(text);
  });

  it('never writes an exponent, and reads back within 15 significant digits (|x| from 1e-9 to 1e20)', () => {
    const magnitude = fc.double({ min: 1e-9, max: 1e20, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(magnitude, fc.boolean(), (size, negative) => {
        const value = negative ? -size : size;
        const text = lpNumber(value);
        expect(text, `${value}`).toMatch(PLAIN_NUMBER);
        const back = Number(text);
        // toFixed(12) keeps small values to 1e-12 absolute; larger ones keep 15 significant digits.
        expect(Math.abs(back - value), `${value} → ${text}`).toBeLessThanOrEqual(Math.max(1e-12, Math.abs(value) * 1e-14));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('LP text', { timeout: 60_000 }, () => {
  const shipped = ['tiny', 'rhone-alpes', 'ptce-2013', 'ptce-2015'];

  it('has no line over 255 characters on ptce-2013, under every policy', async () => {
    const scenario = await loadScenario(join(ROOT, 'scenarios/ptce-2013.yaml'));
    for (const policy of scenario.policies) {
      const text = toLpFormat(await modelOf(scenario, policy.name));
      const lines = text.split('\n');
      const longest = lines.reduce((most, line) => Math.max(most, line.length), 0);
      expect(longest, `${policy.name}: the longest line`).toBeLessThanOrEqual(255);
      // The objective and the total row have 260 terms: they must have been wrapped, not cut.
      expect(lines.filter((line) => line.startsWith('   ')).length, `${policy.name}: continuation lines`).toBeGreaterThan(10);
    }
  });

  it('wraps a long expression into lines of at most 255 characters that HiGHS reads back as the same model', async () => {
    const count = 400;
    const model: AllocationModel = {
      unit: 1000,
      variables: Array.from({ length: count }, (_, index) => ({ name: `g_${index}_a_rather_long_year_label`, kind: 'integer' as const, lower: 0, upper: 3 })),
      objective: Array.from({ length: count }, (_, index) => [`g_${index}_a_rather_long_year_label`, 1000 + index / 7] as const),
      rows: [{ name: 'total', terms: Array.from({ length: count }, (_, index) => [`g_${index}_a_rather_long_year_label`, 1] as const), lower: undefined, upper: 10, origin: { kind: 'total' } }],
      candidates: [],
      comments: ['wrapping'],
    };
    const text = toLpFormat(model);
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(255);
    const highs = await (highsModule as unknown as typeof highsModule.default)();
    const solution = highs.solve(text, { output_flag: false, log_to_console: false });
    expect(solution.Status).toBe('Optimal');
    // Best: 3 steps each on the four most valuable variables, short of the 10-step total: 3+3+3+1.
    const value = (index: number): number => 1000 + index / 7;
    expect(solution.ObjectiveValue).toBeCloseTo(3 * (value(399) + value(398) + value(397)) + value(396), 6);
  });

  it.each(shipped)('%s: every variable and row name is made of [A-Za-z0-9_] only, in the model and in the text', async (name) => {
    const scenario = await loadScenario(join(ROOT, `scenarios/${name}.yaml`));
    for (const policy of scenario.policies) {
      const model = await modelOf(scenario, policy.name);
      for (const variable of model.variables) expect(variable.name).toMatch(NAME);
      for (const row of model.rows) expect(row.name).toMatch(NAME);
      const names = lpNames(toLpFormat(model));
      expect(names.length).toBeGreaterThan(model.variables.length);
      for (const token of names) expect(token, `${name}/${policy.name}`).toMatch(NAME);
    }
  });

  it('random scenarios: names stay plain and every number is written without exponent', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ min: 23, max: 40 }), (scenario) => {
        const scores = scenario.candidates.map((_, index) => (index * 37.1234) % 100);
        const policy = scenario.policies[0];
        if (policy === undefined) throw new Error('no policy');
        const text = toLpFormat(buildModel(scenario, scores, policy));
        for (const token of lpNames(text)) expect(token).toMatch(NAME);
        const body = text.split('\n').filter((line) => !line.startsWith('\\')).join('\n');
        expect(body).not.toMatch(/\d[eE][+-]?\d/);
      }),
      { numRuns: 30 },
    );
  });
});
