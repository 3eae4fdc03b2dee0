/**
 * Reads a scenario file (YAML; JSON is YAML too) and its candidates CSV into a checked Scenario.
 * Every mistake becomes one UserError naming the file, the line and the key.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { UserError } from '../domain/errors.js';
import { formatEuros } from '../domain/money.js';
import type { Criterion, Lock, Policy, ReturnTier, Rule, Scenario } from '../domain/types.js';
import { closest } from '../domain/names.js';
import { compileFormula } from '../scoring/formula.js';
import { rescaled } from '../scoring/score.js';
import { candidatesFromCsv } from './candidates.js';
import { candidatesWithReviews } from './reviews.js';
import { columnMapProblem, fileColumn, readCandidatesTable } from './columns.js';
import { scenarioSchema, type ScenarioFile } from './scenario-schema.js';
import { dotted, fail, schemaError, type LineOf, type Path } from './scenario-errors.js';
import { canonicalWeights, checkFormulaSize, checkGroupIn, forbiddenKey, lockTable, plainYaml } from './scenario-guards.js';
import { canonicalName, readTextFile } from './text.js';

/** Grant step when the scenario gives none. @default 1000 */
export const DEFAULT_STEP = 1000;

/** Reads, checks and resolves a scenario file and the CSV it names. */
export async function loadScenario(path: string): Promise<Scenario> {
  const file = resolve(path);
  const { text, encoding } = readText(path, file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw new UserError(`this is not valid YAML: ${syntax.message.split('\n')[0] ?? ''}`, { file: path, line, field: `column ${col}`, hint: 'Check the indentation (spaces, not tabs), the colons and the brackets around this line.' });
  }
  const at = (where: Path): number | undefined => lineOf(document, lines, where);
  const raw: unknown = plainYaml(document, path);
  if (raw === null || raw === undefined) {
    throw new UserError('the scenario file is empty', { file: path, hint: 'Start from scenarios/tiny.yaml; the README describes every key.' });
  }
  forbiddenKey(raw, path, at);
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw schemaError(parsed.error, raw, path, at);
  const spec = parsed.data;

  const candidatesFile = resolve(dirname(file), spec.candidates);
  // Messages name the CSV as the user would type it: beside the scenario as they named it.
  const shown = isAbsolute(spec.candidates) ? spec.candidates : join(dirname(path), spec.candidates);
  if (!existsSync(candidatesFile)) throw missingCandidates(spec.candidates, candidatesFile, path, at(['candidates']));
  if (spec.sheet !== undefined && !/\.xlsx$/i.test(spec.candidates)) fail(`sheet: '${spec.sheet}' is for an .xlsx candidates file, and ${spec.candidates} is not one`, path, at(['sheet']), 'sheet', 'Remove sheet:, or name the .xlsx workbook in candidates:.');
  const table = await readCandidatesTable(shown, spec.sheet);
  const mapProblem = columnMapProblem(spec.columns, table);
  if (mapProblem !== undefined) fail(mapProblem.message, path, at(['columns', mapProblem.role]), `columns.${mapProblem.role}`, mapProblem.hint);
  const years = Object.keys(spec.envelope.years ?? {});
  const criteria = resolveCriteria(spec, path, at);
  const reviewed = spec.reviews === undefined ? undefined : candidatesWithReviews(table, criteria, years, spec.reviews, { scenario: path, line: at(['reviews']) }, spec.columns);
  const candidates = reviewed?.candidates ?? candidatesFromCsv(table, criteria, years, spec.columns);
  // Rules name the file's headers (or a part mapped by columns:): group by the header's own spelling.
  const rules = spec.rules?.map((rule) => ({ ...rule, group: { ...rule.group, column: fileColumn(rule.group.column, table.header, spec.columns) ?? rule.group.column } }));
  const columns = new Set(table.header);
  const envelope = resolveEnvelope(spec, path, at);
  const grant = resolveGrant(spec, path, at);
  checkEnvelopeFundsAGrant(envelope, grant, path, at);
  const scenario: Scenario = {
    name: spec.name,
    description: spec.description ?? '',
    file,
    candidatesFile,
    candidates,
    envelope,
    grant,
    laureates: resolveLaureates(spec, candidates.length, path, at),
    criteria,
    policies: await resolvePolicies(spec, criteria, candidates, shown, path, at),
    rules: resolveRules(rules === undefined ? spec : { ...spec, rules }, columns, candidates, path, at),
    locks: resolveLocks(spec, candidates, path, at),
    ...noticesOf(path, encoding, shown, table),
    ...(spec.tiebreak === undefined ? {} : { lottery: { seed: String(spec.tiebreak.lottery.seed), band: spec.tiebreak.lottery.band ?? 0 } }),
    ...(reviewed === undefined ? {} : { reviews: reviewed.reviews }),
  };
  return scenario;
}

/** The candidates file named by the scenario does not exist: say so at its line, with the nearest CSV beside it. */
function missingCandidates(named: string, resolved: string, file: string, line: number | undefined): UserError {
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(resolved)).filter((name) => /\.(csv|txt|tsv|xlsx)$/i.test(name));
  } catch {
    // The folder does not exist either: no suggestion.
  }
  const guess = closest(basename(resolved), siblings);
  return new UserError(`the candidates file '${named}' does not exist`, {
    file,
    line,
    field: 'candidates',
    hint:
      guess !== undefined
        ? `Did you mean '${join(dirname(named), guess)}'?`
        : `The path is relative to the scenario's folder (${dirname(resolved)})${siblings.length === 0 ? '' : `, which holds ${siblings.slice(0, 5).join(', ')}`}.`,
  });
}

function readText(path: string, file: string): { text: string; encoding: string } {
  try {
    if (statSync(file).isDirectory()) throw new UserError('is a folder, not a scenario file', { file: path, hint: 'Give the path of a .yaml file, e.g. scenarios/ptce-2013.yaml.', exitCode: 2 });
    return readTextFile(path, 'scenario file');
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('no such scenario file', { file: path, hint: 'Check the path; the shipped scenarios are in scenarios/.', exitCode: 2 });
    }
    throw new UserError(`cannot read the scenario file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: path });
  }
}

/** 1-based line of the key (or list item) at `where`, or of the nearest parent that exists (never the whole document). */
function lineOf(document: Document, lines: LineCounter, where: Path): number | undefined {
  for (let depth = where.length; depth >= 1; depth--) {
    const start = keyStart(document, where.slice(0, depth)) ?? (document.getIn(where.slice(0, depth), true) as { range?: [number, number, number] } | undefined)?.range?.[0];
    if (start !== undefined) return lines.linePos(start).line;
  }
  return undefined;
}

/** Where the key of `where` starts: a block map's value starts on the next line, its key does not. */
function keyStart(document: Document, where: Path): number | undefined {
  const last = where[where.length - 1];
  if (last === undefined) return undefined;
  const parent: unknown = where.length === 1 ? document.contents : document.getIn(where.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(last));
    return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    return (parent.items[last] as { range?: [number, number, number] } | undefined)?.range?.[0];
  }
  return undefined;
}

function resolveCriteria(spec: ScenarioFile, file: string, at: LineOf): Criterion[] {
  const seen = new Set<string>();
  return spec.criteria.map((criterion, index) => {
    const where: Path = ['criteria', index];
    if (seen.has(criterion.column)) fail(`the criterion '${criterion.column}' is declared twice`, file, at(where), dotted([...where, 'column']));
    seen.add(criterion.column);
    const [low, high] = criterion.scale;
    if (!(low < high)) fail(`the scale [${low}, ${high}] must go from a lower to a higher value`, file, at([...where, 'scale']), dotted([...where, 'scale']), 'Write the scale as [lowest, highest]; use better: lower for criteria where less is better.');
    return { column: canonicalName(criterion.column), label: criterion.label ?? criterion.column, scale: [low, high], better: criterion.better ?? 'higher' };
  });
}

function resolveEnvelope(spec: ScenarioFile, file: string, at: LineOf): Scenario['envelope'] {
  const { total } = spec.envelope;
  if (!(total > 0)) fail(`the envelope total must be a positive number of euros, not ${total}`, file, at(['envelope', 'total']), 'envelope.total', 'Write the euros to share for the whole period, e.g. total: 3000000.');
  const years = Object.entries(spec.envelope.years ?? {}).map(([year, ceiling]) => {
    if (!(ceiling > 0)) fail(`the ceiling of ${year} must be a positive number of euros, not ${ceiling}`, file, at(['envelope', 'years', year]), `envelope.years.${year}`, 'Give each year the most it may spend, or remove envelope.years to have no year ceilings.');
    if (!/^[A-Za-z0-9_]+$/.test(year)) fail(`'${year}' is not a usable year label`, file, at(['envelope', 'years']), 'envelope.years', 'Use labels such as 2013 or an1 (letters, digits, _).');
    return { year, ceiling };
  });
  return { total, years };
}

function resolveGrant(spec: ScenarioFile, file: string, at: LineOf): Scenario['grant'] {
  const { min, max } = spec.grant;
  const step = spec.grant.step ?? DEFAULT_STEP;
  if (!(step > 0) || !Number.isInteger(step)) fail(`grant.step must be a whole number of euros above 0, not ${step}`, file, at(['grant', 'step']), 'grant.step');
  if (!(min >= 0)) fail(`grant.min must be 0 or more, not ${min}`, file, at(['grant', 'min']), 'grant.min');
  if (!(max >= min) || !(max > 0)) fail(`grant.max (${max}) must be positive and at least grant.min (${min})`, file, at(['grant', 'max']), 'grant.max');
  return { min, max, step };
}

/**
 * An envelope, or year ceilings, smaller than the grant floor can fund nobody: every allocation
 * would be empty. Ceilings that add up to less than the total are allowed (the total is then
 * never spent in full).
 */
function checkEnvelopeFundsAGrant(envelope: Scenario['envelope'], grant: Scenario['grant'], file: string, at: LineOf): void {
  if (envelope.total < grant.min) {
    fail(`the envelope (${formatEuros(envelope.total)}) is smaller than the smallest grant (grant.min: ${formatEuros(grant.min)}), so no candidate could be funded`, file, at(['envelope', 'total']), 'envelope.total', 'Raise the envelope or lower grant.min.');
  }
  if (envelope.years.length === 0) return;
  const ceilings = envelope.years.reduce((sum, entry) => sum + entry.ceiling, 0);
  if (ceilings < grant.min) {
    fail(`the year ceilings add up to ${formatEuros(ceilings)}, less than the smallest grant (grant.min: ${formatEuros(grant.min)}), so no candidate could be funded`, file, at(['envelope', 'years']), 'envelope.years', 'Raise the ceilings or lower grant.min.');
  }
}

function resolveLaureates(spec: ScenarioFile, count: number, file: string, at: LineOf): Scenario['laureates'] {
  const min = spec.laureates?.min ?? 0;
  const max = spec.laureates?.max ?? count;
  if (min < 0) fail(`laureates.min must be 0 or more, not ${min}`, file, at(['laureates', 'min']), 'laureates.min');
  if (max < min) fail(`laureates.max (${max}) is below laureates.min (${min})`, file, at(['laureates', 'max']), 'laureates.max');
  return { min, max };
}

async function resolvePolicies(spec: ScenarioFile, criteria: readonly Criterion[], candidates: Scenario['candidates'], csv: string, file: string, at: LineOf): Promise<Policy[]> {
  const columns = criteria.map((criterion) => criterion.column);
  const entries = Object.entries(spec.policies ?? {});
  if (entries.length === 0) {
    // No policy declared: every criterion counts the same.
    return [{ name: 'egal', label: 'Poids égaux', weights: Object.fromEntries(columns.map((column) => [column, 1])), returns: [] }];
  }
  const policies: Policy[] = [];
  for (const [name, policy] of entries) {
    const where: Path = ['policies', name];
    const field = `policies.${name}`;
    if ((policy.weights === undefined) === (policy.score === undefined)) {
      fail('a policy has either weights or a score formula', file, at(where), field, 'Give weights: {criterion: weight, …} or score: "formula".');
    }
    const returns = resolveReturns(policy.returns ?? [], file, at([...where, 'returns']), `${field}.returns`);
    if (policy.score !== undefined) {
      checkFormulaSize(policy.score, file, at([...where, 'score']), `${field}.score`);
      const compiled = await compileFormula(policy.score, columns);
      if (!compiled.ok) fail(compiled.reason, file, at([...where, 'score']), `${field}.score`, compiled.hint);
      // A formula that breaks on one candidate (x / 0, log(0)) is the scenario's mistake: say so here, by candidate.
      for (const candidate of candidates) {
        const value = compiled.evaluate(rescaled(candidate, criteria));
        if (!Number.isFinite(value)) {
          fail(`the formula gives ${value} for candidate ${candidate.id} (${csv} line ${candidate.line})`, file, at([...where, 'score']), `${field}.score`, 'Guard what can be zero: write a / max(b, 0.01) instead of a / b, and log(max(x, 0.01)) instead of log(x).');
        }
      }
      policies.push({ name, label: policy.label ?? name, weights: {}, score: policy.score, returns });
      continue;
    }
    const weights = canonicalWeights(policy.weights ?? {});
    let sum = 0;
    for (const [column, weight] of Object.entries(weights)) {
      if (!columns.includes(column)) {
        const guess = closest(column, columns);
        fail(`'${column}' is not a declared criterion`, file, at([...where, 'weights', column]), `${field}.weights.${column}`, guess === undefined ? `Declared criteria: ${columns.join(', ')}.` : `Did you mean '${guess}'?`);
      }
      if (!Number.isFinite(weight) || weight < 0) fail(`the weight of '${column}' must be a number 0 or more, not ${weight}`, file, at([...where, 'weights', column]), `${field}.weights.${column}`, 'Weights say how much each criterion counts; write 0 for a criterion that should not count.');
      sum += weight;
    }
    if (!(sum > 0)) fail('every weight of this policy is zero', file, at([...where, 'weights']), `${field}.weights`, 'Give at least one criterion a weight above 0.');
    policies.push({ name, label: policy.label ?? name, weights, returns });
  }
  return policies;
}

function resolveReturns(tiers: readonly (readonly [number, number])[], file: string, line: number | undefined, field: string): ReturnTier[] {
  let previous: ReturnTier | undefined;
  const resolved = tiers.map(([share, value]) => {
    if (!(share > 0) || (previous !== undefined && !(share > previous.share))) fail('return tiers need shares above 0 that increase', file, line, field, 'Write tiers as [[0.5, 1], [1, 0.4]]: share of the request, value per euro.');
    if (!(value >= 0) || (previous !== undefined && value > previous.value)) fail('return tier values must be 0 or more and never increase (diminishing returns keep the model linear)', file, line, field);
    previous = { share, value };
    return previous;
  });
  if (previous !== undefined && previous.share < 1) fail(`the last return tier must reach the whole request (share 1), not ${previous.share}`, file, line, field);
  return resolved;
}

function resolveRules(spec: ScenarioFile, columns: ReadonlySet<string>, candidates: Scenario['candidates'], file: string, at: LineOf): Rule[] {
  return (spec.rules ?? []).map((rule, index) => {
    const where: Path = ['rules', index];
    const field = `rules[${index}]`;
    if (!columns.has(rule.group.column)) {
      const guess = closest(rule.group.column, [...columns]);
      fail(`the column '${rule.group.column}' is not in the candidates CSV`, file, at([...where, 'group', 'column']), `${field}.group.column`, guess === undefined ? `Columns: ${[...columns].join(', ')}.` : `Did you mean '${guess}'?`);
    }
    const values = [...new Set(candidates.map((candidate) => candidate.attributes[rule.group.column] ?? ''))];
    checkGroupIn(rule.group.in, file, at([...where, 'group', 'in']), `${field}.group.in`);
    const listed = rule.group.in?.map(String);
    for (const value of listed ?? []) {
      if (!values.includes(value)) {
        const guess = closest(value, values);
        fail(`no candidate has '${value}' in column '${rule.group.column}'`, file, at([...where, 'group', 'in']), `${field}.group.in`, guess === undefined ? `Values found: ${values.slice(0, 12).join(', ')}.` : `Did you mean '${guess}'?`);
      }
    }
    if (rule.share === undefined && rule.amount === undefined && rule.count === undefined) fail('a rule needs share, amount or count bounds', file, at(where), field, 'e.g. share: {max: 0.2}.');
    const check = (measure: 'share' | 'amount' | 'count', bounds: { min?: number | undefined; max?: number | undefined } | undefined): void => {
      if (bounds === undefined) return;
      const { min, max } = bounds;
      for (const [side, value] of [['min', min], ['max', max]] as const) {
        if (value === undefined) continue;
        if (!(value >= 0)) fail(`${measure}.${side} must be 0 or more, not ${value}`, file, at([...where, measure, side]), `${field}.${measure}.${side}`);
        if (measure === 'share' && value > 1) fail(`share.${side} is a fraction of the envelope between 0 and 1, not ${value}`, file, at([...where, measure, side]), `${field}.share.${side}`, `For ${value} %, write ${value / 100}.`);
        if (measure === 'count' && !Number.isInteger(value)) fail(`count.${side} must be a whole number, not ${value}`, file, at([...where, measure, side]), `${field}.count.${side}`);
      }
      if (min !== undefined && max !== undefined && min > max) fail(`${measure}.min (${min}) is above ${measure}.max (${max})`, file, at([...where, measure]), `${field}.${measure}`);
    };
    check('share', rule.share);
    check('amount', rule.amount);
    check('count', rule.count);
    return {
      label: rule.label,
      group: listed === undefined ? { column: rule.group.column } : { column: rule.group.column, in: listed },
      ...(rule.share === undefined ? {} : { share: rule.share }),
      ...(rule.amount === undefined ? {} : { amount: rule.amount }),
      ...(rule.count === undefined ? {} : { count: rule.count }),
    };
  });
}

function resolveLocks(spec: ScenarioFile, candidates: Scenario['candidates'], file: string, at: LineOf): Record<string, Lock> {
  const ids = candidates.map((candidate) => candidate.id);
  const known = new Set(ids);
  const locks = lockTable();
  for (const [named, lock] of Object.entries(spec.locks ?? {})) {
    const id = canonicalName(named);
    if (!known.has(id)) {
      const guess = closest(id, ids);
      fail(`no candidate has the id '${id}'`, file, at(['locks', id]), `locks.${id}`, guess === undefined ? 'Lock candidates by their id column.' : `Did you mean '${guess}'?`);
    }
    locks[id] = lock;
  }
  return locks;
}

/**
 * Files read as Windows-1252 (not valid UTF-8): said once, so that a wrong guess (a file in another
 * encoding) is noticed; saving from the simulator keeps that encoding.
 */
function noticesOf(path: string, encoding: string, candidates: string, table: object): { notices?: readonly string[] } {
  const notices: string[] = [];
  if (encoding === 'windows-1252') notices.push(`${path} is not UTF-8 and was read as Windows-1252; the simulator saves it back in Windows-1252`);
  if ('encoding' in table && table.encoding === 'windows-1252') notices.push(`${candidates} is not UTF-8 and was read as Windows-1252 (Excel's "CSV (séparateur : point-virgule)"); check that accented names read right`);
  return notices.length === 0 ? {} : { notices };
}
