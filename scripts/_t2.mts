import fc from 'fast-check';
import { allocate } from '../src/analysis/allocation.js';
import { scenarioArbitrary, tiedScenario } from '../test/engine/arbitrary.js';

import { stopJslpWorker } from '../src/solver/jslp-runner.js';
const samples = fc.sample(scenarioArbitrary({ min: 8, max: 24 }).map(tiedScenario), { seed: 20261201, numRuns: 12 });
for (const s of samples) {
  const row = [s.candidates.length];
  for (const engine of ['highs','jslp','auto'] as const) { const t = performance.now(); const o = await allocate(s, {policy: 'p'}, {engine, timeLimitMs: 20000}); row.push(`${engine}:${o.status}:${(performance.now()-t).toFixed(0)}`); }
  console.log(row.join(' '));
}
await stopJslpWorker();
