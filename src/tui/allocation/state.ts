/** The allocation table's slice: the selected row, the first row shown, the filter, the locks (Space). */
import type { Lock } from '../../domain/types.js';
import { edit } from '../edits.js';
import { windowTop } from '../scroll.js';
import { selectedIndex, visibleCandidates } from '../selectors.js';
import type { Handlers, TuiState } from '../state.js';
import { wordsOf } from '../words.js';

export interface AllocationState {
  /** Id of the selected candidate of the table. */
  readonly selected: string | undefined;
  /** First row shown by the table. */
  readonly top: number;
  readonly filter: string;
}

export type AllocationAction =
  | { readonly type: 'move'; readonly delta: number; readonly rows: number }
  | { readonly type: 'moveTo'; readonly where: 'first' | 'last'; readonly rows: number }
  /** PgUp / PgDn: the selection and the window both move by a page. */
  | { readonly type: 'page'; readonly delta: 1 | -1; readonly rows: number }
  | { readonly type: 'cycleLock'; readonly id: string }
  | { readonly type: 'clearFilter' };

export const ALLOCATION_START: AllocationState = { selected: undefined, top: 0, filter: '' };

/** free → funded → excluded → free. */
export function nextLock(lock: Lock | undefined): Lock | undefined {
  return lock === undefined ? 'funded' : lock === 'funded' ? 'excluded' : undefined;
}

function moveSelection(state: TuiState, target: (index: number, count: number) => number, rows: number): TuiState {
  const candidates = visibleCandidates(state);
  if (candidates.length === 0) return state;
  const index = Math.max(0, Math.min(candidates.length - 1, target(selectedIndex(state), candidates.length)));
  const selected = candidates[index]?.id;
  const top = windowTop(candidates.length, index, state.top, rows);
  const detail = state.detail === undefined ? undefined : selected;
  return { ...state, selected, top, detail };
}

function cycleLock(state: TuiState, id: string): TuiState {
  const candidate = state.scenario.candidates.find((entry) => entry.id === id);
  if (candidate === undefined) return state;
  const lock = nextLock(state.scenario.locks[id]);
  const { [id]: _dropped, ...others } = state.scenario.locks;
  const locks = lock === undefined ? others : { ...others, [id]: lock };
  const tui = wordsOf(state.lang);
  const words = tui.lock[lock ?? 'free'];
  return edit(state, { scenario: { ...state.scenario, locks } }, `${candidate.name} ${words}`, tui.locked(candidate.name, words));
}

export const ALLOCATION_HANDLERS: Handlers<AllocationAction> = {
  move: (state, action) => moveSelection(state, (index) => index + action.delta, action.rows),
  moveTo: (state, action) => moveSelection(state, (_, count) => (action.where === 'first' ? 0 : count - 1), action.rows),
  page: (state, action) => {
    const count = visibleCandidates(state).length;
    const top = Math.max(0, Math.min(windowTop(count, selectedIndex(state), state.top, action.rows) + action.delta * action.rows, count - action.rows));
    return moveSelection({ ...state, top }, (index) => index + action.delta * action.rows, action.rows);
  },
  cycleLock: (state, action) => cycleLock(state, action.id),
  clearFilter: (state) => ({ ...state, filter: '', top: 0 }),
};
