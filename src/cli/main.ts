/**
 * The `enveloppe` command: parses flags, calls a command, renders one message per mistake.
 * Exit codes: 0 ok, 1 error, 2 usage, 3 infeasible. Data goes to stdout, messages to stderr.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError } from '../domain/errors.js';
import { closest } from '../domain/names.js';
import { stopJslpWorker } from '../solver/jslp-runner.js';
import { EXIT } from './options.js';
import type { AnalysisFlags } from './analysis-commands.js';
import type { ReportFlags } from './report-command.js';
import type { Console, SolveFlags } from './solve-command.js';

// Commands load on use: the simulator's first frame should not wait for modules only `solve` needs.
const solveCommands = (): Promise<typeof import('./solve-command.js')> => import('./solve-command.js');
const analysisCommands = (): Promise<typeof import('./analysis-commands.js')> => import('./analysis-commands.js');

/** The scenario `npm start` and a bare `enveloppe` open: the 2013 call shipped with the package. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/ptce-2013.yaml', import.meta.url));

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/** Options `solve` and `explain` share, declared once so that their help says the same. */
const SHARED = {
  policy: ['--policy <name>', "weighting policy of the scenario (default: the scenario's first)"],
  weights: ['--weights <list>', 'weights replacing the policy\'s, e.g. utilite_sociale=3,perennite_emplois=2 (others get 0)'],
  solver: ['--solver <engine>', 'jslp, highs or auto', 'auto'],
  timeLimit: ['--time-limit <seconds>', 'stop after this many seconds; the best allocation found is shown with its proven gap', '20'],
  lottery: ['--lottery <seed>', 'settle ties at the funding line by a public draw from this seed (replaces the scenario\'s)'],
  lotteryBand: ['--lottery-band <points>', 'with a lottery: score points either side of the funding line that count as equal (default 0: exact ties)'],
} as const;

function addSolveOptions(command: Command): Command {
  return command
    .option(...SHARED.policy)
    .option(...SHARED.weights)
    .option('--json', 'print the allocation as JSON')
    .option('--csv <file>', 'write the allocation table to a CSV file')
    .option('--excel', 'with --csv: French Excel format (;, decimal comma, UTF-8 BOM, CRLF)')
    .option('--xlsx <file>', 'write a workbook: allocation, regions and rules, parameters')
    .option('--lp <file>', 'write the model in CPLEX LP format, for any other solver')
    .option(...SHARED.solver)
    .option(...SHARED.timeLimit)
    .option('--gap <gap>', 'relative optimality gap to prove, e.g. 0.01% (default 0: the exact optimum, which the tie-break needs to name the same laureates on every engine)', '0')
    .option('--all', 'list the candidates that get nothing too')
    .option('--record <file>', 'write a decision record (inputs\' SHA-256, scenario, weights, engine, optimum, allocation)')
    .option('--check', 'solve with both engines and refuse to answer if their allocations differ')
    .option(...SHARED.lottery)
    .option(...SHARED.lotteryBand)
    .option('--near <share>', 'also show near-optimal allocations within this share of the optimum, e.g. 0.1%');
}

/** Commander's "error: unknown option '--jsn'\n(Did you mean --json?)" as one line of ours. */
function oneLine(text: string): string {
  const parts = text
    .split('\n')
    .map((part) => part.trim().replace(/^error: /, '').replace(/^\((.*)\)$/, '$1'))
    .filter((part) => part !== '');
  const sentences = parts.map((part) => (/[.?!]$/.test(part) ? part : `${part}.`));
  return `enveloppe: ${sentences.join(' ')} See 'enveloppe --help'.\n`;
}

/** solve, validate, explain, report and verify. */
function declareSolveCommands(program: Command, console: Console, setCode: SetCode): void {
  addSolveOptions(
    program
      .command('solve')
      .description('compute the allocation of a scenario and print it')
      .argument('<scenario>', 'scenario file (YAML)'),
  )
    .option('--sign <key.pem>', 'with --record: sign the record with this Ed25519 private key (PEM)')
    .action(async (path: string, flags: SolveFlags) => {
    setCode(await (await solveCommands()).runSolve(path, flags, console));
  });

  program
    .command('validate')
    .description('check a scenario and its candidates file, and that some allocation satisfies the rules')
    .argument('<scenario>', 'scenario file (YAML)')
    .action(async (path: string) => {
      setCode(await (await solveCommands()).runValidate(path, console));
    });

  program
    .command('explain')
    .description('why a candidate is or is not funded, and what would change it (each figure re-solved)')
    .argument('<scenario>', 'scenario file (YAML)')
    .argument('<id>', "the candidate's id")
    .option(...SHARED.policy)
    .option(...SHARED.weights)
    .option('--json', 'print the explanation as JSON')
    .option(...SHARED.solver)
    .option(...SHARED.timeLimit)
    .option(...SHARED.lottery)
    .option(...SHARED.lotteryBand)
    .action(async (path: string, id: string, flags: SolveFlags) => {
      setCode(await (await solveCommands()).runExplain(path, id, flags, console));
    });

  program
    .command('report')
    .description("write the committee's report: one self-contained HTML file to print (A4)")
    .argument('<scenario>', 'scenario file (YAML)')
    .requiredOption('--out <file>', 'the HTML file to write, e.g. rapport.html')
    .option('--policy <name>', "weighting policy of the scenario (default: the scenario's first)")
    .option('--weights <list>', "weights replacing the policy's, e.g. utilite_sociale=3,perennite_emplois=2")
    .option('--compare <list>', 'add a comparison of these policies, e.g. equilibre,emploi')
    .option('--robustness <n>', 'add the robustness of each decision over n weightings drawn around the policy')
    .option('--seed <n>', 'with --robustness: seed of the draws (default: 1)')
    .option('--spread <s>', 'with --robustness: how far weightings stray from the policy (default: 0.2)')
    .option('--record <file>', 'also write the decision record, and print its hashes in the report')
    .option('--lang <code>', 'fr or en', 'fr')
    .option('--solver <engine>', 'jslp, highs or auto (default: auto; highs for robustness)')
    .option('--time-limit <seconds>', 'give up on one solve after this many seconds')
    .action(async (path: string, flags: ReportFlags) => {
      setCode(await (await import('./report-command.js')).runReport(path, flags, console));
    });

  program
    .command('verify')
    .description('re-run a decision record and say whether it reproduces byte for byte')
    .argument('<record>', 'file written by solve --record')
    .option('--key <public.pem>', 'require a signature by this Ed25519 public key (PEM)')
    .action(async (path: string, flags: { key?: string }) => {
      setCode(await (await solveCommands()).runVerify(path, console, flags.key));
    });
}

/** compare, sweep, tipping, budget-sweep and robustness: long runs on the worker pool, stopped by Ctrl-C. */
function declareAnalysisCommands(program: Command, console: Console, setCode: SetCode): void {
  const analysisOptions = (command: Command): Command =>
    command
      .option('--policy <name>', "weighting policy (default: the scenario's first)")
      .option('--json', 'print the result as JSON')
      .option('--csv <file>', 'write the result table to a CSV file')
      .option('--excel', 'with --csv: French Excel format')
      .option('--solver <engine>', 'jslp, highs or auto', 'highs')
      .option('--time-limit <seconds>', 'give up on one solve after this many seconds', '20');
  // Ctrl-C during a long analysis stops the workers; nothing is written.
  type AnalysisName = 'runCompare' | 'runSweep' | 'runTipping' | 'runBudgetSweep' | 'runRobustness';
  const analysis = (name: AnalysisName) => async (path: string, flags: AnalysisFlags) => {
    const run = (await analysisCommands())[name];
    const controller = new AbortController();
    const interrupt = (): void => controller.abort(new UserError('cancelled; nothing was written', { exitCode: EXIT.interrupted }));
    process.once('SIGINT', interrupt);
    try {
      setCode(await run(path, flags, console, controller.signal));
    } finally {
      process.removeListener('SIGINT', interrupt);
    }
  };

  analysisOptions(program.command('compare').description('compare weighting policies side by side').argument('<scenario>', 'scenario file (YAML)'))
    .option('--policies <list>', 'policies to compare, e.g. equilibre,emploi (default: all)')
    .option('--xlsx <file>', 'write a workbook: the allocation, regions and rules, parameters and this table')
    .action(analysis('runCompare'));
  analysisOptions(program.command('sweep').description("move one criterion's share of the weight from 0 to 100 %").argument('<scenario>', 'scenario file (YAML)'))
    .option('--criterion <column>', 'the criterion to sweep')
    .option('--steps <n>', 'number of points', '21')
    .action(analysis('runSweep'));
  analysisOptions(program.command('tipping').description("the weight shares at which each candidate's funded status changes").argument('<scenario>', 'scenario file (YAML)'))
    .option('--steps <n>', 'sweep points per criterion before bisection', '11')
    .action(analysis('runTipping'));
  analysisOptions(program.command('budget-sweep').description('the allocation as the envelope shrinks or grows, and what one more euro buys').argument('<scenario>', 'scenario file (YAML)'))
    .option('--from <euros>', 'smallest envelope (default: half the scenario\'s)')
    .option('--to <euros>', 'largest envelope (default: 1.5 times the scenario\'s)')
    .option('--steps <n>', 'number of envelopes', '21')
    .option('--xlsx <file>', 'write a workbook: the allocation, regions and rules, parameters and this table')
    .action(analysis('runBudgetSweep'));
  analysisOptions(program.command('robustness').description("how often each candidate is funded over weightings drawn around a policy, or over the reviewers' marks").argument('<scenario>', 'scenario file (YAML)'))
    .option('--samples <n>', 'number of weightings', '1000')
    .option('--spread <s>', 'how far weightings stray from the policy (0 = not at all)', '0.2')
    .option('--seed <n>', 'seed of the draws: the same seed gives the same result', '1')
    .option('--uniform', 'draw uniformly over all weightings instead')
    .option('--over <what>', "draw the weights, the reviewers' marks (resampled), or both: weights|marks|both", 'weights')
    .option('--xlsx <file>', 'write a workbook: the allocation, regions and rules, parameters and this table')
    .action(analysis('runRobustness'));
}

/** The bare command: the interactive simulator. */
function declareSimulator(program: Command, console: Console, setCode: SetCode): void {
  // Bare `enveloppe [scenario]`: the interactive simulator. Imported lazily, so that `solve` and
  // `validate` never load Ink or React.
  // Set after the subcommands, which must keep refusing extra words: the bare command gets them,
  // so that `enveloppe solv x.yaml` says "unknown command 'solv'" rather than "too many arguments".
  program.allowExcessArguments(true);
  addSolveOptions(program.argument('[scenario]', 'scenario file (default: the 2013 PTCE call)')).action(async (path: string | undefined, flags: SolveFlags) => {
    const words = program.args;
    if (words.length > 1 || (path !== undefined && !existsSync(path) && !/[./\\]/.test(path))) {
      const commands = program.commands.map((command) => command.name());
      const guess = closest(words[0] ?? '', commands);
      throw new UserError(`unknown command '${words[0] ?? ''}'`, { hint: guess === undefined ? `Commands: ${commands.join(', ')}. See 'enveloppe --help'.` : `Did you mean '${guess}'?`, exitCode: EXIT.usage });
    }
    const { runSimulator } = await import('../tui/launch.js');
    setCode(await runSimulator(path ?? DEFAULT_SCENARIO, flags, console));
  });
}

/** Where each command's exit code is put: an action cannot return it through Commander. */
type SetCode = (code: number) => void;

/** The `enveloppe` program: its commands, their options and help, each action calling its command. */
function buildProgram(console: Console, setCode: SetCode): Command {
  const program = new Command('enveloppe')
    .description('Share a budget envelope among candidate projects by linear optimisation weighted by selection criteria.')
    .version(version(), '-V, --version')
    .showSuggestionAfterError(true)
    // Options after a subcommand belong to it: the bare command shares their names.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: console.out, writeErr: console.err, outputError: (text, write) => write(oneLine(text)) });
  declareSolveCommands(program, console, setCode);
  declareAnalysisCommands(program, console, setCode);
  declareSimulator(program, console, setCode);
  return program;
}

/** Runs the command line and resolves to the exit code. */
export async function main(argv: readonly string[], console: Console): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(console, (value) => {
    code = value;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UserError || (error instanceof Error && error.cause instanceof UserError)) {
      const mistake = error instanceof UserError ? error : (error.cause as UserError);
      console.err(`enveloppe: ${mistake.format()}\n`);
      return mistake.exitCode;
    }
    throw error;
  } finally {
    await stopJslpWorker();
  }
  return code;
}
