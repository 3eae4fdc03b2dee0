/**
 * `npm run bench`: speed as a user meets it (issue 15, docs/speed.md). Every solve figure is a fresh
 * process with default settings, start-up included, measured in the same run beside native CBC and
 * GLPK on enveloppe's own LP export and HiGHS alone through the package; runs are interleaved and
 * repeated (BENCH_RUNS, default 3). One table is printed and written to bench/results/ (untracked).
 * Sections: `npm run bench -- hard scaled ptce analyses weights terminal` (default: all); BENCH_SIZES=1000
 * picks the sizes of the hard and the scaled calls (default 1000,10000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { allocate } from '../src/pipeline/allocate.js';
import { findPolicy, scoreCandidates } from '../src/pipeline/score.js';
import type { Scenario } from '../src/domain/types.js';
import type { Weights } from '../src/domain/weights.js';
import { policyWeights } from '../src/analysis/sweep.js';
import { DEFAULT_SEED, DEFAULT_SPREAD } from '../src/domain/defaults.js';
import { drawWeightings } from '../src/analysis/robustness.js';
import { loadScenario } from '../src/io/scenario.js';
import { buildModel } from '../src/model/build.js';
import { toLpFormat } from '../src/model/lp-format.js';
import { writeHardCall } from './hard-call.js';
import { writeScaledCall } from './scaled-call.js';
import { weightChanges } from './weight-changes.js';
import { benchTable, type BenchRow, type BenchRun } from './table.js';

const root = new URL('../', import.meta.url).pathname;
const bin = join(root, 'bin/enveloppe.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const GAP = 1e-4;
const LIMIT_S = 120;
/** Sizes of the hard call (`BENCH_SIZES=1000` for the smaller one alone). */
const SIZES = (process.env['BENCH_SIZES'] ?? '1000,10000').split(',').map(Number).filter((size) => Number.isInteger(size) && size > 0);
const only = process.argv.slice(2);
const wants = (section: string): boolean => only.length === 0 || only.includes(section);
const work = mkdtempSync(join(tmpdir(), 'enveloppe-bench-'));
// Other work on the machine slows every contender alike; the table says how busy it was.
const loadAtStart = loadavg()[0] ?? Number.NaN;

const rows: BenchRow[] = [];

function log(text: string): void {
  process.stderr.write(`${text}\n`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const seconds = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '—');
const millis = (ms: number): string => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : '—');

/** Installs cbc and glpsol with apt-get when missing (the bench runs as root on CI); false when it cannot. */
function ensureTool(command: string, aptPackage: string): boolean {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status === 0) return true;
  log(`${command} is missing: installing ${aptPackage} with apt-get`);
  const result = spawnSync('sh', ['-c', `apt-get install -y ${aptPackage} >/dev/null 2>&1 || (apt-get update >/dev/null 2>&1 && apt-get install -y ${aptPackage} >/dev/null 2>&1)`]);
  const ok = result.status === 0 && spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!ok) log(`could not install ${aptPackage}: its column stays empty (run as root, or apt-get install ${aptPackage})`);
  return ok;
}

/** One timed process: wall time in ms and peak memory in MB (GNU time), plus its stdout. */
function timed(command: string, args: readonly string[], cwd: string): { ms: number; mb: number; out: string; code: number } {
  const timeFile = join(work, 'time.txt');
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1));
  return { ms, mb: kb / 1024, out: result.stdout, code: result.status ?? -1 };
}

interface Contender {
  readonly name: string;
  /** `proven`: the run ended with an answer proven within the gap (false for a timeout, a failure, a 'feasible'). */
  readonly run: () => { ms: number; mb: number; note: string; proven?: boolean };
}

/** Runs each contender RUNS times, interleaved, and returns their median times, peak memory and last notes. */
function interleaved(contenders: readonly Contender[]): Map<string, { ms: number; mb: number; note: string; all: number[]; notes: string[]; proven: boolean }> {
  const results = new Map<string, { all: number[]; mb: number; note: string; notes: string[]; proven: boolean }>();
  for (let run = 0; run < RUNS; run++) {
    for (const contender of contenders) {
      const { ms, mb, note, proven } = contender.run();
      const entry = results.get(contender.name) ?? { all: [], mb: 0, note: '', notes: [], proven: true };
      entry.all.push(ms);
      entry.mb = Math.max(entry.mb, mb);
      entry.note = note;
      entry.notes.push(note);
      entry.proven &&= proven !== false;
      results.set(contender.name, entry);
      log(`  ${contender.name}: ${seconds(ms)}, ${mb.toFixed(0)} MB ${note}`);
    }
  }
  return new Map([...results].map(([name, entry]) => [name, { ...entry, ms: median(entry.all) }]));
}

/** The command line of HiGHS alone on LP files (bench/highs-alone.mjs), after `node`. */
function highsAloneArgs(gap: number, files: readonly string[]): string[] {
  return [join(root, 'bench/highs-alone.mjs'), String(gap), String(LIMIT_S), ...files];
}

/** HiGHS alone on LP files, one process: each solve's milliseconds. */
function highsAlone(gap: number, files: readonly string[]): number[] {
  const child = spawnSync(process.execPath, highsAloneArgs(gap, files), { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) throw new Error(`bench/highs-alone.mjs: ${child.stderr}`);
  return (JSON.parse(child.stdout) as { times: number[] }).times;
}

/** HiGHS alone on LP files in `processes` processes at once (one per core), started together: the wall time in ms. */
async function highsAloneParallel(gap: number, files: readonly string[], processes: number): Promise<number> {
  const started = performance.now();
  const share = Math.ceil(files.length / processes);
  await Promise.all(Array.from({ length: processes }, (_, index) => new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, highsAloneArgs(gap, files.slice(index * share, (index + 1) * share)), { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`bench/highs-alone.mjs exited with ${code}`))));
  })));
  return performance.now() - started;
}

/** The call's LP under each of these weightings of a policy, written to `folder`: their paths. */
async function lpsOf(scenario: Scenario, policy: string, weightings: readonly Weights[], folder: string): Promise<string[]> {
  mkdirSync(folder, { recursive: true });
  const policyOf = findPolicy(scenario, policy);
  if (policyOf === undefined) throw new Error(`no policy ${policy}`);
  const paths: string[] = [];
  for (const [index, weights] of weightings.entries()) {
    const scored = await scoreCandidates(scenario, { policy, weights });
    if (typeof scored === 'string') throw new Error(scored);
    const path = join(folder, `model-${index}.lp`);
    writeFileSync(path, toLpFormat(buildModel(scenario, scored.scores, policyOf)));
    paths.push(path);
  }
  return paths;
}

/** The solve comparison on one scenario: enveloppe cold (and warm), CBC, GLPK, HiGHS alone. */
async function compareSolvers(label: string, scenarioPath: string, targetRatio: number | undefined): Promise<void> {
  log(`${label}: ${scenarioPath}`);
  const folder = mkdtempSync(join(work, 'call-'));
  const scenario = await loadScenario(scenarioPath);
  const policy = scenario.policies[0];
  const scored = await scoreCandidates(scenario, { policy: policy?.name ?? '' });
  if (typeof scored === 'string' || policy === undefined) throw new Error(scored.toString());
  // The same text `enveloppe solve --lp` writes.
  const lp = join(folder, 'model.lp');
  writeFileSync(lp, toLpFormat(buildModel(scenario, scored.scores, policy)));
  const haveCbc = ensureTool('cbc', 'coinor-cbc');
  const haveGlpk = ensureTool('glpsol', 'glpk-utils');
  const enveloppe = (extra: readonly string[]) => (): { ms: number; mb: number; note: string; proven: boolean } => {
    const result = timed(process.execPath, [bin, 'solve', scenarioPath, '--json', ...extra], folder);
    if (result.code !== 0) return { ...result, note: `exit ${result.code}`, proven: false };
    const document = JSON.parse(result.out) as { status: string; gap: number | null; objective: number };
    return { ...result, note: `${document.status}, gap ${document.gap}, objective ${document.objective}`, proven: document.status === 'optimal' };
  };
  const contenders: Contender[] = [
    // At the same gap as the other solvers; and as it ships (the exact optimum, which they are not asked for).
    { name: 'enveloppe', run: enveloppe(['--gap', String(GAP)]) },
    { name: 'enveloppe, exact (default)', run: enveloppe([]) },
  ];
  if (haveCbc) {
    contenders.push({
      name: 'CBC',
      run: () => {
        const result = timed('cbc', [lp, 'ratio', String(GAP), 'sec', String(LIMIT_S), 'solve', 'solu', join(folder, 'cbc.sol')], folder);
        const status = readFileSync(join(folder, 'cbc.sol'), 'utf8').split('\n')[0] ?? '';
        return { ...result, note: status.trim() };
      },
    });
  }
  if (haveGlpk) {
    contenders.push({
      name: 'GLPK',
      run: () => {
        const result = timed('glpsol', ['--lp', lp, '--mipgap', String(GAP), '--tmlim', String(LIMIT_S), '-o', join(folder, 'glpk.txt')], folder);
        const status = /Status:\s+(.*)/.exec(readFileSync(join(folder, 'glpk.txt'), 'utf8'))?.[1] ?? '';
        return { ...result, note: status.trim() };
      },
    });
  }
  contenders.push({
    name: 'HiGHS alone',
    run: () => {
      const result = timed(process.execPath, highsAloneArgs(GAP, [lp]), folder);
      const { status, objective } = JSON.parse(result.out) as { status: string; objective: number };
      return { ...result, note: `${status}, objective ${objective}` };
    },
  });
  const results = interleaved(contenders);
  const ours = results.get('enveloppe');
  if (ours === undefined) return;
  const others = [...results].filter(([name]) => !name.startsWith('enveloppe'));
  const cbc = results.get('CBC');
  const ratio = cbc === undefined ? Number.NaN : ours.ms / cbc.ms;
  rows.push({
    measure: `solve, cold, ${label} (${scenario.candidates.length} candidates; ${[...new Set(ours.notes)].join(' / ')})`,
    ours: `${seconds(ours.ms)}, ${ours.mb.toFixed(0)} MB`,
    others: others.map(([name, entry]) => `${name} ${seconds(entry.ms)}`).join(', '),
    ratio: Number.isFinite(ratio) ? `${ratio.toFixed(2)}× CBC` : '',
    target: targetRatio === undefined ? '' : `≤ ${targetRatio.toFixed(1)}× CBC, ≤ 500 MB`,
    // Met only when every run proved the gap: a faster answer that stopped at the time limit does not count.
    met: targetRatio === undefined || !Number.isFinite(ratio) ? '' : ours.proven && ratio <= targetRatio && ours.mb <= 500 ? 'met' : 'missed',
  });
  const exact = results.get('enveloppe, exact (default)');
  if (exact !== undefined) {
    const exactRatio = cbc === undefined ? Number.NaN : exact.ms / cbc.ms;
    rows.push({ measure: `solve, cold, ${label}, default settings (exact optimum; ${[...new Set(exact.notes)].join(' / ')})`, ours: `${seconds(exact.ms)}, ${exact.mb.toFixed(0)} MB`, others: cbc === undefined ? '' : `CBC ${seconds(cbc.ms)} (at gap ${GAP})`, ratio: Number.isFinite(exactRatio) ? `${exactRatio.toFixed(2)}× CBC` : '', target: '', met: '' });
  }
  // Warm: the same solve again inside one process, after a first one (WebAssembly compiled, model kept).
  const warm: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    await allocate(scenario, { policy: policy.name }, { relativeGap: GAP });
    if (run > 0) warm.push(performance.now() - started);
  }
  // HiGHS alone warm: the same LP solved again in one process, as many times, the first dropped.
  const again = highsAlone(GAP, Array.from({ length: RUNS + 1 }, () => lp)).slice(1);
  rows.push({ measure: `solve, warm (in one process, gap ${GAP}), ${label}`, ours: seconds(median(warm)), others: `HiGHS alone ${seconds(median(again))} (the LP again in one process)`, ratio: `${(median(warm) / median(again)).toFixed(2)}× HiGHS alone`, target: '', met: '' });
}

if (wants('hard')) {
  for (const count of SIZES) {
    const path = writeHardCall(join(work, `hard-${count}`), count);
    await compareSolvers(`hard call, ${count.toLocaleString('en')}`, path, 1.0);
  }
}

// The bench's own earlier generator, the 2013 call scaled up (bench/scaled-call.ts): shown beside the hard call, no target.
if (wants('scaled')) {
  for (const count of SIZES) {
    const path = writeScaledCall(join(work, `scaled-${count}`), count);
    await compareSolvers(`2013 rules scaled up, ${count.toLocaleString('en')}`, path, undefined);
  }
}

const ptce = join(root, 'scenarios/ptce-2013.yaml');
if (wants('ptce')) await compareSolvers('2013 call', ptce, undefined);

if (wants('analyses')) {
  log('Analyses on the 2013 call, cold command line');
  for (const [name, args] of [['1,000-sample robustness run', ['robustness', ptce, '--samples', '1000', '--json']], ['tipping run', ['tipping', ptce, '--json']]] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = timed(process.execPath, [bin, ...args], root);
      times.push(result.ms);
      log(`  ${name}: ${seconds(result.ms)} (exit ${result.code})`);
    }
    const value = median(times);
    rows.push({ measure: `${name}, 2013 call (cold)`, ours: seconds(value), others: name.startsWith('1,000') ? await robustnessBeside() : 'none: no other tool finds tipping points', ratio: '', target: '≤ 5 s', met: value <= 5000 ? 'met' : 'missed' });
  }
}

/**
 * What the robustness run would take with HiGHS alone: the LPs of the same 1,000 weightings the run
 * draws (its default spread and seed), solved exactly in two fresh processes at once, one per core,
 * as enveloppe's run uses both: the wall time, RUNS times, median.
 */
async function robustnessBeside(): Promise<string> {
  const scenario = await loadScenario(ptce);
  const policy = scenario.policies[0]?.name ?? '';
  const weights = policyWeights(scenario, policy);
  if (typeof weights === 'string') throw new Error(weights);
  const drawn = drawWeightings(weights, scenario.criteria.map((criterion) => criterion.column), { samples: 1000, spread: DEFAULT_SPREAD, seed: DEFAULT_SEED, uniform: false });
  const files = await lpsOf(scenario, policy, drawn, join(work, 'robustness'));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    times.push(await highsAloneParallel(0, files, 2));
    log(`  HiGHS alone, the same 1,000 weightings (two processes): ${seconds(times.at(-1) ?? Number.NaN)}`);
  }
  return `HiGHS alone ${seconds(median(times))} (the run's 1,000 weightings, exact, two processes)`;
}

if (wants('weights')) {
  log('Re-solve after a weight change, 2013 call (in one process, as the simulator runs)');
  for (const policy of ['equilibre', 'emploi']) {
    const tiers = policy === 'emploi' ? ', with return tiers' : '';
    for (const cold of [false, true]) {
      // RUNS fresh processes, their changes pooled: one process's median moved from 13.6 to 15.3 ms
      // over six runs of the same code, more than the changes it had to show.
      const times: number[] = [];
      const warmUps: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A child started as bin/enveloppe.js starts the simulator (bin/v8-flags.js), see bench/resolve.ts.
        const child = spawnSync(process.execPath, ['--import', './bin/v8-flags.js', '--import', 'tsx', join(root, 'bench/resolve.ts'), policy, ...(cold ? ['--cold'] : [])], { cwd: root, encoding: 'utf8' });
        if (child.status !== 0) throw new Error(`bench/resolve.ts ${policy}: ${child.stderr}`);
        const answer = JSON.parse(child.stdout) as { times: number[]; warmUpMs: number };
        times.push(...answer.times);
        warmUps.push(answer.warmUpMs);
        log(`  ${policy}${cold ? ' (no warm-up)' : ''}: ${millis(median(answer.times))} median, ${millis(percentile(answer.times, 0.95))} p95`);
      }
      const warmUpMs = median(warmUps);
      const mid = median(times);
      const p95 = percentile(times, 0.95);
      // The target is the simulator's, after the warm-up it runs while the first allocation is read
      // (src/tui/hooks/use-solver.ts); the first keys of a user who presses at once are shown beside it.
      if (cold) rows.push({ measure: `  the same, the first keys pressed at once (no warm-up)`, ours: `${millis(mid)} / ${millis(p95)}`, others: '', ratio: '', target: '', met: '' });
      else rows.push({ measure: `re-solve after a weight change${tiers} (median / p95 of ${RUNS} × 100 changes), after the simulator's warm-up (its solves took ${millis(warmUpMs)})`, ours: `${millis(mid)} / ${millis(p95)}`, others: await resolveBeside(policy), ratio: '', target: '≤ 15 ms / ≤ 30 ms', met: mid <= 15 && p95 <= 30 ? 'met' : 'missed' });
    }
  }
}

/**
 * The same 100 weight changes as bench/resolve.ts (its seed and draws), each change's LP solved
 * exactly by HiGHS alone in one process, its WebAssembly compiled by the first: median / p95, over
 * RUNS processes. HiGHS alone proves the optimum only; enveloppe's re-solve also settles the ties,
 * looks for them at the funding line and splits the years.
 */
async function resolveBeside(policy: string): Promise<string> {
  const scenario = await loadScenario(ptce);
  const weightings = weightChanges(scenario.criteria.map((criterion) => criterion.column));
  const files = await lpsOf(scenario, policy, weightings, join(work, `resolve-${policy}`));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) times.push(...highsAlone(0, files).slice(1));
  return `HiGHS alone ${millis(median(times))} / ${millis(percentile(times, 0.95))} (each change's LP, exact, one process)`;
}

if (wants('terminal')) {
  if (spawnSync('sh', ['-c', 'command -v tmux']).status !== 0) log('tmux is missing: the first-frame figures are skipped');
  else {
    log('The simulator: first frame, key to frame');
    const { keysInTerminal, keyToFrame, timeToFirstFrame } = await import('./terminal.js');
    const bare: number[] = [];
    const ours: number[] = [];
    const allocated: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      // The bare apps run React's production build, as the simulator does (src/tui/launch.ts).
      const a = await timeToFirstFrame(`NODE_ENV=production node ${join(root, 'bench/hello.js')}`, 'hello from ink');
      // English whatever the locale: the frame is recognised by its word "Spent" (drawn while the
      // first solve runs, "Solving the first allocation…"), then by the first allocation's status.
      const b = await timeToFirstFrame(`node ${bin} --lang en`, 'Spent');
      const c = await timeToFirstFrame(`node ${bin} --lang en`, '✓ optimal');
      if (run > 0) {
        bare.push(a);
        ours.push(b);
        allocated.push(c);
      }
    }
    const ratio = median(ours) / median(bare);
    rows.push({ measure: 'first frame of the simulator, 2013 call', ours: millis(median(ours)), others: `bare Ink app ${millis(median(bare))}`, ratio: `${ratio.toFixed(2)}× bare`, target: '≤ 1.5× bare', met: ratio <= 1.5 ? 'met' : 'missed' });
    rows.push({ measure: 'first allocation on screen, 2013 call (the solve done)', ours: millis(median(allocated)), others: `bare Ink app ${millis(median(bare))} (its first frame)`, ratio: `${(median(allocated) / median(bare)).toFixed(2)}× bare`, target: '', met: '' });
    const scenario: Scenario = await loadScenario(ptce);
    const presses = (await keyToFrame(scenario, 21)).slice(1);
    rows.push({ measure: 'weight key → new allocation (in memory, median / p95)', ours: `${millis(median(presses))} / ${millis(percentile(presses, 0.95))}`, others: '', ratio: '', target: '', met: '' });
    // In a real terminal, both through tmux: → and ← in the Weights view until the new allocation is
    // drawn (the status back to "✓ optimal · N ms", no spinner), against a counter redrawn on a key.
    const solved = (text: string): boolean => /✓ optimal · \d+ ms/.test(text) && !/solving/.test(text);
    const simulator = await keysInTerminal(`node ${bin} --lang en`, { ready: /✓ optimal · \d+ ms/, setup: { keys: ['2'], shows: /Criterion/ }, keys: ['Right', 'Left'], answered: (before, now) => now !== before && solved(now) }, 21);
    const counter = await keysInTerminal(`NODE_ENV=production node ${join(root, 'bench/counter.js')}`, { ready: /count 0/, keys: ['Right', 'Left'], answered: (before, now) => now !== before && /count \d+/.test(now) }, 21);
    const keyRatio = median(simulator.slice(1)) / median(counter.slice(1));
    rows.push({ measure: 'weight key → new allocation on screen (tmux, median / p95)', ours: `${millis(median(simulator.slice(1)))} / ${millis(percentile(simulator.slice(1), 0.95))}`, others: `bare Ink app redrawing a counter ${millis(median(counter.slice(1)))}`, ratio: `${keyRatio.toFixed(2)}× bare`, target: '≤ 3× bare', met: keyRatio <= 3 ? 'met' : 'missed' });
  }
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const versions = [
  spawnSync('sh', ['-c', 'cbc -quit 2>/dev/null | grep -m1 Version']).stdout?.toString().trim(),
  spawnSync('sh', ['-c', 'glpsol --version 2>/dev/null | head -1']).stdout?.toString().trim(),
].filter((text) => text !== undefined && text !== '');
const run: BenchRun = {
  machine,
  date: new Date().toISOString(),
  load: [loadAtStart, loadavg()[0] ?? Number.NaN],
  runs: RUNS,
  gap: GAP,
  solvers: [...versions, `HiGHS ${JSON.parse(readFileSync(join(root, 'node_modules/highs/package.json'), 'utf8')).version as string} (npm)`],
  rows,
};
const table = benchTable(run);
process.stdout.write(`${table}\n`);
const results = join(root, 'bench/results');
if (!existsSync(results)) mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'latest.md'), `${table}\n`);
writeFileSync(join(results, 'latest.json'), `${JSON.stringify(run, null, 2)}\n`);
log('Wrote bench/results/latest.md and latest.json (not tracked); `npm run bench:publish` puts this run in README.md and docs/speed.md.');
rmSync(work, { recursive: true, force: true });
process.exit(0);
