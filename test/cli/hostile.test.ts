/**
 * Issue 11, class by class: every case of test/fixtures/hostile/cases.ts is laid out in a fresh
 * folder and the BUILT program runs there. It must answer with the exit code and message the case
 * states, never a stack trace, never hang, and leave every file of the folder as it was, byte for
 * byte (symlinks still pointing where they pointed), with no file but those the case creates.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, linkSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASES, type HostileCase, type Setup } from '../fixtures/hostile/cases.js';
import { BIN, noStackTrace, requireBuild } from './built.js';

requireBuild();
const temporary: string[] = [];
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

function layOut(entry: HostileCase): string {
  const folder = mkdtempSync(join(tmpdir(), `enveloppe-hostile-${entry.name}-`));
  temporary.push(folder);
  for (const [file, content] of Object.entries(entry.files)) writeFileSync(join(folder, file), content);
  for (const step of entry.setup ?? []) make(folder, step);
  return folder;
}

function make(folder: string, step: Setup): void {
  const path = join(folder, step.path);
  switch (step.kind) {
    case 'symlink':
      symlinkSync(step.target, path);
      return;
    case 'hardlink':
      linkSync(join(folder, step.target), path);
      return;
    case 'folder':
      mkdirSync(path);
      return;
    case 'fifo':
      expect(spawnSync('mkfifo', [path]).status, 'mkfifo').toBe(0);
      return;
    case 'device':
      // As root, a real device node in the folder (root is who a device would be replaced for); else a link to /dev/null.
      if (process.getuid?.() === 0) expect(spawnSync('mknod', [path, 'c', '1', '3']).status, 'mknod').toBe(0);
      else symlinkSync('/dev/null', path);
      return;
    case 'sparse': {
      const descriptor = openSync(path, 'w');
      ftruncateSync(descriptor, step.bytes);
      closeSync(descriptor);
      return;
    }
  }
}

/** Every entry of the folder: kind, and bytes or link target; FIFOs and devices by kind only. */
function snapshot(folder: string): Map<string, string> {
  const state = new Map<string, string>();
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const stats = lstatSync(path);
    if (stats.isSymbolicLink()) state.set(name, `link → ${readlinkSync(path)}`);
    else if (stats.isDirectory()) state.set(name, `folder ${readdirSync(path).join(',')}`);
    else if (stats.isFIFO()) state.set(name, 'fifo');
    else if (stats.isCharacterDevice()) state.set(name, `device ${stats.rdev}`);
    else if (stats.size > 64 * 1024 * 1024) state.set(name, `big file of ${stats.size} bytes`);
    else state.set(name, `file ${readFileSync(path).toString('base64')}`);
  }
  return state;
}

/** Runs the program with stdout and stderr piped; a run that would hang is killed and fails. */
function run(args: readonly string[], cwd: string): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      done({ status, signal, stdout, stderr });
    });
  });
}

describe.concurrent.each(CASES.map((entry) => [`${entry.class}. ${entry.name}`, entry] as const))('%s', (_, entry) => {
  it(`${entry.exit === 0 ? 'is accepted' : 'is refused'}: ${entry.about}`, async () => {
    const folder = layOut(entry);
    const before = snapshot(folder);
    const result = await run(entry.args, folder);
    expect(result.signal, `killed: it hung; stderr ${result.stderr}`).toBeNull();
    expect(result.status, `exit code; stderr: ${result.stderr}`).toBe(entry.exit);
    noStackTrace(result.stderr);
    for (const needle of entry.stderr) expect(result.stderr).toContain(needle);
    for (const needle of entry.notStderr ?? []) expect(result.stderr).not.toContain(needle);
    for (const needle of entry.stdout ?? []) expect(result.stdout).toContain(needle);
    for (const needle of entry.notStdout ?? []) expect(result.stdout).not.toContain(needle);
    if (entry.exit !== 0) expect(result.stderr).toMatch(/^enveloppe: /);
    if (entry.stderr.length === 0) expect(result.stderr).toBe('');
    const after = snapshot(folder);
    for (const created of entry.creates ?? []) after.delete(created);
    expect(after, 'every file of the folder as it was, byte for byte').toEqual(before);
    if (entry.allocations !== undefined) {
      const document = JSON.parse(result.stdout) as { allocations: { id: string }[] };
      for (const [id, fields] of Object.entries(entry.allocations)) expect(document.allocations.find((allocation) => allocation.id === id), id).toMatchObject(fields);
    }
  }, 60_000);
});
