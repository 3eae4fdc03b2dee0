/**
 * The command line's own words, in French and in English: one interface, and a catalogue for each
 * language typed against it (words-fr.ts, words-en.ts), so that a text missing in either language
 * is a compile error. English is the command's historical text, byte for byte; French uses the
 * officers' words (lauréat, enveloppe, subvention, pondération, règle, plafond) and French numbers.
 */
import type { Lang } from '../domain/lang.js';
import { en } from './words-en.js';
import { fr } from './words-fr.js';

/** How the command line prints numbers: English keeps its historical `1 500 000 €`, `84.00`, `45.7 %`. */
export interface CliNumbers {
  readonly euros: (value: number) => string;
  readonly euroChange: (value: number) => string;
  readonly percent: (fraction: number, digits?: number) => string;
  readonly decimal: (value: number, digits: number) => string;
}

export interface CliWords {
  readonly n: CliNumbers;
  // Commander's words and the program's own messages
  readonly helpTitles: Readonly<Record<string, string>>;
  readonly byDefault: string;
  readonly helpSwitch: string;
  readonly helpCommand: string;
  readonly versionSwitch: string;
  /** Commander's error (`unknown option '--jsn'`) in this language. */
  readonly commanderError: (text: string) => string;
  readonly seeHelp: string;
  readonly unknownCommand: (word: string) => string;
  readonly commandsAre: (names: string) => string;
  readonly didYouMean: (guess: string) => string;
  readonly cancelled: string;
  // solve, explain, verify: messages on stderr
  /** `enveloppe: note: …` and `  note: …` of validate. */
  readonly note: string;
  readonly warning: string;
  /** `Note: ` before a note under the table's heading (`Weights: `, `Score formula: ` likewise). */
  readonly tableNote: string;
  readonly wroteModel: (file: string) => string;
  readonly timeLimitStopped: (limit: number, gap: string, longer: number) => string;
  readonly noAllocationShown: string;
  /** --check: the other engine did not confirm, or disagrees on a grant or on the optimum. */
  readonly checkUnconfirmed: (engine: string, status: string) => string;
  readonly checkGrant: (id: string, engine: string, grant: string, other: string, theirs: string) => string;
  readonly checkOptimum: (engine: string, optimum: number, other: string, theirs: number) => string;
  /** A note of the solve's (the tie-break stopped…), in this language. */
  readonly solveNote: (note: string) => string;
  readonly wroteRecord: (file: string) => string;
  readonly wroteCsv: (rows: number, total: string, file: string, excel: boolean) => string;
  readonly wroteWorkbook: (file: string) => string;
  // report: messages on the terminal
  readonly noOptimumUnder: (policy: string, status: string) => string;
  readonly solveEnded: (status: string) => string;
  readonly noReport: (why: string) => string;
  readonly wroteReport: (file: string, laureates: number, characters: number) => string;
  readonly infeasible: string;
  readonly timedOut: string;
  readonly unbounded: string;
  /** The stderr line beside a --json document: the solver stopped before an optimum; the model is unbounded. */
  readonly noOptimumInTime: string;
  readonly isUnbounded: string;
  readonly impossibleOnPaper: string;
  readonly conflictHeading: (count: number) => string;
  readonly toFix: string;
  readonly unknownDistance: string;
  // The allocation table of `solve`
  readonly policyHead: (name: string, label: string | undefined) => string;
  readonly customWeights: (policy: string) => string;
  readonly weights: string;
  readonly formula: string;
  readonly optimumBy: (proven: boolean, engine: string, meanScore: string | undefined) => string;
  readonly columns: { readonly rank: string; readonly id: string; readonly name: string; readonly region: string; readonly score: string; readonly grant: string; readonly shareOfRequest: string; readonly note: string; readonly reviews: string };
  readonly nothingFor: (count: number) => string;
  readonly reviewsLegend: string;
  readonly envelope: (spent: string, total: string, allSpent: boolean) => string;
  readonly yearSpent: (spent: string, ceiling: string) => string;
  readonly laureates: (count: number, max: number) => string;
  readonly gap: (gap: number, formatted: string) => string;
  readonly byRegion: string;
  readonly regionLaureates: (count: number) => string;
  readonly rulesHeading: string;
  readonly quietRules: (count: number) => string;
  readonly lockedIn: string;
  readonly lockedOut: string;
  readonly belowFloor: string;
  readonly ties: (rule: string) => string;
  readonly noOtherOptimum: string;
  readonly lottery: (seed: string, band: number, line: number, count: number) => string;
  readonly ticket: (score: number, ticket: string, funded: boolean) => string;
  readonly moreTickets: (count: number) => string;
  // validate
  readonly valid: (path: string) => string;
  readonly candidatesFrom: (count: number, file: string) => string;
  readonly envelopeLine: (total: string, years: string) => string;
  readonly yearCeiling: (year: string, ceiling: string) => string;
  /** How the marks make a criterion: mean, median, trimmed-mean. */
  readonly aggregate: (rule: string) => string;
  readonly grantsLine: (min: string, max: string, step: string, laureatesMin: number, laureatesMax: number) => string;
  readonly criteriaLine: (count: number, names: string) => string;
  readonly policiesLine: (count: number, names: string) => string;
  readonly rulesLine: (rules: number, locks: number) => string;
  readonly reviewsLine: (reviews: number, reviewers: number, file: string, conflicts: number, aggregate: string, severity: boolean) => string;
  readonly feasible: string;
  readonly feasibilityUnknown: (status: string) => string;
}

/** The catalogue of each language. */
export const WORDS: Readonly<Record<Lang, CliWords>> = { fr, en };
