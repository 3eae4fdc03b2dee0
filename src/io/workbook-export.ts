/**
 * The `--xlsx` workbook: the allocation, its regions and rules, the parameters an auditor needs,
 * and an analysis's own table. Sheets are data (SheetOut); src/io/xlsx.ts turns them into bytes.
 */
import { relative, resolve } from 'node:path';
import type { Allocation } from '../domain/allocation.js';
import type { Lang } from '../domain/lang.js';
import { UserError } from '../domain/errors.js';
import { fr } from './bilingual.js';
import type { Scenario } from '../domain/types.js';
import { allocationTable } from './allocation-export.js';
import { workbookWords } from './export-words.js';
import type { CsvTableOut } from './csv-write.js';
import { inputSha256 } from './record.js';
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
  /** The language of the sheets' names, headers and labels. @default 'fr' */
  readonly lang?: Lang;
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

/** The allocation sheet: the `--excel` CSV's table, amounts as numbers in euros, totals as SUM formulas. */
export function allocationSheet(allocation: Allocation, lang?: Lang): SheetOut {
  const table = allocationTable(allocation, lang === undefined ? { excel: true } : { excel: true, lang });
  const rows = table.rows.slice(0, -1);
  const last = table.rows.at(-1) ?? [];
  // Rank, id, name, region, score, a grant per year, grant, request, share of the request, laureate.
  const years = allocation.years.map((): CellFormat => 'euros');
  const formats: CellFormat[] = ['integer', 'text', 'text', 'text', 'decimal', ...years, 'euros', 'euros', 'tenths', 'text'];
  const total: TotalCell[] = last.map((cell, i) => (typeof cell === 'number' && formats[i] === 'euros' ? { sum: cell } : cell === '' ? null : cell));
  return {
    name: workbookWords(lang).allocation,
    columns: table.columns.map((header, i) => ({ header, format: formats[i] ?? 'text' })),
    rows: rows.map((row) => row.map((cell) => cell)),
    total,
  };
}

/** Amounts by region, then each rule with its bounds and whether it binds. */
export function regionsAndRulesSheet(allocation: Allocation, lang?: Lang): SheetOut {
  const words = workbookWords(lang);
  const rows: (string | number | null)[][] = allocation.regions.map((region) => [words.regionRow, region.region, region.amount, region.laureates, null, null, null]);
  for (const rule of allocation.rules) {
    const euros = rule.measure !== 'count';
    rows.push([words.ruleRow(rule.label), rule.group, euros ? rule.value : null, euros ? null : rule.value, rule.min ?? null, rule.max ?? null, rule.binding ? words.binds : words.free]);
  }
  return {
    name: words.regionsAndRules,
    columns: [
      { header: words.what, width: 48 },
      { header: words.group, width: 30 },
      { header: words.amount, format: 'euros' },
      { header: words.laureates, format: 'integer' },
      { header: words.floor, format: 'integer' },
      { header: words.ceiling, format: 'integer' },
      { header: words.binding, width: 14 },
    ],
    rows,
  };
}

/** Scenario, policy, normalised weights, engine, date, input hashes and the commands to re-run. */
export function parametersSheet(allocation: Allocation, context: WorkbookContext): SheetOut {
  const { scenario } = context;
  const words = workbookWords(context.lang);
  const folder = resolve(context.output, '..');
  const shown = (file: string): string => relative(folder, file).split('\\').join('/');
  const record = context.record ?? 'decision.json';
  const policyFlag = `--policy ${allocation.policy}`;
  const rows: (string | number | null)[][] = [
    [words.scenario, scenario.name],
    [words.scenarioFile, shown(scenario.file)],
    [words.candidatesFile, shown(scenario.candidatesFile)],
    [words.scenarioHash, inputSha256(scenario, scenario.file)],
    [words.candidatesHash, inputSha256(scenario, scenario.candidatesFile)],
    [words.policy, `${allocation.policyLabel} (${allocation.policy})`],
    ...(allocation.formula === undefined ? [] : [[words.formula, allocation.formula]]),
    ...scenario.criteria.map((criterion) => [words.weight(criterion.label), allocation.weights?.[criterion.column] ?? null]),
    [words.envelope, allocation.total],
    [words.granted, allocation.spent],
    [words.laureates, allocation.laureates],
    [words.optimum, allocation.objective],
    [words.engine, context.engine],
    [words.date, context.date.toISOString()],
    [words.rerun, context.record === undefined ? `enveloppe solve ${context.scenarioPath} ${policyFlag} --record ${record} && enveloppe verify ${record}` : `enveloppe verify ${record}`],
  ];
  return { name: words.parameters, columns: [{ header: words.parameter, width: 44 }, { header: words.value, width: 70 }], rows };
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
  const sheets = [allocationSheet(allocation, context.lang), regionsAndRulesSheet(allocation, context.lang), parametersSheet(allocation, context), ...(analysis === undefined ? [] : [analysis])];
  return workbookBytes(sheets, context.date);
}
