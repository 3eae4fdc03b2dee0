/**
 * Issue 11, class 5: `verify` compares every field of a decision record with a fresh re-run, refuses
 * a record whose inputs list is incomplete or whose fields are malformed, and names what differs.
 * One record is made with the BUILT program, then each case edits one field of a copy.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, SCENARIO } from '../fixtures/hostile/cases.js';
import { noStackTrace, requireBuild, runBuilt } from './built.js';

requireBuild();
const folder = mkdtempSync(join(tmpdir(), 'enveloppe-record-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let record: Record<string, unknown>;

beforeAll(() => {
  writeFileSync(join(folder, 'scenario.yaml'), SCENARIO.replace('rules:\n', 'locks:\n  c-4: excluded\nrules:\n'));
  writeFileSync(join(folder, 'candidates.csv'), csv());
  const made = runBuilt(['solve', 'scenario.yaml', '--solver', 'highs', '--record', 'record.json'], { cwd: folder });
  expect(made.status, made.stderr).toBe(0);
  record = JSON.parse(readFileSync(join(folder, 'record.json'), 'utf8')) as Record<string, unknown>;
}, 60_000);

/** Verifies a copy of the record with `edit` applied; the record itself is never changed. */
function verifyEdited(edit: (copy: Record<string, unknown>) => void): { status: number | null; stderr: string; stdout: string } {
  const copy = structuredClone(record);
  edit(copy);
  writeFileSync(join(folder, 'edited.json'), `${JSON.stringify(copy, null, 2)}\n`);
  const before = readFileSync(join(folder, 'record.json'));
  const result = runBuilt(['verify', 'edited.json'], { cwd: folder });
  noStackTrace(result.stderr);
  expect(readFileSync(join(folder, 'record.json')).equals(before)).toBe(true);
  return result;
}

describe('verify', () => {
  it('reproduces an untouched record', () => {
    const result = verifyEdited(() => undefined);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('reproduced byte for byte');
  });

  it.each([
    ['the optimum', (copy: Record<string, unknown>) => (copy['optimum'] = (copy['optimum'] as number) + 1), 'the optimum differs: recorded'],
    ['the engine', (copy: Record<string, unknown>) => (copy['engine'] = 'cplex'), 'the engine differs: recorded cplex'],
    ['the enveloppe version', (copy: Record<string, unknown>) => (copy['enveloppe'] = '0.0.1'), 'the record was made with enveloppe 0.0.1'],
    ['an engine version', (copy: Record<string, unknown>) => ((copy['engines'] as Record<string, string>)['highs'] = '0.0.0'), 'the engine versions differ (engines.highs: recorded "0.0.0"'],
    ['the resolved envelope', (copy: Record<string, unknown>) => ((copy['scenario'] as { envelope: { total: number } }).envelope.total = 999), 'the resolved scenario differs from the record at scenario.envelope.total: recorded 999, now 300000'],
    ['a lock', (copy: Record<string, unknown>) => ((copy['scenario'] as { locks: Record<string, string> }).locks['c-4'] = 'funded'), 'the resolved scenario differs from the record at scenario.locks.c-4: recorded "funded", now "excluded"'],
    ['the policy', (copy: Record<string, unknown>) => ((copy['selection'] as { policy: string }).policy = 'egal'), "the recorded policy 'egal' is not in the scenario"],
  ])('names an edited field: %s', (_, edit, message) => {
    const result = verifyEdited(edit);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it.each([
    ['an inputs list without the candidates', (copy: Record<string, unknown>) => (copy['inputs'] = (copy['inputs'] as { role: string }[]).filter((input) => input.role === 'scenario')), "the decision record has a missing or malformed field 'inputs' (exactly one scenario and one candidates file)"],
    ['a date that is not a date', (copy: Record<string, unknown>) => (copy['date'] = 'yesterday'), "malformed field 'date'"],
    ['an unknown field', (copy: Record<string, unknown>) => (copy['signature'] = 'x'), "has an unknown field 'signature'"],
    ['a missing optimum', (copy: Record<string, unknown>) => delete copy['optimum'], "malformed field 'optimum'"],
    ['a hash that is not one', (copy: Record<string, unknown>) => ((copy['inputs'] as { sha256: string }[])[0]!.sha256 = 'abc'), "malformed field 'inputs.0.sha256'"],
  ])('refuses %s', (_, edit, message) => {
    const result = verifyEdited(edit);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('hashes the bytes it parses: a candidates file changed after the record is named', () => {
    const moved = mkdtempSync(join(tmpdir(), 'enveloppe-record-moved-'));
    try {
      for (const file of ['scenario.yaml', 'candidates.csv', 'record.json']) cpSync(join(folder, file), join(moved, file));
      writeFileSync(join(moved, 'candidates.csv'), csv().replace('4,5;2', '4,5;3'));
      const result = runBuilt(['verify', 'record.json'], { cwd: moved });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/^enveloppe: record\.json: the candidates file candidates\.csv has changed since the record \(SHA-256 [0-9a-f]{12}…, recorded [0-9a-f]{12}…\)\.\n$/);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });
});
