/** A candidate's detail: Esc back, ↑↓ the next candidate, the pages scroll the detail itself. */
import { tableRows } from '../allocation/lines.js';
import { layoutNow, pageKeys, type KeyMap } from '../keys.js';
import { detailLines } from './lines.js';

export const detailKeys: KeyMap = (state, key) => {
  const layout = layoutNow(state);
  const rows = tableRows(layout.body);
  if (key.escape === true || key.backspace === true || key.left === true) return { type: 'closeDetail' };
  if (key.up === true || key.input === 'k') return { type: 'move', delta: -1, rows };
  if (key.down === true || key.input === 'j') return { type: 'move', delta: 1, rows };
  if (key.input === ' ' && state.detail !== undefined) return { type: 'cycleLock', id: state.detail };
  // ↑↓ go to the next candidate: the pages scroll the detail itself.
  return pageKeys('detail', key, layout.body, detailLines(state, state.detail ?? '', layout.main).length);
};
