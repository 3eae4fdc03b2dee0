// How V8 compiles enveloppe's WebAssembly, set before anything compiles it: bin/enveloppe.js imports
// this first, and the bench's re-solve child takes it with `node --import` (bench/run.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

// GLPK (294 kB of WebAssembly) proves the fast path's residual MILPs again and again. In `tipping`
// (about 440 solves on two workers) it keeps V8's usual tiers, so that its busiest functions are
// optimised as it runs: a residual proof of the 2013 call took 24 ms on the baseline compiler alone
// and 14 ms once optimised, and the tipping run 4.2-5.1 s against 4.6-5.3 s, alternated. It is
// compiled here, before the flag below, and kept: V8 shares the code of one module's bytes among
// every compile of them in the process, so glpk.js, in this thread and in the pool's workers, gets
// this module's tiers. Elsewhere the optimising compiler's work cost more than it gained: `solve` on
// the hard 1,000-candidate call at 0.01 % 0.92 s median against 0.80 s, `compare` 0.85 s against
// 0.71 s, a 1,000-sample robustness run 4.2-5.1 s against 4.1-4.5 s, and in the simulator a weight
// key to the new frame 65 ms median (p95 119-134 ms) against 60 ms (88-97 ms), the compiles landing
// on the first keys. glpk.js is optional (docs/dependencies.md): without it there is nothing to compile.
// The word alone decides, before the command line is parsed: `tipping` given as some option's value
// would only cost that command a little time.
if (process.argv.slice(2).includes('tipping')) optimiseGlpk();

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
