/** The keys the footer shows: the views' numbers (their titles and hints are in the words of each language, words.ts). */
import type { View } from '../state.js';

export const VIEW_KEYS: Readonly<Record<View, string>> = { allocation: '1', weights: '2', budget: '3', summary: '4', compare: '5', sweep: '6', tipping: '7', robustness: '8' };
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
