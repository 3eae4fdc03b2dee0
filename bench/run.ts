/**
 * `npm run bench`: the figures an interactive simulator must reach (see README, "Speed").
 * Each figure is the median of several runs after a warm-up, with its spread; the table is printed
 * and written to bench/results/latest.json with the machine it ran on.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { allocate } from '../src/analysis/allocation.js';
import { robustness } from '../src/analysis/robustness.js';
import { policyWeights, sweepWeight } from '../src/analysis/sweep.js';
import { loadScenario } from '../src/io/scenario.js';
import { seededRandom } from '../src/domain/random.js';

interface Figure {
  readonly name: string;
  readonly median: number;
  readonly p95?: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly unit: string;
  readonly target: string;
  readonly note?: string;
}

const figures: Figure[] = [];

function summarise(name: string, values: number[], unit: string, target: string, note?: string): Figure {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
  const figure: Figure = { name, median: at(0.5), p95: at(0.95), min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, runs: values.length, unit, target, ...(note === undefined ? {} : { note }) };
  figures.push(figure);
  process.stderr.write(`  ${name}: median ${figure.median.toFixed(1)} ${unit}\n`);
  return figure;
}

const root = new URL('../', import.meta.url);
const scenario = await loadScenario(new URL('scenarios/ptce-2013.yaml', root).pathname);
const only = process.argv.slice(2);
const wants = (section: string): boolean => only.length === 0 || only.includes(section);

if (wants('weights')) {
  process.stderr.write('Weight change → new allocation on ptce-2013 (130 candidates, all rules)\n');
  const random = seededRandom(7);
  const columns = scenario.criteria.map((criterion) => criterion.column);
  for (const engine of ['auto', 'highs'] as const) {
    const times: number[] = [];
    for (let run = 0; run < 21; run++) {
      const weights = Object.fromEntries(columns.map((column) => [column, 1 + Math.round(random() * 4)]));
      const started = performance.now();
      await allocate(scenario, { policy: 'equilibre', weights }, { engine });
      if (run > 0) times.push(performance.now() - started);
    }
    summarise(`re-solve after a weight change (${engine})`, times, 'ms', 'median ≤ 15 ms, p95 ≤ 30 ms');
  }
}

if (wants('sizes')) {
  process.stderr.write('Solve time and peak memory by size (2013 rules scaled up)\n');
  for (const [count, runs, gap] of [[130, 5, 1e-7], [1000, 3, 1e-4], [10000, 2, 1e-4]] as const) {
    for (const mode of ['enveloppe', 'highs-alone'] as const) {
      const output = execFileSync(process.execPath, ['--import', 'tsx', new URL('bench/solve-once.ts', root).pathname, String(count), mode, String(gap), String(runs)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { times: number[]; objective: number; status: string; maxRssMb: number };
      const target = count === 130 ? 'proven optimum ≤ 50 ms' : count === 1000 ? 'gap ≤ 0.01 % in ≤ 1 s' : 'gap ≤ 0.01 % in ≤ 3 s, ≤ 500 MB';
      summarise(`${mode} at ${count} candidates (gap ${gap}; ${result.status}; objective ${result.objective.toFixed(0)})`, result.times, 'ms', target, `peak RSS ${result.maxRssMb} MB`);
      figures.push({ name: `${mode} at ${count} candidates: peak memory`, median: result.maxRssMb, min: result.maxRssMb, max: result.maxRssMb, runs: 1, unit: 'MB', target: count === 10000 ? '≤ 500 MB' : '' });
    }
  }
}

if (wants('analyses')) {
  process.stderr.write('Analyses on ptce-2013\n');
  const weights = policyWeights(scenario, 'equilibre');
  if (typeof weights !== 'string') {
    const started = performance.now();
    await sweepWeight(scenario, 'equilibre', weights, 'utilite_sociale', 21, { solve: { engine: 'highs' } });
    summarise('21-step weight sweep', [performance.now() - started], 'ms', '≤ 5 s');
    const samples = Number(process.env['BENCH_SAMPLES'] ?? 1000);
    const begin = performance.now();
    await robustness(scenario, 'equilibre', weights, { samples, spread: 0.2, seed: 1, uniform: false }, { solve: { engine: 'highs' } });
    summarise(`${samples}-sample robustness run`, [performance.now() - begin], 'ms', '≤ 5 s');
  }
}

if (wants('terminal')) {
  process.stderr.write('The simulator: key to frame, first frame\n');
  const { keyToFrame, timeToFirstFrame } = await import('./terminal.js');
  const presses = await keyToFrame(scenario, 21);
  summarise('weight key → updated frame (whole path, ptce-2013)', presses.slice(1), 'ms', 'median ≤ 15 ms, p95 ≤ 30 ms');
  const bin = new URL('bin/enveloppe.js', root).pathname;
  const hello = new URL('bench/hello.js', root).pathname;
  const bare: number[] = [];
  const ours: number[] = [];
  for (let run = 0; run < 6; run++) {
    const a = await timeToFirstFrame(`node ${hello}`, 'hello from ink');
    const b = await timeToFirstFrame(`node ${bin}`, 'Spent');
    if (run > 0) {
      bare.push(a);
      ours.push(b);
    }
  }
  const bareFigure = summarise('first frame of a bare Ink app', bare, 'ms', 'baseline');
  summarise('first frame of the simulator on ptce-2013 (header drawn)', ours, 'ms', `≤ 1.5 × bare = ${(1.5 * bareFigure.median).toFixed(0)} ms`);
}

const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString() };
const lines = [`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GiB, Node ${machine.node}`, '', '| measure | median | p95 | min–max | runs | target |', '|---|---|---|---|---|---|'];
for (const figure of figures) {
  const show = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '' : `${value.toFixed(figure.unit === 'MB' ? 0 : 1)} ${figure.unit}`);
  lines.push(`| ${figure.name}${figure.note === undefined ? '' : ` (${figure.note})`} | ${show(figure.median)} | ${figure.runs > 1 ? show(figure.p95) : ''} | ${show(figure.min)}–${show(figure.max)} | ${figure.runs} | ${figure.target} |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
mkdirSync(new URL('bench/results/', root), { recursive: true });
writeFileSync(new URL('bench/results/latest.json', root), `${JSON.stringify({ machine, figures }, null, 2)}\n`);
process.exit(0);
