/** The keys the footer shows: the views' numbers and titles, each view's own keys, and the global ones. */
import type { View } from '../state.js';

export const VIEW_KEYS: Readonly<Record<View, string>> = { allocation: '1', weights: '2', budget: '3', summary: '4', compare: '5', sweep: '6', tipping: '7', robustness: '8' };
export const VIEW_TITLES: Readonly<Record<View, string>> = {
  allocation: 'Allocation',
  weights: 'Weights',
  budget: 'Budget',
  summary: 'Summary',
  compare: 'Compare',
  sweep: 'Sweep',
  tipping: 'Tipping',
  robustness: 'Robustness',
};

/** The keys of one view, shortest first, for the footer. */
export const VIEW_HINTS: Readonly<Record<View | 'detail', readonly string[]>> = {
  allocation: ['↑↓ move', 'Enter detail', 'Space lock', '/ filter', 'PgUp/PgDn page'],
  detail: ['Esc back', '↑↓ next candidate', 'PgUp/PgDn scroll', 'Space lock'],
  weights: ['↑↓ criterion', '←→ ±1 pt', 'Shift ±5', '0 zero', 'r reset', 'PgUp/PgDn scroll'],
  budget: ['↑↓ value', 'Enter edit', 'amounts: 2,5 M€ · 2 500 000 · 750 k€'],
  summary: ['↑↓ scroll', 'PgUp/PgDn page'],
  compare: ['↑↓ scroll', '←→ change vs', 'm policies/reference', 'c set reference', 'Esc stop'],
  sweep: ['←→ criterion', '↑↓ scroll', 'Esc stop', 'Enter run again'],
  tipping: ['←→ criterion', '↑↓ scroll', 'Esc stop', 'Enter run again'],
  robustness: ['+/- samples', '[ ] spread', 'U uniform', '↑↓ scroll', 'Esc stop', 'Enter run again'],
};

export const GLOBAL_HINTS: readonly string[] = ['p policy', 'c compare', 's save', 'e export', 'u undo', '? keys', 'q quit'];

/** Joins hints with two spaces, keeping as many as fit `width` (the first ones first). */
export function fitHints(hints: readonly string[], width: number, keepLast = 0): string {
  const last = keepLast > 0 ? hints.slice(-keepLast) : [];
  const first = keepLast > 0 ? hints.slice(0, -keepLast) : [...hints];
  const chosen: string[] = [];
  const length = (list: readonly string[]): number => [...list.join('  ')].length;
  for (const hint of first) {
    if (length([...chosen, hint, ...last]) > width) break;
    chosen.push(hint);
  }
  return [...chosen, ...last].join('  ');
}
