/** The help scrolls; Esc (or ? again) closes it. */
import { layoutNow, scrollKeys, type KeyMap } from '../keys.js';
import { helpHeight } from './lines.js';

export const helpKeys: KeyMap = (state, key) => {
  if (key.escape === true) return { type: 'toggleHelp' };
  const layout = layoutNow(state);
  return scrollKeys('help', key, layout.body, helpHeight(layout.main, state.lang));
};
