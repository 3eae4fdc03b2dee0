/**
 * Writing outputs safely: to a temporary file in the same folder, then renamed over the target,
 * so a failure never leaves a half-written file; and never over one of the inputs.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../domain/errors.js';

/**
 * Checks an output path before any work is done: not an input, and in a folder that exists.
 * Writing can still fail later (full disk); writeOutput then says so and leaves the old file.
 */
export function checkOutputPath(path: string, inputs: readonly string[], what: string): void {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new UserError(`refusing to write the ${what} over an input file`, { file: path, hint: 'Choose another path for the output.', exitCode: 2 });
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new UserError(`could not write the ${what}: the folder does not exist; nothing was written`, { file: path, hint: `Create ${dirname(path)} first, or choose another path.`, exitCode: 2 });
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new UserError(`could not write the ${what}: it is a folder; nothing was written`, { file: path, hint: 'Give a file name.', exitCode: 2 });
  }
}

/** Writes `bytes` to `path` atomically; refuses to overwrite any of `inputs`. */
export async function writeOutput(path: string, bytes: string | Buffer, inputs: readonly string[], what: string): Promise<void> {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new UserError(`refusing to write the ${what} over an input file`, { file: path, hint: 'Choose another path for the output.', exitCode: 2 });
  }
  try {
    await writeFileAtomic(target, bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why: Record<string, string> = {
      ENOENT: 'the folder does not exist',
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'the folder is read-only',
      ENOSPC: 'the disk is full',
      EISDIR: 'it is a folder',
      EBUSY: 'the file is locked by another program (is it open in Excel?)',
    };
    throw new UserError(`could not write the ${what}: ${why[code] ?? (error as Error).message}; nothing was written`, { file: path, hint: 'Any previous version of the file is intact.' });
  }
}
