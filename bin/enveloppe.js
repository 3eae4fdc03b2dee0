#!/usr/bin/env node
// Entry point of the `enveloppe` command: runs the compiled CLI from dist/ (built by `npm install`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/run.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("enveloppe: the program is not built yet. Run 'npm install' (or 'npm run build') in the project folder.\n");
  process.exitCode = 1;
} else {
  await import(entry.href);
}
