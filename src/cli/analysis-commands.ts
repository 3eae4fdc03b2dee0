/**
 * The analysis commands: compare, sweep, tipping, budget-sweep, robustness. Each loads the
 * scenario, runs the analysis in src/analysis, then prints a table, JSON, or writes a CSV.
 */
import { parseLang, type Lang } from '../domain/lang.js';
import { comparePolicies } from '../analysis/compare.js';
import { budgetSweep } from '../analysis/budget-sweep.js';
import type { PoolOptions } from '../analysis/pool.js';
import { DISCUSS_BAND, robustness, type RobustnessOver } from '../analysis/robustness.js';
import { policyWeights, sweepWeight, tippingPoints } from '../analysis/sweep.js';
import { DEFAULT_ANALYSIS_ENGINE, DEFAULT_ROBUSTNESS_OVER, DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_SPREAD, DEFAULT_SWEEP_STEPS, DEFAULT_TIPPING_STEPS, DEFAULT_TIPPING_TOLERANCE } from '../domain/defaults.js';
import { UserError } from '../domain/errors.js';
import type { Scenario } from '../domain/types.js';
import type { CsvTableOut } from '../io/csv-write.js';
import { formatCsv } from '../io/csv-write.js';
import { checkOutputPath, writeOutput } from '../io/files.js';
import { loadScenario } from '../io/scenario.js';
import { allocationWorkbook, analysisSheet, outputDate, refuseCsvNamedXlsx } from '../io/workbook-export.js';
import { allocate, createSession, type Session } from '../analysis/pipeline.js';
import { closest } from '../domain/names.js';
import type { Weights } from '../scoring/weights.js';
import type { SolveOptions } from '../solver/types.js';
import type { AnalysisFlags } from '../options/commands.js';
import { EXIT, policyName, solveChoice } from './options.js';
import { fit } from './report.js';
import { ANALYSIS_ERRORS as ERRORS, ANALYSIS_WORDS, type AnalysisWords } from './analysis-words.js';
import { WORDS, type CliNumbers } from './words.js';
import type { Console } from './solve-command.js';

/** The flags of the five analyses, derived from their schemas (options/commands.ts). */
export type { AnalysisFlags };

/** What every analysis needs: the scenario, the solve options, where output goes. */
interface Context {
  readonly scenario: Scenario;
  readonly path: string;
  readonly solve: Partial<SolveOptions>;
  readonly console: Console;
  readonly flags: AnalysisFlags;
  readonly signal: AbortSignal | undefined;
  /** Compiled formulas, shared by every solve of the command. */
  readonly session: Session;
  /** The words and numbers of the user's language. */
  readonly words: AnalysisWords;
  readonly n: CliNumbers;
}

async function context(path: string, flags: AnalysisFlags, console: Console, signal: AbortSignal | undefined): Promise<Context> {
  if (flags.excel === true && flags.csv === undefined) {
    throw new UserError(ERRORS.excelWithoutCsv, { field: '--excel', hint: ERRORS.addCsv, exitCode: EXIT.usage });
  }
  const lang: Lang = parseLang(flags.lang ?? 'en') ?? 'en';
  // Analyses solve many times: HiGHS by default, where jslp would spend its budget on every return-tier model.
  const solve: Partial<SolveOptions> = solveChoice(flags, DEFAULT_ANALYSIS_ENGINE);
  refuseCsvNamedXlsx(flags.csv);
  const scenario = await loadScenario(path, { lang });
  const inputs = [scenario.file, scenario.candidatesFile, ...(scenario.reviews === undefined ? [] : [scenario.reviews.settings.file])];
  if (flags.csv !== undefined) checkOutputPath(flags.csv, inputs, 'CSV');
  if (flags.xlsx !== undefined) checkOutputPath(flags.xlsx, inputs, 'workbook');
  return { scenario, path, solve, console, flags, signal, session: createSession(), words: ANALYSIS_WORDS[lang], n: WORDS[lang].n };
}

function integer(text: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError(ERRORS.notWholeNumber(text, min, max), { field: flag, exitCode: EXIT.usage });
  return value;
}

function amount(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new UserError(ERRORS.notAmount(text), { field: flag, hint: ERRORS.amountHint, exitCode: EXIT.usage });
  return value;
}

function weightsOf(ctx: Context, policy: string): Weights {
  const weights = policyWeights(ctx.scenario, policy);
  if (typeof weights === 'string') throw new UserError({ en: weights, fr: policyWeights(ctx.scenario, policy, 'fr') as string }, { field: '--policy', exitCode: EXIT.usage });
  return weights;
}

function poolOptions(ctx: Context, progress: boolean): PoolOptions {
  const bar = progress ? progressBar(ctx.console) : undefined;
  return { solve: ctx.solve, ...(bar === undefined ? {} : { onProgress: bar }), ...(ctx.signal === undefined ? {} : { signal: ctx.signal }) };
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
function progressBar(console: Console): ((done: number, total: number) => void) | undefined {
  if (process.stderr.isTTY !== true) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    console.err(`\r[${'█'.repeat(filled)}${'·'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  };
}

async function emit(ctx: Context, json: unknown, table: () => string, csv: () => CsvTableOut, sheet = 'Analyse'): Promise<number> {
  ctx.signal?.throwIfAborted();
  if (ctx.flags.json === true) ctx.console.out(`${JSON.stringify(json, null, 2)}\n`);
  else ctx.console.out(table());
  if (ctx.flags.csv !== undefined) {
    const excel = ctx.flags.excel === true;
    await writeOutput(ctx.flags.csv, formatCsv(csv(), { excel }), [ctx.scenario.file, ctx.scenario.candidatesFile, ...(ctx.scenario.reviews === undefined ? [] : [ctx.scenario.reviews.settings.file])], 'CSV');
    ctx.console.err(`${ctx.words.wroteCsv(ctx.flags.csv, excel)}\n`);
  }
  if (ctx.flags.xlsx !== undefined) await writeAnalysisWorkbook(ctx, ctx.flags.xlsx, sheet, csv());
  return EXIT.ok;
}

/** `--xlsx`: the allocation of the analysis's policy (the first compared), then the analysis's own table. */
async function writeAnalysisWorkbook(ctx: Context, file: string, sheet: string, table: CsvTableOut): Promise<void> {
  const policy = policyName(ctx.scenario, ctx.flags.policies?.split(',')[0]?.trim() || ctx.flags.policy);
  const outcome = await allocate(ctx.scenario, { policy }, { ...ctx.solve, session: ctx.session });
  if (outcome.status !== 'optimal') throw new UserError(ERRORS.noWorkbook(policy, outcome.status), { file });
  const context = { scenario: ctx.scenario, scenarioPath: ctx.path, output: file, engine: outcome.allocation.engine, date: outputDate() };
  const bytes = await allocationWorkbook(outcome.allocation, context, analysisSheet(sheet, table));
  await writeOutput(file, bytes, [ctx.scenario.file, ctx.scenario.candidatesFile], 'workbook');
  ctx.console.err(`${ctx.words.wroteWorkbook(file, policy, sheet)}\n`);
}

export async function runCompare(path: string, flags: AnalysisFlags, console: Console, signal?: AbortSignal): Promise<number> {
  const ctx = await context(path, flags, console, signal);
  const names = (flags.policies ?? ctx.scenario.policies.map((policy) => policy.name).join(',')).split(',').map((name) => name.trim()).filter((name) => name !== '');
  const policies = names.map((name) => policyName(ctx.scenario, name));
  if (policies.length < 1) throw new UserError(ERRORS.noPolicy, { field: '--policies', exitCode: EXIT.usage });
  const outcome = await comparePolicies(ctx.scenario, policies, ctx.solve, ctx.signal, ctx.session);
  if (outcome.status !== 'optimal') {
    console.err(`enveloppe: ${path}: ${ctx.words.noOptimum(outcome.policy, outcome.outcome.status)}\n`);
    return outcome.outcome.status === 'infeasible' ? EXIT.infeasible : EXIT.error;
  }
  const { comparison } = outcome;
  const moved = comparison.candidates.filter((candidate) => new Set(candidate.grants).size > 1);
  const { words, n } = ctx;
  const table = (): string => {
    const out: string[] = [`${ctx.scenario.name} — ${policies.join(' vs ')}`, ''];
    // Two policies: the change from the first to the second; more: how far the grants spread.
    const head = [fit(words.id, 10), fit(words.name, 30), ...policies.map((policy) => fit(policy, 12, 'right')), ...(policies.length > 1 ? [fit(policies.length === 2 ? words.change : words.spread, 12, 'right'), fit(words.rank, 9, 'right')] : [])];
    out.push(head.join('  '));
    for (const candidate of comparison.candidates) {
      if (candidate.grants.every((grant) => grant === 0)) continue;
      const first = candidate.grants[0] ?? 0;
      const last = candidate.grants.at(-1) ?? 0;
      const status = policies.length === 2 ? changeOf(first, last, words, n) : spreadOf(candidate.grants, words, n);
      const ranks = candidate.ranks.length > 1 ? `${candidate.ranks[0]}→${candidate.ranks.at(-1)}` : '';
      out.push([fit(candidate.id, 10), fit(candidate.name, 30), ...candidate.grants.map((grant) => fit(n.euros(grant), 12, 'right')), ...(policies.length > 1 ? [fit(status, 12, 'right'), fit(ranks, 9, 'right')] : [])].join('  ').trimEnd());
    }
    out.push('', `${fit(words.totals, 42)}${comparison.allocations.map((allocation) => fit(n.euros(allocation.spent), 12, 'right')).join('  ')}`);
    out.push(`${fit(words.laureates, 42)}${comparison.allocations.map((allocation) => fit(String(allocation.laureates), 12, 'right')).join('  ')}`);
    for (const pair of comparison.pairs) {
      out.push('', words.pair(pair.a, pair.b, pair.common, n.euros(pair.moved)));
      if (pair.entering.length > 0) out.push(`  ${words.enter(pair.entering.join(', '))}`);
      if (pair.leaving.length > 0) out.push(`  ${words.leave(pair.leaving.join(', '))}`);
    }
    out.push('', words.byGroup);
    for (const group of comparison.groups) {
      if (group.amounts.every((value) => value === 0)) continue;
      out.push(`  ${fit(group.by === 'region' ? group.group : `${group.by} — ${group.group}`, 40)}${group.amounts.map((value) => fit(n.euros(value), 12, 'right')).join('  ')}`);
    }
    return `${out.join('\n')}\n`;
  };
  const json = {
    scenario: ctx.scenario.name,
    policies,
    candidates: comparison.candidates.map((candidate) => ({ id: candidate.id, name: candidate.name, region: candidate.region, grants: Object.fromEntries(policies.map((policy, p) => [policy, candidate.grants[p] ?? 0])), ranks: Object.fromEntries(policies.map((policy, p) => [policy, candidate.ranks[p] ?? 0])) })),
    totals: Object.fromEntries(policies.map((policy, p) => [policy, { spent: comparison.allocations[p]?.spent ?? 0, laureates: comparison.allocations[p]?.laureates ?? 0 }])),
    pairs: comparison.pairs,
    groups: comparison.groups.map((group) => ({ by: group.by, group: group.group, amounts: Object.fromEntries(policies.map((policy, p) => [policy, group.amounts[p] ?? 0])) })),
    changed: moved.length,
  };
  const csv = (): CsvTableOut => {
    const excel = flags.excel === true;
    const columns = [excel ? 'Id' : 'id', excel ? 'Nom' : 'name', excel ? 'Région' : 'region', ...policies.map((policy) => (excel ? `${policy} (€)` : `${policy}_eur`))];
    const rows: (string | number)[][] = comparison.candidates.map((candidate) => [candidate.id, candidate.name, candidate.region, ...candidate.grants]);
    rows.push(['', excel ? 'Total' : 'total', '', ...comparison.allocations.map((allocation) => allocation.spent)]);
    return { columns, rows };
  };
  return emit(ctx, json, table, csv, 'Comparaison');
}

function criterionOf(ctx: Context, text: string | undefined): string {
  const columns = ctx.scenario.criteria.map((criterion) => criterion.column);
  if (text === undefined) throw new UserError(ERRORS.whichCriterion, { field: '--criterion', hint: ERRORS.giveCriterion(columns.join(', ')), exitCode: EXIT.usage });
  if (columns.includes(text)) return text;
  const guess = closest(text, columns);
  throw new UserError(ERRORS.notCriterion(text), { field: '--criterion', hint: guess === undefined ? ERRORS.criteriaAre(columns.join(', ')) : { en: WORDS.en.didYouMean(guess), fr: WORDS.fr.didYouMean(guess) }, exitCode: EXIT.usage });
}

export async function runSweep(path: string, flags: AnalysisFlags, console: Console, signal?: AbortSignal): Promise<number> {
  const ctx = await context(path, flags, console, signal);
  const policy = policyName(ctx.scenario, flags.policy);
  const criterion = criterionOf(ctx, flags.criterion);
  const steps = integer(flags.steps, '--steps', DEFAULT_SWEEP_STEPS, 2, 1001);
  const sweep = await sweepWeight(ctx.scenario, policy, weightsOf(ctx, policy), criterion, steps, poolOptions(ctx, true));
  const ids = ctx.scenario.candidates.map((candidate) => candidate.id);
  const funded = sweep.points.map((point) => (point.result.status === 'optimal' ? point.result.grants : ids.map(() => Number.NaN)));
  const everFunded = ids.map((_, index) => funded.some((grants) => (grants[index] ?? 0) > 0));
  const table = (): string => {
    const { words, n } = ctx;
    const out = [words.sweepTitle(ctx.scenario.name, policy, criterion, n.percent(sweep.policyShare)), ''];
    out.push(`${fit(words.id, 10)}  ${fit(words.name, 30)}  ${words.sweepHead}`);
    ids.forEach((id, index) => {
      if (!(everFunded[index] ?? false)) return;
      const strip = funded.map((grants) => (Number.isNaN(grants[index] ?? 0) ? '?' : (grants[index] ?? 0) > 0 ? '█' : '·')).join('');
      out.push(`${fit(id, 10)}  ${fit(ctx.scenario.candidates[index]?.name ?? '', 30)}  ${strip}`);
    });
    out.push('', `${words.shares}${sweep.points.map((point) => n.percent(point.share, 0)).join(' ')}`);
    return `${out.join('\n')}\n`;
  };
  const json = {
    scenario: ctx.scenario.name,
    policy,
    criterion,
    policyShare: sweep.policyShare,
    points: sweep.points.map((point) => ({ share: point.share, status: point.result.status, objective: point.result.status === 'optimal' ? point.result.objective : null, grants: point.result.status === 'optimal' ? Object.fromEntries(ids.map((id, index) => [id, point.result.status === 'optimal' ? point.result.grants[index] ?? 0 : 0])) : null })),
  };
  const csv = (): CsvTableOut => ({
    columns: ['id', 'name', ...sweep.points.map((point) => `${(point.share * 100).toFixed(1).replace('.', flags.excel === true ? ',' : '.')} %`)],
    rows: ids.map((id, index) => [id, ctx.scenario.candidates[index]?.name ?? '', ...funded.map((grants) => grants[index] ?? 0)]),
  });
  return emit(ctx, json, table, csv);
}

export async function runTipping(path: string, flags: AnalysisFlags, console: Console, signal?: AbortSignal): Promise<number> {
  const ctx = await context(path, flags, console, signal);
  const policy = policyName(ctx.scenario, flags.policy);
  const weights = weightsOf(ctx, policy);
  const analysis = await tippingPoints(ctx.scenario, policy, weights, { ...poolOptions(ctx, true), steps: integer(flags.steps, '--steps', DEFAULT_TIPPING_STEPS, 2, 101) });
  const labels = new Map(ctx.scenario.criteria.map((criterion) => [criterion.column, criterion.label]));
  const names = new Map(ctx.scenario.candidates.map((candidate) => [candidate.id, candidate.name]));
  const table = (): string => {
    const { words, n } = ctx;
    const out = [words.tippingTitle(ctx.scenario.name, policy, analysis.solves), ''];
    const moving = analysis.stable.filter((entry) => entry.from > 0 || entry.to < 1);
    for (const entry of moving) {
      if (!entry.funded && !analysis.points.some((point) => point.candidate === entry.candidate)) continue;
      const own = n.percent(weights[entry.criterion] ?? 0);
      out.push(words.stays(entry.candidate, entry.funded, labels.get(entry.criterion) ?? entry.criterion, n.percent(entry.from), n.percent(entry.to), own));
    }
    if (moving.length === 0) out.push(words.noTipping);
    return `${out.join('\n')}\n`;
  };
  const json = { scenario: ctx.scenario.name, policy, weights, tolerance: DEFAULT_TIPPING_TOLERANCE, points: analysis.points, stable: analysis.stable };
  const csv = (): CsvTableOut => ({
    columns: ['id', 'name', 'criterion', 'share_pct', 'funded_below', 'funded_above'],
    rows: analysis.points.map((point) => [point.candidate, names.get(point.candidate) ?? '', point.criterion, Math.round(point.share * 10000) / 100, point.fundedBelow ? 'yes' : 'no', point.fundedAbove ? 'yes' : 'no']),
  });
  return emit(ctx, json, table, csv);
}

export async function runBudgetSweep(path: string, flags: AnalysisFlags, console: Console, signal?: AbortSignal): Promise<number> {
  const ctx = await context(path, flags, console, signal);
  const policy = policyName(ctx.scenario, flags.policy);
  const total = ctx.scenario.envelope.total;
  const from = amount(flags.from, '--from', Math.round(total * 0.5));
  const to = amount(flags.to, '--to', Math.round(total * 1.5));
  const steps = integer(flags.steps, '--steps', DEFAULT_SWEEP_STEPS, 2, 1001);
  const points = await budgetSweep(ctx.scenario, { policy }, from, to, steps, poolOptions(ctx, true));
  const ids = ctx.scenario.candidates.map((candidate) => candidate.id);
  const table = (): string => {
    const { words, n } = ctx;
    const titles = words.budgetColumns;
    const out = [words.budgetTitle(ctx.scenario.name, policy, n.euros(from), n.euros(to)), ''];
    out.push(`${fit(titles.envelope, 13, 'right')}  ${fit(titles.spent, 13, 'right')}  ${fit(titles.laureates, 9, 'right')}  ${fit(titles.objective, 14, 'right')}  ${fit(titles.perEuro, 11, 'right')}`);
    for (const point of points) {
      const result = point.result;
      if (result.status !== 'optimal') {
        out.push(`${fit(n.euros(point.total), 13, 'right')}  ${words.status(result.status)}`);
        continue;
      }
      const spent = result.grants.reduce((sum, grant) => sum + grant, 0);
      out.push(`${fit(n.euros(point.total), 13, 'right')}  ${fit(n.euros(spent), 13, 'right')}  ${fit(String(result.grants.filter((grant) => grant > 0).length), 9, 'right')}  ${fit(n.decimal(result.objective, 0), 14, 'right')}  ${fit(point.marginal === undefined ? '' : n.decimal(point.marginal, 2), 11, 'right')}`);
    }
    out.push('', words.perEuroLegend);
    return `${out.join('\n')}\n`;
  };
  const json = {
    scenario: ctx.scenario.name,
    policy,
    points: points.map((point) => ({ total: point.total, status: point.result.status, objective: point.result.status === 'optimal' ? point.result.objective : null, marginal: point.marginal ?? null, grants: point.result.status === 'optimal' ? Object.fromEntries(ids.map((id, index) => [id, point.result.status === 'optimal' ? point.result.grants[index] ?? 0 : 0])) : null })),
  };
  const csv = (): CsvTableOut => ({
    columns: ['id', 'name', ...points.map((point) => `${point.total}`)],
    rows: [
      ...ids.map((id, index) => [id, ctx.scenario.candidates[index]?.name ?? '', ...points.map((point) => (point.result.status === 'optimal' ? point.result.grants[index] ?? 0 : ''))]),
      ['', 'total', ...points.map((point) => (point.result.status === 'optimal' ? point.result.grants.reduce((sum, grant) => sum + grant, 0) : ''))],
    ],
  });
  return emit(ctx, json, table, csv, 'Enveloppes');
}

/** `--over`: what robustness draws. */
function overOf(ctx: Context): RobustnessOver {
  const text = ctx.flags.over ?? DEFAULT_ROBUSTNESS_OVER;
  const choices: readonly RobustnessOver[] = ['weights', 'marks', 'both'];
  const over = choices.find((choice) => choice === text);
  if (over === undefined) {
    const guess = closest(text, choices);
    throw new UserError(ERRORS.notOver(text), { field: '--over', hint: ERRORS.chooseOver(guess), exitCode: EXIT.usage });
  }
  if (over !== 'weights' && ctx.scenario.reviews === undefined) {
    throw new UserError(ERRORS.noMarks(over), { field: '--over', hint: ERRORS.nameReviews, exitCode: EXIT.usage });
  }
  return over;
}

export async function runRobustness(path: string, flags: AnalysisFlags, console: Console, signal?: AbortSignal): Promise<number> {
  const ctx = await context(path, flags, console, signal);
  const policy = policyName(ctx.scenario, flags.policy);
  const over = overOf(ctx);
  const spread = flags.spread === undefined ? DEFAULT_SPREAD : Number(flags.spread);
  if (!Number.isFinite(spread) || spread < 0) throw new UserError(ERRORS.notSpread(flags.spread ?? ''), { field: '--spread', exitCode: EXIT.usage });
  const options = { samples: integer(flags.samples, '--samples', DEFAULT_SAMPLES, 1, 100_000), spread, seed: integer(flags.seed, '--seed', DEFAULT_SEED, 0, 2 ** 31), uniform: flags.uniform === true, over };
  // Over the marks alone the policy applies as it is, formula policies included.
  const weights = over === 'marks' ? {} : weightsOf(ctx, policy);
  const result = await robustness(ctx.scenario, policy, weights, options, poolOptions(ctx, true), ctx.session);
  const { words, n } = ctx;
  const band = words.band(n.percent(DISCUSS_BAND[0], 0), n.percent(DISCUSS_BAND[1], 0));
  const rank = (candidate: (typeof result.candidates)[number]): string => `${n.decimal(candidate.expectedRank ?? 0, 1)} (${candidate.rankLow ?? 0}–${candidate.rankHigh ?? 0})`;
  const table = (): string => {
    const weightsDrawn = options.uniform ? words.weightsUniform : words.weightsAround(policy, spread);
    const marksDrawn = words.marksDrawn(ctx.scenario.reviews?.settings.aggregate ?? 'mean', ctx.scenario.reviews?.settings.severity === true, policy);
    const drawn = over === 'weights' ? weightsDrawn : over === 'marks' ? marksDrawn : words.both(weightsDrawn, marksDrawn);
    const out = [words.robustnessTitle(ctx.scenario.name, result.solved, drawn, options.seed), ''];
    const titles = words.robustnessColumns;
    out.push(`${fit(words.id, 10)}  ${fit(words.name, 30)}  ${fit(titles.funded, 7, 'right')}  ${fit(titles.meanGrant, 11, 'right')}  ${fit(titles.range, 23, 'right')}  ${fit(titles.rank, 16, 'right')}  ${titles.class}`);
    for (const candidate of result.candidates) {
      if (candidate.class === 'never') continue;
      out.push(`${fit(candidate.id, 10)}  ${fit(candidate.name, 30)}  ${fit(n.percent(candidate.probability, 0), 7, 'right')}  ${fit(n.euros(candidate.meanGrant), 11, 'right')}  ${fit(`${n.euros(candidate.p5)}–${n.euros(candidate.p95)}`, 23, 'right')}  ${fit(rank(candidate), 16, 'right')}  ${words.fundingClass[candidate.class]}${candidate.discuss === true ? words.toDiscuss : ''}`);
    }
    const never = result.candidates.filter((candidate) => candidate.class === 'never').length;
    out.push('', words.neverFunded(never));
    const discuss = result.candidates.filter((candidate) => candidate.discuss === true);
    out.push(discuss.length === 0 ? words.nothingToDiscuss(band) : words.discuss(band, discuss.map((candidate) => candidate.id).join(', ')));
    return `${out.join('\n')}\n`;
  };
  const json = { scenario: ctx.scenario.name, policy, ...options, solved: result.solved, discussBand: DISCUSS_BAND, candidates: result.candidates };
  const csv = (): CsvTableOut => ({
    columns: ['id', 'name', 'region', 'probability_pct', 'mean_grant_eur', 'p5_eur', 'p95_eur', 'class', 'expected_rank', 'rank_p5', 'rank_p95', 'discuss'],
    rows: result.candidates.map((candidate) => [candidate.id, candidate.name, candidate.region, Math.round(candidate.probability * 1000) / 10, candidate.meanGrant, candidate.p5, candidate.p95, candidate.class, candidate.expectedRank ?? 0, candidate.rankLow ?? 0, candidate.rankHigh ?? 0, candidate.discuss === true ? 'yes' : 'no']),
  });
  return emit(ctx, json, table, csv, 'Robustesse');
}

/** The change from one policy's grant to another's: new, out, or the signed difference. */
function changeOf(first: number, last: number, words: AnalysisWords, n: CliNumbers): string {
  return first === 0 && last > 0 ? words.entering : first > 0 && last === 0 ? words.leaving : last === first ? '' : n.euroChange(last - first);
}

/** Over three or more policies: in/out when some fund it and some do not, else the spread of its grants. */
function spreadOf(grants: readonly number[], words: AnalysisWords, n: CliNumbers): string {
  const highest = Math.max(...grants);
  const lowest = Math.min(...grants);
  if (highest === lowest) return '';
  return lowest === 0 ? words.inOut : `↕ ${n.euros(highest - lowest)}`;
}
