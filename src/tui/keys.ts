/** What every screen's key map shares: the key as the maps read it, scrolling, and the layout they measure with. */
import { layoutOf, type Layout } from './layout.js';
import type { ScrollArea } from './scroll.js';
import { isStale } from './selectors.js';
import type { Action, TuiState } from './state.js';

/** A key as the maps need it; the app builds it from Ink's `useInput`. */
export interface KeyPress {
  /** The text typed (a letter, a pasted string), '' for special keys. */
  readonly input: string;
  readonly up?: boolean;
  readonly down?: boolean;
  readonly left?: boolean;
  readonly right?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly enter?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

/** A screen's key map: the action a key press asks for on that screen, if any. */
export type KeyMap = (state: TuiState, key: KeyPress) => Action | undefined;

/** The layout the screen is drawn with now (with the conflict panel when the edits have no allocation). */
export function layoutNow(state: TuiState): Layout {
  return layoutOf(state.size, isStale(state));
}

/** Up, down and pages over `total` lines shown `rows` at a time. */
export function scrollKeys(area: ScrollArea, key: KeyPress, rows: number, total: number): Action | undefined {
  const delta = key.up === true || key.input === 'k' ? -1 : key.down === true || key.input === 'j' ? 1 : key.pageUp === true ? -rows : key.pageDown === true ? rows : key.home === true ? -total : key.end === true ? total : 0;
  return delta === 0 ? undefined : { type: 'scroll', area, delta, rows, total };
}

/** PgUp, PgDn, Home and End over `total` lines shown `rows` at a time (views whose ↑↓ move a cursor). */
export function pageKeys(area: ScrollArea, key: KeyPress, rows: number, total: number): Action | undefined {
  const delta = key.pageUp === true ? -rows : key.pageDown === true ? rows : key.home === true ? -total : key.end === true ? total : 0;
  return delta === 0 ? undefined : { type: 'scroll', area, delta, rows, total };
}
