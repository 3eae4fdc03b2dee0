/** `?`: every key, by view. Scrolls when the terminal is short. */
import { KEY_GROUPS } from '../keys.js';
import { fit } from '../text.js';
import { besideLines, type Line } from '../lines.js';

export function helpLines(width: number): Line[] {
  const groups: Line[][] = KEY_GROUPS.map((group) => [
    [{ text: group.title, bold: true }],
    ...group.keys.map((key): Line => [{ text: `  ${fit(key.keys, 14)} `, color: 'cyan' }, { text: key.does }]),
  ]);
  if (width >= 110) {
    // Two columns, the groups in order, the left one filled to about half.
    const total = groups.reduce((sum, group) => sum + group.length + 1, 0);
    const left: Line[] = [];
    const right: Line[] = [];
    for (const group of groups) {
      const column = left.length < total / 2 ? left : right;
      column.push(...(column.length === 0 ? group : [[], ...group]));
    }
    const half = Math.floor((width - 3) / 2);
    return [[{ text: 'Keys', bold: true }, { text: '  (Esc or ? closes; ↑ ↓ scroll)', dim: true }], [], ...besideLines(left, half, right)];
  }
  return [[{ text: 'Keys', bold: true }, { text: '  (Esc or ? closes; ↑ ↓ scroll)', dim: true }], ...groups.flatMap((group) => [[], ...group])];
}
