/** `enveloppe solve` and `enveloppe validate`: load, solve, then print and write what was asked. */
import { parseLang } from '../domain/lang.js';
import { relative } from 'node:path';
import { allocate, createSession, type AllocationOutcome, type Session } from '../analysis/pipeline.js';
import type { Allocation, Selection } from '../domain/allocation.js';
import { explainCandidate, explanationJson } from '../analysis/explain.js';
import { explainInfeasibility, type ConflictReport } from '../analysis/conflicts.js';
import { UserError } from '../domain/errors.js';
import type { Scenario } from '../domain/types.js';
import { allocationCsv, allocationJson } from '../io/allocation-export.js';
import { checkOutputs, OutputWriter, type OutputTarget } from '../io/files.js';
import { makeRecord, readSigningKey, signRecord, verifyRecord } from '../io/record.js';
import { scenarioWarnings } from '../analysis/scenario-warnings.js';
import { loadScenario } from '../io/scenario.js';
import { allocationWorkbook, outputDate, refuseCsvNamedXlsx } from '../io/workbook-export.js';
import { toLpFormat } from '../model/lp-format.js';
import { DEFAULT_SOLVE_OPTIONS, type EngineChoice, type EngineName } from '../solver/types.js';
import { closest } from '../domain/names.js';
import type { Lang } from '../domain/lang.js';
import type { Console, SolveFlags } from '../options/flags.js';
import { EXIT, lotteryOf, nearShare, parseWeights, policyName, relativeGap, solveChoice } from './options.js';
import { formatGap, renderReport } from './report.js';
import { WORDS } from './words.js';

/** The flags and the console both faces share (options/flags.ts); re-exported for the code that reads them here. */
export type { Console, SolveFlags };

/** `enveloppe solve SCENARIO`: the allocation, printed and written as the flags ask, in `lang`. */
export async function runSolve(path: string, flags: SolveFlags, console: Console, lang: Lang = 'en'): Promise<number> {
  const words = WORDS[lang];
  const { engine, timeLimitMs } = solveChoice(flags);
  const gap = flags.gap === undefined ? undefined : relativeGap(flags.gap, '--gap');
  if (flags.excel === true && flags.csv === undefined) {
    throw new UserError({ en: '--excel formats the --csv file, and no --csv was given', fr: '--excel met en forme le fichier --csv, et aucun --csv n’est donné' }, { field: '--excel', hint: { en: 'Add --csv allocation.csv.', fr: 'Ajoutez --csv repartition.csv.' }, exitCode: EXIT.usage });
  }
  refuseCsvNamedXlsx(flags.csv);
  if (flags.sign !== undefined && flags.record === undefined) {
    throw new UserError({ en: '--sign signs the --record file, and no --record was given', fr: '--sign signe le fichier --record, et aucun --record n’est donné' }, { field: '--sign', hint: { en: 'Add --record decision.json.', fr: 'Ajoutez --record decision.json.' }, exitCode: EXIT.usage });
  }
  // A bad key is refused before the solve, like a bad output path.
  const signer = flags.sign === undefined ? undefined : readSigningKey(flags.sign);
  const loaded = await loadScenario(path, { lang });
  const lottery = lotteryOf(loaded, flags.lottery, flags.lotteryBand);
  // A lottery from the command line becomes part of the scenario, so the record carries it.
  const scenario: Scenario = lottery === undefined ? loaded : { ...loaded, lottery };
  const near = flags.near === undefined ? 0 : nearShare(flags.near);
  const policy = policyName(scenario, flags.policy);
  const weights = flags.weights === undefined ? undefined : parseWeights(scenario, flags.weights);
  const inputs = [scenario.file, scenario.candidatesFile, ...(scenario.reviews === undefined ? [] : [scenario.reviews.settings.file])];
  // Refuse a bad output path now, not after a solve whose table is already on the screen.
  const outputs: OutputTarget[] = [];
  if (flags.lp !== undefined) outputs.push({ path: flags.lp, what: 'LP model' });
  if (flags.record !== undefined) outputs.push({ path: flags.record, what: 'decision record' });
  if (flags.csv !== undefined) outputs.push({ path: flags.csv, what: 'CSV' });
  if (flags.xlsx !== undefined) outputs.push({ path: flags.xlsx, what: 'workbook' });
  checkOutputs(outputs, inputs);
  const writer = new OutputWriter(inputs);
  for (const notice of scenario.notices ?? []) console.err(`enveloppe: ${words.note}: ${notice}.\n`);
  for (const warning of scenarioWarnings(scenario, lang)) console.err(`enveloppe: ${words.warning}: ${path}: ${warning}.\n`);
  const selection = weights === undefined ? { policy } : { policy, weights };
  const session = createSession();
  const outcome = await allocate(scenario, selection, { engine, ...(timeLimitMs === undefined ? {} : { timeLimitMs }), ...(gap === undefined ? {} : { relativeGap: gap }), ties: { near }, session });

  // The LP file is written whatever the outcome: an infeasible model is worth reading too.
  if (flags.lp !== undefined && outcome.status !== 'failed') {
    await writer.write(flags.lp, toLpFormat(outcome.model), 'LP model');
    console.err(`${words.wroteModel(flags.lp)}\n`);
  }
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible') return reportFailure(outcome, path, console, scenario, lang, flags.json === true);
  if (outcome.status === 'feasible') {
    const { limit, longer } = limitOf(timeLimitMs);
    console.err(`enveloppe: ${path}: ${words.timeLimitStopped(limit, formatGap(outcome.allocation.gap, lang), longer)}\n`);
  }
  if (flags.check === true) {
    const disagreement = await crossCheck(scenario, selection, outcome.allocation, timeLimitMs, session, lang);
    if (disagreement !== undefined) {
      console.err(`enveloppe: ${path}: ${words.noAllocationShown(disagreement.said)}${disagreement.hint === undefined ? '' : ` ${disagreement.hint}`}\n`);
      return EXIT.error;
    }
  }

  const { allocation } = outcome;
  if (flags.json === true) console.out(allocationJson(allocation, outcome.status));
  else console.out(renderReport(allocation, { all: flags.all === true, customWeights: weights !== undefined, lang }));
  if (flags.record !== undefined) {
    const unsigned = makeRecord(flags.record, scenario, selection, engine, allocation, new Date());
    const record = signer === undefined ? unsigned : signRecord(unsigned, signer);
    await writer.write(flags.record, `${JSON.stringify(record, null, 2)}\n`, 'decision record');
    console.err(`${words.wroteRecord(flags.record)}\n`);
  }
  if (flags.csv !== undefined) {
    const excel = flags.excel === true;
    await writer.write(flags.csv, allocationCsv(allocation, { excel }), 'CSV');
    console.err(`${words.wroteCsv(allocation.candidates.length, words.n.euros(allocation.spent), flags.csv, excel)}\n`);
  }
  if (flags.xlsx !== undefined) {
    const context = { scenario, scenarioPath: path, output: flags.xlsx, engine: allocation.engine, date: outputDate(), ...(flags.record === undefined ? {} : { record: flags.record }) };
    await writer.write(flags.xlsx, await allocationWorkbook(allocation, context), 'workbook');
    console.err(`${words.wroteWorkbook(flags.xlsx)}\n`);
  }
  return EXIT.ok;
}

async function reportFailure(outcome: Exclude<AllocationOutcome, { status: 'optimal' | 'feasible' }>, where: string, console: Console, scenario: Scenario, lang: Lang, json = false): Promise<number> {
  if (json) return reportFailureJson(outcome, where, console, scenario, lang);
  const words = WORDS[lang];
  switch (outcome.status) {
    case 'infeasible':
      console.err(`enveloppe: ${where}: ${words.infeasible}.\n${renderConflicts(await explainInfeasibility(scenario, {}, lang), lang)}`);
      return EXIT.infeasible;
    case 'timedout':
      console.err(`enveloppe: ${where}: ${words.timedOut}.\n`);
      return EXIT.error;
    case 'unbounded':
      console.err(`enveloppe: ${where}: ${words.unbounded}.\n`);
      return EXIT.error;
    case 'failed':
      console.err(`enveloppe: ${where}: ${outcome.reason}.\n`);
      return EXIT.error;
  }
}

/** An outcome other than an optimum, as JSON on stdout, so that a script can read why. */
async function reportFailureJson(outcome: Exclude<AllocationOutcome, { status: 'optimal' | 'feasible' }>, where: string, console: Console, scenario: Scenario, lang: Lang): Promise<number> {
  const words = WORDS[lang];
  const engine = outcome.engine ?? null;
  switch (outcome.status) {
    case 'infeasible': {
      const report = await explainInfeasibility(scenario);
      const document = { status: 'infeasible', scenario: scenario.name, engine, sums: report.sums, conflicts: report.conflicting.map((item) => ({ kind: item.kind, label: item.label })), repairs: report.fixes };
      console.out(`${JSON.stringify(document, null, 2)}\n`);
      console.err(`enveloppe: ${where}: ${words.infeasible}.\n`);
      return EXIT.infeasible;
    }
    case 'timedout':
    case 'unbounded':
    case 'failed': {
      const message = outcome.status === 'timedout' ? 'the solver ran out of time before proving an optimum' : outcome.status === 'failed' ? outcome.reason : 'the model is unbounded';
      console.out(`${JSON.stringify({ status: outcome.status, scenario: scenario.name, engine, message, notes: outcome.notes }, null, 2)}\n`);
      // The JSON's message is data, in English; the line on stderr is the user's.
      const said = outcome.status === 'timedout' ? words.noOptimumInTime : outcome.status === 'failed' ? outcome.reason : words.isUnbounded;
      console.err(`enveloppe: ${where}: ${lang === 'en' ? message : said}.\n`);
      return EXIT.error;
    }
  }
}

/** The time limit in seconds, and the longer one a message suggests when it was not enough. */
function limitOf(timeLimitMs: number | undefined): { limit: number; longer: number } {
  const limit = (timeLimitMs ?? DEFAULT_SOLVE_OPTIONS.timeLimitMs) / 1000;
  return { limit, longer: Math.max(120, limit * 4) };
}

/**
 * Solves again with the other engine and compares the allocations, not only the optima: the
 * tie-break makes the published allocation the same on every engine, so any difference in a grant
 * means one of them is wrong.
 */
async function crossCheck(scenario: Scenario, selection: Selection, mine: Allocation, timeLimitMs: number | undefined, session: Session, lang: Lang): Promise<{ said: string; hint?: string } | undefined> {
  const words = WORDS[lang];
  const engine = mine.engine;
  const other: EngineName = engine === 'jslp' ? 'highs' : 'jslp';
  const second = await allocate(scenario, selection, { engine: other, ...(timeLimitMs === undefined ? {} : { timeLimitMs }), ties: false, session });
  const names: Record<EngineName, string> = { jslp: 'javascript-lp-solver', highs: 'HiGHS' };
  // Out of time is no disagreement: the user can give the engines longer, or do without the check.
  if (second.status === 'timedout' || second.status === 'feasible') {
    const { limit, longer } = limitOf(timeLimitMs);
    return { said: words.checkOutOfTime(names[other], limit), hint: words.checkOutOfTimeHint(names[other], longer) };
  }
  if (second.status !== 'optimal') return { said: words.checkUnconfirmed(names[other], second.status === 'failed' ? second.reason : second.status) };
  const theirs = new Map(second.allocation.candidates.map((candidate) => [candidate.id, candidate]));
  for (const candidate of mine.candidates) {
    const their = theirs.get(candidate.id);
    const same = their !== undefined && their.grant === candidate.grant && JSON.stringify(their.years) === JSON.stringify(candidate.years);
    if (!same) return { said: words.checkGrant(candidate.id, names[engine], words.n.euros(candidate.grant), names[other], words.n.euros(their?.grant ?? 0)) };
  }
  // Each engine proves its objective within its own gap of the optimum; beyond both gaps, one of them is wrong.
  const tolerance = Math.max(mine.gap, second.allocation.gap) + 1e-6;
  if (Math.abs(second.allocation.objective - mine.objective) > tolerance * Math.max(1, Math.abs(mine.objective))) {
    return { said: words.checkOptimum(names[engine], mine.objective, names[other], second.allocation.objective) };
  }
  return undefined;
}

/** `enveloppe explain SCENARIO ID`: why a candidate is or is not funded, each figure re-solved. */
export async function runExplain(path: string, id: string, flags: SolveFlags, console: Console): Promise<number> {
  const { engine, timeLimitMs } = solveChoice(flags);
  const lang = parseLang(flags.lang ?? 'en') ?? 'en';
  const loaded = await loadScenario(path, { lang });
  const lottery = lotteryOf(loaded, flags.lottery, flags.lotteryBand);
  const scenario: Scenario = lottery === undefined ? loaded : { ...loaded, lottery };
  const policy = policyName(scenario, flags.policy);
  const weights = flags.weights === undefined ? undefined : parseWeights(scenario, flags.weights);
  if (!scenario.candidates.some((candidate) => candidate.id === id)) {
    const guess = closest(id, scenario.candidates.map((candidate) => candidate.id));
    throw new UserError({ en: `no candidate has the id '${id}'`, fr: `aucun candidat n’a l’identifiant '${id}'` }, { field: 'id', hint: guess === undefined ? { en: "Use an id from the candidates file's id column.", fr: 'Prenez un identifiant de la colonne id du fichier des candidats.' } : { en: WORDS.en.didYouMean(guess), fr: WORDS.fr.didYouMean(guess) }, exitCode: EXIT.usage });
  }
  const selection: Selection = weights === undefined ? { policy } : { policy, weights };
  // The JSON is data: its sentences stay in English whatever the locale, as in every --json.
  const explanation = await explainCandidate(scenario, selection, id, { engine, ...(timeLimitMs === undefined ? {} : { timeLimitMs }), session: createSession() }, flags.json === true ? 'en' : lang);
  if (typeof explanation === 'string') {
    console.err(`enveloppe: ${path}: ${explanation}.\n`);
    return EXIT.error;
  }
  if (flags.json === true) console.out(`${JSON.stringify(explanationJson(explanation), null, 2)}\n`);
  else console.out(`${explanation.sentences.join('\n')}\n`);
  return EXIT.ok;
}

/** Re-runs a decision record and says whether it reproduces, every field of it. */
export async function runVerify(path: string, console: Console, key?: string, lang: Lang = 'en'): Promise<number> {
  const session = createSession();
  const rerun = async (scenario: Scenario, selection: Selection, engine: EngineChoice): Promise<Allocation | string> => {
    const outcome = await allocate(scenario, selection, { engine, session });
    return outcome.status === 'optimal' ? outcome.allocation : outcome.status;
  };
  const verification = await verifyRecord(path, rerun, key, lang);
  if (!verification.ok) {
    console.err(`enveloppe: ${path}: ${verification.reason}.\n`);
    return EXIT.error;
  }
  console.out(`${path}: ${verification.summary}.\n`);
  return EXIT.ok;
}

/** The conflict explanation, indented under the one-line message. */
export function renderConflicts(report: ConflictReport, lang: Lang = 'en'): string {
  const words = WORDS[lang];
  const lines: string[] = [];
  if (report.sums.length > 0) {
    lines.push(`  ${words.impossibleOnPaper}`);
    for (const sum of report.sums) lines.push(`    - ${sum}`);
  }
  if (report.conflicting.length > 0) {
    lines.push(`  ${words.conflictHeading(report.conflicting.length)}`);
    for (const item of report.conflicting) lines.push(`    - ${item.label}`);
    lines.push(`  ${words.toFix}`);
    for (const fix of report.fixes) lines.push(`    - ${fix}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Checks a scenario and its CSV, and whether any allocation satisfies its rules. */
export async function runValidate(path: string, console: Console, lang: Lang = 'en'): Promise<number> {
  const words = WORDS[lang];
  const euros = words.n.euros;
  const scenario = await loadScenario(path, { lang });
  const policy = scenario.policies[0]?.name ?? '';
  const outcome = await allocate(scenario, { policy }, { session: createSession() });
  const years = scenario.envelope.years.length > 0 ? ` (${scenario.envelope.years.map((entry) => words.yearCeiling(entry.year, euros(entry.ceiling))).join(', ')})` : '';
  const lines = [
    words.valid(path),
    `  ${scenario.name}`,
    `  ${words.candidatesFrom(scenario.candidates.length, shortPath(scenario.candidatesFile))}`,
    `  ${words.envelopeLine(euros(scenario.envelope.total), years)}`,
    `  ${words.grantsLine(euros(scenario.grant.min), euros(scenario.grant.max), euros(scenario.grant.step), scenario.laureates.min, scenario.laureates.max)}`,
    `  ${words.criteriaLine(scenario.criteria.length, scenario.criteria.map((criterion) => criterion.column).join(', '))}`,
    `  ${words.policiesLine(scenario.policies.length, scenario.policies.map((entry) => entry.name).join(', '))}`,
    `  ${words.rulesLine(scenario.rules.length, Object.keys(scenario.locks).length)}`,
    ...(scenario.reviews === undefined ? [] : [reviewsLine(scenario.reviews, lang)]),
  ];
  for (const notice of scenario.notices ?? []) lines.push(`  ${words.note}: ${notice}`);
  for (const warning of scenarioWarnings(scenario, lang)) lines.push(`  ${words.warning}: ${warning}`);
  if (outcome.status !== 'optimal' && outcome.status !== 'feasible' && outcome.status !== 'timedout') {
    console.out(`${lines.join('\n')}\n`);
    return reportFailure(outcome, path, console, scenario, lang);
  }
  lines.push(`  ${outcome.status !== 'timedout' ? words.feasible : words.feasibilityUnknown(outcome.status)}`);
  console.out(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function reviewsLine(reviews: NonNullable<Scenario['reviews']>, lang: Lang): string {
  const conflicts = reviews.rows.filter((row) => row.conflict).length;
  const reviewers = new Set(reviews.rows.map((row) => row.reviewer)).size;
  return `  ${WORDS[lang].reviewsLine(reviews.rows.length - conflicts, reviewers, shortPath(reviews.settings.file), conflicts, WORDS[lang].aggregate(reviews.settings.aggregate), reviews.settings.severity)}`;
}

/** A path relative to the working folder when it is inside it, absolute otherwise. */
function shortPath(file: string): string {
  const near = relative(process.cwd(), file);
  return near === '' || near.startsWith('..') ? file : near;
}
