/**
 * The bundle the command runs (scripts/bundle.ts, bin/enveloppe.js): what the command line loads at
 * start stays free of what only some commands need, and the worker threads start from it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { requireBuild, ROOT, runBuilt } from './built.js';

requireBuild();

const BUNDLE = join(ROOT, 'dist/bundle');

/** The files run.js loads before any of its code runs: its static imports, followed. */
function loadedAtStart(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(BUNDLE, file), 'utf8');
  for (const match of text.matchAll(/^import\s+(?:[^'"]*?from\s*)?["']\.\/([^"']+)["']/gm)) loadedAtStart(match[1] ?? '', seen);
  return seen;
}

describe('the bundle', () => {
  test('the command line starts without Ink, React, exceljs or mathjs, which load on use', () => {
    const start = [...loadedAtStart('run.js')];
    expect(start.length).toBeGreaterThan(1);
    const text = start.map((file) => readFileSync(join(BUNDLE, file), 'utf8')).join('\n');
    // Each package's own words: Ink's layout engine, React's reconciler, the colour library Ink reads FORCE_COLOR with.
    for (const mark of ['yoga', 'react-reconciler', 'chalk']) expect(text, mark).not.toContain(mark);
    // exceljs and mathjs stay outside the bundle, imported where they are used.
    expect(text).not.toMatch(/from ["']exceljs["']|from ["']mathjs["']/);
    // The simulator's code is there, but in a chunk the command loads only when it opens it.
    const all = readFileSync(join(BUNDLE, 'run.js'), 'utf8');
    expect(all).toMatch(/import\(["']\.\/launch-[A-Z0-9]+\.js["']\)/);
  });

  test('the analyses and javascript-lp-solver run in worker threads started from the bundle', () => {
    // tiny is solved by javascript-lp-solver (its worker); the tipping run solves on the pool's workers.
    const solved = runBuilt(['solve', 'scenarios/tiny.yaml', '--solver', 'jslp']);
    expect(solved.stderr).toBe('');
    expect(solved.stdout).toContain('javascript-lp-solver');
    const tipping = runBuilt(['tipping', 'scenarios/tiny.yaml', '--json']);
    expect(tipping.status).toBe(0);
    expect((JSON.parse(tipping.stdout) as { points: unknown[] }).points.length).toBeGreaterThan(0);
  }, 60_000);
});
