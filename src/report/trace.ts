/**
 * The traceability block of the committee's report: the SHA-256 of the input files and of the
 * allocation's `--json` document, the versions, and the `solve` command that gives the allocation.
 * Shared by `enveloppe report` and the simulator, which both read files here and nowhere else.
 */
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import type { Allocation, Selection } from '../domain/allocation.js';
import type { Scenario } from '../domain/types.js';
import { shellWord } from './html.js';
import { renderReportHtml } from './render.js';
import type { ReportLanguage, ReportTrace } from './types.js';
import { normaliseWeights } from '../scoring/weights.js';
import { allocationJson } from '../io/allocation-export.js';
import { inputSha256, versions } from '../io/record.js';

export interface TraceOptions {
  /** `--solver` as given on the command line, repeated in the `solve` command. */
  readonly solver?: string;
  /** The decision record written beside the report: its path as given, its bytes and its date. */
  readonly record?: { readonly path: string; readonly bytes: string; readonly date: string };
  /** The report was written from the simulator, whose edits may differ from the files. */
  readonly origin?: 'command' | 'simulator';
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** `scenarioPath` is the scenario as the user reaches it (as typed); the CSV is printed beside it. */
export function reportTrace(scenarioPath: string, scenario: Scenario, selection: Selection, allocation: Allocation, options: TraceOptions = {}): ReportTrace {
  const { enveloppe, engines } = versions();
  const candidatesPath = join(dirname(scenarioPath), relative(dirname(scenario.file), scenario.candidatesFile));
  const weights = selection.weights === undefined ? [] : ['--weights', Object.entries(selection.weights).map(([column, weight]) => `${column}=${weight}`).join(',')];
  const command = ['enveloppe', 'solve', scenarioPath, '--policy', selection.policy, ...weights, ...(options.solver === undefined ? [] : ['--solver', options.solver])];
  const record = options.record;
  return {
    enveloppe,
    engines,
    inputs: [
      { role: 'scenario', path: scenarioPath, sha256: inputSha256(scenario, scenario.file) },
      { role: 'candidates', path: candidatesPath, sha256: inputSha256(scenario, scenario.candidatesFile) },
    ],
    allocationSha256: hashText(allocationJson(allocation, 'optimal')),
    ...(record === undefined ? {} : { record: { path: record.path, sha256: hashText(record.bytes), date: record.date } }),
    solveCommand: command.map(shellWord).join(' '),
    ...(options.origin === 'simulator' ? { origin: 'simulator' as const } : {}),
  };
}

/** A path relative to the working folder when it is inside it, absolute otherwise. */
function near(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}

/**
 * The committee's report for the allocation on the simulator's screen: its policy, and its weights
 * when the session changed them, with the files' hashes and a note that unsaved edits are not in them.
 */
export function reportFromSimulator(scenario: Scenario, allocation: Allocation, lang: ReportLanguage = 'fr'): string {
  const policy = scenario.policies.find((entry) => entry.name === allocation.policy);
  const own = policy === undefined || policy.score !== undefined ? undefined : normaliseWeights(policy.weights, scenario.criteria);
  const applied = allocation.weights;
  const edited = applied !== undefined && (own === undefined || scenario.criteria.some((criterion) => Math.abs((own[criterion.column] ?? 0) - (applied[criterion.column] ?? 0)) > 1e-12));
  const selection: Selection = edited ? { policy: allocation.policy, weights: applied } : { policy: allocation.policy };
  const trace = reportTrace(near(scenario.file), scenario, selection, allocation, { origin: 'simulator' });
  return renderReportHtml({ scenario, allocation, selection, trace }, { lang });
}
