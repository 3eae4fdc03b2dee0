/**
 * The `--xlsx` workbook: the allocation, its regions and rules, the parameters an auditor needs,
 * and an analysis's own table. Sheets are data (SheetOut); src/io/xlsx.ts turns them into bytes.
 */
import { relative, resolve } from 'node:path';
import type { Allocation } from '../domain/allocation.js';
import { UserError } from '../domain/errors.js';
import { fr } from './bilingual.js';
import type { Scenario } from '../domain/types.js';
import { allocationTable } from './allocation-export.js';
import type { CsvTableOut } from './csv-write.js';
import { sha256 } from './record.js';
import type { CellFormat, SheetOut, TotalCell } from './xlsx.js';

/** What the parameters sheet records besides the allocation. */
export interface WorkbookContext {
  readonly scenario: Scenario;
  /** The scenario path as the user typed it, for the commands shown. */
  readonly scenarioPath: string;
  /** The workbook's own path: input paths are shown relative to it. */
  readonly output: string;
  readonly engine: string;
  readonly date: Date;
  /** The decision record written beside, if any (`--record`). */
  readonly record?: string;
}

/**
 * The date written in outputs: now, or SOURCE_DATE_EPOCH (seconds) when set, so that a build
 * or a test can ask for the same bytes twice.
 */
export function outputDate(): Date {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  return process.env['SOURCE_DATE_EPOCH'] !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

/** `--csv x.xlsx` would put CSV text under a workbook's name, which Excel refuses to open. */
export function refuseCsvNamedXlsx(path: string | undefined, flag = '--csv'): void {
  if (path !== undefined && /\.xlsx$/i.test(path)) {
    const message = { en: `${flag} writes CSV text, and '${path}' is a workbook's name`, fr: fr`${flag} écrit du texte CSV, et « ${path} » est un nom de classeur` };
    const hint = { en: `Write the workbook with --xlsx ${path}, or name the CSV .csv.`, fr: `Écrivez le classeur avec --xlsx ${path}, ou nommez le CSV en .csv.` };
    throw new UserError(message, { field: flag, hint, exitCode: 2 });
  }
}

/** The allocation sheet: the CSV's French table, amounts as numbers in euros, totals as SUM formulas. */
export function allocationSheet(allocation: Allocation): SheetOut {
  const table = allocationTable(allocation, { excel: true });
  const rows = table.rows.slice(0, -1);
  const last = table.rows.at(-1) ?? [];
  const formats = table.columns.map((header): CellFormat => (header === 'Rang' ? 'integer' : header === 'Score' ? 'decimal' : header.includes('(€)') ? 'euros' : header.includes('(%)') ? 'tenths' : 'text'));
  const total: TotalCell[] = last.map((cell, i) => (typeof cell === 'number' && formats[i] === 'euros' ? { sum: cell } : cell === '' ? null : cell));
  return {
    name: 'Répartition',
    columns: table.columns.map((header, i) => ({ header, format: formats[i] ?? 'text' })),
    rows: rows.map((row) => row.map((cell) => cell)),
    total,
  };
}

/** Amounts by region, then each rule with its bounds and whether it binds. */
export function regionsAndRulesSheet(allocation: Allocation): SheetOut {
  const rows: (string | number | null)[][] = allocation.regions.map((region) => ['Région', region.region, region.amount, region.laureates, null, null, null]);
  for (const rule of allocation.rules) {
    const euros = rule.measure !== 'count';
    rows.push([`Règle : ${rule.label}`, rule.group, euros ? rule.value : null, euros ? null : rule.value, rule.min ?? null, rule.max ?? null, rule.binding ? 'oui (saturée)' : 'non']);
  }
  return {
    name: 'Régions et règles',
    columns: [
      { header: 'Quoi', width: 48 },
      { header: 'Groupe', width: 30 },
      { header: 'Montant (€)', format: 'euros' },
      { header: 'Lauréats', format: 'integer' },
      { header: 'Plancher (€ ou lauréats)', format: 'integer' },
      { header: 'Plafond (€ ou lauréats)', format: 'integer' },
      { header: 'Saturée', width: 14 },
    ],
    rows,
  };
}

/** Scenario, policy, normalised weights, engine, date, input hashes and the commands to re-run. */
export function parametersSheet(allocation: Allocation, context: WorkbookContext): SheetOut {
  const { scenario } = context;
  const folder = resolve(context.output, '..');
  const shown = (file: string): string => relative(folder, file).split('\\').join('/');
  const record = context.record ?? 'decision.json';
  const policyFlag = `--policy ${allocation.policy}`;
  const rows: (string | number | null)[][] = [
    ['Scénario', scenario.name],
    ['Fichier du scénario', shown(scenario.file)],
    ['Fichier des candidats', shown(scenario.candidatesFile)],
    ['SHA-256 du scénario', sha256(scenario.file)],
    ['SHA-256 des candidats', sha256(scenario.candidatesFile)],
    ['Politique', `${allocation.policyLabel} (${allocation.policy})`],
    ...(allocation.formula === undefined ? [] : [['Formule du score', allocation.formula]]),
    ...scenario.criteria.map((criterion) => [`Poids normalisé : ${criterion.label}`, allocation.weights?.[criterion.column] ?? null]),
    ['Enveloppe (€)', allocation.total],
    ['Attribué (€)', allocation.spent],
    ['Lauréats', allocation.laureates],
    ['Optimum (Σ score × €)', allocation.objective],
    ['Moteur', context.engine],
    ['Date', context.date.toISOString()],
    ['Rejouer et vérifier', context.record === undefined ? `enveloppe solve ${context.scenarioPath} ${policyFlag} --record ${record} && enveloppe verify ${record}` : `enveloppe verify ${record}`],
  ];
  return { name: 'Paramètres', columns: [{ header: 'Paramètre', width: 44 }, { header: 'Valeur', width: 70 }], rows };
}

/**
 * An analysis's table as a sheet: columns whose header speaks of euros (or is an envelope amount)
 * hold euros; a last row labelled total becomes SUM formulas over them.
 */
export function analysisSheet(name: string, table: CsvTableOut): SheetOut {
  const formats = table.columns.map((header): CellFormat => (/€|_eur$|^\d+$/.test(header) ? 'euros' : /pct|%/.test(header) ? 'decimal' : 'text'));
  const last = table.rows.at(-1);
  const hasTotal = last !== undefined && last.some((cell) => typeof cell === 'string' && /^total$/i.test(cell));
  const rows = (hasTotal ? table.rows.slice(0, -1) : table.rows).map((row) => row.map((cell) => (cell === '' ? null : cell)));
  const total = hasTotal ? last.map((cell, i): TotalCell => (typeof cell === 'number' && formats[i] === 'euros' ? { sum: cell } : cell === '' ? null : cell)) : undefined;
  return { name, columns: table.columns.map((header, i) => ({ header, format: formats[i] ?? 'text' })), rows, ...(total === undefined ? {} : { total }) };
}

/** The whole workbook of a solve (or of an analysis, with its sheet last). */
export async function allocationWorkbook(allocation: Allocation, context: WorkbookContext, analysis?: SheetOut): Promise<Buffer> {
  const { workbookBytes } = await import('./xlsx.js');
  const sheets = [allocationSheet(allocation), regionsAndRulesSheet(allocation), parametersSheet(allocation, context), ...(analysis === undefined ? [] : [analysis])];
  return workbookBytes(sheets, context.date);
}
