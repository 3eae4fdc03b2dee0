/**
 * The exports in the interface's language: the `--excel` CSV, the plain CSV and the workbook take
 * an optional `lang`; without it each keeps its bytes (French for Excel and the workbook, English
 * for the plain CSV). Headers, yes/no and the number cells are checked in both languages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import type { Allocation } from '../../src/domain/allocation.js';
import type { Scenario } from '../../src/domain/types.js';
import { allocationCsv } from '../../src/io/allocation-export.js';
import { formatCsv } from '../../src/io/csv-write.js';
import { loadScenario } from '../../src/io/scenario.js';
import { allocationSheet, allocationWorkbook, parametersSheet, regionsAndRulesSheet, type WorkbookContext } from '../../src/io/workbook-export.js';

const SCENARIO = new URL('../../scenarios/ptce-2013.yaml', import.meta.url).pathname;

let scenario: Scenario;
let allocation: Allocation;

beforeAll(async () => {
  scenario = await loadScenario(SCENARIO);
  const outcome = await allocate(scenario, { policy: scenario.policies[0]?.name ?? '' }, { engine: 'highs' });
  if (outcome.status !== 'optimal') throw new Error(`ptce-2013 should solve: ${outcome.status}`);
  allocation = outcome.allocation;
}, 120_000);

const lines = (bytes: Buffer): string[] => bytes.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
const years = (): string[] => allocation.years.map((entry) => entry.year);
/** A data row of a funded candidate with a score that has decimals. */
const fundedRow = (rows: readonly string[], yes: string, delimiter: string): string => rows.find((row) => row.endsWith(`${delimiter}${yes}`) && /\d[.,]\d/.test(row)) ?? '';

describe('the --excel CSV', () => {
  it('is French Excel without a language, exactly as with lang fr', () => {
    expect(allocationCsv(allocation, { excel: true, lang: 'fr' }).equals(allocationCsv(allocation, { excel: true }))).toBe(true);
  });
  it('in French: French headers, `;`, decimal comma, oui/non, BOM and CRLF', () => {
    const bytes = allocationCsv(allocation, { excel: true, lang: 'fr' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = lines(bytes);
    expect(rows[0]).toBe(['Rang', 'Id', 'Nom', 'Région', 'Score', ...years().map((year) => `Subvention ${year} (€)`), 'Subvention (€)', 'Demande (€)', 'Part de la demande (%)', 'Lauréat'].join(';'));
    const cells = rows.slice(1, -2).map((line) => line.split(';'));
    expect(cells.some((row) => /^\d+,\d+$/.test(row[4] ?? '')), 'scores with a decimal comma').toBe(true);
    expect(cells.every((row) => /^\d+(,\d+)?$/.test(row.at(-2) ?? '')), 'shares of the request').toBe(true);
    expect(fundedRow(rows, 'oui', ';')).not.toBe('');
    expect(rows.some((line) => line.endsWith(';non'))).toBe(true);
    expect(rows.at(-2)?.split(';')[2]).toBe('Total');
  });
  it('in English: English headers, `,`, decimal point, yes/no, BOM and CRLF', () => {
    const bytes = allocationCsv(allocation, { excel: true, lang: 'en' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = lines(bytes);
    expect(rows[0]).toBe(['Rank', 'Id', 'Name', 'Region', 'Score', ...years().map((year) => `Grant ${year} (€)`), 'Grant (€)', 'Request (€)', 'Share of request (%)', 'Laureate'].join(','));
    const row = fundedRow(rows, 'yes', ',');
    expect(row, 'a funded row').not.toBe('');
    expect(row.split(',').length, 'names with a comma are quoted, so no cut').toBeLessThanOrEqual(rows[0]?.split(',').length ?? 0);
    expect(rows.some((line) => line.endsWith(',no'))).toBe(true);
    expect(rows.at(-2)?.split(',')[2]).toBe('Total');
  });
  it('holds the same numbers in both languages', () => {
    const fr = lines(allocationCsv(allocation, { excel: true, lang: 'fr' })).slice(1);
    const en = lines(allocationCsv(allocation, { excel: true, lang: 'en' })).slice(1);
    const grants = (rows: string[], delimiter: string, decimal: string): string[] => rows.map((row) => row.split(delimiter)[4]?.replace(decimal, '.') ?? '');
    expect(grants(en.filter((row) => !row.includes('"')), ',', '.')).toEqual(grants(fr.filter((row) => !row.includes('"')), ';', ','));
  });
});

describe('the plain CSV', () => {
  it('is English without a language, exactly as with lang en', () => {
    expect(allocationCsv(allocation, { excel: false, lang: 'en' }).equals(allocationCsv(allocation, { excel: false }))).toBe(true);
    expect(allocationCsv(allocation, { excel: false }).toString('utf8').split('\n')[0]).toBe(['rank', 'id', 'name', 'region', 'score', ...years().map((year) => `grant_${year}_eur`), 'grant_eur', 'request_eur', 'share_of_request_pct', 'funded'].join(','));
  });
  it('in French: French snake_case headers and oui/non, numbers still for programs (decimal point, LF, no BOM)', () => {
    const text = allocationCsv(allocation, { excel: false, lang: 'fr' }).toString('utf8');
    expect(text.startsWith('rang,id,nom,region,score,')).toBe(true);
    const rows = text.split('\n');
    expect(rows[0]).toBe(['rang', 'id', 'nom', 'region', 'score', ...years().map((year) => `subvention_${year}_eur`), 'subvention_eur', 'demande_eur', 'part_de_la_demande_pct', 'laureat'].join(','));
    expect(fundedRow(rows, 'oui', ',')).not.toBe('');
    expect(rows.slice(1).some((line) => /^\d+,[^,]*,[^"]*,[^,]*,\d+\.\d+,/.test(line)), 'a score with a decimal point').toBe(true);
    expect(text).not.toContain('\r');
  });
  it('formatCsv writes numbers by dialect: French Excel 0,5, English Excel 0.5, plain 0.5', () => {
    const table = { columns: ['a', 'b'], rows: [[0.5, 'x;y']] };
    expect(formatCsv(table, { excel: true }).toString('utf8')).toBe('\uFEFFa;b\r\n0,5;"x;y"\r\n');
    expect(formatCsv(table, { excel: true, lang: 'en' }).toString('utf8')).toBe('\uFEFFa,b\r\n0.5,x;y\r\n');
    expect(formatCsv(table, { excel: false, lang: 'fr' }).toString('utf8')).toBe('a,b\n0.5,x;y\n');
  });
});

describe('the workbook', () => {
  const context = (lang?: 'fr' | 'en'): WorkbookContext => ({ scenario, scenarioPath: 'scenarios/ptce-2013.yaml', output: '/tmp/r.xlsx', engine: 'highs', date: new Date(0), ...(lang === undefined ? {} : { lang }) });
  it('is French without a language, exactly as with lang fr', () => {
    expect(allocationSheet(allocation, 'fr')).toEqual(allocationSheet(allocation));
    expect(regionsAndRulesSheet(allocation, 'fr')).toEqual(regionsAndRulesSheet(allocation));
    expect(parametersSheet(allocation, context('fr'))).toEqual(parametersSheet(allocation, context()));
  });
  it('in English: sheet names, headers and labels, with the same cells and number formats', () => {
    const [fr, en] = [allocationSheet(allocation, 'fr'), allocationSheet(allocation, 'en')];
    expect(en.name).toBe('Allocation');
    expect(en.columns.map((column) => column.header)).toEqual(['Rank', 'Id', 'Name', 'Region', 'Score', ...years().map((year) => `Grant ${year} (€)`), 'Grant (€)', 'Request (€)', 'Share of request (%)', 'Laureate']);
    expect(en.columns.map((column) => column.format)).toEqual(fr.columns.map((column) => column.format));
    expect(fr.columns.map((column) => column.format)).toEqual(['integer', 'text', 'text', 'text', 'decimal', ...years().map(() => 'euros'), 'euros', 'euros', 'tenths', 'text']);
    expect(en.rows.map((row) => row.slice(0, -1))).toEqual(fr.rows.map((row) => row.slice(0, -1)));
    expect(new Set(en.rows.map((row) => row.at(-1)))).toEqual(new Set(['yes', 'no']));
    expect(en.total).toEqual(fr.total?.map((cell) => (cell === 'Total' ? 'Total' : cell)));
    const rules = regionsAndRulesSheet(allocation, 'en');
    expect(rules.name).toBe('Regions and rules');
    expect(rules.columns.map((column) => column.header)).toEqual(['What', 'Group', 'Amount (€)', 'Laureates', 'Floor (€ or laureates)', 'Ceiling (€ or laureates)', 'Binding']);
    expect(rules.rows.some((row) => typeof row[0] === 'string' && row[0].startsWith('Rule: '))).toBe(true);
    const parameters = parametersSheet(allocation, context('en'));
    expect(parameters.name).toBe('Parameters');
    expect(parameters.rows.map((row) => row[0])).toContain('Envelope (€)');
    expect(parameters.rows.find((row) => row[0] === 'Envelope (€)')?.[1]).toBe(allocation.total);
  });
  it('writes English sheets with numbers as numbers', async () => {
    const { default: exceljs } = await import('exceljs');
    const workbook = new exceljs.Workbook();
    await workbook.xlsx.load((await allocationWorkbook(allocation, context('en'))) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Allocation', 'Regions and rules', 'Parameters']);
    const sheet = workbook.getWorksheet('Allocation');
    expect(sheet?.getCell('E1').value).toBe('Score');
    expect(typeof sheet?.getCell('E2').value).toBe('number');
  }, 60_000);
});
