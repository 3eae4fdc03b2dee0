/**
 * A line chart in braille characters: each cell holds 2×4 dots, so a chart of w×h cells has
 * 2w×4h points. Series are drawn in order (the last on top) and each cell takes the colour of the
 * series that drew last in it. Pure: it returns styled segments, one row of cells per line.
 */
import type { Segment } from './lines.js';

export interface ChartSeries {
  /** Points (x in [0, 1], y in [0, yMax]); undefined y leaves a gap. */
  readonly points: readonly { readonly x: number; readonly y: number | undefined }[];
  readonly color: string;
}

/** Bit of the dot at column dx (0–1), row dy (0–3) of a braille cell (Unicode's dot numbering). */
const DOT_BITS: readonly (readonly number[])[] = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
];

/** A vertical mark drawn in empty cells of one column (the policy's own share), behind the series. */
export interface ChartMark {
  readonly x: number;
  readonly text: string;
  readonly color: string;
}

/**
 * Rows of `width` cells (top first) plotting `series` from 0 to `yMax` upwards, straight segments
 * between consecutive points. A cell where nothing is drawn is a space, or the mark's text in its column.
 * @example brailleRows([{ points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], color: 'cyan' }], 2, 1, 1) // one row: '⡠⠊'
 */
export function brailleRows(series: readonly ChartSeries[], width: number, height: number, yMax: number, mark?: ChartMark): Segment[][] {
  const columns = width * 2;
  const rows = height * 4;
  const bits = Array.from({ length: height }, () => new Array<number>(width).fill(0));
  const colors = Array.from({ length: height }, () => new Array<string | undefined>(width).fill(undefined));
  const plot = (px: number, py: number, color: string): void => {
    if (px < 0 || px >= columns || py < 0 || py >= rows) return;
    const row = bits[Math.floor(py / 4)];
    const rowColors = colors[Math.floor(py / 4)];
    const cell = Math.floor(px / 2);
    if (row === undefined || rowColors === undefined) return;
    row[cell] = (row[cell] ?? 0) | (DOT_BITS[px % 2]?.[py % 4] ?? 0);
    rowColors[cell] = color;
  };
  const toDots = (x: number, y: number): [number, number] => [
    Math.round(Math.max(0, Math.min(1, x)) * (columns - 1)),
    Math.round((1 - (yMax > 0 ? Math.max(0, Math.min(1, y / yMax)) : 0)) * (rows - 1)),
  ];
  for (const { points, color } of series) {
    let last: [number, number] | undefined;
    for (const point of points) {
      if (point.y === undefined) {
        last = undefined;
        continue;
      }
      const next = toDots(point.x, point.y);
      if (last === undefined) plot(next[0], next[1], color);
      else line(last, next, (px, py) => plot(px, py, color));
      last = next;
    }
  }
  const markCell = mark === undefined ? -1 : Math.min(width - 1, Math.floor((Math.round(Math.max(0, Math.min(1, mark.x)) * (columns - 1))) / 2));
  return bits.map((row, index) => {
    const segments: Segment[] = [];
    row.forEach((value, cell) => {
      const marked = value === 0 && cell === markCell && mark !== undefined;
      const text = value === 0 ? (marked ? mark.text : ' ') : String.fromCodePoint(0x2800 + value);
      const color = value === 0 ? (marked ? mark.color : undefined) : colors[index]?.[cell];
      const previous = segments[segments.length - 1];
      if (previous !== undefined && previous.color === color && previous.dim === marked) segments[segments.length - 1] = { ...previous, text: previous.text + text };
      else segments.push({ text, color, dim: marked });
    });
    return segments;
  });
}

/** Bresenham's line between two dots, both ends included. */
function line(from: readonly [number, number], to: readonly [number, number], plot: (x: number, y: number) => void): void {
  let [x, y] = from;
  const [x1, y1] = to;
  const dx = Math.abs(x1 - x);
  const dy = -Math.abs(y1 - y);
  const sx = x < x1 ? 1 : -1;
  const sy = y < y1 ? 1 : -1;
  let error = dx + dy;
  for (;;) {
    plot(x, y);
    if (x === x1 && y === y1) return;
    const twice = 2 * error;
    if (twice >= dy) {
      error += dy;
      x += sx;
    }
    if (twice <= dx) {
      error += dx;
      y += sy;
    }
  }
}
