import type { EngineChoice, EngineName } from '../domain/engines.js';
import type { HighsModels } from './highs.js';

/** The engines enveloppe can solve with (domain words, in domain/engines.ts); `auto` chooses (see solve.ts). */
export type { EngineChoice, EngineName };

/** Options of a solve, with their defaults in DEFAULT_SOLVE_OPTIONS. */
export interface SolveOptions {
  /** @default "auto" */
  readonly engine: EngineChoice;
  /** Hard limit for one solve, in milliseconds. @default 20000 */
  readonly timeLimitMs: number;
  /**
   * Relative optimality gap at which a solution counts as proven optimal (`--gap`): the
   * published objective is within this fraction of the best possible. 0 (the default) proves the exact
   * optimum, which the canonical tie-break needs to publish the same allocation on every engine.
   * @default 0
   */
  readonly relativeGap: number;
  /**
   * HiGHS only: relaxation, reduced-cost fixing and a small residual MILP before the full MILP
   * (see highs.ts). Off, HiGHS solves the full MILP at once. @default true
   */
  readonly fastPath: boolean;
  /**
   * HiGHS only: persistent models kept between solves (the session's, see highs.ts), so that a
   * re-solve with other costs starts warm. Absent, each solve builds and frees a model of its own.
   */
  readonly models?: HighsModels | undefined;
}

export const DEFAULT_SOLVE_OPTIONS: Readonly<SolveOptions> = {
  engine: 'auto',
  timeLimitMs: 20_000,
  relativeGap: 0,
  fastPath: true,
};

/**
 * What a solve ends in. Outcomes are values, never exceptions: the caller renders each case.
 * `values` are rounded onto the model's integers and checked against every row.
 * `gap` is the relative gap proven between the answer and the best possible objective
 * (0 when the answer is proven exactly optimal). `feasible` is the best answer found when the
 * time limit stopped the search before the gap reached the target: it passes every rule, and its
 * gap says how far from the optimum it may be.
 */
export type SolveOutcome =
  | { readonly status: 'optimal'; readonly engine: EngineName; readonly values: ReadonlyMap<string, number>; readonly gap: number; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'feasible'; readonly engine: EngineName; readonly values: ReadonlyMap<string, number>; readonly gap: number; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'infeasible'; readonly engine: EngineName; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'unbounded'; readonly engine: EngineName; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'timedout'; readonly engine: EngineName; readonly ms: number; readonly notes: readonly string[] }
  | { readonly status: 'failed'; readonly engine: EngineName; readonly ms: number; readonly reason: string; readonly notes: readonly string[] };

/** An engine's raw answer, before enveloppe checks it. */
export type RawAnswer =
  | { readonly status: 'solved' | 'feasible'; readonly values: Record<string, number>; readonly gap: number }
  | { readonly status: 'infeasible' | 'unbounded' | 'timedout' }
  | { readonly status: 'failed'; readonly reason: string };
