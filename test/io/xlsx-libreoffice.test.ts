/**
 * What a colleague without Excel sees: LibreOffice Calc (headless) opens the `--xlsx` workbook and
 * the `--excel` CSV of the 2013 call; every grant comes back as a number equal to the JSON, and
 * the totals, recomputed by Calc itself, make 3 000 000 €. Skipped only on a machine without
 * soffice outside CI (CI installs libreoffice-calc-nogui).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import { loadScenario } from '../../src/io/scenario.js';
import { allocationSheet, parametersSheet, regionsAndRulesSheet } from '../../src/io/workbook-export.js';
import { workbookBytes } from '../../src/io/xlsx.js';
import { requireBuild, ROOT } from '../cli/built.js';

requireBuild();

const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const SCENARIO = join(ROOT, 'scenarios/ptce-2013.yaml');

/** Calc with its own profile (parallel runs do not clash) that recomputes every formula on load. */
function soffice(work: string, args: readonly string[]): void {
  const profile = join(work, 'profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
      '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n',
  );
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { cwd: work, timeout: 120_000, stdio: 'pipe' });
}

/** Calc's CSV: comma, UTF-8, cell values (not as shown), first sheet. */
const TO_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,1';

function table(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
}

function converted(folder: string, base: string): string {
  const name = readdirSync(folder).find((file) => file.startsWith(base) && file.endsWith('.csv'));
  if (name === undefined) throw new Error(`LibreOffice wrote no CSV for ${base} in ${folder}: ${readdirSync(folder).join(', ')}`);
  return join(folder, name);
}

interface Json {
  readonly allocations: readonly { id: string; name: string; grant: number }[];
}

describe.skipIf(!hasSoffice && process.env['CI'] === undefined)('LibreOffice Calc opens what enveloppe writes for Excel', () => {
  it('the --xlsx workbook: grants are numbers equal to the JSON, totals recompute to 3 000 000 €', async () => {
    const work = mkdtempSync(join(tmpdir(), 'enveloppe-soffice-'));
    const json = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin/enveloppe.js'), 'solve', SCENARIO, '--json', '--xlsx', join(work, 'out.xlsx')], { encoding: 'utf8', timeout: 120_000 })) as Json;
    // The same workbook with wrong saved totals: Calc must print the sums it computes, not these.
    const scenario = await loadScenario(SCENARIO);
    const outcome = await allocate(scenario, { policy: scenario.policies[0]?.name ?? '' }, { engine: 'highs' });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    const sheet = allocationSheet(outcome.allocation);
    const stale = { ...sheet, total: (sheet.total ?? []).map((cell) => (cell !== null && typeof cell === 'object' ? { sum: 0 } : cell)) };
    const context = { scenario, scenarioPath: SCENARIO, output: join(work, 'stale.xlsx'), engine: 'highs', date: new Date(0) };
    writeFileSync(join(work, 'stale.xlsx'), await workbookBytes([stale, regionsAndRulesSheet(outcome.allocation), parametersSheet(outcome.allocation, context)], new Date(0)));

    soffice(work, ['--convert-to', TO_CSV, '--outdir', join(work, 'csv'), 'out.xlsx', 'stale.xlsx']);
    for (const base of ['out', 'stale']) {
      const [header = [], ...rows] = table(converted(join(work, 'csv'), base));
      const total = rows.pop() ?? [];
      const grant = header.indexOf('Subvention (€)');
      const id = header.indexOf('Id');
      // Each file against the allocation it was written from (optima may tie between engines).
      const byId = new Map(base === 'out' ? json.allocations.map((entry) => [entry.id, entry.grant]) : outcome.allocation.candidates.map((entry) => [entry.id, entry.grant]));
      expect(rows).toHaveLength(130);
      for (const row of rows) {
        expect(row[grant], `${base}: ${row[id]}`).toMatch(/^\d+$/);
        expect(Number(row[grant])).toBe(byId.get(row[id] ?? ''));
      }
      expect(total[grant], base).toBe('3000000');
      expect(total[header.indexOf('Subvention 2013 (€)')], base).toBe('1500000');
      expect(total[header.indexOf('Subvention 2014 (€)')], base).toBe('1500000');
    }
  }, 180_000);

  it('the --excel CSV: numbers stay numbers, accents are right, totals match', () => {
    const work = mkdtempSync(join(tmpdir(), 'enveloppe-soffice-csv-'));
    const json = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin/enveloppe.js'), 'solve', SCENARIO, '--json', '--csv', join(work, 'allocation.csv'), '--excel'], { encoding: 'utf8', timeout: 120_000 })) as Json;
    // French Excel's reading of it: `;`, UTF-8 (its BOM), French locale (decimal comma).
    soffice(work, ['--infilter=CSV:59,34,76,1,,1036', '--convert-to', TO_CSV, '--outdir', join(work, 'csv'), 'allocation.csv']);
    const [header = [], ...rows] = table(converted(join(work, 'csv'), 'allocation'));
    expect(header).toContain('Région');
    const total = rows.pop() ?? [];
    const grant = header.indexOf('Subvention (€)');
    const byId = new Map(json.allocations.map((entry) => [entry.id, entry]));
    for (const row of rows) {
      const expected = byId.get(row[header.indexOf('Id')] ?? '');
      expect(Number(row[grant])).toBe(expected?.grant);
      expect(row[header.indexOf('Nom')]).toBe(expected?.name);
      expect(row[header.indexOf('Part de la demande (%)')]).toMatch(/^\d+(\.\d)?$/);
    }
    expect(rows.reduce((sum, row) => sum + Number(row[grant]), 0)).toBe(3_000_000);
    expect(total[grant]).toBe('3000000');
  }, 180_000);
});
