/**
 * What src/tui (and the report) imported from here before the solve pipeline moved to src/pipeline/:
 * the faces now reach it through analysis/pipeline.ts, and the allocation's words live in
 * domain/allocation.ts. To be deleted once src/tui imports those.
 */
import type { Selection } from '../domain/allocation.js';
import type { Scenario } from '../domain/types.js';
import { allocate as allocateInSession, type AllocateOptions, type AllocationOutcome } from '../pipeline/allocate.js';
import { createSession } from '../pipeline/session.js';

// re-exported for src/tui until it is rewired
export type { AllocateOptions, AllocationOutcome };
// re-exported for src/tui until it is rewired
export type { Allocation, CandidateResult, RuleResult, Selection } from '../domain/allocation.js';

// re-exported for src/tui until it is rewired: the simulator's default session, until the simulator creates its own and passes it in.
const simulatorSession = createSession();

/** pipeline/allocate.ts's `allocate`, in the simulator's session unless `options.session` says otherwise. */
export function allocate(scenario: Scenario, selection: Selection, options: AllocateOptions = {}): Promise<AllocationOutcome> {
  return allocateInSession(scenario, selection, { session: simulatorSession, ...options });
}
