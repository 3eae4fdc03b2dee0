/**
 * Issue 11, class 5: `verify` compares every field of a decision record with a fresh re-run, refuses
 * a record whose inputs list is incomplete or whose fields are malformed, and names what differs.
 * One record is made with the BUILT program, then each case edits one field of a copy.
 */
import { generateKeyPairSync } from 'node:crypto';
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
  }, 30_000);

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
  }, 30_000);

  it.each([
    ['an inputs list without the candidates', (copy: Record<string, unknown>) => (copy['inputs'] = (copy['inputs'] as { role: string }[]).filter((input) => input.role === 'scenario')), "the decision record has a missing or malformed field 'inputs' (exactly one scenario and one candidates file)"],
    ['a date that is not a date', (copy: Record<string, unknown>) => (copy['date'] = 'yesterday'), "malformed field 'date'"],
    ['an unknown field', (copy: Record<string, unknown>) => (copy['author'] = 'x'), "has an unknown field 'author'"],
    ['a missing optimum', (copy: Record<string, unknown>) => delete copy['optimum'], "malformed field 'optimum'"],
    ['a hash that is not one', (copy: Record<string, unknown>) => ((copy['inputs'] as { sha256: string }[])[0]!.sha256 = 'abc'), "malformed field 'inputs.0.sha256'"],
  ])('refuses %s', (_, edit, message) => {
    const result = verifyEdited(edit);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(message);
  }, 30_000);

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
  }, 30_000);
});

describe('signed records (Ed25519)', () => {
  const pair = (name: string): void => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(folder, `${name}.pem`), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(join(folder, `${name}.pub.pem`), publicKey.export({ type: 'spki', format: 'pem' }));
  };

  it('a record signed with --sign verifies with --key; a changed field or another signer fails', () => {
    pair('officer');
    pair('forger');
    const signed = runBuilt(['solve', 'scenario.yaml', '--solver', 'highs', '--record', 'signed.json', '--sign', 'officer.pem'], { cwd: folder });
    expect(signed.status, signed.stderr).toBe(0);
    const good = runBuilt(['verify', 'signed.json', '--key', 'officer.pub.pem'], { cwd: folder });
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/reproduced byte for byte .*; signed by key [0-9a-f]{16}\)\.\n$/);

    // The date cannot be re-derived: only the signature catches an edit of it.
    const record = JSON.parse(readFileSync(join(folder, 'signed.json'), 'utf8')) as { date: string };
    writeFileSync(join(folder, 'redated.json'), JSON.stringify({ ...record, date: '2020-01-01T00:00:00.000Z' }));
    const redated = runBuilt(['verify', 'redated.json'], { cwd: folder });
    expect(redated.status).toBe(1);
    expect(redated.stderr).toContain('the signature does not match the record: it was changed after signing');

    // A forger re-signs a record of their own making: it verifies alone, not against the officer's key.
    const forged = runBuilt(['solve', 'scenario.yaml', '--solver', 'highs', '--record', 'forged.json', '--sign', 'forger.pem'], { cwd: folder });
    expect(forged.status, forged.stderr).toBe(0);
    const against = runBuilt(['verify', 'forged.json', '--key', 'officer.pub.pem'], { cwd: folder });
    expect(against.status).toBe(1);
    expect(against.stderr).toMatch(/the record is signed by key [0-9a-f]{16}, not by the key given \([0-9a-f]{16}\)/);
    const unsigned = runBuilt(['verify', 'record.json', '--key', 'officer.pub.pem'], { cwd: folder });
    expect(unsigned.status).toBe(1);
    expect(unsigned.stderr).toContain('the record is not signed, and --key asks for a signature');
  }, 120_000);

  it('refuses a key that is not an Ed25519 private key before solving', () => {
    writeFileSync(join(folder, 'bad.pem'), 'not a key\n');
    const result = runBuilt(['solve', 'scenario.yaml', '--record', 'never.json', '--sign', 'bad.pem'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('enveloppe: bad.pem: --sign: this is not a private key in PEM format. Make one with: openssl genpkey -algorithm ed25519 -out key.pem\n');
    expect(result.stdout).toBe('');
  }, 30_000);
});
