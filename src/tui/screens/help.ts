/** `?`: every key, by view. Scrolls when the terminal is short. */
import { KEY_GROUPS } from '../keys.js';
import { fit } from '../text.js';
import { besideLines, type Line } from '../lines.js';

export function helpLines(width: number): Line[] {
  const groupLines = (keysWidth: number): Line[][] =>
    KEY_GROUPS.map((group) => [
      [{ text: group.title, bold: true }],
      ...group.keys.map((key): Line => [{ text: `  ${fit(key.keys, keysWidth)} `, color: 'cyan' }, { text: key.does }]),
    ]);
  if (width >= 110) {
    const half = Math.floor((width - 3) / 2);
    const groups = groupLines(14);
    const left = [...(groups[0] ?? []), [], ...(groups[5] ?? [])];
    const right = groups.slice(1, 5).flatMap((group, index) => (index === 0 ? group : [[], ...group]));
    return [[{ text: 'Keys', bold: true }, { text: '  (Esc or ? closes)', dim: true }], [], ...besideLines(left, half, right)];
  }
  const groups = groupLines(14);
  return [[{ text: 'Keys', bold: true }, { text: '  (Esc or ? closes; ↑ ↓ scroll)', dim: true }], ...groups.flatMap((group) => [[], ...group])];
}
