/** Compare: ← → the column the change is measured to, m every policy ↔ the reference. */
import type { KeyMap, KeyPress } from '../keys.js';
import { runKeys } from '../runs/keys.js';
import type { Action } from '../state.js';
import { compareScroll } from './lines.js';

function ownKeys(key: KeyPress): Action | undefined {
  if (key.left === true) return { type: 'moveCompareTarget', delta: -1 };
  if (key.right === true) return { type: 'moveCompareTarget', delta: 1 };
  if (key.input === 'm') return { type: 'toggleCompareMode' };
  return undefined;
}

export const compareKeys: KeyMap = (state, key) => runKeys(state, 'compare', key, ownKeys, (now, layout) => compareScroll(now, layout.main, layout.body));
