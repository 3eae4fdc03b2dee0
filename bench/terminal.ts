/**
 * Timings a person feels in the simulator: time to the first frame (the real program in tmux, next
 * to a bare Ink app), and from a key press to the updated frame (the app driven in memory).
 */
import { execFileSync } from 'node:child_process';
import { render } from 'ink-testing-library';
import { createElement } from 'react';
import { stripVTControlCharacters } from 'node:util';
import type { Scenario } from '../src/domain/types.js';
import { App } from '../src/tui/app.js';

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

let keeper: string | undefined;

/**
 * A session kept open while the bench runs: killing the only session stops the tmux server, and a
 * new session started while it stops fails ("server exited unexpectedly").
 */
function keepServer(): void {
  if (keeper !== undefined) return;
  keeper = `bench-keeper-${process.pid}`;
  tmux('new-session', '-d', '-s', keeper, '-x', '20', '-y', '5', 'sleep 100000');
  const name = keeper;
  process.once('exit', () => {
    try {
      tmux('kill-session', '-t', name);
    } catch {
      // Already gone.
    }
  });
}

/** Milliseconds from starting `command` in a 120×40 tmux window to `text` appearing on screen. */
export async function timeToFirstFrame(command: string, text: string): Promise<number> {
  keepServer();
  const session = `bench-${process.pid}-${Math.round(Math.random() * 1e6)}`;
  const started = performance.now();
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
  try {
    for (;;) {
      if (tmux('capture-pane', '-t', session, '-p').includes(text)) return performance.now() - started;
      if (performance.now() - started > 30_000) throw new Error(`no '${text}' after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    tmux('kill-session', '-t', session);
  }
}

/**
 * Milliseconds from a weight key (→ in the Weights view) to the frame showing the new solve's
 * result, over `presses` presses.
 */
export async function keyToFrame(scenario: Scenario, presses: number): Promise<number[]> {
  const app = render(createElement(App, { scenario, size: { columns: 120, rows: 40 } }));
  const frame = (): string => stripVTControlCharacters(app.lastFrame() ?? '');
  const until = async (check: (text: string) => boolean): Promise<void> => {
    const started = performance.now();
    while (!check(frame())) {
      if (performance.now() - started > 30_000) throw new Error(`timed out; last frame:\n${frame()}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const solved = (text: string): boolean => /✓ optimal · \d+ ms/.test(text);
  await until(solved);
  app.stdin.write('2');
  await until((text) => text.includes('Criterion'));
  const times: number[] = [];
  for (let press = 0; press < presses; press++) {
    const before = frame();
    const started = performance.now();
    app.stdin.write(press % 2 === 0 ? '\u001B[C' : '\u001B[D');
    // The key first redraws the weights (and a spinner); the frame counts once the new result is drawn.
    await until((text) => text !== before && solved(text) && !/solving/.test(text));
    times.push(performance.now() - started);
  }
  app.unmount();
  return times;
}

/** What the key-to-frame driver sends: after `ready` shows, the `setup` keys until `shows`, then `keys` in turn. */
export interface KeyDrive {
  readonly ready: RegExp;
  readonly setup?: { readonly keys: readonly string[]; readonly shows: RegExp };
  readonly keys: readonly string[];
  /** The frame that answers a key, given the one before it. */
  readonly answered: (before: string, now: string) => boolean;
}

/**
 * Milliseconds from a key sent by tmux to the frame that answers it, for `presses` presses, in the
 * program `command` started in a 120×40 window. The same driver times the simulator (→ and ← in the
 * Weights view, to the new allocation) and a bare Ink app redrawing a counter.
 */
export async function keysInTerminal(command: string, drive: KeyDrive, presses: number): Promise<number[]> {
  keepServer();
  const session = `bench-keys-${process.pid}-${Math.round(Math.random() * 1e6)}`;
  const screen = (): string => tmux('capture-pane', '-t', session, '-p');
  const waitFor = async (check: (text: string) => boolean): Promise<string> => {
    const started = performance.now();
    for (;;) {
      const text = screen();
      if (check(text)) return text;
      if (performance.now() - started > 30_000) throw new Error(`timed out; last screen:\n${text}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', command);
  try {
    let before = await waitFor((text) => drive.ready.test(text));
    if (drive.setup !== undefined) {
      for (const key of drive.setup.keys) tmux('send-keys', '-t', session, key);
      const { shows } = drive.setup;
      before = await waitFor((text) => shows.test(text));
    }
    const times: number[] = [];
    for (let press = 0; press < presses; press++) {
      const started = performance.now();
      tmux('send-keys', '-t', session, drive.keys[press % drive.keys.length] ?? '');
      before = await waitFor((text) => drive.answered(before, text));
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    tmux('kill-session', '-t', session);
  }
}
