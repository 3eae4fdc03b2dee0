/**
 * A CSV that survives Excel: an officer opens a shipped candidates file in French Excel and saves it
 * as "CSV (séparateur : point-virgule)", which Windows-1252 encodes. Nothing may turn into `?`, and
 * the saved file must give the same candidates and the same allocation. The `--excel` CSV that
 * enveloppe writes holds only Windows-1252 characters too.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import { allocationCsv } from '../../src/io/allocation-export.js';
import { loadScenario } from '../../src/io/scenario.js';
import { decodeText } from '../../src/io/text.js';

const SCENARIOS = new URL('../../scenarios/', import.meta.url).pathname;
/** Shipped scenarios whose candidates are a CSV. */
const SHIPPED = readdirSync(SCENARIOS)
  .filter((file) => file.endsWith('.yaml'))
  .filter((file) => /^candidates:\s*\S+\.csv\b/m.test(readFileSync(join(SCENARIOS, file), 'utf8')))
  .sort();

/** Characters of `text` that Windows-1252 cannot hold (they would be saved as `?`). */
function outside1252(text: string): string[] {
  return [...new Set([...text].filter((char) => char !== '\uFEFF' && iconv.decode(iconv.encode(char, 'win1252'), 'win1252') !== char))].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** What French Excel writes for "CSV (séparateur : point-virgule)": `;`, CRLF, Windows-1252, no BOM. */
function savedByExcel(text: string): Buffer {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const cell = (value: string): string => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const saved = rows.map((row) => `${row.map(cell).join(';')}\r\n`).join('');
  return iconv.encode(saved, 'win1252');
}

it('finds the shipped CSV scenarios', () => {
  expect(SHIPPED).toEqual(expect.arrayContaining(['ptce-2013.yaml', 'ptce-2015.yaml', 'rhone-alpes.yaml', 'tiny.yaml']));
});

describe.each(SHIPPED)('%s saved again by French Excel in Windows-1252', (file) => {
  it('has only characters Windows-1252 holds, and reads back to the same candidates and allocation', async () => {
    const original = await loadScenario(join(SCENARIOS, file));
    const csvName = original.candidatesFile.slice(original.candidatesFile.lastIndexOf('/') + 1);
    const text = decodeText(readFileSync(original.candidatesFile), csvName).text;
    expect(outside1252(text), `${csvName} has characters Excel would save as ?`).toEqual([]);
    expect(outside1252(readFileSync(join(SCENARIOS, file), 'utf8'))).toEqual([]);

    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-1252-'));
    copyFileSync(join(SCENARIOS, file), join(folder, file));
    const bytes = savedByExcel(text);
    expect(iconv.decode(bytes, 'win1252')).not.toContain('?');
    writeFileSync(join(folder, csvName), bytes);
    // The reviewers' marks travel with the scenario (ptce-2013), saved by Excel the same way.
    const reviews = original.reviews?.settings.file;
    if (reviews !== undefined) {
      const name = reviews.slice(reviews.lastIndexOf('/') + 1);
      writeFileSync(join(folder, name), savedByExcel(decodeText(readFileSync(reviews), name).text));
    }
    const resaved = await loadScenario(join(folder, file));
    const summary = (scenario: typeof original): unknown => scenario.candidates.map((c) => [c.id, c.name, c.region, c.request, c.requestByYear, c.criteria, c.attributes]);
    expect(summary(resaved)).toEqual(summary(original));

    const policy = original.policies[0]?.name ?? '';
    const [before, after] = await Promise.all([allocate(original, { policy }, { engine: 'highs' }), allocate(resaved, { policy }, { engine: 'highs' })]);
    if (before.status !== 'optimal' || after.status !== 'optimal') throw new Error(`${file}: not optimal`);
    expect(after.allocation.candidates.map((c) => [c.id, c.grant])).toEqual(before.allocation.candidates.map((c) => [c.id, c.grant]));
    // The --excel CSV enveloppe writes from it is Windows-1252-safe too.
    expect(outside1252(allocationCsv(after.allocation, { excel: true }).toString('utf8'))).toEqual([]);
  }, 60_000);
});
