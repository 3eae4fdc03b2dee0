#!/usr/bin/env node
// Entry point of the `enveloppe` command: runs the compiled CLI from dist/bundle/ (built by `npm install`).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// HiGHS is WebAssembly: V8's optimising compiler spends seconds on it in a fresh process (more on
// two busy cores) before the first solve; its baseline compiler alone starts in a fraction of that
// and solved the benchmark's hard calls faster end to end (docs/speed.md).
setFlagsFromString('--liftoff-only');

// The bundle (scripts/bundle.ts): one file per entry starts several times faster than dist/'s ~300 modules.
const entry = new URL('../dist/bundle/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("enveloppe: the program is not built yet. Run 'npm install' (or 'npm run build') in the project folder.\n");
  process.exitCode = 1;
} else {
  await import(entry.href);
}
