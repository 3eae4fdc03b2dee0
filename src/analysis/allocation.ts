/**
 * The solve pipeline as the faces reach it. The pipeline itself lives in src/pipeline/ (score →
 * model → solve → publish); cli and tui import the core's top layer, analysis, so they find it here.
 */
export { allocate, type AllocateOptions, type AllocationOutcome } from '../pipeline/allocate.js';
export { createSession, type Session } from '../pipeline/session.js';
// re-exported for src/tui until it is rewired
export type { Allocation, CandidateResult, RuleResult, Selection } from '../domain/allocation.js';
