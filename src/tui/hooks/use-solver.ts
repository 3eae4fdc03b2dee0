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
import { warmUpSelections, type AllocationOutcome } from '../../analysis/pipeline.js';
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

export function useSolver(state: TuiState, dispatch: Dispatch<Action>, services: Services, options: SessionSolveOptions, warmUp = false): { readonly keyPressed: () => void } {
  const latest = useRef(state);
  latest.current = state;
  const running = useRef(false);
  /** Generation the last solve was started for. */
  const started = useRef(0);
  const mounted = useRef(true);
  /** Warm-up solves done, by policy. */
  const warmed = useRef(new Map<string, number>());
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Keys pressed so far: a warm-up stops at the first one after it started. */
  const keys = useRef(0);
  /** What to do next, when nothing runs: solve newer edits, or wait for the screen to be idle and warm up. */
  const next = useRef<() => void>(() => undefined);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(idle.current);
    };
  }, []);

  next.current = () => {
    clearTimeout(idle.current);
    idle.current = undefined;
    if (running.current || !mounted.current) return;
    if (started.current !== latest.current.generation) {
      void solve();
      return;
    }
    if (!warmUp || latest.current.scenario.candidates.length > WARM_UP_MAX_CANDIDATES) return;
    const { policy } = latest.current;
    if ((warmed.current.get(policy) ?? 0) >= warmUpSelections(latest.current.scenario, policy).length) return;
    idle.current = setTimeout(() => {
      idle.current = undefined;
      void warm();
    }, WARM_UP_IDLE_MS);
  };

  const solve = async (): Promise<void> => {
    running.current = true;
    try {
      for (;;) {
        const current = latest.current;
        const { generation } = current;
        started.current = generation;
        const outcome = await services.allocate(current.scenario, selectionOf(current), options).catch(
          (error: unknown): AllocationOutcome => ({ status: 'failed', reason: wordsOf(current.lang).solverStopped((error as Error).message), engine: undefined, ms: 0, notes: [] }),
        );
        if (!mounted.current) return;
        dispatch({ type: 'solved', generation, outcome });
        if (outcome.status === 'infeasible' && latest.current.generation === generation) {
          // The explanation may take several solves (with its own engine settings): it runs beside newer solves, not before them.
          void services.explainInfeasibility(current.scenario, {}, current.lang).then(
            (report) => mounted.current && dispatch({ type: 'explained', generation, report }),
            (error: unknown) => mounted.current && dispatch({ type: 'explained', generation, report: { error: (error as Error).message } }),
          );
        }
        if (latest.current.generation === generation) return;
      }
    } finally {
      running.current = false;
      // After the reducer has taken the result (latest.current is the state it rendered).
      setImmediate(() => next.current());
    }
  };

  const warm = async (): Promise<void> => {
    running.current = true;
    try {
      const { generation, policy, scenario } = latest.current;
      const pressed = keys.current;
      const selections = warmUpSelections(scenario, policy);
      for (let done = warmed.current.get(policy) ?? 0; done < selections.length; done++) {
        if (!mounted.current || latest.current.generation !== generation || keys.current !== pressed) return;
        const selection = selections[done];
        if (selection !== undefined) await services.warmUp(scenario, selection, options);
        warmed.current.set(policy, done + 1);
        // The solve ran in one piece: the keys pressed meanwhile are read before the next one.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      running.current = false;
      next.current();
    }
  };

  useEffect(() => next.current(), [state.generation, dispatch, services, options]);
  const keyPressed = useRef(() => {
    keys.current += 1;
    // Waiting for the screen to be idle: wait again from now. (A warm-up solve in hand stops after it.)
    if (idle.current !== undefined) next.current();
  });
  return { keyPressed: keyPressed.current };
}
