/** < and > scroll the conflict panel, whatever the view, while it is shown. */
import type { KeyMap } from '../keys.js';
import { layoutOf } from '../layout.js';
import { isStale } from '../selectors.js';
import { conflictLines, conflictRoom } from './lines.js';

export const conflictKeys: KeyMap = (state, key) => {
  if ((key.input !== '<' && key.input !== '>') || !isStale(state)) return undefined;
  const layout = layoutOf(state.size, true);
  const room = conflictRoom(layout.body);
  const total = conflictLines(state, layout.panel - 4, ' ').length;
  if (total <= room) return undefined;
  // One line of the panel says where it is: the window holds one line less.
  const rows = room - 1;
  const step = Math.max(1, rows - 1);
  return { type: 'scroll', area: 'conflict', delta: key.input === '<' ? -step : step, rows, total };
};
