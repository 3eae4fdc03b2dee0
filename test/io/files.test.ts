/** Input hashes belong to the load that read the files: io keeps nothing between calls. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFiles, parsedSha256, readInputFile } from '../../src/io/files.js';
import { inputSha256 } from '../../src/io/record.js';
import { loadScenario } from '../../src/io/scenario.js';

const scenarios = new URL('../../scenarios/', import.meta.url);
const hash = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

describe('input files and their hashes', () => {
  it('each load keeps the hashes of the bytes it parsed, whatever is read or written after it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-files-'));
    copyFileSync(new URL('tiny.yaml', scenarios), join(folder, 'tiny.yaml'));
    copyFileSync(new URL('tiny.csv', scenarios), join(folder, 'tiny.csv'));
    const csv = join(folder, 'tiny.csv');
    const before = readFileSync(csv);
    const first = await loadScenario(join(folder, 'tiny.yaml'));
    const after = Buffer.concat([before, Buffer.from('\n')]);
    writeFileSync(csv, after);
    const second = await loadScenario(join(folder, 'tiny.yaml'));
    expect(inputSha256(first, first.candidatesFile)).toBe(hash(before));
    expect(inputSha256(second, second.candidatesFile)).toBe(hash(after));
    expect(inputSha256(first, first.file)).toBe(hash(readFileSync(join(folder, 'tiny.yaml'))));
  });

  it('a file no load read is hashed as it is now; a read outside a load is kept nowhere', () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-files-'));
    const file = join(folder, 'a.txt');
    writeFileSync(file, 'one');
    readInputFile(file, 'file');
    writeFileSync(file, 'two');
    expect(parsedSha256(file)).toBe(hash('two'));
    const files = inputFiles();
    readInputFile(file, 'file', files);
    writeFileSync(file, 'three');
    expect([...files.hashes.values()]).toEqual([hash('two')]);
    expect(parsedSha256(file, Object.fromEntries(files.hashes))).toBe(hash('two'));
  });
});

describe('a workbook of candidates', () => {
  it('is hashed as the load read it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-files-'));
    const { workbookBytes } = await import('../../src/io/xlsx.js');
    const book = await workbookBytes([{ name: 'Candidats', columns: ['id', 'name', 'region', 'request', 'impact'].map((header) => ({ header })), rows: [['a', 'A', 'R', 50_000, 3], ['b', 'B', 'R', 60_000, 4]] }], new Date('2026-01-01T00:00:00Z'));
    writeFileSync(join(folder, 'c.xlsx'), book);
    const yaml = 'name: W\ncandidates: c.xlsx\nenvelope: {total: 100000}\ngrant: {min: 10000, max: 60000}\ncriteria:\n  - {column: impact, label: Impact, scale: [0, 5]}\n';
    writeFileSync(join(folder, 'w.yaml'), yaml);
    const scenario = await loadScenario(join(folder, 'w.yaml'));
    writeFileSync(join(folder, 'c.xlsx'), Buffer.concat([book, Buffer.from('x')]));
    expect(inputSha256(scenario, scenario.candidatesFile)).toBe(hash(book));
  });
});
