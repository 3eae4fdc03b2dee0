/** A candidate's detail (Enter in the table): which one is open, and `explain`'s sentences for it. */
import { selectedIndex, visibleCandidates } from '../selectors.js';
import type { Handlers } from '../state.js';

export interface DetailState {
  /** Id of the candidate whose detail is open. */
  readonly detail: string | undefined;
  /**
   * `explain` for the open detail, for the allocation of `generation`: pending, its sentences, or why
   * it could not be computed. Cleared by every new solve.
   */
  readonly why: { readonly id: string; readonly generation: number; readonly lines: readonly string[] | 'pending' } | undefined;
}

export type DetailAction =
  | { readonly type: 'openDetail' }
  | { readonly type: 'closeDetail' }
  | { readonly type: 'why'; readonly id: string; readonly generation: number; readonly lines: readonly string[] | 'pending' };

export const DETAIL_START: DetailState = { detail: undefined, why: undefined };

export const DETAIL_HANDLERS: Handlers<DetailAction> = {
  openDetail: (state) => {
    const candidate = visibleCandidates(state)[selectedIndex(state)];
    return candidate === undefined ? state : { ...state, detail: candidate.id, selected: candidate.id, tops: { ...state.tops, detail: 0 } };
  },
  closeDetail: (state) => ({ ...state, detail: undefined }),
  // Only for the detail still open, on the allocation still shown.
  why: (state, action) => (action.id !== state.detail || action.generation !== state.solved ? undefined : { ...state, why: { id: action.id, generation: action.generation, lines: action.lines } }),
};
