/** The real program in a real terminal: scripts/tui-e2e.sh drives `node bin/enveloppe.js` in tmux. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasTmux) console.warn('test/tui/tmux-e2e.test.ts: skipped because tmux is not installed (CI installs it, see .ci/run).');

test.skipIf(!hasTmux)('scripts/tui-e2e.sh passes: header, table, weight change, every view at 200×50 and 80×24, the fix of a conflict, one sign in Compare and Allocation, quit gives the shell back', { timeout: 330_000 }, async () => {
  const run = await promisify(execFile)('bash', ['scripts/tui-e2e.sh'], { encoding: 'utf8', timeout: 320_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number | string; signal?: string; stdout?: string; stderr?: string }) => ({ code: error.code ?? error.signal ?? 'killed', stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toContain('tui-e2e: ok');
});
