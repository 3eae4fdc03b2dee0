/**
 * Every shipped scenario under every one of its policies: both engines prove the same optimum, the
 * published allocation honours every rule of the call (recomputed from the scenario), and the LP
 * file `--lp` writes, solved by an independent solver (GLPK's glpsol), has that same optimum.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import highsModule from 'highs';
import { afterAll, describe, expect, it } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/pipeline/allocate.js';
import type { Policy, Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { toLpFormat } from '../../src/model/lp-format.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { assertAllocationHonours, closeRelative } from './check.js';

const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
// ptce-2015-portail is ptce-2015 read from a workbook: test/io/xlsx-read.test.ts checks it gives the same allocation.
const files = readdirSync(SCENARIOS).filter((file) => file.endsWith('.yaml') && file !== 'ptce-2015-portail.yaml').sort();
const shipped: { name: string; scenario: Scenario }[] = [];
for (const file of files) shipped.push({ name: basename(file, '.yaml'), scenario: await loadScenario(join(SCENARIOS, file)) });

/**
 * Policies on which javascript-lp-solver's branch and bound is known not to prove the optimum in
 * reasonable time (README, "Engines": it wanders on return tiers). Only these may end `timedout`
 * under jslp, and only `timedout`: an answer, if it gives one, must still be the optimum.
 */
const JSLP_KNOWN_SLOW = new Set(['ptce-2015/innovation']);
const WORK = mkdtempSync(join(tmpdir(), 'enveloppe-engine-'));
const HAS_GLPSOL = spawnSync('glpsol', ['--version'], { encoding: 'utf8' }).status === 0;
const SECOND_SOLVER = HAS_GLPSOL ? 'glpsol (GLPK)' : 'the highs npm package directly (glpsol is not installed)';

afterAll(async () => {
  await stopJslpWorker();
  rmSync(WORK, { recursive: true, force: true });
});

function optimal(outcome: AllocationOutcome, what: string): Extract<AllocationOutcome, { status: 'optimal' }> {
  if (outcome.status !== 'optimal') {
    throw new Error(`${what}: expected an optimal allocation, got ${outcome.status}${outcome.status === 'failed' ? ` (${outcome.reason})` : ''}`);
  }
  return outcome;
}

/** The optimum of an LP file by an independent solver: GLPK if installed, else HiGHS called directly. */
async function secondOpinion(lpText: string, label: string): Promise<number> {
  if (HAS_GLPSOL) {
    const lp = join(WORK, `${label}.lp`);
    const out = join(WORK, `${label}.out`);
    writeFileSync(lp, lpText);
    // --cuts: GLPK's plain branch and bound needs minutes on the return-tier policies, seconds with cuts.
    const run = spawnSync('glpsol', ['--lp', lp, '--cuts', '--tmlim', '120', '-o', out], { encoding: 'utf8' });
    expect(run.status, `glpsol exit status\n${run.stdout}\n${run.stderr}`).toBe(0);
    const report = readFileSync(out, 'utf8');
    expect(report, 'glpsol proves the optimum').toMatch(/^Status:\s+INTEGER OPTIMAL$/m);
    const match = /^Objective:\s+\S+ = (-?[0-9.eE+-]+) \(MAXimum\)$/m.exec(report);
    if (match?.[1] === undefined) throw new Error(`no objective in glpsol's report:\n${report.slice(0, 500)}`);
    return Number(match[1]);
  }
  const highs = await (highsModule as unknown as typeof highsModule.default)();
  const solution = highs.solve(lpText, { mip_rel_gap: 1e-9, output_flag: false, log_to_console: false });
  expect(solution.Status).toBe('Optimal');
  return solution.ObjectiveValue;
}

describe.each(shipped)('scenario $name', ({ name, scenario }) => {
  it.each(scenario.policies.map((policy) => ({ policy: policy.name, entry: policy })))(
    'policy $policy: HiGHS, jslp and auto agree on the optimum and the allocation honours every rule',
    async ({ policy, entry }: { policy: string; entry: Policy }) => {
      const highs = optimal(await allocate(scenario, { policy }, { engine: 'highs' }), `${name}/${policy} with HiGHS`);
      assertAllocationHonours(scenario, highs.allocation, entry);
      expect(highs.allocation.engine).toBe('highs');
      expect(highs.allocation.spent, 'something is granted').toBeGreaterThan(0);

      const knownSlow = JSLP_KNOWN_SLOW.has(`${name}/${policy}`);
      const jslp = await allocate(scenario, { policy }, { engine: 'jslp', timeLimitMs: knownSlow ? 3_000 : 20_000 });
      if (knownSlow && jslp.status === 'timedout') {
        expect(jslp.engine).toBe('jslp');
      } else {
        const proven = optimal(jslp, `${name}/${policy} with jslp`);
        assertAllocationHonours(scenario, proven.allocation, entry);
        expect(proven.allocation.engine).toBe('jslp');
        expect(closeRelative(proven.allocation.objective, highs.allocation.objective), `jslp ${proven.allocation.objective} vs HiGHS ${highs.allocation.objective}`).toBe(true);
      }

      const auto = optimal(await allocate(scenario, { policy }, { engine: 'auto' }), `${name}/${policy} with auto`);
      assertAllocationHonours(scenario, auto.allocation, entry);
      expect(closeRelative(auto.allocation.objective, highs.allocation.objective), `auto ${auto.allocation.objective} vs HiGHS ${highs.allocation.objective}`).toBe(true);
    },
    90_000,
  );

  it.each(scenario.policies.map((policy) => ({ policy: policy.name })))(
    `policy $policy: the exported LP solved by ${SECOND_SOLVER} has the published optimum`,
    async ({ policy }: { policy: string }) => {
      const outcome = optimal(await allocate(scenario, { policy }, { engine: 'highs' }), `${name}/${policy}`);
      const other = await secondOpinion(toLpFormat(outcome.model), `${name}-${policy}`);
      expect(closeRelative(other, outcome.allocation.objective), `${SECOND_SOLVER} ${other} vs allocation.objective ${outcome.allocation.objective}`).toBe(true);
    },
    150_000,
  );
});

describe('shipped scenarios', { timeout: 60_000 }, () => {
  it('are all covered: tiny, rhone-alpes, ptce-2013 and ptce-2015 at least', () => {
    expect(shipped.map((entry) => entry.name)).toEqual(expect.arrayContaining(['ptce-2013', 'ptce-2015', 'rhone-alpes', 'tiny']));
    for (const { scenario } of shipped) expect(scenario.policies.length).toBeGreaterThan(0);
  });

  it('tiny matches the hand-checked answers of scenarios/README.md', async () => {
    const tiny = shipped.find((entry) => entry.name === 'tiny')?.scenario;
    if (tiny === undefined) throw new Error('scenarios/tiny.yaml is missing');
    const grants = async (policy: string): Promise<Record<string, number>> => {
      const outcome = optimal(await allocate(tiny, { policy }, { engine: 'highs' }), `tiny/${policy}`);
      return Object.fromEntries(outcome.allocation.candidates.filter((candidate) => candidate.grant > 0).map((candidate) => [candidate.id, candidate.grant]));
    };
    expect(await grants('social')).toEqual({ 'tiny-1': 120_000, 'tiny-2': 100_000, 'tiny-3': 80_000 });
    expect(await grants('emploi')).toEqual({ 'tiny-1': 90_000, 'tiny-2': 100_000, 'tiny-4': 110_000 });
  });
});
