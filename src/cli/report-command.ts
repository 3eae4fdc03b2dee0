/**
 * `enveloppe report SCENARIO --out rapport.html`: solves, optionally compares policies and measures
 * robustness, then writes the committee's report (src/report) as one self-contained HTML file.
 */
import { allocate, createSession, type AllocateOptions, type AllocationOutcome } from '../analysis/pipeline.js';
import type { Allocation, Selection } from '../domain/allocation.js';
import { explainCandidate, type Explanation } from '../analysis/explain.js';
import { lineUp } from '../analysis/compare.js';
import { explainInfeasibility } from '../analysis/conflicts.js';
import { robustness, type RobustnessOptions } from '../analysis/robustness.js';
import { DEFAULT_ANALYSIS_ENGINE, DEFAULT_REPORT_LANG, DEFAULT_SEED, DEFAULT_SPREAD } from '../domain/defaults.js';
import { UserError } from '../domain/errors.js';
import type { Lang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import type { Weights } from '../domain/weights.js';
import { checkOutputPath, writeOutput } from '../io/files.js';
import { makeRecord } from '../io/record.js';
import { reportTrace, type TraceOptions } from '../report/trace.js';
import { loadScenario } from '../io/scenario.js';
import { frenchPoints, numberFormats, type NumberFormats } from '../domain/numbers.js';
import { renderReportHtml } from '../report/render.js';
import type { ReportInput, ReportLanguage, ReportRobustness } from '../report/types.js';
import type { EngineChoice } from '../solver/types.js';
import type { ReportFlags } from '../options/commands.js';
import { EXIT, parseWeights, policyName, solveChoice } from './options.js';
import { renderConflicts, type Console } from './solve-command.js';
import { ANALYSIS_ERRORS } from './analysis-words.js';
import { WORDS } from './words.js';

/** The flags of `enveloppe report`, derived from their schema (options/commands.ts). */
export type { ReportFlags };

function language(text: string | undefined): ReportLanguage {
  if (text === undefined || text === 'fr' || text === 'en') return text ?? DEFAULT_REPORT_LANG;
  throw new UserError({ en: `unknown language '${text}'`, fr: `langue inconnue '${text}'` }, { field: '--lang', hint: { en: 'Choose fr or en.', fr: 'Choisissez fr ou en.' }, exitCode: EXIT.usage });
}

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new UserError(ANALYSIS_ERRORS.notWholeNumber(text, min, max), { field: flag, exitCode: EXIT.usage });
  return value;
}

/**
 * `explain` for the candidates nearest the funding line (the last three funded and the first three
 * left out): what would change their place, each figure obtained by re-solving, in the report's
 * language. Added to the facts the report reads from the allocation itself.
 */
export async function explainNearLine(
  scenario: Scenario,
  selection: Selection,
  allocation: Allocation,
  lang: ReportLanguage,
  options: AllocateOptions,
): Promise<ReadonlyMap<string, readonly string[]>> {
  const byRank = [...allocation.candidates].sort((a, b) => a.rank - b.rank);
  const near = [...byRank.filter((candidate) => candidate.funded).slice(-3), ...byRank.filter((candidate) => !candidate.funded && candidate.eligible).slice(0, 3)];
  const n = numberFormats(lang);
  const out = new Map<string, readonly string[]>();
  for (const candidate of near) {
    const why = await explainCandidate(scenario, selection, candidate.id, options, lang);
    if (typeof why === 'string') continue;
    out.set(candidate.id, explainSentences(why, lang, n));
  }
  return out;
}

function explainSentences(why: Explanation, lang: ReportLanguage, n: NumberFormats): string[] {
  const fr = lang === 'fr';
  const points = (value: number): string => n.decimal(value, 2);
  const lines: string[] = [];
  if (why.funded) {
    const drop = why.scoreToLose;
    if (drop !== undefined) lines.push(fr ? `Il perdrait sa subvention si sa note baissait de ${frenchPoints(drop.change)}, à ${points(drop.score)} (recalculé).` : `It would lose its grant if its score fell by ${points(drop.change)} points, to ${points(drop.score)} (re-solved).`);
    return lines;
  }
  const locked = why.lockedIn;
  if (locked?.status === 'optimal') {
    const leaving = locked.leaves.map((entry) => entry.id).join(', ');
    const cost = n.percent(locked.loss, 3);
    lines.push(
      fr
        ? `Le financer (${n.euros(locked.grant)}) coûterait ${cost} de l’objectif${leaving === '' ? '' : `\u00a0; sortirait\u00a0: ${leaving}`}.`
        : `Funding it (${n.euros(locked.grant)}) would cost ${cost} of the objective${leaving === '' ? '' : `; leaving: ${leaving}`}.`,
    );
  } else if (locked?.status === 'infeasible') {
    lines.push(fr ? `Il ne peut pas être financé sous les règles\u00a0: ${locked.conflicts.join('\u00a0; ')}.` : `It cannot be funded under the rules: ${locked.conflicts.join('; ')}.`);
  }
  const rise = why.scoreToFund;
  lines.push(
    rise === undefined
      ? fr ? 'Aucune hausse de sa note seule ne le financerait.' : 'No score rise alone would fund it.'
      : fr ? `Une note de ${points(rise.score)} (+${points(rise.change)}) le financerait (${n.euros(rise.grant)}).` : `A score of ${points(rise.score)} (+${points(rise.change)}) would fund it (${n.euros(rise.grant)}).`,
  );
  const cut = why.requestToFund;
  lines.push(
    cut === undefined
      ? fr ? 'Aucune baisse de sa demande seule ne le financerait.' : 'No cut of its request alone would fund it.'
      : fr ? `Une demande ramenée à ${n.euros(cut.request)} (−${n.euros(cut.cut)}) le financerait (${n.euros(cut.grant)}).` : `A request of ${n.euros(cut.request)} (−${n.euros(cut.cut)}) would fund it (${n.euros(cut.grant)}).`,
  );
  return lines;
}

/** The report's flags, checked before anything is loaded. */
interface ReportPlan {
  readonly out: string;
  readonly lang: ReportLanguage;
  readonly engine: EngineChoice;
  readonly timeLimitMs: number | undefined;
  readonly samples: number | undefined;
  readonly seed: number;
  readonly spread: number;
}

function reportPlan(flags: ReportFlags): ReportPlan {
  if (flags.out === undefined) throw new UserError({ en: 'say where to write the report', fr: 'dites où écrire le rapport' }, { field: '--out', hint: { en: 'Add --out rapport.html.', fr: 'Ajoutez --out rapport.html.' }, exitCode: EXIT.usage });
  const lang = language(flags.lang);
  const { engine, timeLimitMs } = solveChoice(flags);
  const samples = flags.robustness === undefined ? undefined : wholeNumber(flags.robustness, '--robustness', 1, 100_000);
  const seed = flags.seed === undefined ? DEFAULT_SEED : wholeNumber(flags.seed, '--seed', 0, 2 ** 31);
  const spread = flags.spread === undefined ? DEFAULT_SPREAD : Number(flags.spread);
  if (!Number.isFinite(spread) || spread < 0) throw new UserError(ANALYSIS_ERRORS.notSpread(flags.spread ?? ''), { field: '--spread', exitCode: EXIT.usage });
  if (samples === undefined && (flags.seed !== undefined || flags.spread !== undefined)) {
    const flag = flags.seed === undefined ? '--spread' : '--seed';
    throw new UserError({ en: `${flag} sets the robustness draws, and no --robustness was given`, fr: `${flag} règle les tirages de robustesse, et aucun --robustness n’est donné` }, { field: flag, hint: { en: 'Add --robustness 200.', fr: 'Ajoutez --robustness 200.' }, exitCode: EXIT.usage });
  }
  return { out: flags.out, lang, engine, timeLimitMs, samples, seed, spread };
}

/** The scenario's side of the flags: the policy, its weights, the policies compared; and the output paths. */
function reportSelection(scenario: Scenario, flags: ReportFlags, plan: ReportPlan): { policy: string; weights: Weights | undefined; compared: string[] | undefined } {
  const policy = policyName(scenario, flags.policy);
  const weights = flags.weights === undefined ? undefined : parseWeights(scenario, flags.weights);
  const compared = flags.compare === undefined ? undefined : flags.compare.split(',').map((name) => name.trim()).filter((name) => name !== '').map((name) => policyName(scenario, name));
  if (compared !== undefined && compared.length === 0) throw new UserError({ en: 'name at least one policy to compare', fr: 'nommez au moins une pondération à comparer' }, { field: '--compare', hint: { en: 'Write --compare equilibre,emploi.', fr: 'Écrivez --compare equilibre,emploi.' }, exitCode: EXIT.usage });
  if (plan.samples !== undefined && weights === undefined && scenario.policies.find((entry) => entry.name === policy)?.score !== undefined) {
    throw new UserError(
      { en: `the policy '${policy}' scores with a formula, and robustness draws weights around a weighted policy`, fr: `la pondération '${policy}' note par une formule, et la robustesse tire des poids autour d’une pondération à poids` },
      { field: '--robustness', hint: { en: 'Choose a weighted policy with --policy, or give --weights.', fr: 'Choisissez une pondération à poids avec --policy, ou donnez --weights.' }, exitCode: EXIT.usage },
    );
  }
  const inputs = [scenario.file, scenario.candidatesFile];
  // Refuse a bad output path now, before minutes of solving.
  checkOutputPath(plan.out, inputs, 'report');
  if (flags.record !== undefined) {
    checkOutputPath(flags.record, inputs, 'decision record');
    if (flags.record === plan.out) throw new UserError({ en: 'the report and the decision record cannot be the same file', fr: 'le rapport et le procès-verbal de décision ne peuvent pas être le même fichier' }, { field: '--record', hint: { en: 'Write the record to decision.json, for instance.', fr: 'Écrivez le procès-verbal dans decision.json, par exemple.' }, exitCode: EXIT.usage });
  }
  return { policy, weights, compared };
}

/**
 * The allocations of the compared policies, lined up, or the exit code when one has no optimum. The
 * policy on the table is not solved twice: its column is the allocation itself, so the document never
 * shows two different allocations under one name.
 */
async function comparisonOf(path: string, scenario: Scenario, selection: Selection, allocation: Allocation, compared: readonly string[], solve: AllocateOptions, console: Console, signal: AbortSignal | undefined, lang: Lang): Promise<ReportInput['comparison'] | number> {
  const words = WORDS[lang];
  const allocations: Allocation[] = [];
  for (const name of compared) {
    signal?.throwIfAborted();
    if (name === selection.policy && selection.weights === undefined) {
      allocations.push(allocation);
      continue;
    }
    const other = await allocate(scenario, { policy: name }, solve);
    if (other.status !== 'optimal') {
      console.err(`enveloppe: ${path}: ${words.noReport(words.noOptimumUnder(name, other.status))}\n`);
      return other.status === 'infeasible' ? EXIT.infeasible : EXIT.error;
    }
    allocations.push(other.allocation);
  }
  return lineUp(compared, allocations);
}

/** Robustness as `enveloppe robustness` measures it (HiGHS unless --solver says otherwise), so that both give the same figures. */
async function robustnessOf(scenario: Scenario, policy: string, allocation: Allocation, plan: ReportPlan & { samples: number }, solverGiven: boolean, signal: AbortSignal | undefined): Promise<ReportRobustness> {
  if (allocation.weights === undefined) throw new Error(`robustness: the allocation under '${policy}' has no weights`);
  const options: RobustnessOptions = { samples: plan.samples, spread: plan.spread, seed: plan.seed, uniform: false };
  const solve = { engine: solverGiven ? plan.engine : DEFAULT_ANALYSIS_ENGINE, ...(plan.timeLimitMs === undefined ? {} : { timeLimitMs: plan.timeLimitMs }) } as const;
  const result = await robustness(scenario, policy, allocation.weights, options, { solve, ...(signal === undefined ? {} : { signal }) });
  return { result, options };
}

/** Solving failed: one message (and the conflicts of an infeasible call), and the exit code. */
async function reportNoOptimum(path: string, scenario: Scenario, outcome: Exclude<AllocationOutcome, { status: 'optimal' }>, console: Console, lang: Lang): Promise<number> {
  const words = WORDS[lang];
  const why = outcome.status === 'failed' ? outcome.reason : outcome.status === 'infeasible' ? words.infeasible : words.solveEnded(outcome.status);
  const conflicts = outcome.status === 'infeasible' ? renderConflicts(await explainInfeasibility(scenario, {}, lang), lang) : '';
  console.err(`enveloppe: ${path}: ${words.noReport(why)}\n${conflicts}`);
  return outcome.status === 'infeasible' ? EXIT.infeasible : EXIT.error;
}

/** `enveloppe report`: solve, compare and measure what the flags ask, then write the HTML (and the record). */
export async function runReport(path: string, flags: ReportFlags, console: Console, signal?: AbortSignal, lang: Lang = 'en'): Promise<number> {
  const plan = reportPlan(flags);
  const scenario = await loadScenario(path, { lang });
  const { policy, weights, compared } = reportSelection(scenario, flags, plan);
  const selection: Selection = weights === undefined ? { policy } : { policy, weights };
  const session = createSession();
  const solve: AllocateOptions = plan.timeLimitMs === undefined ? { engine: plan.engine, session } : { engine: plan.engine, timeLimitMs: plan.timeLimitMs, session };
  const outcome = await allocate(scenario, selection, solve);
  if (outcome.status !== 'optimal') return reportNoOptimum(path, scenario, outcome, console, lang);
  const { allocation } = outcome;
  const comparison = compared === undefined ? undefined : await comparisonOf(path, scenario, selection, allocation, compared, solve, console, signal, lang);
  if (typeof comparison === 'number') return comparison;
  const robust = plan.samples === undefined ? undefined : await robustnessOf(scenario, policy, allocation, { ...plan, samples: plan.samples }, flags.solver !== undefined, signal);

  let record: TraceOptions['record'];
  if (flags.record !== undefined) {
    const made = makeRecord(flags.record, scenario, selection, plan.engine, allocation, new Date());
    record = { path: flags.record, bytes: `${JSON.stringify(made, null, 2)}\n`, date: made.date };
  }
  const trace = reportTrace(path, scenario, selection, allocation, { ...(flags.solver === undefined ? {} : { solver: plan.engine }), ...(record === undefined ? {} : { record }) });
  const input: ReportInput = {
    scenario,
    allocation,
    selection,
    ...(comparison === undefined ? {} : { comparison }),
    ...(robust === undefined ? {} : { robustness: robust }),
    trace,
    explanations: await explainNearLine(scenario, selection, allocation, plan.lang, { engine: plan.engine, ...(plan.timeLimitMs === undefined ? {} : { timeLimitMs: plan.timeLimitMs }), session }),
  };
  const html = renderReportHtml(input, { lang: plan.lang });
  signal?.throwIfAborted();
  const inputs = [scenario.file, scenario.candidatesFile];
  if (record !== undefined) {
    await writeOutput(record.path, record.bytes, inputs, 'decision record');
    console.err(`${WORDS[lang].wroteRecord(record.path)}\n`);
  }
  await writeOutput(plan.out, html, inputs, 'report');
  console.err(`${WORDS[lang].wroteReport(plan.out, allocation.laureates, html.length)}\n`);
  return EXIT.ok;
}
