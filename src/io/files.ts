/**
 * Reading inputs and writing outputs safely. Inputs: regular files of bounded size only (a FIFO,
 * a device or a 5 GB file gets a message, not a hang), read once, and the SHA-256 of the very bytes
 * parsed kept for the decision record. Outputs: checked all together before any work (never an
 * input, whatever the symlinks, hard links or letter case; never a device, FIFO or folder; never
 * twice in one command; in a writable folder), then written to a temporary file in the same folder
 * and renamed over the target, so a failure never leaves a half-written file.
 */
import { createHash } from 'node:crypto';
import { accessSync, closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../domain/errors.js';

/**
 * Largest input file read, in bytes. 20,000 candidates (the most a call may hold) with long names
 * and a hundred columns stay under 40 MB.
 * @default 64 MiB
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** SHA-256 of the bytes last parsed, by real path: the record hashes what was read, not what is on disk now. */
const parsedHashes = new Map<string, string>();

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Reads an input file's bytes, refusing anything but a regular file of at most `limit` bytes.
 * The file is opened without blocking (a FIFO with no writer would hang a plain read) and checked
 * on its open descriptor, so it cannot be swapped between the check and the read.
 * Errors of the file system (ENOENT, EACCES, EISDIR) are thrown as they are, for the caller to word.
 */
export function readInputFile(path: string, what: string, limit: number = MAX_INPUT_BYTES): Buffer {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    if (!stats.isFile()) {
      throw new UserError(`the ${what} is ${kindOf(stats)}, not a regular file`, { file: path, hint: 'Give the path of a file saved on disk (a pipe, /dev/… or a terminal is never read).' });
    }
    if (stats.size > limit) {
      throw new UserError(`the ${what} is ${megabytes(stats.size)}, more than the ${megabytes(limit)} enveloppe reads`, { file: path, hint: 'Is it the right file? A call of 20,000 candidates fits in a few megabytes.' });
    }
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    const content = bytes.subarray(0, read);
    parsedHashes.set(realPath(path), createHash('sha256').update(content).digest('hex'));
    return content;
  } finally {
    closeSync(descriptor);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/**
 * SHA-256 of the bytes of `path` as they were last parsed by {@link readInputFile}; a file not read
 * yet is read now.
 */
export function parsedSha256(path: string): string {
  const known = parsedHashes.get(realPath(path));
  if (known !== undefined) return known;
  readInputFile(path, 'file');
  return parsedHashes.get(realPath(path)) ?? '';
}

/** One file a command is asked to write. */
export interface OutputTarget {
  readonly path: string;
  /** What it is, for messages: 'CSV', 'LP model', 'decision record'. */
  readonly what: string;
}

/** File systems of Windows and macOS ignore letter case by default. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

/** Where `path` would really be written: the real folder, the name, letter case folded where the disk ignores it. */
function landingKey(path: string): string {
  const target = resolve(path);
  let key: string;
  try {
    key = realpathSync(target);
  } catch {
    let folder: string;
    try {
      folder = realpathSync(dirname(target));
    } catch {
      folder = dirname(target);
    }
    key = join(folder, basename(target));
  }
  return CASE_INSENSITIVE ? key.normalize('NFC').toLowerCase() : key.normalize('NFC');
}

function identity(path: string): { dev: number; ino: number } | undefined {
  try {
    const stats = statSync(path);
    return { dev: stats.dev, ino: stats.ino };
  } catch {
    return undefined;
  }
}

/** The one check of an output; throws the UserError to show. */
function checkOne(output: OutputTarget, inputs: readonly string[]): void {
  const { path, what } = output;
  const target = resolve(path);
  const refuse = (message: string, hint: string): never => {
    throw new UserError(message, { file: path, hint, exitCode: 2 });
  };
  const overInput = (): never => refuse(`refusing to write the ${what} over an input file`, 'Choose another path for the output.');
  if (inputs.some((input) => resolve(input) === target)) overInput();

  let link: Stats | undefined;
  try {
    link = lstatSync(target);
  } catch {
    link = undefined;
  }
  let stats: Stats | undefined;
  try {
    stats = statSync(target);
  } catch {
    stats = undefined;
  }
  if (link?.isSymbolicLink() === true && stats === undefined) {
    refuse(`could not write the ${what}: it is a symbolic link to a file that does not exist; nothing was written`, 'Remove the link, or choose another path.');
  }
  if (stats !== undefined) {
    const here = { dev: stats.dev, ino: stats.ino };
    if (inputs.some((input) => {
      const other = identity(input);
      return other !== undefined && other.dev === here.dev && other.ino === here.ino;
    })) overInput();
    if (stats.isDirectory()) refuse(`could not write the ${what}: it is a folder; nothing was written`, 'Give a file name.');
    if (!stats.isFile()) refuse(`could not write the ${what}: it is ${kindOf(stats)}, not a regular file; nothing was written`, 'Give the path of a file; to see the result on the screen, leave the option out (or use --json).');
  }
  const key = landingKey(target);
  if (inputs.some((input) => landingKey(input) === key)) overInput();

  const folder = dirname(target);
  let folderStats: Stats | undefined;
  try {
    folderStats = statSync(folder);
  } catch {
    folderStats = undefined;
  }
  if (folderStats === undefined || !folderStats.isDirectory()) {
    refuse(`could not write the ${what}: the folder does not exist; nothing was written`, `Create ${dirname(path)} first, or choose another path.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`could not write the ${what}: ${code === 'EROFS' ? 'the folder is read-only' : 'permission denied'}; nothing was written`, { file: path, hint: 'The folder is not writable: choose a folder you can write to.' });
  }
}

/**
 * Checks every output of one command before any work is done: none is (or resolves to) an input,
 * none exists as anything but a regular file, no two name the same file, every folder exists and is
 * writable. Writing can still fail later (full disk); {@link OutputWriter} then says so.
 */
export function checkOutputs(outputs: readonly OutputTarget[], inputs: readonly string[]): void {
  const seen = new Map<string, OutputTarget>();
  for (const output of outputs) {
    checkOne(output, inputs);
    const key = landingKey(output.path);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new UserError(`the ${earlier.what} and the ${output.what} would be written to the same file`, { file: output.path, hint: 'Give each output its own file name.', exitCode: 2 });
    }
    seen.set(key, output);
  }
}

/** Checks one output path before any work is done; see {@link checkOutputs}. */
export function checkOutputPath(path: string, inputs: readonly string[], what: string): void {
  checkOutputs([{ path, what }], inputs);
}

/** Writes `bytes` to `path` atomically, after checking it again; refuses to overwrite any of `inputs`. */
export async function writeOutput(path: string, bytes: string | Buffer, inputs: readonly string[], what: string): Promise<void> {
  checkOne({ path, what }, inputs);
  try {
    await writeFileAtomic(resolve(path), bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = new Map([
      ['ENOENT', 'the folder does not exist'],
      ['EACCES', 'permission denied'],
      ['EPERM', 'permission denied'],
      ['EROFS', 'the folder is read-only'],
      ['ENOSPC', 'the disk is full'],
      ['EDQUOT', 'the disk quota is exceeded'],
      ['EISDIR', 'it is a folder'],
      ['EBUSY', 'the file is locked by another program (is it open in Excel?)'],
    ]);
    throw new UserError(`could not write the ${what}: ${why.get(code) ?? (error as Error).message}; nothing was written`, { file: path, hint: 'Any previous version of the file is intact.' });
  }
}

/**
 * Writes the several outputs of one command, remembering which were written: when one fails,
 * its message says which others are already on disk.
 */
export class OutputWriter {
  private readonly written: string[] = [];

  constructor(private readonly inputs: readonly string[]) {}

  async write(path: string, bytes: string | Buffer, what: string): Promise<void> {
    try {
      await writeOutput(path, bytes, this.inputs, what);
    } catch (error) {
      if (!(error instanceof UserError) || this.written.length === 0) throw error;
      const done = this.written.join(', ');
      throw new UserError(error.message.replace(/; nothing was written$/, ''), {
        ...(error.file === undefined ? {} : { file: error.file }),
        hint: `${error.hint ?? ''} Already written: ${done}.`.trim(),
        exitCode: error.exitCode,
      });
    }
    this.written.push(path);
  }
}
