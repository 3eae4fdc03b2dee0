/** Running the BUILT program as a user does (`node bin/enveloppe.js …`); `npm test` builds before vitest. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect } from 'vitest';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const BIN = join(ROOT, 'bin/enveloppe.js');

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the program to completion, without colours; fails the test if it was killed. */
export function runBuilt(args: readonly string[], options: { cwd?: string; uid?: number } = {}): Run {
  const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, ...user });
  if (result.error !== undefined) throw result.error;
  expect(result.signal, `enveloppe ${args.join(' ')} was killed`).toBeNull();
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A user's mistake gets a message, never a stack trace or a Node error dump. */
export function noStackTrace(stderr: string): void {
  expect(stderr, 'no stack trace').not.toMatch(/^\s+at .+[:(]/m);
  expect(stderr, 'no Node error dump').not.toMatch(/^(?:\w*Error|Uncaught)\b.*:|node:internal/m);
}

/** Fails the file at once, with the fix, when dist/ has not been built. */
export function requireBuild(): void {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/bundle/run.js'))) throw new Error("dist/ is missing: run 'npm run build' first (npm test does)");
  });
}
