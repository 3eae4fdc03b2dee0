/**
 * `--xlsx FILE`: the workbook an officer hands on. Read back with exceljs and, independently, as
 * the raw XML inside the zip: every grant is a number equal to the JSON, totals are SUM formulas
 * whose saved values are the published totals, and the same inputs give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { noStackTrace, requireBuild, ROOT, runBuilt } from '../cli/built.js';

requireBuild();

const EPOCH = '1700000000';
const SCENARIO_2013 = join(ROOT, 'scenarios/ptce-2013.yaml');

interface Json {
  readonly spent: number;
  readonly laureates: number;
  readonly spentByYear: Record<string, number>;
  readonly allocations: readonly { id: string; grant: number; request: number; years: Record<string, number> }[];
  readonly rules: readonly { label: string; group: string; binding: boolean }[];
}

function solveWithEpoch(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const out = execFileSync(process.execPath, [join(ROOT, 'bin/enveloppe.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, NO_COLOR: '1' }, timeout: 120_000 });
  return { status: 0, stdout: out, stderr: '' };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** Rows of a sheet as arrays of values (1-based columns dropped to 0-based). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

describe('solve --xlsx on the 2013 call', () => {
  let folder: string;
  let json: Json;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'enveloppe-xlsx-out-'));
    json = JSON.parse(solveWithEpoch(['solve', SCENARIO_2013, '--json', '--xlsx', 'out.xlsx'], folder).stdout) as Json;
    book = await open(join(folder, 'out.xlsx'));
  }, 120_000);

  it('has the allocation, the regions and rules, and the parameters, in that order', () => {
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Répartition', 'Régions et règles', 'Paramètres']);
  });

  it('holds every grant as a number equal to the JSON, in euros, with totals as SUM formulas', () => {
    const sheet = book.getWorksheet('Répartition');
    if (sheet === undefined) throw new Error('no allocation sheet');
    const [header, ...body] = rowsOf(sheet);
    const total = body.pop() ?? [];
    const col = (name: string): number => (header ?? []).indexOf(name);
    expect(body).toHaveLength(130);
    const byId = new Map(json.allocations.map((entry) => [entry.id, entry]));
    for (const row of body) {
      const expected = byId.get(String(row[col('Id')]));
      expect(row[col('Subvention (€)')]).toBe(expected?.grant);
      expect(row[col('Subvention 2013 (€)')]).toBe(expected?.years['2013'] ?? 0);
      expect(row[col('Subvention 2014 (€)')]).toBe(expected?.years['2014'] ?? 0);
      expect(row[col('Demande (€)')]).toBe(expected?.request);
    }
    expect(total[col('Subvention (€)')]).toEqual({ formula: 'SUM(H2:H131)', result: 3_000_000 });
    expect(total[col('Subvention 2013 (€)')]).toEqual({ formula: 'SUM(F2:F131)', result: json.spentByYear['2013'] });
    expect(total[col('Subvention 2014 (€)')]).toEqual({ formula: 'SUM(G2:G131)', result: json.spentByYear['2014'] });
    expect(total[col('Lauréat')]).toBe(json.laureates);
    // exceljs reads the format code without its backslash; the raw XML test checks the file's own.
    expect(sheet.getCell('H2').numFmt).toBe('#,##0 "€"');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeDefined();
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
  });

  it('marks the binding rules as the JSON does, and the regions add up to the total', () => {
    const sheet = book.getWorksheet('Régions et règles');
    if (sheet === undefined) throw new Error('no rules sheet');
    const rows = rowsOf(sheet).slice(1);
    const regions = rows.filter((row) => row[0] === 'Région');
    expect(regions.reduce((sum, row) => sum + Number(row[2] ?? 0), 0)).toBe(json.spent);
    const rules = rows.filter((row) => String(row[0]).startsWith('Règle : '));
    expect(rules.map((row) => [String(row[0]).slice('Règle : '.length), row[1], row[6] === 'oui (saturée)'])).toEqual(json.rules.map((rule) => [rule.label, rule.group, rule.binding]));
    expect(json.rules.some((rule) => rule.binding)).toBe(true);
  });

  it('records the scenario, policy, weights, engine, date, input hashes and the verify command', () => {
    const sheet = book.getWorksheet('Paramètres');
    if (sheet === undefined) throw new Error('no parameters sheet');
    const values = new Map(rowsOf(sheet).map((row) => [String(row[0]), row[1]]));
    const hash = (file: string): string => createHash('sha256').update(readFileSync(join(ROOT, file))).digest('hex');
    expect(values.get('SHA-256 du scénario')).toBe(hash('scenarios/ptce-2013.yaml'));
    expect(values.get('SHA-256 des candidats')).toBe(hash('scenarios/ptce-2013.csv'));
    expect(values.get('Date')).toBe(new Date(Number(EPOCH) * 1000).toISOString());
    expect(values.get('Attribué (€)')).toBe(3_000_000);
    expect(String(values.get('Moteur'))).toMatch(/^(highs|jslp)$/);
    const weights = [...values].filter(([key]) => key.startsWith('Poids normalisé')).map(([, value]) => Number(value));
    expect(weights).toHaveLength(9);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 12);
    expect(String(values.get('Rejouer et vérifier'))).toMatch(/enveloppe solve .*ptce-2013\.yaml --policy \S+ --record decision\.json && enveloppe verify decision\.json/);
  });

  it('stores the grants as numeric cells and the totals with their values in the raw XML', () => {
    const xml = execFileSync('unzip', ['-p', join(folder, 'out.xlsx'), 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    const grants = [...xml.matchAll(/<c r="H(\d+)"([^>]*)>(?:<f>([^<]*)<\/f>)?<v>([^<]*)<\/v><\/c>/g)].map((match) => ({ row: Number(match[1]), attributes: match[2] ?? '', formula: match[3], value: match[4] }));
    grants.shift(); // the header
    expect(grants).toHaveLength(131);
    for (const cell of grants) expect(cell.attributes, `H${cell.row} is not text`).not.toMatch(/t="s"|t="str"/);
    expect(grants.slice(0, -1).map((cell) => Number(cell.value)).sort((a, b) => a - b)).toEqual(json.allocations.map((entry) => entry.grant).sort((a, b) => a - b));
    expect(grants.at(-1)).toMatchObject({ row: 132, formula: 'SUM(H2:H131)', value: '3000000' });
    expect(xml).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    expect(xml).toMatch(/<autoFilter ref="A1:K131"\/>/);
    const styles = execFileSync('unzip', ['-p', join(folder, 'out.xlsx'), 'xl/styles.xml'], { encoding: 'utf8' });
    expect(styles).toContain('formatCode="#,##0\\ &quot;€&quot;"');
  });

  it('gives the same bytes for the same inputs and date', () => {
    solveWithEpoch(['solve', SCENARIO_2013, '--xlsx', 'again.xlsx'], folder);
    expect(readFileSync(join(folder, 'again.xlsx')).equals(readFileSync(join(folder, 'out.xlsx')))).toBe(true);
  }, 120_000);
});

describe('--xlsx on the analyses, and the output checks', () => {
  it('compare, budget-sweep and robustness add their own sheet after the allocation', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-xlsx-an-'));
    const tiny = join(ROOT, 'scenarios/tiny.yaml');
    const runs: [string, string[], string][] = [
      ['compare', [], 'Comparaison'],
      ['budget-sweep', ['--steps', '3'], 'Enveloppes'],
      ['robustness', ['--samples', '5'], 'Robustesse'],
    ];
    for (const [command, extra, sheetName] of runs) {
      const run = runBuilt([command, tiny, '--json', '--xlsx', join(folder, `${command}.xlsx`), ...extra]);
      expect(run.status, run.stderr).toBe(0);
      const book = await open(join(folder, `${command}.xlsx`));
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['Répartition', 'Régions et règles', 'Paramètres', sheetName]);
      const sheet = book.getWorksheet(sheetName);
      if (sheet === undefined) throw new Error(sheetName);
      if (command === 'compare') {
        const result = JSON.parse(run.stdout) as { policies: string[]; totals: Record<string, { spent: number }> };
        const total = rowsOf(sheet).at(-1) ?? [];
        expect(total.slice(3).map((cell) => (cell as { result: number }).result)).toEqual(result.policies.map((policy) => result.totals[policy]?.spent));
      }
    }
  }, 180_000);

  it('refuses --csv with an .xlsx name, pointing at --xlsx, and writes nothing', () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-xlsx-csv-'));
    const target = join(folder, 'x.xlsx');
    for (const args of [['solve', SCENARIO_2013, '--csv', target, '--excel'], ['compare', join(ROOT, 'scenarios/tiny.yaml'), '--csv', target]]) {
      const run = runBuilt(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`enveloppe: --csv: --csv writes CSV text, and '${target}' is a workbook's name. Write the workbook with --xlsx ${target}, or name the CSV .csv.\n`);
      noStackTrace(run.stderr);
      expect(existsSync(target)).toBe(false);
    }
  }, 60_000);

  it('refuses --xlsx on the bare command, which opens the simulator', () => {
    const run = runBuilt([join(ROOT, 'scenarios/tiny.yaml'), '--xlsx', 'x.xlsx']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--xlsx belongs to 'enveloppe solve'; the bare command opens the simulator\. Run 'enveloppe solve .*tiny\.yaml --xlsx FILE'/);
  }, 60_000);

  it('refuses an --xlsx path in a missing folder or over an input before solving', () => {
    const missing = runBuilt(['solve', SCENARIO_2013, '--xlsx', '/nonexistent-folder/out.xlsx']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/could not write the workbook: the folder does not exist; nothing was written/);
    expect(missing.stdout).toBe('');
    const over = runBuilt(['solve', SCENARIO_2013, '--xlsx', join(ROOT, 'scenarios/ptce-2013.csv')]);
    expect(over.status).toBe(2);
    expect(over.stderr).toMatch(/refusing to write the workbook over an input file/);
  }, 60_000);
});
