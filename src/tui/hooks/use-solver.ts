/**
 * Solves the current edits whenever `generation` moves. One solve at a time: when it ends and newer
 * edits exist, the newest is solved next and the ones in between are skipped. The reducer ignores
 * results of superseded generations, so the screen never shows an allocation of old edits.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import type { AllocationOutcome } from '../../analysis/pipeline.js';
import type { Services, SessionSolveOptions } from '../services.js';
import { selectionOf } from '../selectors.js';
import type { Action, TuiState } from '../state.js';
import { wordsOf } from '../words.js';

export function useSolver(state: TuiState, dispatch: Dispatch<Action>, services: Services, options: SessionSolveOptions): void {
  const latest = useRef(state);
  latest.current = state;
  const running = useRef(false);
  /** Generation the last solve was started for. */
  const started = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (running.current || started.current === state.generation) return;
    running.current = true;
    const loop = async (): Promise<void> => {
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
      }
    };
    void loop();
  }, [state.generation, dispatch, services, options]);
}
