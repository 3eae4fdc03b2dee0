// How V8 compiles enveloppe's WebAssembly, set before anything compiles it: bin/enveloppe.js imports
// this first, and the bench's re-solve child takes it with `node --import` (bench/run.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

// GLPK (294 kB of WebAssembly) proves the fast path's residual MILPs again and again: it keeps V8's
// usual tiers, so that its busiest functions are optimised as it runs (a residual proof of the 2013
// call: 24 ms with the baseline compiler alone, 14 ms once optimised). Compiled here, before the
// flag below, and kept: V8 shares the code of one module's bytes among every compile of them in the
// process, so glpk.js, in this thread and in the analysis pool's workers, gets this module's tiers.
// glpk.js is optional (docs/dependencies.md): without it there is nothing to compile.
// Only where it solves for seconds (the simulator, `tipping`, `robustness`): in a command that
// solves a few times and ends, optimising GLPK cost more than it gained (the hard 1,000-candidate
// call at 0.01 %: 0.92 s median against 0.80 s; `compare` on the 2013 call: 0.85 s against 0.71 s).
const COMMANDS = ['solve', 'validate', 'explain', 'report', 'verify', 'compare', 'sweep', 'tipping', 'budget-sweep', 'robustness'];
const command = process.argv.slice(2).find((argument) => COMMANDS.includes(argument));
if (command === undefined || command === 'tipping' || command === 'robustness') optimiseGlpk();

function optimiseGlpk() {
  try {
    const require = createRequire(import.meta.url);
    globalThis[Symbol.for('enveloppe.glpk')] = new WebAssembly.Module(readFileSync(join(dirname(require.resolve('glpk.js/node')), 'glpk.wasm')));
  } catch {
    // Not installed: HiGHS solves everything (glpk.ts).
  }
}

// HiGHS (3.5 MB) is compiled by V8's baseline compiler alone: its optimising compiler spent seconds
// on it in a fresh process (more on two busy cores) before the first solve, and the baseline code
// solved the benchmark's hard calls faster end to end (docs/speed.md).
setFlagsFromString('--liftoff-only');
