/**
 * `explain` for the candidate whose detail is open: once the allocation on screen is settled, the
 * figures (score against the last funded one, what locking it in costs, the smallest score rise or
 * request cut that funds it, the score drop that loses it its grant) are computed by re-solving,
 * beside the screen, and shown when they arrive. A newer edit or another candidate drops them.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import type { Services, SessionSolveOptions } from '../services.js';
import { selectionOf } from '../selectors.js';
import type { Action, TuiState } from '../state.js';
import { DETAIL_WORDS } from '../detail/words.js';
import { solveNoteIn } from '../../domain/solve-notes.js';

export function useWhy(state: TuiState, dispatch: Dispatch<Action>, services: Services, options: SessionSolveOptions): void {
  const asked = useRef('');
  const { detail, solved, generation, status } = state;
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    if (detail === undefined || solved !== generation || status?.kind !== 'optimal') return;
    const key = `${detail}\u0000${solved}`;
    if (asked.current === key) return;
    asked.current = key;
    dispatch({ type: 'why', id: detail, generation: solved, lines: 'pending' });
    const current = latest.current;
    const words = DETAIL_WORDS[current.lang];
    void services.explainCandidate(current.scenario, selectionOf(current), detail, options, current.lang).then(
      (why) => dispatch({ type: 'why', id: detail, generation: solved, lines: typeof why === 'string' ? [words.cannotExplain(why)] : why.sentences }),
      (error: unknown) => dispatch({ type: 'why', id: detail, generation: solved, lines: [words.cannotExplain(solveNoteIn((error as Error).message, current.lang))] }),
    );
  }, [detail, solved, generation, status, dispatch, services, options]);
}
