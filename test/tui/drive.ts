/** Driving the simulator by keystrokes in ink-testing-library, and waiting for frames rather than sleeping. */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { App, type AppProps } from '../../src/tui/app.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  shiftRight: '\u001B[1;2C',
  shiftLeft: '\u001B[1;2D',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlU: '\u0015',
  space: ' ',
} as const;

/** A frame as a person sees it: no colours, no trailing spaces, solve times replaced by `N ms`. */
export function clean(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    // Solve times vary: `N ms`, with the status's right alignment undone.
    .replace(/ +([✓✗⌛] [a-z ]+ · )\d+ ms$/gm, '  $1N ms')
    .replace(/\d+ ms\b/g, 'N ms')
    .replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g, '⠿');
}

export interface Driven {
  /** The current frame, cleaned. */
  frame(): string;
  /** Types keys one at a time, letting each one render before the next. */
  press(...keys: string[]): Promise<void>;
  /** Waits until the frame satisfies `check` (or contains the text); fails with the last frame after `timeoutMs`. */
  until(check: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  unmount(): void;
}

export function drive(props: AppProps): Driven {
  const app = render(createElement(App, { size: { columns: 100, rows: 30 }, ...props }));
  const frame = (): string => clean(app.lastFrame());
  const until = async (check: string | ((frame: string) => boolean), timeoutMs = 15_000): Promise<string> => {
    const test = typeof check === 'string' ? (text: string): boolean => text.includes(check) : check;
    const started = Date.now();
    for (;;) {
      const current = frame();
      if (test(current)) return current;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${typeof check === 'string' ? JSON.stringify(check) : 'a frame'}; last frame:\n${current}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const press = async (...keys: string[]): Promise<void> => {
    for (const key of keys) {
      const before = app.frames.length;
      app.stdin.write(key);
      // A key that changes the state renders at once; one that does not is let through after a short while.
      const started = Date.now();
      while (app.frames.length === before && Date.now() - started < 200) await new Promise((resolve) => setTimeout(resolve, 2));
      // Let Ink flush a lone Escape (it waits one tick to tell it from a sequence).
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { frame, press, until, unmount: () => app.unmount() };
}

/** A private copy of the shipped scenarios folder: tests that write files never touch scenarios/. */
export async function scenarioCopy(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'enveloppe-tui-'));
  await cp(new URL('../../scenarios/', import.meta.url), folder, { recursive: true });
  return folder;
}

/** No solve under way and a status shown. */
export function settled(frame: string): boolean {
  return !frame.includes('solving…') && /✓ optimal|✗ infeasible|✗ failed|timed out/.test(frame);
}
