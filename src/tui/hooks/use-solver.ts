/**
 * Solves the current edits whenever `generation` moves. One solve at a time: when it ends and newer
 * edits exist, the newest is solved next and the ones in between are skipped. The reducer ignores
 * results of superseded generations, so the screen never shows an allocation of old edits.
 *
 * With `warmUp`, once a policy's allocation is on screen and the user has left the keys alone for
 * WARM_UP_IDLE_MS, the session's warm-up for that policy runs (pipeline/warm-up.ts), one solve at a
 * time: a key waits for the solve in hand at most, then the warm-up stops until the keys are left
 * alone again, and picks up where it stopped. Each policy is warmed once. The hook returns what the
 * app calls on every key.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import { warmUpCount, warmUpSelections, type AllocationOutcome } from '../../analysis/pipeline.js';
import type { Services, SessionSolveOptions } from '../services.js';
import { selectionOf } from '../selectors.js';
import type { Action, TuiState } from '../state.js';
import { wordsOf } from '../words.js';

/**
 * How long the screen stays without an edit before the warm-up starts: longer than the gap between
 * two keys of someone trying weights, shorter than reading a new allocation.
 */
export const WARM_UP_IDLE_MS = 300;

/**
 * No warm-up on a larger call: a key would wait for a whole warm-up solve (0.7 s at 1,000
 * candidates), and there the compiling it saves is a small part of a solve. The 2013 call has 130.
 */
export const WARM_UP_MAX_CANDIDATES = 300;

/** What the solves of one mounted simulator share; mutable, kept in one ref. */
interface Solver {
  /** The state last rendered. */
  latest: TuiState;
  running: boolean;
  /** Generation the last solve was started for. */
  started: number;
  mounted: boolean;
  /** Warm-up solves done, by policy. */
  readonly warmed: Map<string, number>;
  idle: ReturnType<typeof setTimeout> | undefined;
  /** Keys pressed so far: a warm-up stops at the first one after it started. */
  keys: number;
  /** The last render's props. */
  dispatch: Dispatch<Action>;
  services: Services;
  options: SessionSolveOptions;
  warmUp: boolean;
}

export function useSolver(state: TuiState, dispatch: Dispatch<Action>, services: Services, options: SessionSolveOptions, warmUp = false): { readonly keyPressed: () => void } {
  const ref = useRef<Solver | undefined>(undefined);
  const props = { latest: state, dispatch, services, options, warmUp };
  if (ref.current === undefined) ref.current = { running: false, started: 0, mounted: true, warmed: new Map(), idle: undefined, keys: 0, ...props };
  else Object.assign(ref.current, props);
  const solver = ref.current;

  useEffect(() => {
    solver.mounted = true;
    return () => {
      solver.mounted = false;
      clearTimeout(solver.idle);
    };
  }, [solver]);
  useEffect(() => next(solver), [solver, state.generation, dispatch, services, options]);
  const keyPressed = useRef(() => {
    solver.keys += 1;
    // Waiting for the screen to be idle: wait again from now. (A warm-up solve in hand stops after it.)
    if (solver.idle !== undefined) next(solver);
  });
  return { keyPressed: keyPressed.current };
}

/** What to do when nothing runs: solve newer edits, or wait for the screen to be idle and warm up. */
function next(solver: Solver): void {
  clearTimeout(solver.idle);
  solver.idle = undefined;
  if (solver.running || !solver.mounted) return;
  if (solver.started !== solver.latest.generation) {
    void solveNewest(solver);
    return;
  }
  if (!solver.warmUp || solver.latest.scenario.candidates.length > WARM_UP_MAX_CANDIDATES) return;
  const { policy, scenario } = solver.latest;
  if ((solver.warmed.get(policy) ?? 0) >= warmUpCount(scenario, policy)) return;
  solver.idle = setTimeout(() => {
    solver.idle = undefined;
    void warm(solver);
  }, WARM_UP_IDLE_MS);
}

async function solveNewest(solver: Solver): Promise<void> {
  const { dispatch, services, options } = solver;
  solver.running = true;
  try {
    for (;;) {
      const current = solver.latest;
      const { generation } = current;
      solver.started = generation;
      const outcome = await services.allocate(current.scenario, selectionOf(current), options).catch(
        (error: unknown): AllocationOutcome => ({ status: 'failed', reason: wordsOf(current.lang).solverStopped((error as Error).message), engine: undefined, ms: 0, notes: [] }),
      );
      if (!solver.mounted) return;
      dispatch({ type: 'solved', generation, outcome });
      if (outcome.status === 'infeasible' && solver.latest.generation === generation) {
        // The explanation may take several solves (with its own engine settings): it runs beside newer solves, not before them.
        void services.explainInfeasibility(current.scenario, {}, current.lang).then(
          (report) => solver.mounted && dispatch({ type: 'explained', generation, report }),
          (error: unknown) => solver.mounted && dispatch({ type: 'explained', generation, report: { error: (error as Error).message } }),
        );
      }
      if (solver.latest.generation === generation) return;
    }
  } finally {
    solver.running = false;
    // After the reducer has taken the result (solver.latest is the state it rendered).
    setImmediate(() => next(solver));
  }
}

async function warm(solver: Solver): Promise<void> {
  solver.running = true;
  try {
    const { generation, policy, scenario } = solver.latest;
    const pressed = solver.keys;
    const selections = warmUpSelections(scenario, policy);
    for (let done = solver.warmed.get(policy) ?? 0; done < selections.length; done++) {
      if (!solver.mounted || solver.latest.generation !== generation || solver.keys !== pressed) return;
      const selection = selections[done];
      if (selection !== undefined) await solver.services.warmUp(scenario, selection, solver.options);
      solver.warmed.set(policy, done + 1);
      // The solve ran in one piece: the keys pressed meanwhile are read before the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    solver.running = false;
    next(solver);
  }
}
