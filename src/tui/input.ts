/**
 * What each key does: the router from a key press to the key map of what is shown (an open prompt
 * first, then the global keys, then the help or the current screen's map, in its folder). The
 * reducer runs them on the latest state, so keys typed faster than the screen redraws (a paste, a
 * burst from tmux) still reach the screen they were meant for.
 */
import { allocationKeys } from './allocation/keys.js';
import { budgetKeys } from './budget/keys.js';
import { compareKeys } from './compare/keys.js';
import { conflictKeys } from './conflict/keys.js';
import { detailKeys } from './detail/keys.js';
import { helpKeys } from './help/keys.js';
import type { KeyMap, KeyPress } from './keys.js';
import { promptKeys } from './prompt/keys.js';
import { robustnessKeys } from './robustness/keys.js';
import { type Action, reduce, type TuiState, type View, VIEWS } from './state.js';
import { summaryKeys } from './summary/keys.js';
import { sweepKeys } from './sweep/keys.js';
import { tippingKeys } from './tipping/keys.js';
import { weightsKeys } from './weights/keys.js';

export type { KeyPress } from './keys.js';

/** Messages of the simulator: the reducer's actions, and key presses routed by the maps. */
export type Msg = Action | { readonly type: 'key'; readonly press: KeyPress };

/** Each screen's key map; the allocation's hands over to the detail while one is open. */
const SCREEN_KEYS: Readonly<Record<View, KeyMap>> = {
  allocation: (state, key) => (state.detail === undefined ? allocationKeys(state, key) : detailKeys(state, key)),
  weights: weightsKeys,
  budget: budgetKeys,
  summary: summaryKeys,
  compare: compareKeys,
  sweep: sweepKeys,
  tipping: tippingKeys,
  robustness: robustnessKeys,
};

/** The reducer the app uses: key presses go through the maps, everything else straight in. */
export function update(state: TuiState, msg: Msg): TuiState {
  if (msg.type !== 'key') return reduce(state, msg);
  return splitPaste(msg.press).reduce((current, press) => {
    const action = keyAction(current, press);
    return action === undefined ? current : reduce(current, action);
  }, state);
}

/**
 * Ink hands text that arrives in one read (a paste, keys sent in a burst) as one input: it is
 * replayed one character at a time, Enter, Tab and Backspace included, so `2500000⏎` both types and submits.
 */
export function splitPaste(press: KeyPress): KeyPress[] {
  const chars = [...press.input];
  if (chars.length <= 1 || press.ctrl === true || press.meta === true) return [press];
  return chars.map((char): KeyPress => {
    if (char === '\r' || char === '\n') return { input: '', enter: true };
    if (char === '\t') return { input: '', tab: true };
    if (char === '\u007f' || char === '\b') return { input: '', backspace: true };
    return { input: char, shift: /^[A-Z]$/.test(char) };
  });
}

export function keyAction(state: TuiState, key: KeyPress): Action | undefined {
  if (state.prompt !== undefined) return promptKeys(state.prompt, key);
  if (key.ctrl === true) return undefined;
  const global = globalKeys(key) ?? conflictKeys(state, key);
  if (global !== undefined) return global;
  return state.help ? helpKeys(state, key) : SCREEN_KEYS[state.view](state, key);
}

/** Keys that do the same in every view. */
const GLOBAL_KEYS: Readonly<Record<string, Action>> = {
  q: { type: 'quit' },
  '?': { type: 'toggleHelp' },
  p: { type: 'switchPolicy', delta: 1 },
  P: { type: 'switchPolicy', delta: -1 },
  c: { type: 'setReference' },
  C: { type: 'clearReference' },
  s: { type: 'openPrompt', kind: 'save' },
  e: { type: 'openPrompt', kind: 'export' },
  u: { type: 'undo' },
};

function globalKeys(key: KeyPress): Action | undefined {
  const view = /^[1-8]$/.test(key.input) ? VIEWS[Number(key.input) - 1] : undefined;
  if (view !== undefined) return { type: 'showView', view };
  if (key.tab === true) return { type: 'nextView', delta: key.shift === true ? -1 : 1 };
  return Object.hasOwn(GLOBAL_KEYS, key.input) ? GLOBAL_KEYS[key.input] : undefined;
}
