/**
 * The words of a call for projects (appel à projets), as enveloppe uses them.
 * Everything here is plain data: no I/O, no UI. Money is in whole euros unless a name says otherwise.
 */
import type { Reviews } from './reviews.js';

/** A candidate pole (dossier recevable), one row of the candidates CSV. */
export interface Candidate {
  /** Unique identifier, e.g. `ptce-017`. */
  readonly id: string;
  readonly name: string;
  readonly region: string;
  /** Euros asked for the whole period (montant demandé). */
  readonly request: number;
  /** Euros asked per year, when the CSV has `request_<year>` columns. */
  readonly requestByYear: Readonly<Record<string, number>>;
  /** Raw value of each declared criterion, by criterion column. */
  readonly criteria: Readonly<Record<string, number>>;
  /** Every column as text, trimmed, for rules (`territory`, `stage`…). */
  readonly attributes: Readonly<Record<string, string>>;
  /** 1-based line of the CSV where the row starts, for messages. */
  readonly line: number;
}

/** A selection criterion (critère de sélection) and the scale the jury scored it on. */
export interface Criterion {
  readonly column: string;
  readonly label: string;
  /** Declared scale [worst-or-lowest, highest]. Values outside it are refused at load. */
  readonly scale: readonly [number, number];
  /** `lower` for criteria such as cost per job, where less is better. @default "higher" */
  readonly better: 'higher' | 'lower';
}

/** One tier of diminishing returns: the part of a grant up to `share` × request counts `value` per euro. */
export interface ReturnTier {
  readonly share: number;
  readonly value: number;
}

/** A weighting policy (pondération): either weights over criteria or a score formula. */
export interface Policy {
  readonly name: string;
  readonly label: string;
  /** Raw weights by criterion column (not normalised). Absent when `score` is set. */
  readonly weights: Readonly<Record<string, number>>;
  /** A mathjs formula over the rescaled criteria u ∈ [0, 1], replacing the weighted sum. */
  readonly score?: string;
  /** Concave value of a grant; empty means every euro counts the same. */
  readonly returns: readonly ReturnTier[];
}

/** The group a rule bounds: one group per distinct value of `column`, or the listed values together. */
export interface RuleGroup {
  readonly column: string;
  readonly in?: readonly string[];
}

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/** A funder's rule (règle): bounds on a group's share of the envelope, its euros, or its number of laureates. */
export interface Rule {
  readonly label: string;
  readonly group: RuleGroup;
  /** Fraction of the envelope total, 0..1. */
  readonly share?: Bounds;
  /** Euros. */
  readonly amount?: Bounds;
  /** Number of funded candidates. */
  readonly count?: Bounds;
}

export type Lock = 'funded' | 'excluded';

export interface YearCeiling {
  readonly year: string;
  readonly ceiling: number;
}

/** The budget envelope (enveloppe) and its optional per-year ceilings. */
export interface Envelope {
  readonly total: number;
  /** Empty when the call has a single period. */
  readonly years: readonly YearCeiling[];
}

/** What a funded candidate may receive: min..max euros, never above its request, in multiples of step. */
export interface GrantBounds {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

export interface LaureateBounds {
  readonly min: number;
  readonly max: number;
}

/** A call for projects resolved from its scenario file: every path read, every default applied. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Absolute path of the scenario file, or '' when built in memory. */
  readonly file: string;
  /** Absolute path of the candidates CSV, or '' when built in memory. */
  readonly candidatesFile: string;
  readonly candidates: readonly Candidate[];
  readonly envelope: Envelope;
  readonly grant: GrantBounds;
  readonly laureates: LaureateBounds;
  readonly criteria: readonly Criterion[];
  /** Policies in file order; the first is the default. */
  readonly policies: readonly Policy[];
  readonly rules: readonly Rule[];
  readonly locks: Readonly<Record<string, Lock>>;
  /** What the loader wants the user to know without refusing the files (an encoding it guessed). */
  readonly notices?: readonly string[];
  /** A public draw that orders candidates at the funding line; undefined: the stated rule alone. */
  readonly lottery?: Lottery;
  /** Reviewers' marks, when the scenario names a reviews file: the criteria are then their aggregate. */
  readonly reviews?: Reviews;
  /** SHA-256 of the bytes of each file read to build it (scenario, candidates, reviews), by real path: what a decision record names. */
  readonly inputHashes?: Readonly<Record<string, string>>;
}

/**
 * A replayable lottery (tirage au sort) for the funding line. Each candidate's ticket is
 * SHA-256("<seed>:<id>") in hexadecimal; lower tickets come first. Candidates whose score lies
 * within `band` points of the last funded one count as equally good (their score becomes that
 * one's), and the draw orders them; with a band of 0 it orders exact ties only.
 */
export interface Lottery {
  readonly seed: string;
  /** Score points either side of the funding line. @default 0 */
  readonly band: number;
}
