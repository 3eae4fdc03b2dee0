#!/usr/bin/env node
// Entry point of the `enveloppe` command: runs the compiled CLI from dist/bundle/ (built by `npm install`).
import { existsSync } from 'node:fs';
// First: how V8 compiles the solvers' WebAssembly.
import './v8-flags.js';

// The bundle (scripts/bundle.ts): one file per entry starts several times faster than dist/'s ~300 modules.
const entry = new URL('../dist/bundle/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("enveloppe: the program is not built yet. Run 'npm install' (or 'npm run build') in the project folder.\n");
  process.exitCode = 1;
} else {
  await import(entry.href);
}
