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
import { say, type Bilingual } from '../domain/lang.js';
import { fr, frenchNumber } from './bilingual.js';

/**
 * Largest input file read, in bytes. 20,000 candidates (the most a call may hold) with long names
 * and a hundred columns stay under 40 MB.
 * @default 64 MiB
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * The input files one load read, each with the SHA-256 of the very bytes parsed, by real path: the
 * decision record hashes what was read, not what is on disk now. A load creates one and passes it
 * down to each read; io keeps nothing between calls.
 */
export interface InputFiles {
  readonly hashes: Map<string, string>;
}

/** A new record of input files, with nothing read yet. */
export function inputFiles(): InputFiles {
  return { hashes: new Map() };
}

/** What a non-regular file is, in words. */
function kindOf(stats: Stats): Bilingual {
  if (stats.isDirectory()) return { en: 'a folder', fr: 'un dossier' };
  if (stats.isFIFO()) return { en: 'a pipe (FIFO)', fr: 'un tube (FIFO)' };
  if (stats.isCharacterDevice()) return { en: 'a character device', fr: 'un périphérique en mode caractère' };
  if (stats.isBlockDevice()) return { en: 'a block device', fr: 'un périphérique en mode bloc' };
  if (stats.isSocket()) return { en: 'a socket', fr: 'une socket' };
  return { en: 'not a regular file', fr: 'pas un fichier ordinaire' };
}

/** The French of the files io reads and writes, with their article (`le CSV`). */
const FRENCH_WHATS: Readonly<Record<string, string>> = {
  CSV: 'le CSV',
  'LP model': 'le modèle LP',
  'decision record': 'le registre de décision',
  report: 'le rapport',
  workbook: 'le classeur',
  file: 'le fichier',
  'candidates file': 'le fichier des candidats',
  'key file': 'le fichier de clé',
  'scenario file': 'le fichier du scénario',
};

/** What a file is, in both languages: `CSV` / `le CSV`. */
export function fileWhat(what: Bilingual | string): Bilingual {
  return typeof what === 'string' ? { en: what, fr: FRENCH_WHATS[what] ?? fr`le fichier « ${what} »` } : what;
}

/**
 * Reads an input file's bytes, refusing anything but a regular file of at most `limit` bytes.
 * The file is opened without blocking (a FIFO with no writer would hang a plain read) and checked
 * on its open descriptor, so it cannot be swapped between the check and the read.
 * Errors of the file system (ENOENT, EACCES, EISDIR) are thrown as they are, for the caller to word.
 * @param files where the SHA-256 of the bytes read is kept, when the read is part of a load.
 */
export function readInputFile(path: string, what: Bilingual | string, files?: InputFiles, limit: number = MAX_INPUT_BYTES): Buffer {
  const named = fileWhat(what);
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
    if (!stats.isFile()) {
      const kind = kindOf(stats);
      throw new UserError({ en: `the ${named.en} is ${kind.en}, not a regular file`, fr: `${named.fr} est ${kind.fr}, pas un fichier ordinaire` }, {
        file: path,
        hint: { en: 'Give the path of a file saved on disk (a pipe, /dev/… or a terminal is never read).', fr: 'Donnez le chemin d’un fichier enregistré sur disque (un tube, /dev/… ou un terminal ne sont jamais lus).' },
      });
    }
    if (stats.size > limit) {
      const message = { en: `the ${named.en} is ${megabytes(stats.size)}, more than the ${megabytes(limit)} enveloppe reads`, fr: `${named.fr} fait ${megaoctets(stats.size)}, plus que les ${megaoctets(limit)} que lit enveloppe` };
      throw new UserError(message, { file: path, hint: { en: 'Is it the right file? A call of 20,000 candidates fits in a few megabytes.', fr: fr`Est-ce le bon fichier ? Un appel de 20 000 candidats tient en quelques mégaoctets.` } });
    }
    const bytes = Buffer.alloc(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const count = readSync(descriptor, bytes, read, bytes.length - read, read);
      if (count === 0) break;
      read += count;
    }
    const content = bytes.subarray(0, read);
    if (files !== undefined) keepHash(files, path, content);
    return content;
  } finally {
    closeSync(descriptor);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function megaoctets(bytes: number): string {
  return `${frenchNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)}\u00a0Mo`;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Keeps in `files` the SHA-256 of the bytes of `path` a load parsed (for a reader that does not use {@link readInputFile}). */
export function keepHash(files: InputFiles, path: string, bytes: Uint8Array): void {
  files.hashes.set(realPath(path), sha256Of(bytes));
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 of the bytes of `path` as a load parsed them (`hashes`, by real path, as {@link InputFiles}
 * keeps them); a file the load did not read is read now.
 */
export function parsedSha256(path: string, hashes: Readonly<Record<string, string>> = {}): string {
  return hashes[realPath(path)] ?? sha256Of(readInputFile(path, 'file'));
}

/** One file a command is asked to write. */
export interface OutputTarget {
  readonly path: string;
  /** What it is, for messages: 'CSV', 'LP model', 'decision record' (French known), or both languages. */
  readonly what: Bilingual | string;
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
  const { path } = output;
  const what = fileWhat(output.what);
  const target = resolve(path);
  const refuse = (message: Bilingual, hint: Bilingual): never => {
    throw new UserError(message, { file: path, hint, exitCode: 2 });
  };
  // `could not write the CSV: <why>; nothing was written`, in both languages.
  const cannot = (why: Bilingual): Bilingual => ({ en: `could not write the ${what.en}: ${why.en}; nothing was written`, fr: fr`impossible d’écrire ${what.fr} : ${why.fr} ; rien n’a été écrit` });
  const overInput = (): never => refuse({ en: `refusing to write the ${what.en} over an input file`, fr: `refus d’écrire ${what.fr} par-dessus un fichier d’entrée` }, { en: 'Choose another path for the output.', fr: 'Choisissez un autre chemin pour la sortie.' });
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
    refuse(cannot({ en: 'it is a symbolic link to a file that does not exist', fr: 'c’est un lien symbolique vers un fichier qui n’existe pas' }), { en: 'Remove the link, or choose another path.', fr: 'Supprimez le lien, ou choisissez un autre chemin.' });
  }
  if (stats !== undefined) {
    const here = { dev: stats.dev, ino: stats.ino };
    if (inputs.some((input) => {
      const other = identity(input);
      return other !== undefined && other.dev === here.dev && other.ino === here.ino;
    })) overInput();
    if (stats.isDirectory()) refuse(cannot({ en: 'it is a folder', fr: 'c’est un dossier' }), { en: 'Give a file name.', fr: 'Donnez un nom de fichier.' });
    if (!stats.isFile()) {
      const kind = kindOf(stats);
      const hint = { en: 'Give the path of a file; to see the result on the screen, leave the option out (or use --json).', fr: fr`Donnez le chemin d’un fichier ; pour voir le résultat à l’écran, omettez l’option (ou utilisez --json).` };
      refuse(cannot({ en: `it is ${kind.en}, not a regular file`, fr: `c’est ${kind.fr}, pas un fichier ordinaire` }), hint);
    }
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
    refuse(cannot({ en: 'the folder does not exist', fr: 'le dossier n’existe pas' }), { en: `Create ${dirname(path)} first, or choose another path.`, fr: `Créez d’abord ${dirname(path)}, ou choisissez un autre chemin.` });
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? { en: 'the folder is read-only', fr: 'le dossier est en lecture seule' } : { en: 'permission denied', fr: 'permission refusée' };
    throw new UserError(cannot(why), { file: path, hint: { en: 'The folder is not writable: choose a folder you can write to.', fr: fr`Le dossier n’est pas accessible en écriture : choisissez un dossier où vous pouvez écrire.` } });
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
      const [first, second] = [fileWhat(earlier.what), fileWhat(output.what)];
      const message = { en: `the ${first.en} and the ${second.en} would be written to the same file`, fr: `${first.fr} et ${second.fr} seraient écrits dans le même fichier` };
      throw new UserError(message, { file: output.path, hint: { en: 'Give each output its own file name.', fr: 'Donnez à chaque sortie son propre nom de fichier.' }, exitCode: 2 });
    }
    seen.set(key, output);
  }
}

/** Checks one output path before any work is done; see {@link checkOutputs}. */
export function checkOutputPath(path: string, inputs: readonly string[], what: Bilingual | string): void {
  checkOutputs([{ path, what }], inputs);
}

/** Writes `bytes` to `path` atomically, after checking it again; refuses to overwrite any of `inputs`. */
export async function writeOutput(path: string, bytes: string | Buffer, inputs: readonly string[], what: Bilingual | string): Promise<void> {
  checkOne({ path, what }, inputs);
  try {
    await writeFileAtomic(resolve(path), bytes);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const why = WRITE_FAILURES.get(code) ?? { en: (error as Error).message, fr: (error as Error).message };
    const named = fileWhat(what);
    throw new UserError(
      { en: `could not write the ${named.en}: ${why.en}; nothing was written`, fr: fr`impossible d’écrire ${named.fr} : ${why.fr} ; rien n’a été écrit` },
      { file: path, hint: { en: 'Any previous version of the file is intact.', fr: 'Toute version précédente du fichier est intacte.' } },
    );
  }
}

/** Why a write failed, by the system's error code. */
const WRITE_FAILURES = new Map<string, Bilingual>([
  ['ENOENT', { en: 'the folder does not exist', fr: 'le dossier n’existe pas' }],
  ['EACCES', { en: 'permission denied', fr: 'permission refusée' }],
  ['EPERM', { en: 'permission denied', fr: 'permission refusée' }],
  ['EROFS', { en: 'the folder is read-only', fr: 'le dossier est en lecture seule' }],
  ['ENOSPC', { en: 'the disk is full', fr: 'le disque est plein' }],
  ['EDQUOT', { en: 'the disk quota is exceeded', fr: 'le quota du disque est dépassé' }],
  ['EISDIR', { en: 'it is a folder', fr: 'c’est un dossier' }],
  ['EBUSY', { en: 'the file is locked by another program (is it open in Excel?)', fr: fr`le fichier est verrouillé par un autre programme (est-il ouvert dans Excel ?)` }],
]);

/**
 * Writes the several outputs of one command, remembering which were written: when one fails,
 * its message says which others are already on disk.
 */
export class OutputWriter {
  private readonly written: string[] = [];

  constructor(private readonly inputs: readonly string[]) {}

  async write(path: string, bytes: string | Buffer, what: Bilingual | string): Promise<void> {
    try {
      await writeOutput(path, bytes, this.inputs, what);
    } catch (error) {
      if (!(error instanceof UserError) || this.written.length === 0) throw error;
      const done = this.written.join(', ');
      const hint = (lang: 'en' | 'fr'): string => (error.hint === undefined ? '' : say(error.hint, lang));
      const message = { en: say(error.text, 'en').replace(/; nothing was written$/, ''), fr: say(error.text, 'fr').replace(/\u00a0; rien n’a été écrit$/, '') };
      throw new UserError(message, {
        ...(error.file === undefined ? {} : { file: error.file }),
        hint: { en: `${hint('en')} Already written: ${done}.`.trim(), fr: fr`${hint('fr')} Déjà écrits : ${done}.`.trim() },
        exitCode: error.exitCode,
      });
    }
    this.written.push(path);
  }
}
