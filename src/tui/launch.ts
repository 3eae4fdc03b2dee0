/**
 * `enveloppe [scenario]`: checks the flags and the terminal, loads the scenario, then opens the
 * simulator. Ink and React load only here, lazily, after NO_COLOR has become FORCE_COLOR=0 (chalk
 * reads it when first imported), so that `enveloppe solve` never imports them.
 */
import { relative } from 'node:path';
import { UserError } from '../domain/errors.js';
import { langOf, parseLang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import { loadScenario } from '../io/scenario.js';
import { EXIT, parseWeights, policyName, solveChoice, type Console, type SolveFlags } from '../options/flags.js';

/** The streams the simulator takes over. */
export interface Terminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
}

/** Flags of `enveloppe solve` that only make sense when printing or writing an allocation. */
const BATCH_FLAGS = ['json', 'csv', 'excel', 'xlsx', 'lp', 'all'] as const;

export async function runSimulator(path: string, flags: SolveFlags, console: Console, terminal: Terminal = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  const shown = relative(process.cwd(), path) || path;
  // The language as main read it: --lang, else the locale.
  const lang = (flags.lang === undefined ? undefined : parseLang(flags.lang)) ?? langOf(process.env);
  const batch = BATCH_FLAGS.find((flag) => flags[flag] !== undefined);
  if (batch !== undefined) {
    const run = `enveloppe solve ${shown} --${batch}${batch === 'csv' || batch === 'xlsx' ? ' FILE' : ''}`;
    throw new UserError(
      { en: `--${batch} belongs to 'enveloppe solve'; the bare command opens the simulator`, fr: `--${batch} appartient à 'enveloppe solve'\u00a0; la commande seule ouvre le simulateur` },
      { field: `--${batch}`, hint: { en: `Run '${run}'.`, fr: `Lancez '${run}'.` }, exitCode: EXIT.usage },
    );
  }
  if (terminal.stdin.isTTY !== true || terminal.stdout.isTTY !== true) {
    console.err(
      lang === 'fr'
        ? `enveloppe: le simulateur a besoin d’un terminal (stdin et stdout ne sont pas tous deux un TTY)\u00a0; pour afficher la répartition, lancez 'enveloppe solve ${shown}'.\n`
        : `enveloppe: the simulator needs a terminal (stdin and stdout are not both a TTY); to print the allocation instead, run 'enveloppe solve ${shown}'.\n`,
    );
    return EXIT.usage;
  }
  // --solver and --time-limit read as every command reads them.
  const solveOptions = solveChoice(flags);
  prepareEnvironment(process.env);
  // Ink and React (~0.4 s) load while the scenario is read and checked: the first frame waits for the slower of the two only.
  const screen = import('./screen.js');
  screen.catch(() => undefined);
  const { scenario, checkFormulas } = await loadForScreen(path);
  const policy = policyName(scenario, flags.policy);
  const weights = flags.weights === undefined ? undefined : parseWeights(scenario, flags.weights);
  const { showSimulator } = await screen;
  return showSimulator({ scenario, policy, weights, solveOptions, lang }, terminal, checkFormulas);
}

/**
 * The scenario, read and checked as every command checks it but for its score formulas, and that
 * last check (it loads mathjs and reads the scenario again, ~0.1–0.25 s of the one core the start
 * runs on) to run once the first allocation is drawn: a mistake there closes the simulator with
 * the message `enveloppe solve` gives.
 */
async function loadForScreen(path: string): Promise<{ scenario: Scenario; checkFormulas: () => Promise<void> }> {
  let scenario: Scenario;
  try {
    scenario = await loadScenario(path, { checkFormulas: false });
  } catch (error) {
    // The full load's first mistake, a formula's included, as `enveloppe solve` reports it.
    if (error instanceof UserError) await loadScenario(path);
    throw error;
  }
  const formulas = scenario.policies.some((policy) => policy.score !== undefined);
  const checkFormulas = async (): Promise<void> => {
    // Loaded again in full: the check needs the file's lines for its message.
    if (formulas) await loadScenario(path);
  };
  return { scenario, checkFormulas };
}

/**
 * NO_COLOR (any non-empty value, no-color.org) becomes FORCE_COLOR=0, which chalk honours under Ink.
 * In a real terminal the live screen is wanted even when CI is set: Ink would print only the last frame.
 * React runs its production build unless NODE_ENV asks otherwise: its development build checks
 * every render and took half of a weight key's time to the new frame (docs/speed.md).
 */
export function prepareEnvironment(env: NodeJS.ProcessEnv): void {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') env['FORCE_COLOR'] = '0';
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (env[name] !== undefined) env[name] = 'false';
  env['NODE_ENV'] ??= 'production';
}
