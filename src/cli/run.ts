/** Process glue: real streams, exit code, and a quiet exit when a pipe reader goes away (`| head`). */
import { visible } from '../io/text.js';
import { main } from './main.js';

for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // The reader closed the pipe, or the terminal went away (SSH drop: EIO): nothing more can be shown,
    // and that is not a failure of ours.
    if (error.code === 'EPIPE' || error.code === 'EIO') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  // Names typed by applicants reach the terminal with their control bytes made visible.
  out: (text) => void process.stdout.write(visible(text, { lines: true })),
  err: (text) => void process.stderr.write(visible(text, { lines: true })),
});
