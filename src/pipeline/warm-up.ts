/**
 * A session's warm-up: solves the simulator runs while the user reads its first allocation of a
 * policy, so that the keys after it are answered at full speed. A fresh process runs its first
 * solves of a kind slowly (V8 compiles the code they run as they run it, GLPK's WebAssembly function
 * by function, and the kept HiGHS model has no basis near the new costs yet): on the 2013 call under
 * `emploi`, the first dozen weight changes took 30–60 ms each against 10–25 ms after (docs/speed.md).
 * The answers are thrown away: the canonical tie-break makes every later allocation the same
 * whatever the session solved before (canonical.ts), which test/tui/warm-up.test.tsx checks.
 */
import type { Selection } from '../domain/allocation.js';
import { seededRandom } from '../domain/random.js';
import type { Scenario } from '../domain/types.js';
import type { SolveOptions } from '../solver/types.js';
import { allocate } from './allocate.js';
import { findPolicy } from './score.js';
import type { Session } from './session.js';

/**
 * Solves in one policy's warm-up. On the 2013 call under `emploi`, 20 took 0.8 s and brought the
 * p95 of the next 100 weight changes from 38–42 ms to 24–25 ms; 10 left it at 28–30 ms.
 */
export const WARM_UP_SOLVES = 20;

/**
 * The weightings a policy's warm-up solves: each criterion weighted 1 to 5 at random (a fixed seed),
 * far apart, so that the solver's less common paths run too (a second guess of the optimum's distance
 * to the bound, a tie-break class to settle), not only the nearby weights a key gives. None for a
 * policy scored by a formula, whose weights do not move.
 */
export function warmUpSelections(scenario: Scenario, policy: string, count = WARM_UP_SOLVES): Selection[] {
  if (warmUpCount(scenario, policy, count) === 0) return [];
  const random = seededRandom(WARM_UP_SEED);
  return Array.from({ length: count }, () => ({ policy, weights: Object.fromEntries(scenario.criteria.map((criterion) => [criterion.column, 1 + Math.round(random() * 4)])) }));
}

const WARM_UP_SEED = 20_131_231;

/** How many solves a policy's warm-up has (warmUpSelections), without drawing them: none for a formula policy. */
export function warmUpCount(scenario: Scenario, policy: string, count = WARM_UP_SOLVES): number {
  const found = findPolicy(scenario, policy);
  return found === undefined || found.score !== undefined ? 0 : count;
}

/**
 * Solves one warm-up selection in the session with the face's solver settings, its answer thrown away (an error too: the user's own
 * solves report theirs). Resolves when it is done; the caller yields to the user's keys between two.
 */
export async function warmUpSolve(scenario: Scenario, selection: Selection, session: Session, options: Partial<SolveOptions> = {}): Promise<void> {
  await allocate(scenario, selection, { ...options, session }).catch(() => undefined);
}
