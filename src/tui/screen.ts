/**
 * Runs the simulator on a terminal: the alternate screen on entry; on exit (q, Ctrl-C, a signal or a
 * crash) the normal screen back with the cursor shown and raw mode off, as the shell left it.
 */
import { constants } from 'node:os';
import { render } from 'ink';
import { createElement } from 'react';
import { App, type AppProps } from './app.js';
import type { Terminal } from './launch.js';

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[2J\u001B[H';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
/** Clear the screen and go home: a resize leaves old lines Ink no longer knows about. */
const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/**
 * Shows the simulator until it quits. `checkLater`: a check of the scenario left until the
 * first allocation is on screen (launch.ts); its mistake closes the simulator and is thrown once
 * the screen is restored.
 */
export async function showSimulator(props: AppProps, { stdin, stdout }: Terminal, checkLater?: () => Promise<void>): Promise<number> {
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    if (stdin.isTTY) stdin.setRawMode(false);
    stdout.write(`${SHOW_CURSOR}${LEAVE_ALTERNATE_SCREEN}`);
  };
  // A last resort if the process ends without unmounting (an uncaught error).
  process.once('exit', restore);
  stdout.write(ENTER_ALTERNATE_SCREEN);
  const resized = (): void => void stdout.write(CLEAR_SCREEN);
  stdout.on('resize', resized);

  // Up to 60 frames a second (Ink's default is 30): a new allocation is drawn at most 17 ms after it
  // is found, not 33. (Ink's incremental rendering left stale lines on this alternate screen: off.)
  let mistake: { readonly error: unknown } | undefined;
  // The check waits for the first allocation on screen: run at once, it took the one core from the first solve.
  const afterFirstAllocation = (): void =>
    void setImmediate(() => {
      checkLater?.().catch((error: unknown) => {
        mistake = { error };
        instance.unmount();
      });
    });
  const instance = render(createElement(App, { ...props, warmUp: true, ...(checkLater === undefined ? {} : { afterFirstAllocation }) }), { stdout, stdin, exitOnCtrlC: false, patchConsole: true, maxFps: 60 });
  let signalled: NodeJS.Signals | undefined;
  const quit = (signal: NodeJS.Signals): void => {
    signalled = signal;
    instance.unmount();
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.once(signal, quit);
  try {
    await instance.waitUntilExit();
  } finally {
    for (const signal of signals) process.off(signal, quit);
    stdout.off('resize', resized);
    process.off('exit', restore);
    restore();
    stdin.pause();
  }
  if (mistake !== undefined) throw mistake.error;
  // Killed by a signal: the shell's convention, 128 + its number.
  return signalled === undefined ? 0 : 128 + constants.signals[signalled];
}
