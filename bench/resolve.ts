/**
 * The re-solve after a weight change on the 2013 call, measured as the simulator solves: in one
 * session that solves again and again (`createSession({ repeated: true })`), in a process started
 * with the V8 settings bin/enveloppe.js gives the simulator (bin/v8-flags.js: the baseline
 * compiler alone), 101 changes with the first dropped (with 30, the p95 was the second slowest
 * change: one slow proof moved it by 10 ms from run to run). Between the first solve and the
 * changes, the session's warm-up runs as the simulator runs it once the first allocation is on
 * screen and the keys are left alone (src/tui/hooks/use-solver.ts, pipeline/warm-up.ts); `--cold`
 * leaves it out: the keys of a user who starts pressing at once.
 * It runs the built code (dist/): `npm run build`, then
 * `node --import ./bin/v8-flags.js --import tsx bench/resolve.ts <policy> [--cold]` prints one JSON
 * line: the changes' milliseconds, and the warm-up's.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { weightChanges } from './weight-changes.js';

const root = new URL('../', import.meta.url).pathname;
// The code as the simulator runs it: tsc's output (dist/, which `npm run bench` builds and
// scripts/bundle.ts bundles as it is), typed by its source. Loaded from src/ through tsx, every
// function came wrapped in esbuild's name-keeping helper: 13.5-14.2 ms median against 12.5-12.8 ms,
// alternated (docs/speed.md).
const built = (module: string): string => {
  const path = join(root, 'dist', module);
  if (!existsSync(path)) throw new Error(`${path} is missing: run 'npm run build' first`);
  return path;
};
const { loadScenario } = (await import(built('io/scenario.js'))) as typeof import('../src/io/scenario.js');
const { allocate } = (await import(built('pipeline/allocate.js'))) as typeof import('../src/pipeline/allocate.js');
const { createSession } = (await import(built('pipeline/session.js'))) as typeof import('../src/pipeline/session.js');
const { warmUpSelections, warmUpSolve } = (await import(built('pipeline/warm-up.js'))) as typeof import('../src/pipeline/warm-up.js');
const policy = process.argv[2] ?? 'equilibre';
const cold = process.argv.includes('--cold');
const scenario = await loadScenario(join(root, 'scenarios/ptce-2013.yaml'));
const columns = scenario.criteria.map((criterion) => criterion.column);
const session = createSession({ repeated: true });
const times: number[] = [];
let warmUpMs = 0;
for (const [run, weights] of weightChanges(columns).entries()) {
  const started = performance.now();
  await allocate(scenario, { policy, weights }, { session });
  if (run > 0) times.push(performance.now() - started);
  if (run === 0 && !cold) {
    const warming = performance.now();
    for (const selection of warmUpSelections(scenario, policy)) await warmUpSolve(scenario, selection, session);
    warmUpMs = performance.now() - warming;
  }
}
process.stdout.write(`${JSON.stringify({ times, warmUpMs })}\n`);
process.exit(0);
