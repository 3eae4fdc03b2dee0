/**
 * A mixed-integer linear programme in neutral form, independent of any solver package.
 * Grant variables are counted in `unit` euros (the grant step), which keeps the numbers small
 * enough for javascript-lp-solver and makes every published grant a multiple of the step.
 */

export type VariableKind = 'continuous' | 'integer' | 'binary';

export interface ModelVariable {
  readonly name: string;
  readonly kind: VariableKind;
  readonly lower: number;
  /** Undefined means no upper bound. */
  readonly upper: number | undefined;
}

/** A linear term: coefficient × variable. */
export type Term = readonly [variable: string, coefficient: number];

/** What a row stands for, so that results and conflicts can be told in the funder's words. */
export type RowOrigin =
  | { readonly kind: 'total' }
  | { readonly kind: 'year'; readonly year: string }
  | { readonly kind: 'laureates' }
  | { readonly kind: 'floor'; readonly candidate: number }
  | { readonly kind: 'cap'; readonly candidate: number }
  | { readonly kind: 'returns'; readonly candidate: number }
  | { readonly kind: 'lock'; readonly candidate: number }
  /** A rule's bound on one group: `members` are the candidates of the group, by index. */
  | { readonly kind: 'rule'; readonly rule: number; readonly measure: 'share' | 'amount' | 'count'; readonly group: string; readonly members: readonly number[] }
  /** The tie-break's rows: the objective kept at its optimum, and a grant already settled. */
  | { readonly kind: 'optimum' }
  | { readonly kind: 'settled'; readonly candidate: number };

/** A row lower ≤ Σ terms ≤ upper (either side may be open). */
export interface ModelRow {
  readonly name: string;
  readonly terms: readonly Term[];
  readonly lower: number | undefined;
  readonly upper: number | undefined;
  readonly origin: RowOrigin;
}

/** The variables of one candidate. */
export interface CandidateVariables {
  /** Index in the scenario's candidate list. */
  readonly index: number;
  readonly id: string;
  /** Binary f_i: funded or not. */
  readonly funded: string;
  /** Grant variables g_i,t by year ('' when the call has a single period). */
  readonly grants: readonly { readonly year: string; readonly variable: string }[];
  /** Largest grant in units: min(grant.max, request) rounded down to the step. */
  readonly capUnits: number;
  /** The most its grants can add up to, in units: capUnits, or less when the per-year requests, each rounded down, add up to less. */
  readonly reachUnits: number;
  readonly score: number;
  /** Whether the candidate can be funded at all: its cap (and its per-year requests together) reach the floor. */
  readonly eligible: boolean;
  /**
   * The policy's return tiers for this candidate: tier k counts `value` per euro up to `end` steps
   * (min(cap, share_k × request) rounded down to the step). Empty: every euro counts the score.
   */
  readonly tiers: readonly ReturnPiece[];
}

/** One return tier of one candidate, as the model writes it. */
export interface ReturnPiece {
  /** Where the tier ends, in grant steps (not below the previous tier's end once published). */
  readonly end: number;
  readonly value: number;
}

export interface AllocationModel {
  /** Euros per unit of a grant variable. */
  readonly unit: number;
  readonly variables: readonly ModelVariable[];
  /** Maximised: Σ coefficient × variable, in score points × euros. */
  readonly objective: readonly Term[];
  readonly rows: readonly ModelRow[];
  readonly candidates: readonly CandidateVariables[];
  /** Comment lines for the LP file: what the model is, and who each index is. */
  readonly comments: readonly string[];
}
