/** `?`: every key, by view. Scrolls when the terminal is short. */
import type { Lang } from '../../domain/lang.js';
import { keyGroups } from './key-list.js';
import { wordsOf } from '../words.js';
import { fit } from '../text.js';
import { besideLines, type Area, type Line, type Shown } from '../lines.js';
import { windowFor } from '../scroll.js';
import type { TuiState } from '../state.js';

/** From this width the groups stand in two columns. */
const TWO_COLUMNS = 110;


/**
 * Which column each group goes in at two columns: the groups in order, the left one filled to about
 * half. `sizes` are the groups' lines (a title and its keys); a blank line separates two groups.
 */
function columnsOf(sizes: readonly number[]): { sides: ('left' | 'right')[]; left: number; right: number } {
  const total = sizes.reduce((sum, size) => sum + size + 1, 0);
  let left = 0;
  let right = 0;
  const sides = sizes.map((size) => {
    const side = left < total / 2 ? 'left' : 'right';
    const grown = (side === 'left' ? left : right) === 0 ? size : size + 1;
    if (side === 'left') left += grown;
    else right += grown;
    return side;
  });
  return { sides, left, right };
}

/** How many lines `helpLines(width)` gives, counted from the key groups without laying them out. */
export function helpHeight(width: number, lang: Lang = 'en'): number {
  const sizes = keyGroups(lang).map((group) => 1 + group.keys.length);
  if (width >= TWO_COLUMNS) {
    const { left, right } = columnsOf(sizes);
    return 2 + Math.max(left, right);
  }
  return 1 + sizes.reduce((sum, size) => sum + 1 + size, 0);
}

export function helpLines(width: number, lang: Lang = 'en'): Line[] {
  const words = wordsOf(lang);
  const title: Line = [{ text: words.keysTitle, bold: true }, { text: words.keysNote, dim: true }];
  const groups: Line[][] = keyGroups(lang).map((group) => [
    [{ text: group.title, bold: true }],
    ...group.keys.map((key): Line => [{ text: `  ${fit(key.keys, 14)} `, color: 'cyan' }, { text: key.does }]),
  ]);
  if (width < TWO_COLUMNS) return [title, ...groups.flatMap((group) => [[], ...group])];
  const { sides } = columnsOf(groups.map((group) => group.length));
  const column = (side: 'left' | 'right'): Line[] => groups.filter((_, index) => sides[index] === side).flatMap((group, index) => (index === 0 ? group : [[], ...group]));
  const half = Math.floor((width - 3) / 2);
  return [title, [], ...besideLines(column('left'), half, column('right'))];
}

/** Every key, scrolled when the terminal is short. */
export function helpView(state: TuiState, { width, height }: Area): Shown {
  const lines = helpLines(width, state.lang);
  return { lines: lines.slice(windowFor(state.helpTop, lines.length, height)) };
}
