/**
 * Where a re-solve after a weight change goes on the 2013 call (issue 15): the same loop as the
 * bench's `weights` section, with each stage timed apart. `npx tsx bench/profile-resolve.ts`.
 */
import { join } from 'node:path';
import { allocate } from '../src/pipeline/allocate.js';
import { scoreCandidates, findPolicy } from '../src/pipeline/score.js';
import { createSession } from '../src/pipeline/session.js';
import { priorityOrder } from '../src/pipeline/tiebreak.js';
import { seededRandom } from '../src/domain/random.js';
import type { Policy } from '../src/domain/types.js';
import { loadScenario } from '../src/io/scenario.js';
import { buildModel } from '../src/model/build.js';
import { solveCanonical } from '../src/solver/canonical.js';
import { solveModel } from '../src/solver/solve.js';
import type { SolveOptions } from '../src/solver/types.js';

const root = new URL('../', import.meta.url).pathname;
const scenario = await loadScenario(join(root, 'scenarios/ptce-2013.yaml'));
const columns = scenario.criteria.map((criterion) => criterion.column);
const RUNS = Number(process.env['PROFILE_RUNS'] ?? 21);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}
function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
}

const stages = (process.argv[2] ?? 'all').split(',');
for (const policyName of ['equilibre', 'emploi']) {
  const policy = findPolicy(scenario, policyName) as Policy;
  const session = createSession({ repeated: true });
  const times = new Map<string, number[]>();
  const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const value = await run();
    const list = times.get(label) ?? [];
    list.push(performance.now() - started);
    times.set(label, list);
    return value;
  };
  const random = seededRandom(7);
  for (let run = 0; run < RUNS; run++) {
    const weights = Object.fromEntries(columns.map((column) => [column, 1 + Math.round(random() * 4)]));
    const scored = await time('score', () => scoreCandidates(scenario, { policy: policyName, weights }, session));
    if (typeof scored === 'string') throw new Error(scored);
    const model = await time('build model', () => buildModel(scenario, scored.scores, policy));
    const priority = priorityOrder(scenario, scored.scores, undefined);
    const key = (index: number): string => String(scored.scores[index]);
    for (const engine of ['auto', 'highs'] as const) {
      const options: Partial<SolveOptions> = { engine };
      if (stages.includes('all') || stages.includes('solve')) await time(`solveModel ${engine}`, () => solveModel(model, options));
      if (stages.includes('all') || stages.includes('canonical')) await time(`solveCanonical ${engine}`, () => solveCanonical(model, priority, key, options));
      await time(`allocate ${engine}, no ties, no split`, () => allocate(scenario, { policy: policyName, weights }, { engine, session, ties: false, splitYears: false }));
      await time(`allocate ${engine}, no ties`, () => allocate(scenario, { policy: policyName, weights }, { engine, session, ties: false }));
      await time(`allocate ${engine}`, () => allocate(scenario, { policy: policyName, weights }, { engine, session }));
    }
  }
  process.stdout.write(`${policyName}\n`);
  for (const [label, list] of times) process.stdout.write(`  ${label.padEnd(36)} ${median(list.slice(1)).toFixed(1).padStart(8)} ms median ${p95(list.slice(1)).toFixed(1).padStart(8)} ms p95\n`);
}
process.exit(0);
