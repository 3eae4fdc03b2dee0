/** The budget form's keys: choose a value, Enter to type a new one. */
import { layoutNow, pageKeys, type KeyMap } from '../keys.js';
import { budgetLines } from './lines.js';

export const budgetKeys: KeyMap = (state, key) => {
  const layout = layoutNow(state);
  const total = budgetLines(state, layout.main, true).length;
  if (key.up === true || key.input === 'k') return { type: 'moveBudgetCursor', delta: -1, rows: layout.body, total };
  if (key.down === true || key.input === 'j') return { type: 'moveBudgetCursor', delta: 1, rows: layout.body, total };
  if (key.enter === true) return { type: 'openPrompt', kind: 'budget' };
  return pageKeys('budget', key, layout.body, total);
};
