/**
 * The `enveloppe` command: parses flags, calls a command, renders one message per mistake.
 * Exit codes: 0 ok, 1 error, 2 usage, 3 infeasible. Data goes to stdout, messages to stderr.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UserError } from '../domain/errors.js';
import { stopJslpWorker } from '../solver/jslp-runner.js';
import { EXIT } from './options.js';
import { runSolve, runValidate, type Console, type SolveFlags } from './solve-command.js';

/** The scenario `npm start` and a bare `enveloppe` open: the 2013 call shipped with the package. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/ptce-2013.yaml', import.meta.url));

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

function addSolveOptions(command: Command): Command {
  return command
    .option('--policy <name>', "weighting policy of the scenario (default: the scenario's first)")
    .option('--weights <list>', 'weights replacing the policy\'s, e.g. utilite_sociale=3,perennite_emplois=2 (others get 0)')
    .option('--json', 'print the allocation as JSON')
    .option('--csv <file>', 'write the allocation table to a CSV file')
    .option('--excel', 'with --csv: French Excel format (;, decimal comma, UTF-8 BOM, CRLF)')
    .option('--lp <file>', 'write the model in CPLEX LP format, for any other solver')
    .option('--solver <engine>', 'jslp, highs or auto', 'auto')
    .option('--time-limit <seconds>', 'give up after this many seconds', '20')
    .option('--all', 'list the candidates that get nothing too');
}

/** Runs the command line and resolves to the exit code. */
export async function main(argv: readonly string[], console: Console): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command('enveloppe')
    .description('Share a budget envelope among candidate projects by linear optimisation weighted by selection criteria.')
    .version(version(), '-V, --version')
    .showSuggestionAfterError(true)
    // Options after a subcommand belong to it: the bare command shares their names.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: console.out, writeErr: console.err });

  addSolveOptions(
    program
      .command('solve')
      .description('compute the allocation of a scenario and print it')
      .argument('<scenario>', 'scenario file (YAML)'),
  ).action(async (path: string, flags: SolveFlags) => {
    code = await runSolve(path, flags, console);
  });

  program
    .command('validate')
    .description('check a scenario and its candidates file, and that some allocation satisfies the rules')
    .argument('<scenario>', 'scenario file (YAML)')
    .action(async (path: string) => {
      code = await runValidate(path, console);
    });

  // Bare `enveloppe [scenario]`: the simulator's place. Until the TUI lands it prints the allocation.
  addSolveOptions(program.argument('[scenario]', 'scenario file (default: the 2013 PTCE call)')).action(async (path: string | undefined, flags: SolveFlags) => {
    code = await runSolve(path ?? DEFAULT_SCENARIO, flags, console);
  });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof UserError) {
      console.err(`enveloppe: ${error.format()}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    await stopJslpWorker();
  }
  return code;
}
