/**
 * The re-solve after a weight change on the 2013 call, measured as the simulator solves: in one
 * session that solves again and again (`createSession({ repeated: true })`), in a process started
 * with the V8 settings bin/enveloppe.js gives the simulator (bin/v8-flags.js: the baseline
 * compiler alone), 101 changes with the first dropped (with 30, the p95 was the second slowest
 * change: one slow proof moved it by 10 ms from run to run).
 * `node --import ./bin/v8-flags.js --import tsx bench/resolve.ts <policy>` prints one JSON line of milliseconds.
 */
import { join } from 'node:path';
import { seededRandom } from '../src/domain/random.js';
import { loadScenario } from '../src/io/scenario.js';
import { allocate } from '../src/pipeline/allocate.js';
import { createSession } from '../src/pipeline/session.js';

const root = new URL('../', import.meta.url).pathname;
const policy = process.argv[2] ?? 'equilibre';
const scenario = await loadScenario(join(root, 'scenarios/ptce-2013.yaml'));
const columns = scenario.criteria.map((criterion) => criterion.column);
const random = seededRandom(7);
const session = createSession({ repeated: true });
const times: number[] = [];
for (let run = 0; run < 101; run++) {
  const weights = Object.fromEntries(columns.map((column) => [column, 1 + Math.round(random() * 4)]));
  const started = performance.now();
  await allocate(scenario, { policy, weights }, { session });
  if (run > 0) times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify(times)}\n`);
process.exit(0);
