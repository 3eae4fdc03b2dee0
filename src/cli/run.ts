/** Process glue: real streams, exit code, and a quiet exit when a pipe reader goes away (`| head`). */
import { visible } from '../io/text.js';
import { main } from './main.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // The reader closed the pipe: nothing more can be shown, and that is not a failure of ours.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // The terminal went away (SSH drop): end as a program does on hang-up. Not process.exit: Node would
    // then restore the settings of a terminal that no longer exists, and abort with a native trace.
    if (error.code === 'EIO') {
      process.removeAllListeners('SIGHUP');
      process.kill(process.pid, 'SIGHUP');
      return;
    }
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  // Names typed by applicants reach the terminal with their control bytes made visible.
  out: (text) => void process.stdout.write(visible(text, { lines: true })),
  err: (text) => void process.stderr.write(visible(text, { lines: true })),
});
