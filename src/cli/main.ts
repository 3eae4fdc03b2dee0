/**
 * The `enveloppe` command: parses flags, calls a command, renders one message per mistake.
 * Exit codes: 0 ok, 1 error, 2 usage, 3 infeasible. Data goes to stdout, messages to stderr.
 * Each command's options are declared once, in options/commands.ts; the language is `--lang`, or the
 * locale's (LC_ALL, LC_MESSAGES, LANG).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommanderError, type Command } from 'commander';
import { UserError } from '../domain/errors.js';
import { langOf, parseLang, type Lang } from '../domain/lang.js';
import { closest } from '../domain/names.js';
import { stopJslpWorker } from '../solver/jslp-runner.js';
import type { AnalysisFlags, ReportFlags, SolveFlags, VerifyFlags } from '../options/commands.js';
import { EXIT, type Console } from './options.js';
import { buildProgram, declareBareCommand } from './program.js';
import { WORDS } from './words.js';

// Commands load on use: the simulator's first frame should not wait for modules only `solve` needs.
const solveCommands = (): Promise<typeof import('./solve-command.js')> => import('./solve-command.js');
const analysisCommands = (): Promise<typeof import('./analysis-commands.js')> => import('./analysis-commands.js');

/** The scenario `npm start` and a bare `enveloppe` open: the 2013 call shipped with the package. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/ptce-2013.yaml', import.meta.url));

/** Where each command's exit code is put: an action cannot return it through Commander. */
type SetCode = (code: number) => void;

/**
 * The language of this run, read before Commander, which writes the help in it: `--lang fr|en`
 * (or `--lang=fr`) anywhere before `--`, else the locale.
 */
export function languageOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  for (let index = 0; index < end; index += 1) {
    const word = argv[index] ?? '';
    const value = word === '--lang' ? argv[index + 1] : word.startsWith('--lang=') ? word.slice('--lang='.length) : undefined;
    if (value === undefined) continue;
    const lang = parseLang(value);
    if (lang === undefined || value.length > 5) throw new UserError({ en: `unknown language '${value}'`, fr: `langue inconnue '${value}'` }, { field: '--lang', hint: { en: 'Choose fr or en.', fr: 'Choisissez fr ou en.' }, exitCode: EXIT.usage });
    return lang;
  }
  return langOf(env);
}

/** Commander's "error: unknown option '--jsn'\n(Did you mean --json?)" as one line of ours. */
function oneLine(text: string, lang: Lang): string {
  const parts = text
    .split('\n')
    .map((part) => part.trim().replace(/^error: /, '').replace(/^\((.*)\)$/, '$1'))
    .filter((part) => part !== '')
    .map((part) => WORDS[lang].commanderError(part));
  const sentences = parts.map((part) => (/[.?!]$/.test(part) ? part : `${part}.`));
  return `enveloppe: ${sentences.join(' ')} ${WORDS[lang].seeHelp}\n`;
}

/** solve, validate, explain, report and verify. */
function attachSolveCommands(commands: ReturnType<typeof buildProgram>['commands'], console: Console, lang: Lang, setCode: SetCode): void {
  commands.solve.action(async (path: string, flags: SolveFlags) => setCode(await (await solveCommands()).runSolve(path, flags, console, lang)));
  commands.validate.action(async (path: string) => setCode(await (await solveCommands()).runValidate(path, console, lang)));
  commands.explain.action(async (path: string, id: string, flags: SolveFlags) => setCode(await (await solveCommands()).runExplain(path, id, { ...flags, lang }, console)));
  commands.report.action(async (path: string, flags: ReportFlags) => setCode(await (await import('./report-command.js')).runReport(path, flags, console, undefined, lang)));
  commands.verify.action(async (path: string, flags: VerifyFlags) => setCode(await (await solveCommands()).runVerify(path, console, flags.key, lang)));
}

/** compare, sweep, tipping, budget-sweep and robustness: long runs on the worker pool; Ctrl-C stops the workers, and nothing is written. */
function attachAnalysisCommands(commands: ReturnType<typeof buildProgram>['commands'], console: Console, lang: Lang, setCode: SetCode, signal: AbortSignal): void {
  type AnalysisName = 'runCompare' | 'runSweep' | 'runTipping' | 'runBudgetSweep' | 'runRobustness';
  const analysis = (name: AnalysisName) => async (path: string, flags: AnalysisFlags) => {
    // All but compare solve on the worker pool: its workers start loading while this thread reads the scenario.
    if (name !== 'runCompare') (await import('../analysis/pool.js')).prestartPool();
    const run = (await analysisCommands())[name];
    // A Ctrl-C while the analysis was loading: stop before starting.
    if (signal.aborted) throw signal.reason;
    // The language as main settled it (--lang, else the locale).
    setCode(await run(path, { ...flags, lang }, console, signal));
  };
  commands.compare.action(analysis('runCompare'));
  commands.sweep.action(analysis('runSweep'));
  commands.tipping.action(analysis('runTipping'));
  commands['budget-sweep'].action(analysis('runBudgetSweep'));
  commands.robustness.action(analysis('runRobustness'));
}

const ANALYSES = new Set(['compare', 'sweep', 'tipping', 'budget-sweep', 'robustness']);

/** The command word of `argv`: its first word that is neither an option nor the value of `--lang`. */
function commandWord(argv: readonly string[]): string | undefined {
  return argv.find((word, index) => !word.startsWith('-') && argv[index - 1] !== '--lang');
}

/**
 * Bare `enveloppe [scenario]`: the interactive simulator. Imported lazily, so that `solve` and
 * `validate` never load Ink or React. Declared after the subcommands, which must keep refusing
 * extra words: the bare command gets them, so that `enveloppe solv x.yaml` says "unknown command
 * 'solv'" rather than "too many arguments".
 */
function attachSimulator(program: Command, console: Console, lang: Lang, setCode: SetCode): void {
  program.allowExcessArguments(true);
  declareBareCommand(program, lang).action(async (path: string | undefined, flags: SolveFlags) => {
    const words = program.args;
    if (words.length > 1 || (path !== undefined && !existsSync(path) && !/[./\\]/.test(path))) {
      const commands = program.commands.map((command) => command.name());
      const guess = closest(words[0] ?? '', commands);
      const say = (language: Lang): string => (guess === undefined ? WORDS[language].commandsAre(commands.join(', ')) : WORDS[language].didYouMean(guess));
      throw new UserError({ en: WORDS.en.unknownCommand(words[0] ?? ''), fr: WORDS.fr.unknownCommand(words[0] ?? '') }, { hint: { en: say('en'), fr: say('fr') }, exitCode: EXIT.usage });
    }
    const { runSimulator } = await import('../tui/launch.js');
    setCode(await runSimulator(path ?? DEFAULT_SCENARIO, flags, console));
  });
}

/** A mistake of the user's: one line in their language, and its exit code. Anything else is a bug and is thrown. */
function exitFor(error: unknown, console: Console, lang: Lang): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof UserError || (error instanceof Error && error.cause instanceof UserError)) {
    const mistake = error instanceof UserError ? error : (error.cause as UserError);
    console.err(`enveloppe: ${mistake.format(lang)}\n`);
    return mistake.exitCode;
  }
  throw error;
}

/** Runs the command line and resolves to the exit code. */
export async function main(argv: readonly string[], console: Console, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  let code: number = EXIT.ok;
  const setCode: SetCode = (value) => {
    code = value;
  };
  let lang = langOf(env);
  // An analysis hears Ctrl-C from the start, not only once its modules (the pool, HiGHS) have loaded:
  // it then stops cleanly, whenever the key is pressed. Other commands keep the default (they end at once).
  const interruption = new AbortController();
  const interrupt = (): void => interruption.abort(new UserError({ en: WORDS.en.cancelled, fr: WORDS.fr.cancelled }, { exitCode: EXIT.interrupted }));
  const analysis = ANALYSES.has(commandWord(argv) ?? '');
  if (analysis) process.once('SIGINT', interrupt);
  try {
    lang = languageOf(argv, env);
    const { program, commands } = buildProgram(lang, { console, oneLine: (text) => oneLine(text, lang) });
    attachSolveCommands(commands, console, lang, setCode);
    attachAnalysisCommands(commands, console, lang, setCode, interruption.signal);
    attachSimulator(program, console, lang, setCode);
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    return exitFor(error, console, lang);
  } finally {
    if (analysis) process.removeListener('SIGINT', interrupt);
    await stopJslpWorker();
  }
  return code;
}
