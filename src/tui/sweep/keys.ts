/** Sweep: ← → the criterion swept. */
import type { KeyMap } from '../keys.js';
import { runKeys } from '../runs/keys.js';
import { criterionKeys } from '../weights/keys.js';
import { sweepScroll } from './lines.js';

export const sweepKeys: KeyMap = (state, key) => runKeys(state, 'sweep', key, criterionKeys, (now, layout) => sweepScroll(now, layout.main, layout.body));
