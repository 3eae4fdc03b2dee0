/** Windows over lines longer than the screen: where each scrolling area starts, and `scroll` itself. */
import type { AnalysisKind } from './runs/kinds.js';
import type { TuiState } from './state.js';

/** Areas that scroll as a whole, each with its own first line. */
export type ScrollArea = 'summary' | 'help' | AnalysisKind | PanelArea;

/** Areas whose first line is kept in `tops`: views with a cursor, the detail and the conflict panel. */
export type PanelArea = 'weights' | 'budget' | 'detail' | 'conflict';

export type ScrollAction = { readonly type: 'scroll'; readonly area: ScrollArea; readonly delta: number; readonly rows: number; readonly total: number };

/** First visible row so that `index` is on screen, moving as little as possible from `top`. */
export function windowTop(count: number, index: number, top: number, rows: number): number {
  const page = Math.max(1, rows);
  let start = Math.min(top, index);
  if (index >= start + page) start = index - page + 1;
  return Math.max(0, Math.min(start, Math.max(0, count - page)));
}

/**
 * The first line a view shows of `total` lines in `rows`: its scroll position, moved as little as
 * needed for the cursor's line to be on screen, and never past the end.
 */
export function windowFor(top: number, total: number, rows: number, cursor?: number): number {
  const start = cursor === undefined ? top : windowTop(total, cursor, top, rows);
  return Math.max(0, Math.min(start, total - rows));
}

/** The area's first line moved as little as needed for line `line` to be on screen. */
export function follow(tops: TuiState['tops'], area: PanelArea, line: number, window: { readonly rows?: number; readonly total?: number }): TuiState['tops'] {
  if (window.rows === undefined || window.total === undefined) return tops;
  return { ...tops, [area]: windowTop(window.total, line, tops[area], window.rows) };
}

function isPanelArea(area: ScrollArea): area is PanelArea {
  return area === 'weights' || area === 'budget' || area === 'detail' || area === 'conflict';
}

/** Moves an area's first line by `delta`, within its `total` lines shown `rows` at a time. */
export function scroll(state: TuiState, action: ScrollAction): TuiState {
  const { area } = action;
  const now = area === 'summary' ? state.summaryTop : area === 'help' ? state.helpTop : isPanelArea(area) ? state.tops[area] : state.analysisTop[area];
  const top = Math.max(0, Math.min(now + action.delta, action.total - action.rows));
  if (area === 'summary') return { ...state, summaryTop: top };
  if (area === 'help') return { ...state, helpTop: top };
  if (isPanelArea(area)) return { ...state, tops: { ...state.tops, [area]: top } };
  return { ...state, analysisTop: { ...state.analysisTop, [area]: top } };
}
