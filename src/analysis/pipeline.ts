/**
 * The solve pipeline as the faces reach it: cli and tui import the core's top layer, analysis, and
 * find the pipeline (src/pipeline/: score → model → solve → publish) and its session here.
 */
export { allocate, type AllocateOptions, type AllocationOutcome } from '../pipeline/allocate.js';
export { createSession, type Session } from '../pipeline/session.js';
export { warmUpCount, warmUpSelections, warmUpSolve } from '../pipeline/warm-up.js';
