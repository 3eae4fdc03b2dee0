/** Every key of the simulator, once: the help screen lists them and the footer shows the current ones. */
import type { View } from './state.js';

export interface KeyHelp {
  readonly keys: string;
  readonly does: string;
}

export interface KeyGroup {
  readonly title: string;
  readonly keys: readonly KeyHelp[];
}

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

export const KEY_GROUPS: readonly KeyGroup[] = [
  {
    title: 'Everywhere',
    keys: [
      { keys: '1 2 3 4, Tab', does: 'Allocation, Weights, Budget, Summary' },
      { keys: '5 6 7 8', does: 'Compare, Sweep, Tipping, Robustness' },
      { keys: 'p / P', does: 'next / previous policy' },
      { keys: 'c', does: 'compare with this allocation' },
      { keys: 'C', does: 'compare with the previous solve' },
      { keys: 's', does: 'save the weights as a new policy' },
      { keys: 'e', does: 'export the allocation to CSV' },
      { keys: 'u', does: 'undo the last edit' },
      { keys: '< >', does: 'scroll the conflict panel' },
      { keys: '?', does: 'this list of keys' },
      { keys: 'q, Ctrl-C', does: 'quit' },
    ],
  },
  {
    title: 'Allocation',
    keys: [
      { keys: '↑ ↓ PgUp PgDn', does: 'move in the table' },
      { keys: 'Home End', does: 'first, last row' },
      { keys: '/', does: 'filter by name, region or id' },
      { keys: 'Esc', does: 'clear the filter' },
      { keys: 'Enter', does: "a candidate's detail (Esc: back)" },
      { keys: 'PgUp PgDn', does: "scroll a candidate's detail" },
      { keys: 'Space', does: 'lock: free → funded → excluded' },
    ],
  },
  {
    title: 'Weights',
    keys: [
      { keys: '↑ ↓', does: 'choose a criterion' },
      { keys: '← →', does: '−/+ 1 point (Shift: 5 points)' },
      { keys: '0', does: 'weight 0 for this criterion' },
      { keys: 'r', does: "reset to the policy's weights" },
      { keys: 'PgUp PgDn', does: 'scroll when the view is taller' },
    ],
  },
  {
    title: 'Budget',
    keys: [
      { keys: '↑ ↓', does: 'choose a value' },
      { keys: 'Enter', does: 'type it: 2,5 M€, 2 500 000, 750 k€' },
    ],
  },
  {
    title: 'Summary and this list',
    keys: [{ keys: '↑ ↓ PgUp PgDn', does: 'scroll' }],
  },
  {
    title: 'Compare',
    keys: [
      { keys: '↑ ↓ PgUp PgDn', does: 'scroll' },
      { keys: '← →', does: 'the policy the change is measured to' },
      { keys: 'm', does: 'every policy ↔ the reference (set with c)' },
    ],
  },
  {
    title: 'Sweep and Tipping',
    keys: [
      { keys: '← →', does: 'choose a criterion' },
      { keys: '↑ ↓ PgUp PgDn', does: 'scroll the candidates' },
    ],
  },
  {
    title: 'Robustness',
    keys: [
      { keys: '+ / -', does: 'more / fewer weightings drawn' },
      { keys: '[ / ]', does: 'spread −/+ 0.05 (0: the weights as set)' },
      { keys: 'U', does: 'draw uniformly ↔ around the weights' },
      { keys: 'o', does: "draw the weights, the reviewers' marks, or both" },
      { keys: '↑ ↓ PgUp PgDn', does: 'scroll' },
    ],
  },
  {
    title: 'While an analysis runs (5–8)',
    keys: [
      { keys: 'Esc', does: 'stop it (other views stay usable)' },
      { keys: 'Enter', does: 'run it again after Esc or a failure' },
    ],
  },
  {
    title: 'When typing',
    keys: [
      { keys: 'Enter / Esc', does: 'accept / cancel' },
      { keys: 'Ctrl-U', does: 'clear the line' },
      { keys: 'Tab', does: 'export: French Excel ↔ plain CSV' },
    ],
  },
];

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
