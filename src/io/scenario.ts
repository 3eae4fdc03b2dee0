/**
 * Reads a scenario file (YAML; JSON is YAML too) and its candidates CSV into a checked Scenario.
 * Every mistake becomes one UserError naming the file, the line and the key.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { UserError } from '../domain/errors.js';
import type { Criterion, Lock, Policy, ReturnTier, Rule, Scenario } from '../domain/types.js';
import { closest, compileFormula } from '../scoring/formula.js';
import { candidatesFromCsv } from './candidates.js';
import { readCsvFile } from './csv.js';
import { knownKeys, scenarioSchema, type ScenarioFile } from './scenario-schema.js';

/** Grant step when the scenario gives none. @default 1000 */
export const DEFAULT_STEP = 1000;

type Path = readonly (string | number)[];

/** Reads, checks and resolves a scenario file and the CSV it names. */
export async function loadScenario(path: string): Promise<Scenario> {
  const file = resolve(path);
  const text = readText(path, file);
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax !== undefined) {
    const line = lines.linePos(syntax.pos[0]).line;
    throw new UserError(`this is not valid YAML: ${syntax.message.split('\n')[0] ?? ''}`, { file: path, line, hint: 'Check the indentation and the colons around this line.' });
  }
  const at = (where: Path): number | undefined => lineOf(document, lines, where);
  const parsed = scenarioSchema.safeParse(document.toJS());
  if (!parsed.success) throw schemaError(parsed.error, path, at);
  const spec = parsed.data;

  const candidatesFile = resolve(dirname(file), spec.candidates);
  const table = readCsvFile(candidatesFile);
  const years = Object.keys(spec.envelope.years ?? {});
  const criteria = resolveCriteria(spec, path, at);
  const candidates = candidatesFromCsv(table, criteria, years);
  const columns = new Set(table.header);
  const scenario: Scenario = {
    name: spec.name,
    description: spec.description ?? '',
    file,
    candidatesFile,
    candidates,
    envelope: resolveEnvelope(spec, path, at),
    grant: resolveGrant(spec, path, at),
    laureates: resolveLaureates(spec, candidates.length, path, at),
    criteria,
    policies: await resolvePolicies(spec, criteria, path, at),
    rules: resolveRules(spec, columns, candidates, path, at),
    locks: resolveLocks(spec, candidates, path, at),
  };
  return scenario;
}

function readText(path: string, file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new UserError('is a folder, not a scenario file', { file: path, hint: 'Give the path of a .yaml file, e.g. scenarios/ptce-2013.yaml.', exitCode: 2 });
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof UserError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError('no such scenario file', { file: path, hint: 'Check the path; the shipped scenarios are in scenarios/.', exitCode: 2 });
    }
    throw new UserError(`cannot read the scenario file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file: path });
  }
}

/** 1-based line of the node at `where`, or of the nearest parent that exists. */
function lineOf(document: Document, lines: LineCounter, where: Path): number | undefined {
  for (let depth = where.length; depth >= 0; depth--) {
    const node = document.getIn(where.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    const start = node?.range?.[0];
    if (start !== undefined) return lines.linePos(start).line;
  }
  return undefined;
}

function dotted(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

function schemaError(error: z.ZodError, file: string, at: (where: Path) => number | undefined): UserError {
  const issue = error.issues[0];
  if (issue === undefined) return new UserError('the scenario does not match its schema', { file });
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const guess = closest(key, knownKeys(path));
    const known = knownKeys(path).filter((name) => name !== '$schema');
    return new UserError(`unknown key '${key}'`, {
      file,
      line: at([...path, key]),
      field: dotted([...path, key]),
      hint: guess === undefined ? `Known keys here: ${known.join(', ')}.` : `Did you mean '${guess}'?`,
    });
  }
  if (issue.code === 'invalid_type') {
    const missing = issue.message.includes('received undefined');
    return new UserError(missing ? `'${dotted(path)}' is missing` : `'${dotted(path)}' should be ${article(issue.expected)}`, {
      file,
      line: at(path),
      field: dotted(path),
      hint: missing ? 'See the scenario format in the README.' : undefined,
    });
  }
  return new UserError(issue.message, { file, line: at(path), field: dotted(path) });
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function fail(message: string, file: string, line: number | undefined, field: string, hint?: string): never {
  throw new UserError(message, { file, line, field, hint });
}

function resolveCriteria(spec: ScenarioFile, file: string, at: (where: Path) => number | undefined): Criterion[] {
  const seen = new Set<string>();
  return spec.criteria.map((criterion, index) => {
    const where: Path = ['criteria', index];
    if (seen.has(criterion.column)) fail(`the criterion '${criterion.column}' is declared twice`, file, at(where), dotted([...where, 'column']));
    seen.add(criterion.column);
    const [low, high] = criterion.scale;
    if (!(low < high)) fail(`the scale [${low}, ${high}] must go from a lower to a higher value`, file, at([...where, 'scale']), dotted([...where, 'scale']), 'Write the scale as [lowest, highest]; use better: lower for criteria where less is better.');
    return { column: criterion.column, label: criterion.label ?? criterion.column, scale: [low, high], better: criterion.better ?? 'higher' };
  });
}

function resolveEnvelope(spec: ScenarioFile, file: string, at: (where: Path) => number | undefined): Scenario['envelope'] {
  const { total } = spec.envelope;
  if (!(total > 0)) fail(`the envelope total must be a positive number of euros, not ${total}`, file, at(['envelope', 'total']), 'envelope.total');
  const years = Object.entries(spec.envelope.years ?? {}).map(([year, ceiling]) => {
    if (!(ceiling > 0)) fail(`the ceiling of ${year} must be a positive number of euros, not ${ceiling}`, file, at(['envelope', 'years', year]), `envelope.years.${year}`);
    if (!/^[A-Za-z0-9_]+$/.test(year)) fail(`'${year}' is not a usable year label`, file, at(['envelope', 'years']), 'envelope.years', 'Use labels such as 2013 or an1 (letters, digits, _).');
    return { year, ceiling };
  });
  return { total, years };
}

function resolveGrant(spec: ScenarioFile, file: string, at: (where: Path) => number | undefined): Scenario['grant'] {
  const { min, max } = spec.grant;
  const step = spec.grant.step ?? DEFAULT_STEP;
  if (!(step > 0) || !Number.isInteger(step)) fail(`grant.step must be a whole number of euros above 0, not ${step}`, file, at(['grant', 'step']), 'grant.step');
  if (!(min >= 0)) fail(`grant.min must be 0 or more, not ${min}`, file, at(['grant', 'min']), 'grant.min');
  if (!(max >= min) || !(max > 0)) fail(`grant.max (${max}) must be positive and at least grant.min (${min})`, file, at(['grant', 'max']), 'grant.max');
  return { min, max, step };
}

function resolveLaureates(spec: ScenarioFile, count: number, file: string, at: (where: Path) => number | undefined): Scenario['laureates'] {
  const min = spec.laureates?.min ?? 0;
  const max = spec.laureates?.max ?? count;
  if (min < 0) fail(`laureates.min must be 0 or more, not ${min}`, file, at(['laureates', 'min']), 'laureates.min');
  if (max < min) fail(`laureates.max (${max}) is below laureates.min (${min})`, file, at(['laureates', 'max']), 'laureates.max');
  return { min, max };
}

async function resolvePolicies(spec: ScenarioFile, criteria: readonly Criterion[], file: string, at: (where: Path) => number | undefined): Promise<Policy[]> {
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
      const compiled = await compileFormula(policy.score, columns);
      if (!compiled.ok) fail(compiled.reason, file, at([...where, 'score']), `${field}.score`, compiled.hint);
      policies.push({ name, label: policy.label ?? name, weights: {}, score: policy.score, returns });
      continue;
    }
    const weights = policy.weights ?? {};
    let sum = 0;
    for (const [column, weight] of Object.entries(weights)) {
      if (!columns.includes(column)) {
        const guess = closest(column, columns);
        fail(`'${column}' is not a declared criterion`, file, at([...where, 'weights', column]), `${field}.weights.${column}`, guess === undefined ? `Declared criteria: ${columns.join(', ')}.` : `Did you mean '${guess}'?`);
      }
      if (!Number.isFinite(weight) || weight < 0) fail(`the weight of '${column}' must be a number 0 or more, not ${weight}`, file, at([...where, 'weights', column]), `${field}.weights.${column}`);
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

function resolveRules(spec: ScenarioFile, columns: ReadonlySet<string>, candidates: Scenario['candidates'], file: string, at: (where: Path) => number | undefined): Rule[] {
  return (spec.rules ?? []).map((rule, index) => {
    const where: Path = ['rules', index];
    const field = `rules[${index}]`;
    if (!columns.has(rule.group.column)) {
      const guess = closest(rule.group.column, [...columns]);
      fail(`the column '${rule.group.column}' is not in the candidates CSV`, file, at([...where, 'group', 'column']), `${field}.group.column`, guess === undefined ? `Columns: ${[...columns].join(', ')}.` : `Did you mean '${guess}'?`);
    }
    const values = [...new Set(candidates.map((candidate) => candidate.attributes[rule.group.column] ?? ''))];
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

function resolveLocks(spec: ScenarioFile, candidates: Scenario['candidates'], file: string, at: (where: Path) => number | undefined): Record<string, Lock> {
  const ids = candidates.map((candidate) => candidate.id);
  const known = new Set(ids);
  const locks: Record<string, Lock> = {};
  for (const [id, lock] of Object.entries(spec.locks ?? {})) {
    if (!known.has(id)) {
      const guess = closest(id, ids);
      fail(`no candidate has the id '${id}'`, file, at(['locks', id]), `locks.${id}`, guess === undefined ? 'Lock candidates by their id column.' : `Did you mean '${guess}'?`);
    }
    locks[id] = lock;
  }
  return locks;
}
