/** `enveloppe solve` and `enveloppe validate`: load, solve, then print and write what was asked. */
import { dirname, relative, resolve } from 'node:path';
import { allocate, type Allocation, type AllocationOutcome, type Selection } from '../analysis/allocation.js';
import { explainInfeasibility, type ConflictReport } from '../analysis/conflicts.js';
import { UserError } from '../domain/errors.js';
import { formatEuros } from '../domain/money.js';
import type { Scenario } from '../domain/types.js';
import { allocationCsv, allocationJson } from '../io/allocation-export.js';
import { checkOutputPath, writeOutput } from '../io/files.js';
import { firstDifference, makeRecord, readRecord, sha256 } from '../io/record.js';
import { loadScenario } from '../io/scenario.js';
import { toLpFormat } from '../model/lp-format.js';
import { DEFAULT_SOLVE_OPTIONS, type EngineChoice, type EngineName } from '../solver/types.js';
import { engineChoice, EXIT, parseWeights, policyName, relativeGap, seconds } from './options.js';
import { formatGap, renderReport } from './report.js';

export interface SolveFlags {
  readonly policy?: string;
  readonly weights?: string;
  readonly json?: boolean;
  readonly csv?: string;
  readonly excel?: boolean;
  readonly lp?: string;
  readonly solver?: string;
  readonly timeLimit?: string;
  readonly gap?: string;
  readonly all?: boolean;
  readonly record?: string;
  readonly check?: boolean;
}

/** Where messages and data go; the process's streams in real use, buffers in tests. */
export interface Console {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function runSolve(path: string, flags: SolveFlags, console: Console): Promise<number> {
  const engine: EngineChoice = engineChoice(flags.solver ?? 'auto');
  const timeLimitMs = flags.timeLimit === undefined ? undefined : seconds(flags.timeLimit, '--time-limit') * 1000;
  const gap = flags.gap === undefined ? undefined : relativeGap(flags.gap, '--gap');
  if (flags.excel === true && flags.csv === undefined) {
    throw new UserError('--excel formats the --csv file, and no --csv was given', { field: '--excel', hint: 'Add --csv allocation.csv.', exitCode: EXIT.usage });
  }
  const scenario = await loadScenario(path);
  const policy = policyName(scenario, flags.policy);
  const weights = flags.weights === undefined ? undefined : parseWeights(scenario, flags.weights);
  const inputs = [scenario.file, scenario.candidatesFile];
  // Refuse a bad output path now, not after a solve whose table is already on the screen.
  if (flags.csv !== undefined) checkOutputPath(flags.csv, inputs, 'CSV');
  if (flags.lp !== undefined) checkOutputPath(flags.lp, inputs, 'LP model');
  if (flags.record !== undefined) checkOutputPath(flags.record, inputs, 'decision record');
  const selection = weights === undefined ? { policy } : { policy, weights };
  const outcome = await allocate(scenario, selection, { engine, ...(timeLimitMs === undefined ? {} : { timeLimitMs }), ...(gap === undefined ? {} : { relativeGap: gap }) });

  // The LP file is written whatever the outcome: an infeasible model is worth reading too.
  if (flags.lp !== undefined && outcome.status !== 'failed') {
    await writeOutput(flags.lp, toLpFormat(outcome.model), inputs, 'LP model');
    console.err(`Wrote the model to ${flags.lp} (CPLEX LP format).\n`);
  }
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return reportFailure(outcome, path, console, scenario);
  if (outcome.status === 'feasible') {
    const limit = (timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs) / 1000;
    console.err(`enveloppe: ${path}: the time limit (${limit} s) stopped the search before the gap reached its target: this allocation passes every rule and is proven within ${formatGap(outcome.allocation.gap)} of the best possible. Try --time-limit ${Math.max(120, limit * 4)} for a tighter proof.\n`);
  }
  if (flags.check === true) {
    const disagreement = await crossCheck(scenario, selection, outcome.allocation, timeLimitMs);
    if (disagreement !== undefined) {
      console.err(`enveloppe: ${path}: ${disagreement}; no allocation is shown.\n`);
      return EXIT.error;
    }
  }

  const { allocation } = outcome;
  if (flags.json === true) console.out(allocationJson(allocation, outcome.status));
  else console.out(renderReport(allocation, { all: flags.all === true }));
  if (flags.record !== undefined) {
    const record = makeRecord(flags.record, scenario, selection, engine, allocation, new Date());
    await writeOutput(flags.record, `${JSON.stringify(record, null, 2)}\n`, inputs, 'decision record');
    console.err(`Wrote the decision record to ${flags.record}; 'enveloppe verify ${flags.record}' re-runs it.\n`);
  }
  if (flags.csv !== undefined) {
    const excel = flags.excel === true;
    await writeOutput(flags.csv, allocationCsv(allocation, { excel }), inputs, 'CSV');
    console.err(`Wrote ${allocation.candidates.length} rows and their total (${formatEuros(allocation.spent)}) to ${flags.csv}${excel ? ' for French Excel' : ''}.\n`);
  }
  return EXIT.ok;
}

async function reportFailure(outcome: Exclude<AllocationOutcome, { status: 'optimal' | 'feasible' }>, where: string, console: Console, scenario: Scenario): Promise<number> {
  switch (outcome.status) {
    case 'infeasible':
      console.err(`enveloppe: ${where}: no allocation satisfies every rule of this scenario (infeasible).\n${renderConflicts(await explainInfeasibility(scenario))}`);
      return EXIT.infeasible;
    case 'timedout':
      console.err(`enveloppe: ${where}: the solver ran out of time before finding any allocation that passes every rule. Try --time-limit 120 or --solver highs.\n`);
      return EXIT.error;
    case 'unbounded':
      console.err(`enveloppe: ${where}: the model is unbounded, which an allocation model should never be; please report it.\n`);
      return EXIT.error;
    case 'failed':
      console.err(`enveloppe: ${where}: ${outcome.reason}.\n`);
      return EXIT.error;
  }
}

/**
 * Solves again with the other engine and compares the optima; a string says how they disagree.
 * Both engines prove optimality, so a difference beyond 1e-6 relative means one of them is wrong.
 */
async function crossCheck(scenario: Scenario, selection: Selection, first: Allocation, timeLimitMs: number | undefined): Promise<string | undefined> {
  const { objective, engine } = first;
  const other: EngineName = engine === 'jslp' ? 'highs' : 'jslp';
  const second = await allocate(scenario, selection, timeLimitMs === undefined ? { engine: other } : { engine: other, timeLimitMs });
  const names: Record<EngineName, string> = { jslp: 'javascript-lp-solver', highs: 'HiGHS' };
  if (second.status !== 'optimal') return `--check: ${names[other]} did not confirm the optimum (${second.status === 'failed' ? second.reason : second.status})`;
  const theirs = second.allocation.objective;
  // Each engine proves its objective within its own gap of the optimum; beyond both gaps, one of them is wrong.
  const tolerance = Math.max(first.gap, second.allocation.gap) + 1e-6;
  if (Math.abs(theirs - objective) > tolerance * Math.max(1, Math.abs(objective))) {
    return `--check: the engines disagree: ${names[engine]} finds an optimum of ${objective}, ${names[other]} ${theirs}`;
  }
  return undefined;
}

/** Re-runs a decision record and says whether it reproduces byte for byte. */
export async function runVerify(path: string, console: Console): Promise<number> {
  const record = readRecord(path);
  const folder = dirname(resolve(path));
  for (const input of record.inputs) {
    const file = resolve(folder, input.path);
    let now: string;
    try {
      now = sha256(file);
    } catch {
      console.err(`enveloppe: ${path}: the ${input.role} file ${input.path} is missing; the record cannot be re-run.\n`);
      return EXIT.error;
    }
    if (now !== input.sha256) {
      console.err(`enveloppe: ${path}: the ${input.role} file ${input.path} has changed since the record (SHA-256 ${now.slice(0, 12)}…, recorded ${input.sha256.slice(0, 12)}…).\n`);
      return EXIT.error;
    }
  }
  const scenarioInput = record.inputs.find((input) => input.role === 'scenario');
  const scenario = await loadScenario(resolve(folder, scenarioInput?.path ?? ''));
  const selection: Selection = record.selection.weights === null ? { policy: record.selection.policy } : { policy: record.selection.policy, weights: record.selection.weights };
  const outcome = await allocate(scenario, selection, { engine: record.selection.engine });
  if (outcome.status !== 'optimal') {
    console.err(`enveloppe: ${path}: the re-run ended ${outcome.status}; the record does not reproduce.\n`);
    return EXIT.error;
  }
  const again = allocationJson(outcome.allocation, 'optimal');
  const difference = firstDifference(record.allocation, again);
  if (difference !== undefined) {
    console.err(`enveloppe: ${path}: the allocation differs from the record, first at ${difference}.\n`);
    return EXIT.error;
  }
  console.out(`${path}: reproduced byte for byte (${scenario.name}, policy ${record.selection.policy}, optimum ${record.optimum}, recorded ${record.date}).\n`);
  return EXIT.ok;
}

/** The conflict explanation, indented under the one-line message. */
export function renderConflicts(report: ConflictReport): string {
  const lines: string[] = [];
  if (report.sums.length > 0) {
    lines.push('  Impossible on paper already:');
    for (const sum of report.sums) lines.push(`    - ${sum}`);
  }
  if (report.conflicting.length > 0) {
    lines.push(`  ${report.conflicting.length === 1 ? 'This constraint cannot be met' : 'These constraints conflict'}${report.conflicting.length > 1 ? ' (drop any one and the rest can be met)' : ''}:`);
    for (const item of report.conflicting) lines.push(`    - ${item.label}`);
    lines.push('  To fix it, one of:');
    for (const fix of report.fixes) lines.push(`    - ${fix}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Checks a scenario and its CSV, and whether any allocation satisfies its rules. */
export async function runValidate(path: string, console: Console): Promise<number> {
  const scenario = await loadScenario(path);
  const policy = scenario.policies[0]?.name ?? '';
  const outcome = await allocate(scenario, { policy });
  const lines = [
    `${path}: the scenario and its candidates file are valid`,
    `  ${scenario.name}`,
    `  ${scenario.candidates.length} candidates from ${shortPath(scenario.candidatesFile)}`,
    `  envelope ${formatEuros(scenario.envelope.total)}${scenario.envelope.years.length > 0 ? ` (${scenario.envelope.years.map((entry) => `${entry.year}: ${formatEuros(entry.ceiling)}`).join(', ')})` : ''}`,
    `  grants ${formatEuros(scenario.grant.min)} to ${formatEuros(scenario.grant.max)} in steps of ${formatEuros(scenario.grant.step)}; laureates ${scenario.laureates.min} to ${scenario.laureates.max}`,
    `  ${plural(scenario.criteria.length, 'criterion', 'criteria')}: ${scenario.criteria.map((criterion) => criterion.column).join(', ')}`,
    `  ${plural(scenario.policies.length, 'policy', 'policies')}: ${scenario.policies.map((entry) => entry.name).join(', ')}`,
    `  ${plural(scenario.rules.length, 'rule')}, ${plural(Object.keys(scenario.locks).length, 'lock')}`,
  ];
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible' && outcome.status !== 'timedout') {
    console.out(`${lines.join('\n')}\n`);
    return reportFailure(outcome, path, console, scenario);
  }
  lines.push(outcome.status !== 'timedout' ? '  feasible: an allocation satisfies every rule' : `  feasibility unknown (${outcome.status})`);
  console.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A path relative to the working folder when it is inside it, absolute otherwise. */
function shortPath(file: string): string {
  const near = relative(process.cwd(), file);
  return near === '' || near.startsWith('..') ? file : near;
}
