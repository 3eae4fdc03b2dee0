/** Tipping: ← → the criterion whose tipping points are shown. */
import type { KeyMap } from '../keys.js';
import { runKeys } from '../runs/keys.js';
import { criterionKeys } from '../weights/keys.js';
import { tippingScroll } from './lines.js';

export const tippingKeys: KeyMap = (state, key) => runKeys(state, 'tipping', key, criterionKeys, (now, layout) => tippingScroll(now, layout.body));
