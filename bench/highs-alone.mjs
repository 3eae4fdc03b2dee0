// HiGHS alone, the way a user of the `highs` package would run it on enveloppe's LP export:
// `node bench/highs-alone.mjs <gap> <seconds> model.lp [more.lp …]` solves each file in turn in this
// one process (the WebAssembly compiled once) and prints one JSON line: the status and objective of
// the last solve, and each solve's milliseconds. The same file twice gives a cold and a warm solve.
import { readFileSync } from 'node:fs';
import highsLoader from 'highs';

const [gap = '1e-4', seconds = '120', ...files] = process.argv.slice(2);
const highs = await highsLoader();
const times = [];
let last = { Status: 'none', ObjectiveValue: Number.NaN };
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const started = performance.now();
  last = highs.solve(text, { mip_rel_gap: Number(gap), time_limit: Number(seconds), output_flag: false });
  times.push(performance.now() - started);
}
process.stdout.write(`${JSON.stringify({ status: last.Status, objective: last.ObjectiveValue, times })}\n`);
