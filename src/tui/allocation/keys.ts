/** The table's keys: move, page, filter, open a candidate's detail, lock. */
import { layoutNow, type KeyMap } from '../keys.js';
import { selectedIndex, visibleCandidates } from '../selectors.js';
import { tableRows } from './lines.js';

export const allocationKeys: KeyMap = (state, key) => {
  const rows = tableRows(layoutNow(state).body);
  if (key.up === true || key.input === 'k') return { type: 'move', delta: -1, rows };
  if (key.down === true || key.input === 'j') return { type: 'move', delta: 1, rows };
  if (key.pageUp === true) return { type: 'page', delta: -1, rows };
  if (key.pageDown === true) return { type: 'page', delta: 1, rows };
  if (key.home === true) return { type: 'moveTo', where: 'first', rows };
  if (key.end === true) return { type: 'moveTo', where: 'last', rows };
  if (key.input === '/') return { type: 'openPrompt', kind: 'filter' };
  if (key.enter === true) return { type: 'openDetail' };
  const selected = visibleCandidates(state)[selectedIndex(state)];
  if (key.input === ' ' && selected !== undefined) return { type: 'cycleLock', id: selected.id };
  if (key.escape === true && state.filter !== '') return { type: 'clearFilter' };
  return undefined;
};
