/** What the four analysis views' keys share: Esc stops a run, Enter starts one again; then the view's own keys, then scrolling. */
import { layoutNow, scrollKeys, type KeyPress } from '../keys.js';
import type { Layout } from '../layout.js';
import type { Action, TuiState } from '../state.js';
import type { AnalysisKind } from './kinds.js';

/** The rows the view shows and how many it has, for the scroll keys. */
export type RunScroll = (state: TuiState, layout: Layout) => { rows: number; total: number };

export function runKeys(state: TuiState, kind: AnalysisKind, key: KeyPress, own: (key: KeyPress) => Action | undefined, scroll: RunScroll): Action | undefined {
  if (key.escape === true) return state.analyses[kind].status === 'running' ? { type: 'cancelAnalysis', kind } : undefined;
  if (key.enter === true) return { type: 'runAnalysis', kind };
  const action = own(key);
  if (action !== undefined) return action;
  const { rows, total } = scroll(state, layoutNow(state));
  return scrollKeys(kind, key, rows, total);
}
