/** The weights' keys: choose a criterion, nudge its weight, zero it, reset; and ← → for sweep and tipping. */
import { layoutNow, pageKeys, type KeyMap, type KeyPress } from '../keys.js';
import type { Action } from '../state.js';
import { weightsScreen } from './lines.js';
import { WEIGHT_STEP, WEIGHT_STEP_BIG } from './state.js';

export const weightsKeys: KeyMap = (state, key) => {
  const layout = layoutNow(state);
  const total = weightsScreen(state, layout.main, layout.body, true).length;
  if (key.up === true || key.input === 'k') return { type: 'moveWeightCursor', delta: -1, rows: layout.body, total };
  if (key.down === true || key.input === 'j') return { type: 'moveWeightCursor', delta: 1, rows: layout.body, total };
  const page = pageKeys('weights', key, layout.body, total);
  if (page !== undefined) return page;
  if (key.left === true) return { type: 'nudgeWeight', points: -(key.shift === true ? WEIGHT_STEP_BIG : WEIGHT_STEP) };
  if (key.right === true) return { type: 'nudgeWeight', points: key.shift === true ? WEIGHT_STEP_BIG : WEIGHT_STEP };
  if (key.input === '0') return { type: 'zeroWeight' };
  if (key.input === 'r') return { type: 'resetWeights' };
  return undefined;
};

/** Sweep and tipping: ← → choose the criterion (the one the weights view selects too). */
export function criterionKeys(key: KeyPress): Action | undefined {
  if (key.left === true) return { type: 'moveWeightCursor', delta: -1 };
  if (key.right === true) return { type: 'moveWeightCursor', delta: 1 };
  return undefined;
}
