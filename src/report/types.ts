/**
 * What the committee's report is made from: plain data the CLI (or the simulator) has already
 * computed. The renderer reads files nowhere and asks no clock: the same data gives the same bytes.
 */
import type { Lang } from '../domain/lang.js';
import type { Allocation, Selection } from '../domain/allocation.js';
import type { Comparison } from '../analysis/compare.js';
import type { Robustness, RobustnessOptions } from '../analysis/robustness.js';
import type { Scenario } from '../domain/types.js';

export type ReportLanguage = Lang;

/** The allocation as the report reads it (its tie band and lottery included). */
export type ReportAllocation = Allocation;

export interface ReportRobustness {
  readonly result: Robustness;
  readonly options: RobustnessOptions;
}

/** One input file and its SHA-256, with the path the report prints. */
export interface TracedInput {
  readonly role: 'scenario' | 'candidates';
  readonly path: string;
  readonly sha256: string;
}

/** The decision record's hashes and how to check them again. */
export interface ReportTrace {
  /** Version of enveloppe and of each engine. */
  readonly enveloppe: string;
  readonly engines: Readonly<Record<string, string>>;
  readonly inputs: readonly TracedInput[];
  /** SHA-256 of the allocation's `--json` document (the bytes `verify` compares). */
  readonly allocationSha256: string;
  /** The decision record written beside the report, if any: its path as given, its SHA-256 and its date. */
  readonly record?: { readonly path: string; readonly sha256: string; readonly date: string };
  /** The `enveloppe solve …` command that gives this allocation (without --record). */
  readonly solveCommand: string;
  /** Written from the simulator: edits not saved to the files are not in their hashes. */
  readonly origin?: 'simulator';
}

export interface ReportInput {
  readonly scenario: Scenario;
  readonly allocation: ReportAllocation;
  /** The policy and the weights that replaced its own, if any (`--weights`). */
  readonly selection: Selection;
  readonly comparison?: Comparison;
  readonly robustness?: ReportRobustness;
  readonly trace: ReportTrace;
  /**
   * Sentences explaining a candidate's place near the funding line, by id, from the `explain`
   * analysis (issue 10) once it exists; they are shown in place of the report's own reasons.
   */
  readonly explanations?: ReadonlyMap<string, readonly string[]>;
}

export interface ReportOptions {
  /** @default "fr" */
  readonly lang?: ReportLanguage;
  /** Candidates shown on each side of the funding line. @default 5 */
  readonly around?: number;
}
