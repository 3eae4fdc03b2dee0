/**
 * One measured solve in a fresh process, so that peak memory is this solve's own:
 * `tsx bench/solve-once.ts <candidates> <enveloppe|highs-alone> <gap> <runs>` prints JSON.
 */
import highsModule from 'highs';
import { allocate } from '../src/analysis/allocation.js';
import { buildModel } from '../src/model/build.js';
import { toLpFormat } from '../src/model/lp-format.js';
import { scoreOf } from '../src/scoring/score.js';
import { normaliseWeights } from '../src/scoring/weights.js';
import { scaledCall } from './generate.js';

const [countText = '130', mode = 'enveloppe', gapText = '1e-7', runsText = '3'] = process.argv.slice(2);
const scenario = scaledCall(Number(countText));
const gap = Number(gapText);
const times: number[] = [];
let objective = Number.NaN;
let status = '';
for (let run = 0; run < Number(runsText) + 1; run++) {
  const started = performance.now();
  if (mode === 'enveloppe') {
    const outcome = await allocate(scenario, { policy: 'equilibre' }, { relativeGap: gap, timeLimitMs: 120_000 });
    status = outcome.status;
    if (outcome.status === 'optimal') objective = outcome.allocation.objective;
  } else {
    // HiGHS alone on the same model: scores, model and LP text are built outside the timing.
    const policy = scenario.policies[0];
    const weights = normaliseWeights(policy?.weights ?? {}, scenario.criteria) ?? {};
    const scores = scenario.candidates.map((candidate) => scoreOf(candidate, scenario.criteria, { kind: 'weights', weights }));
    const text = toLpFormat(buildModel(scenario, scores, { returns: [] }));
    const highs = await (highsModule as unknown as typeof highsModule.default)();
    const begin = performance.now();
    const solution = highs.solve(text, { mip_rel_gap: gap, time_limit: 120, output_flag: false });
    status = solution.Status;
    objective = solution.ObjectiveValue;
    times.push(performance.now() - begin);
    continue;
  }
  // The first run warms up (WebAssembly compile, worker start); it is not counted.
  if (run > 0) times.push(performance.now() - started);
}
if (mode !== 'enveloppe') times.shift();
process.stdout.write(`${JSON.stringify({ times, objective, status, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
process.exit(0);
