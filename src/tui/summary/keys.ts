/** The summary scrolls. */
import { layoutNow, scrollKeys, type KeyMap } from '../keys.js';
import { summaryHeight } from './lines.js';

export const summaryKeys: KeyMap = (state, key) => scrollKeys('summary', key, layoutNow(state).body, summaryHeight(state));
