/** The side effects the simulator needs, in one place, so that tests can slow them down or fail them. */
import { allocate, warmUpSolve, type Session } from '../analysis/pipeline.js';
import type { Selection } from '../domain/allocation.js';
import type { Scenario } from '../domain/types.js';
import { explainInfeasibility } from '../analysis/conflicts.js';
import { explainCandidate } from '../analysis/explain.js';
import { robustness } from '../analysis/robustness.js';
import { sweepWeight, tippingPoints } from '../analysis/sweep.js';
import { writeOutput } from '../io/files.js';
import { savePolicy } from '../io/scenario-edit.js';
import type { SolveOptions } from '../solver/types.js';

export interface Services {
  readonly allocate: typeof allocate;
  /** One solve of the session's warm-up (pipeline/warm-up.ts), its answer thrown away. */
  readonly warmUp: (scenario: Scenario, selection: Selection, options: Partial<SolveOptions>) => Promise<void>;
  readonly explainInfeasibility: typeof explainInfeasibility;
  /** Why a candidate is or is not funded, and what would change it (several solves). */
  readonly explainCandidate: typeof explainCandidate;
  readonly savePolicy: typeof savePolicy;
  readonly writeOutput: typeof writeOutput;
  /** The analyses: each solves on the worker pool, reports progress and stops when its signal is aborted. */
  readonly sweepWeight: typeof sweepWeight;
  readonly tippingPoints: typeof tippingPoints;
  readonly robustness: typeof robustness;
}

/** The services of one simulator run: its solves share `session` (a policy's formula is compiled once). */
export function servicesIn(session: Session): Services {
  return {
    allocate: (scenario, selection, options = {}) => allocate(scenario, selection, { session, ...options }),
    warmUp: (scenario, selection, options) => warmUpSolve(scenario, selection, session, options),
    explainInfeasibility,
    explainCandidate: (scenario, selection, id, options = {}, lang) => explainCandidate(scenario, selection, id, { session, ...options }, lang),
    savePolicy,
    writeOutput,
    sweepWeight,
    tippingPoints,
    robustness,
  };
}

/** Solver settings of the session (`--solver`, `--time-limit`). */
export type SessionSolveOptions = Partial<SolveOptions>;
