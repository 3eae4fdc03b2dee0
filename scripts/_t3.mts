import fc from 'fast-check';
import { allocate } from '../src/analysis/allocation.js';
import { scenarioArbitrary, tiedScenario } from '../test/engine/arbitrary.js';
import { stopJslpWorker } from '../src/solver/jslp-runner.js';
const samples = fc.sample(scenarioArbitrary({ min: 8, max: 24 }).map(tiedScenario), { seed: 20261201, numRuns: 5 });
for (const s of samples.slice(0, 5)) {
  const row = [s.candidates.length];
  for (const ties of [false, undefined] as const) { const t = performance.now(); const o = await allocate(s, {policy: 'p'}, {engine: 'highs', ...(ties === false ? {ties} : {})}); row.push(`${ties}:${o.status}:${(performance.now()-t).toFixed(0)}:${o.status==='optimal'?o.allocation.ties.length:''}`); }
  console.log(row.join(' '));
}
await stopJslpWorker();
