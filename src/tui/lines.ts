/** Screens are built as lines of styled segments by pure functions (each screen's lines.ts), then drawn by lines-view.tsx. */
import { cells, fit } from './text.js';

export interface Segment {
  readonly text: string;
  readonly color?: string;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly inverse?: boolean;
}

export type Line = readonly Segment[];

/** A line of one plain segment. */
export function plain(text: string, style: Omit<Segment, 'text'> = {}): Line {
  return [{ text, ...style }];
}

export function lineWidth(line: Line): number {
  return line.reduce((sum, segment) => sum + cells(segment.text), 0);
}

/** Pads (or cuts) a line to exactly `width` cells, so that lines can sit side by side. */
export function padLine(line: Line, width: number): Line {
  const out: Segment[] = [];
  let used = 0;
  for (const segment of line) {
    if (used >= width) break;
    const room = width - used;
    const text = cells(segment.text) > room ? fit(segment.text, room) : segment.text;
    out.push({ ...segment, text });
    used += cells(text);
  }
  if (used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

/** Two columns of lines side by side with a separator. */
export function besideLines(left: readonly Line[], leftWidth: number, right: readonly Line[], separator = ' │ '): Line[] {
  const count = Math.max(left.length, right.length);
  const out: Line[] = [];
  for (let index = 0; index < count; index++) {
    out.push([...padLine(left[index] ?? [], leftWidth), { text: separator, dim: true }, ...(right[index] ?? [])]);
  }
  return out;
}

/** The area a screen is drawn in. */
export interface Area {
  readonly width: number;
  readonly height: number;
  /** Keys go to this screen (no prompt is open): the selection is highlighted. */
  readonly active: boolean;
}

/** What a screen shows in its area: its lines from the first one on screen, greyed when `dim` (a stale allocation). */
export interface Shown {
  readonly lines: readonly Line[];
  readonly dim?: boolean;
}
