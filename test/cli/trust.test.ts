/**
 * What lets a committee trust and defend a result, against the BUILT program (`node bin/enveloppe.js`;
 * `npm test` builds first): decision records that `verify` re-runs byte for byte and that notice a
 * changed input or a changed record, `--check` with both engines, outputs that are written whole or
 * not at all, a quiet exit when the reader of a pipe leaves, and Ctrl-C that stops an analysis
 * without writing anything.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeHardCall } from '../../bench/hard-call.js';
import { BIN, noStackTrace, requireBuild, ROOT, runBuilt } from './built.js';

const WORK = mkdtempSync(join(tmpdir(), 'enveloppe-trust-'));
// Readable by another user: the read-only test may run the program as `nobody`.
chmodSync(WORK, 0o755);

const run = runBuilt;

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function versionOf(manifest: string): string {
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** A copy of tiny.yaml and tiny.csv in a folder of its own. */
function tinyCopy(name: string): { folder: string; yaml: string; csv: string } {
  const folder = join(WORK, name);
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(ROOT, 'scenarios/tiny.yaml'), join(folder, 'tiny.yaml'));
  copyFileSync(join(ROOT, 'scenarios/tiny.csv'), join(folder, 'tiny.csv'));
  return { folder, yaml: join(folder, 'tiny.yaml'), csv: join(folder, 'tiny.csv') };
}

interface RecordFile {
  format: string;
  date: string;
  enveloppe: string;
  engines: Record<string, string>;
  inputs: { role: string; path: string; sha256: string }[];
  selection: { policy: string; weights: unknown; engine: string };
  optimum: number;
  engine: string;
  allocation: string;
}

requireBuild();

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('decision records', { timeout: 60_000 }, () => {
  it('solve --record R, then verify R: exit 0, "reproduced byte for byte"; the record holds what it promises', () => {
    const record = join(WORK, 'tiny.record.json');
    const solved = run(['solve', 'scenarios/tiny.yaml', '--record', record]);
    expect(solved.status, solved.stderr).toBe(0);
    expect(solved.stderr).toContain(record);
    const verified = run(['verify', record]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('reproduced byte for byte');
    expect(verified.stderr).toBe('');

    const content = JSON.parse(readFileSync(record, 'utf8')) as RecordFile;
    expect(content.format).toBe('enveloppe-decision-record/1');
    const inputs = Object.fromEntries(content.inputs.map((input) => [input.role, input]));
    for (const [role, file] of [['scenario', 'scenarios/tiny.yaml'], ['candidates', 'scenarios/tiny.csv']] as const) {
      const input = inputs[role];
      expect(resolve(dirname(record), input?.path ?? ''), `${role} path, relative to the record`).toBe(join(ROOT, file));
      expect(input?.sha256, `${role} SHA-256`).toBe(sha256(join(ROOT, file)));
    }
    expect(content.engines).toEqual({
      'javascript-lp-solver': versionOf(join(ROOT, 'node_modules/javascript-lp-solver/package.json')),
      highs: versionOf(join(ROOT, 'node_modules/highs/package.json')),
    });
    expect(content.enveloppe).toBe(versionOf(join(ROOT, 'package.json')));
    expect(content.selection).toEqual({ policy: 'social', weights: null, engine: 'auto' });
    expect(Number.isNaN(Date.parse(content.date))).toBe(false);

    const json = run(['solve', 'scenarios/tiny.yaml', '--json']);
    expect(json.status, json.stderr).toBe(0);
    expect(content.allocation, 'the allocation is the --json document, byte for byte').toBe(json.stdout);
    const document = JSON.parse(json.stdout) as { objective: number };
    expect(content.optimum).toBe(document.objective);
    expect(content.optimum).toBe(21_650_000);
  });

  it('a record travels with its inputs; a changed score in the CSV makes verify exit 1 naming the file', () => {
    const original = tinyCopy('record-original');
    const record = join(original.folder, 'decision.json');
    expect(run(['solve', original.yaml, '--record', record]).status).toBe(0);
    // The folder moved elsewhere, record included: the relative paths still hold.
    const moved = join(WORK, 'record-moved');
    cpSync(original.folder, moved, { recursive: true });
    const travelled = run(['verify', join(moved, 'decision.json')]);
    expect(travelled.status, travelled.stderr).toBe(0);
    expect(travelled.stdout).toContain('reproduced byte for byte');

    // One score of tiny-5: 5 → 4.5 (it is not funded either way; the bytes changed all the same).
    const csv = join(moved, 'tiny.csv');
    const before = readFileSync(csv, 'utf8');
    const after = before.replace(/^(tiny-5,.*,35000,)5,5$/m, '$14.5,5');
    expect(after).not.toBe(before);
    writeFileSync(csv, after);
    const changed = run(['verify', join(moved, 'decision.json')]);
    expect(changed.status).toBe(1);
    expect(changed.stdout).toBe('');
    expect(changed.stderr).toMatch(/candidates file tiny\.csv has changed/);
    expect(changed.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(changed.stderr);
    // The original folder is untouched and still verifies.
    expect(run(['verify', record]).status).toBe(0);
  });

  it('an edited allocation in the record makes verify exit 1 naming the first differing line', () => {
    const record = join(WORK, 'edited.record.json');
    expect(run(['solve', 'scenarios/tiny.yaml', '--record', record]).status).toBe(0);
    const content = JSON.parse(readFileSync(record, 'utf8')) as RecordFile;
    const lines = content.allocation.split('\n');
    const index = lines.findIndex((line) => line.includes('"grant": 120000'));
    expect(index).toBeGreaterThan(0);
    lines[index] = (lines[index] ?? '').replace('120000', '121000');
    writeFileSync(record, `${JSON.stringify({ ...content, allocation: lines.join('\n') }, null, 2)}\n`);
    const result = run(['verify', record]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`line ${index + 1}`);
    expect(result.stderr).toContain('121000');
    expect(result.stderr).toContain('120000');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(result.stderr);
  });
});

describe('solve --check', { timeout: 60_000 }, () => {
  it.each(['tiny', 'ptce-2015'])('exits 0 on %s: both engines prove the same optimum', (name) => {
    const result = run(['solve', `scenarios/${name}.yaml`, '--check', '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/disagree|did not confirm/);
    expect((JSON.parse(result.stdout) as { status: string }).status).toBe('optimal');
  });

  it('says when the second engine runs out of time, and what to do, instead of calling it a disagreement', () => {
    // javascript-lp-solver does not solve the 200-candidate hard call in 2 s; HiGHS does.
    const scenario = writeHardCall(join(WORK, 'check-time'), 200);
    const result = run(['solve', scenario, '--check', '--time-limit', '2']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`enveloppe: ${scenario}: --check: javascript-lp-solver ran out of time (2 s) before confirming the allocation; no allocation is shown. javascript-lp-solver is slow on large calls: give it longer with --time-limit 120, or solve without --check (every allocation is checked against every rule either way).\n`);
    const french = run(['solve', scenario, '--check', '--time-limit', '2', '--lang', 'fr']);
    expect(french.stderr).toContain('a manqué de temps (2\u00a0s) avant de confirmer la répartition\u00a0; aucune répartition n’est affichée.');
    expect(french.stderr).toContain('--time-limit 120, ou résolvez sans --check');
  });
});

/** How this test can make a folder the program may not write into. */
function readOnlyMode(): { kind: 'chmod'; uid: number | undefined } | { kind: 'none'; why: string } {
  const probe = join(WORK, 'probe-ro');
  mkdirSync(probe, { recursive: true });
  chmodSync(probe, 0o555);
  try {
    try {
      writeFileSync(join(probe, 'x'), 'x');
      unlinkSync(join(probe, 'x'));
    } catch {
      return { kind: 'chmod', uid: undefined };
    }
    // Root writes anywhere: run the program as `nobody` instead, if that user cannot write there either.
    if (process.getuid?.() !== 0) return { kind: 'none', why: 'the folder stays writable after chmod 555' };
    const nobody = 65_534;
    const write = spawnSync(process.execPath, ['-e', 'require("fs").writeFileSync(process.argv[1], "x")', join(probe, 'x')], { uid: nobody, gid: nobody });
    const runs = spawnSync(process.execPath, [BIN, '--version'], { cwd: ROOT, uid: nobody, gid: nobody });
    if (write.status !== 0 && runs.status === 0) return { kind: 'chmod', uid: nobody };
    return { kind: 'none', why: 'running as root, and no unprivileged user can run the program' };
  } finally {
    chmodSync(probe, 0o755);
    rmSync(probe, { recursive: true, force: true });
  }
}

const READ_ONLY = readOnlyMode();

describe('outputs are written whole or not at all', { timeout: 60_000 }, () => {
  it.runIf(READ_ONLY.kind === 'chmod')('into a read-only folder: exit 1, no temporary file left, the existing output intact', () => {
    const uid = READ_ONLY.kind === 'chmod' ? READ_ONLY.uid : undefined;
    const folder = join(WORK, 'read-only');
    mkdirSync(folder, { recursive: true });
    const previous = join(folder, 'allocation.csv');
    writeFileSync(previous, 'previous version\n');
    chmodSync(folder, 0o555);
    try {
      for (const args of [
        ['solve', 'scenarios/tiny.yaml', '--csv', previous, '--excel'],
        ['solve', 'scenarios/tiny.yaml', '--record', join(folder, 'record.json')],
        ['budget-sweep', 'scenarios/tiny.yaml', '--steps', '2', '--csv', previous],
      ]) {
        const result = run(args, uid === undefined ? {} : { uid });
        expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(1);
        expect(result.stderr).toMatch(/permission denied; nothing was written/);
        noStackTrace(result.stderr);
        expect(readdirSync(folder), 'no temporary file left').toEqual(['allocation.csv']);
        expect(readFileSync(previous, 'utf8'), 'the previous output is intact').toBe('previous version\n');
      }
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('under a path whose parent is a file: non-zero exit, nothing written beside it, the file intact', () => {
    // Also the stand-in for the read-only folder when running as root makes every folder writable.
    if (READ_ONLY.kind === 'none') console.warn(`read-only folder test skipped: ${READ_ONLY.why}`);
    const folder = join(WORK, 'parent-is-a-file');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'notes.txt');
    writeFileSync(file, 'not a folder\n');
    for (const args of [
      ['solve', 'scenarios/tiny.yaml', '--csv', join(file, 'allocation.csv')],
      ['compare', 'scenarios/tiny.yaml', '--csv', join(file, 'compare.csv')],
    ]) {
      const result = run(args);
      expect(result.status, result.stderr).not.toBe(0);
      expect(result.stderr).toContain(file);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(result.stderr);
      expect(readdirSync(folder)).toEqual(['notes.txt']);
      expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
    }
  });
});

describe('pipes and Ctrl-C', { timeout: 60_000 }, () => {
  it('compare … --json | head -c 50 neither hangs nor prints a stack trace', () => {
    const command = `node ${JSON.stringify(BIN)} compare scenarios/ptce-2013.yaml --json | head -c 50; echo "enveloppe exit \${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', command], { cwd: ROOT, timeout: 60_000 });
    expect(result.error).toBeUndefined();
    expect(result.signal, 'finished before the timeout').toBeNull();
    expect(result.stdout.length, 'bytes').toBe(50);
    expect(result.stdout.toString('utf8').startsWith('{\n  "scenario": "Appel à projets PTCE 2013"')).toBe(true);
    expect(result.stderr.toString('utf8')).toBe('enveloppe exit 0\n');
    // A reader gone before the first byte: EPIPE on the very first write.
    const gone = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} compare scenarios/tiny.yaml --json | true; echo "enveloppe exit \${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(gone.signal).toBeNull();
    expect(gone.stderr).toBe('enveloppe exit 0\n');
  });

  /** Starts the program, sends SIGINT after `delayMs`, and waits for it to end. */
  function interrupt(args: readonly string[], delayMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGINT'), delayMs);
      // A run that ignores the signal still ends (the analyses below would take minutes).
      const guard = setTimeout(() => child.kill('SIGKILL'), 50_000);
      child.on('error', fail);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        clearTimeout(guard);
        done({ code, signal, stdout, stderr });
      });
    });
  }

  it('Ctrl-C during robustness: exit 130, one line saying it was cancelled, no output file', async () => {
    const folder = join(WORK, 'interrupted');
    mkdirSync(folder, { recursive: true });
    const out = join(folder, 'robustness.csv');
    const result = await interrupt(['robustness', 'scenarios/ptce-2013.yaml', '--samples', '2000', '--csv', out], 2_000);
    expect(result.signal, 'the program handled the signal itself').toBeNull();
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^enveloppe: cancelled[^\n]*\n$/);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(folder), 'no temporary file either').toEqual([]);
  });

  // compare solves policy after policy, yielding between them so that Ctrl-C is heard. With auto it now ends in under
  // a second on a quiet machine (tiered policies go straight to HiGHS), before any signal could come; with
  // javascript-lp-solver, which wanders on the tiered policies, it takes about 5 s: the signal at 1.5 s is mid-run.
  it('Ctrl-C during compare: exit 130, one line saying it was cancelled, no table, no output file', async () => {
    const folder = join(WORK, 'interrupted-compare');
    mkdirSync(folder, { recursive: true });
    const out = join(folder, 'compare.csv');
    const result = await interrupt(['compare', 'scenarios/ptce-2013.yaml', '--solver', 'jslp', '--csv', out], 1_500);
    expect(existsSync(out), 'no output file').toBe(false);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/^enveloppe: cancelled[^\n]*\n$/);
    expect(result.stdout).toBe('');
  });
});
