import type { EngineChoice, EngineName } from '../domain/engines.js';

/** The engines enveloppe can solve with (domain words, in domain/engines.ts); `auto` chooses (see solve.ts). */
export type { EngineChoice, EngineName };

/** Options of a solve, with their defaults in DEFAULT_SOLVE_OPTIONS. */
export interface SolveOptions {
  /** @default "auto" */
  readonly engine: EngineChoice;
  /** Hard limit for one solve, in milliseconds. @default 20000 */
  readonly timeLimitMs: number;
  /** Relative optimality gap at which a solution counts as proven optimal. @default 1e-7 */
  readonly relativeGap: number;
}

export const DEFAULT_SOLVE_OPTIONS: Readonly<SolveOptions> = {
  engine: 'auto',
  timeLimitMs: 20_000,
  relativeGap: 1e-7,
};

/**
 * What a solve ends in. Outcomes are values, never exceptions: the caller renders each case.
 * `values` are rounded onto the model's integers and checked against every row.
 */
export type SolveOutcome =
  | { readonly status: 'optimal'; readonly engine: EngineName; readonly values: ReadonlyMap<string, number>; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'infeasible'; readonly engine: EngineName; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'unbounded'; readonly engine: EngineName; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'timedout'; readonly engine: EngineName; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'failed'; readonly engine: EngineName; readonly ms: number; readonly reason: string; readonly notes: readonly string[] };

/** An engine's raw answer, before enveloppe checks it. */
export type RawAnswer =
  | { readonly status: 'solved'; readonly values: Record<string, number> }
  | { readonly status: 'infeasible' | 'unbounded' | 'timedout' }
  | { readonly status: 'failed'; readonly reason: string };
