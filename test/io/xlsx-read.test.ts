/**
 * Candidates from a workbook, and columns named as the file names them: what an officer who hands
 * over a portal export sees (the candidates read, or one message naming the sheet and the cell).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import { ptce2015Workbook } from '../../scripts/generate-scenarios.js';
import { allocate } from '../../src/analysis/pipeline.js';
import { headerKey, matchHeader } from '../../src/io/columns.js';
import { loadScenario } from '../../src/io/scenario.js';
import { messageOf } from './message-of.js';

// Each test writes and reads small workbooks in well under a second; the slack is for a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

const SCENARIOS = new URL('../../scenarios/', import.meta.url).pathname;

/** tiny.yaml's scenario over a candidates file named `candidates`, with extra top-level keys. */
function scenarioYaml(candidates: string, extra = ''): string {
  return [
    'name: Essai',
    `candidates: ${candidates}`,
    extra,
    'envelope: {total: 300000}',
    'grant: {min: 20000, max: 150000, step: 1000}',
    'criteria:',
    '  - {column: Utilité sociale, scale: [0, 5]}',
    '  - {column: Emplois, scale: [0, 5]}',
    'rules:',
    '  - {label: Une région au plus 60 %, group: {column: region}, share: {max: 0.6}}',
    '',
  ].join('\n');
}

const HEADER = ['N° de dossier', 'Nom du projet', 'Région', 'Montant demandé (€)', 'Utilité sociale', 'Emplois'];
const ROWS: (string | number)[][] = [
  ['D-1', 'Pôle coopératif du Pays de Redon', 'Bretagne', 120000, 4.5, 2],
  ['D-2', 'PTCE Vallée de la Bièvre', 'Île-de-France', '100 000 €', '3', '4,5'],
  ['D-3', 'Ressourcerie des Monts du Forez', 'Rhône-Alpes', 80000, 3.5, 3.5],
];
const MAPPING = 'columns: {id: "N° de dossier", name: nom du projet, region: REGION, request: "Montant demandé (€)"}';

/** Writes a workbook built by `build` and a scenario over it; returns the scenario's path. */
async function workbook(build: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void, extra = MAPPING): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'enveloppe-xlsx-'));
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Candidatures'), book);
  await book.xlsx.writeFile(join(folder, 'candidats.xlsx'));
  writeFileSync(join(folder, 'scenario.yaml'), scenarioYaml('candidats.xlsx', extra));
  return join(folder, 'scenario.yaml');
}

function plain(sheet: ExcelJS.Worksheet): void {
  sheet.addRow(HEADER);
  for (const row of ROWS) sheet.addRow(row);
}

describe('headers match after trimming, case- and accent-insensitively', () => {
  it('folds case, accents, spaces and apostrophes, and prefers the exact header', () => {
    expect(headerKey('  Montant  DEMANDÉ ')).toBe('montant demande');
    expect(matchHeader('region', ['Id', 'Région'])).toEqual({ ok: true, header: 'Région' });
    expect(matchHeader('Région', ['Region', 'Région'])).toEqual({ ok: true, header: 'Région' });
    expect(matchHeader('region', ['Region', 'Région'])).toMatchObject({ ok: false, ambiguous: ['Region', 'Région'] });
    expect(matchHeader('Montant demande', ['Montant demandé (€)'])).toMatchObject({ ok: false, guess: 'Montant demandé (€)' });
    expect(matchHeader('budget', ['Montant demandé (€)'])).toMatchObject({ ok: false, guess: undefined });
  });
});

describe('candidates: an .xlsx workbook', () => {
  it('reads typed numbers as numbers, text through the French reading, and maps the columns', async () => {
    const scenario = await loadScenario(await workbook(plain));
    expect(scenario.candidates.map((c) => [c.id, c.name, c.region, c.request, c.criteria['Utilité sociale'], c.criteria['Emplois']])).toEqual([
      ['D-1', 'Pôle coopératif du Pays de Redon', 'Bretagne', 120000, 4.5, 2],
      ['D-2', 'PTCE Vallée de la Bièvre', 'Île-de-France', 100000, 3, 4.5],
      ['D-3', 'Ressourcerie des Monts du Forez', 'Rhône-Alpes', 80000, 3.5, 3.5],
    ]);
    // Rows are counted as the sheet numbers them, and a rule on `region` groups by the mapped column.
    expect(scenario.candidates.map((c) => c.line)).toEqual([2, 3, 4]);
    expect(scenario.rules[0]?.group.column).toBe('Région');
  });

  it('takes formulas by their saved values, skips a merged title and blank trailing rows, and reads a two-row header', async () => {
    const path = await workbook((sheet) => {
      sheet.addRow(['Export du portail — appel 2015']);
      sheet.mergeCells('A1:F1');
      sheet.addRow(['N° de dossier', 'Nom du projet', 'Région', 'Montant demandé (€)', 'Notes du jury', null]);
      sheet.addRow([null, null, null, null, 'Utilité sociale', 'Emplois']);
      for (const column of ['A', 'B', 'C', 'D']) sheet.mergeCells(`${column}2:${column}3`);
      sheet.mergeCells('E2:F2');
      for (const row of ROWS) sheet.addRow(row);
      sheet.getCell('D4').value = { formula: '100000+20000', result: 120000, date1904: false };
      // Formatted but empty rows below the table, as Excel leaves them.
      for (const row of [8, 9, 10]) sheet.getCell(`D${row}`).numFmt = '#,##0 €';
    });
    const scenario = await loadScenario(path);
    expect(scenario.candidates.map((c) => [c.id, c.request, c.line])).toEqual([
      ['D-1', 120000, 4],
      ['D-2', 100000, 5],
      ['D-3', 80000, 6],
    ]);
  });

  it('reads the sheet named by sheet:, and suggests the sheet meant by a typo', async () => {
    const build = (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook): void => {
      sheet.addRow(['Lisez-moi']);
      plain(book.addWorksheet('Dossiers'));
    };
    const scenario = await loadScenario(await workbook(build, `sheet: dossiers\n${MAPPING}`));
    expect(scenario.candidates).toHaveLength(3);
    expect(await messageOf(await workbook(build, `sheet: Dosiers\n${MAPPING}`))).toMatch(/^.*candidats\.xlsx: sheet: the workbook has no sheet 'Dosiers'\. Did you mean 'Dossiers'\?$/);
  });

  it('names the sheet and the cell of a formula without a saved value', async () => {
    const path = await workbook((sheet) => {
      plain(sheet);
      sheet.getCell('D3').value = { formula: 'B7*2', date1904: false };
    });
    expect(await messageOf(path)).toMatch(/candidats\.xlsx: Candidatures!D3: the cell holds a formula \(=B7\*2\) without its computed value\. Open the file in Excel or LibreOffice and save it again/);
  });

  it('names the sheet and the cell of a bad amount or score', async () => {
    const amount = await workbook((sheet) => {
      plain(sheet);
      sheet.getCell('D4').value = 'environ 80 k';
    });
    expect(await messageOf(amount)).toMatch(/candidats\.xlsx: Candidatures!D4: request: the amount 'environ 80 k' is not a number\./);
    const score = await workbook((sheet) => {
      plain(sheet);
      sheet.getCell('E2').value = 7;
    });
    expect(await messageOf(score)).toMatch(/candidats\.xlsx: Candidatures!E2: Utilité sociale: the Utilité sociale score 7 is outside its scale \[0, 5\]/);
    const negative = await workbook((sheet) => {
      plain(sheet);
      sheet.getCell('D2').value = -5;
    });
    expect(await messageOf(negative)).toMatch(/Candidatures!D2: request: the amount -5 is a negative amount/);
    const twice = await workbook((sheet) => {
      plain(sheet);
      sheet.getCell('A4').value = 'D-1';
    });
    expect(await messageOf(twice)).toMatch(/candidats\.xlsx: Candidatures!A4: id: the id 'D-1' is already used on row 2\. Ids must be unique/);
  });

  it('says which header a mapping or a criterion misses, with "did you mean", at the scenario line', async () => {
    const mapping = await workbook(plain, 'columns: {id: "N° de dossier", name: Nom du projet, region: Région, request: Montant demande}');
    expect(await messageOf(mapping)).toMatch(/scenario\.yaml:3: columns\.request: the column 'Montant demande' given for request is not in .*candidats\.xlsx \(sheet 'Candidatures'\)\. Did you mean 'Montant demandé \(€\)'\?/);
    const criterion = await workbook((sheet) => {
      sheet.addRow(HEADER.map((name) => (name === 'Emplois' ? ' EMPLOI ' : name)));
      for (const row of ROWS) sheet.addRow(row);
    });
    expect(await messageOf(criterion)).toMatch(/candidats\.xlsx: Candidatures row 1: Emplois: the criterion column 'Emplois' declared in the scenario is not in the sheet\. Did you mean 'EMPLOI'\?/);
  });

  it('refuses an old .xls and a sheet: for a CSV, saying what to do', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-xls-'));
    writeFileSync(join(folder, 'candidats.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(folder, 's.yaml'), scenarioYaml('candidats.xlsx'));
    expect(await messageOf(join(folder, 's.yaml'))).toMatch(/candidats\.xlsx: this is an old \.xls workbook \(Excel 97–2003\), which enveloppe does not read\. Open it in Excel and save it as "Classeur Excel \(\.xlsx\)"/);
    writeFileSync(join(folder, 'candidats.xls'), 'x');
    writeFileSync(join(folder, 't.yaml'), scenarioYaml('candidats.xls'));
    expect(await messageOf(join(folder, 't.yaml'))).toMatch(/candidats\.xls: enveloppe reads \.xlsx workbooks and CSV files, not this format/);
    writeFileSync(join(folder, 'c.csv'), 'id;name;region;request\n');
    writeFileSync(join(folder, 'u.yaml'), scenarioYaml('c.csv', 'sheet: Candidatures'));
    expect(await messageOf(join(folder, 'u.yaml'))).toMatch(/u\.yaml:3: sheet: sheet: 'Candidatures' is for an \.xlsx candidates file, and c\.csv is not one/);
  });
});

describe('columns: on a CSV', () => {
  it('maps the headers of a French CSV export, and a rule names a header', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'enveloppe-csv-map-'));
    const lines = [HEADER.join(';'), ...ROWS.map((row) => row.map((cell) => String(cell).replace('.', ',')).join(';'))];
    writeFileSync(join(folder, 'candidats.csv'), `${lines.join('\r\n')}\r\n`);
    writeFileSync(join(folder, 'scenario.yaml'), scenarioYaml('candidats.csv', MAPPING).replace('group: {column: region}', 'group: {column: " région "}'));
    const scenario = await loadScenario(join(folder, 'scenario.yaml'));
    expect(scenario.candidates.map((c) => [c.id, c.region, c.request, c.criteria['Emplois']])).toEqual([
      ['D-1', 'Bretagne', 120000, 2],
      ['D-2', 'Île-de-France', 100000, 4.5],
      ['D-3', 'Rhône-Alpes', 80000, 3.5],
    ]);
    expect(scenario.rules[0]?.group.column).toBe('Région');
  });
});

describe('the shipped portal export (scenarios/ptce-2015.xlsx, ptce-2015-portail.yaml)', () => {
  it('is what the generator writes, byte for byte', async () => {
    expect((await ptce2015Workbook()).equals(readFileSync(join(SCENARIOS, 'ptce-2015.xlsx')))).toBe(true);
  });

  it('holds the candidates of ptce-2015.csv, and gives the same allocation under every policy', async () => {
    const csv = await loadScenario(join(SCENARIOS, 'ptce-2015.yaml'));
    const portal = await loadScenario(join(SCENARIOS, 'ptce-2015-portail.yaml'));
    expect(portal.candidates.map((c) => [c.id, c.name, c.region, c.request, Object.values(c.criteria)])).toEqual(csv.candidates.map((c) => [c.id, c.name, c.region, c.request, Object.values(c.criteria)]));
    for (const policy of csv.policies.map((entry) => entry.name)) {
      const [a, b] = await Promise.all([allocate(csv, { policy }, { engine: 'highs' }), allocate(portal, { policy }, { engine: 'highs' })]);
      if (a.status !== 'optimal' || b.status !== 'optimal') throw new Error(`${policy}: not optimal`);
      expect(b.allocation.candidates.map((c) => [c.id, c.grant])).toEqual(a.allocation.candidates.map((c) => [c.id, c.grant]));
      expect(b.allocation.spent).toBe(a.allocation.spent);
    }
  }, 120_000);
});
