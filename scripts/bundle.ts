/**
 * The program as it ships: dist/ (tsc's output) bundled by esbuild into dist/bundle/, which
 * bin/enveloppe.js runs. Node 20 spent about 0.3 s of every start resolving, reading and linking the
 * ~300 modules the simulator's first frame needs (ours, Ink's, React's); one file per entry and a
 * few shared chunks take most of that away (the first frame of the 2013 call from about 0.88 s to
 * 0.46 s, docs/speed.md).
 *
 * - Entries: the command line and the two worker threads, which start from their own file next to
 *   the chunks (src/solver/threads.ts finds them beside the code that starts them).
 * - Split: what the command line loads only when it is used (the simulator with Ink and React, the
 *   analyses, the report) stays a separate chunk, loaded by the same dynamic imports as in dist/.
 * - Outside the bundle: the engines (HiGHS and GLPK read their WebAssembly from their own folder,
 *   javascript-lp-solver runs in a worker), exceljs, mathjs and iconv-lite (loaded on use), and Ink's
 *   optional React devtools.
 * `../../package.json` and `../../scenarios/` read from dist/bundle/ as from dist/cli/.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/run.js', 'dist/analysis/pool-worker.js', 'dist/solver/jslp-worker.js'],
  entryNames: '[name]',
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['highs', 'glpk.js', 'javascript-lp-solver', 'exceljs', 'mathjs', 'iconv-lite', 'react-devtools-core'],
  // The CommonJS packages inside (commander, yaml, papaparse…) call require() and read __filename
  // (write-file-atomic names its temporary files with it): ES modules have neither.
  banner: {
    js: [
      "import { createRequire as enveloppeRequire } from 'node:module';",
      "import { fileURLToPath as enveloppePath } from 'node:url';",
      'const require = enveloppeRequire(import.meta.url);',
      'const __filename = enveloppePath(import.meta.url);',
    ].join(' '),
  },
  logLevel: 'warning',
});
