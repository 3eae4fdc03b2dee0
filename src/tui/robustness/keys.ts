/** Robustness: + - samples, [ ] spread, U uniform, o weights/marks/both. */
import type { KeyMap, KeyPress } from '../keys.js';
import { runKeys } from '../runs/keys.js';
import type { Action } from '../state.js';
import { robustnessScroll } from './lines.js';

function ownKeys(key: KeyPress): Action | undefined {
  if (key.input === '+' || key.input === '=') return { type: 'changeSamples', delta: 1 };
  if (key.input === '-' || key.input === '_') return { type: 'changeSamples', delta: -1 };
  if (key.input === ']') return { type: 'changeSpread', delta: 1 };
  if (key.input === '[') return { type: 'changeSpread', delta: -1 };
  if (key.input === 'U') return { type: 'toggleUniform' };
  if (key.input === 'o') return { type: 'cycleOver' };
  return undefined;
}

export const robustnessKeys: KeyMap = (state, key) => runKeys(state, 'robustness', key, ownKeys, (now, layout) => robustnessScroll(now, layout.body));
