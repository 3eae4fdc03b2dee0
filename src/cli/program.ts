/**
 * The `enveloppe` program for Commander, built from the command schemas of options/commands.ts: each
 * option's flag, default and help are read there, in the user's language. Actions are attached by
 * main.ts.
 */
import { readFileSync } from 'node:fs';
import { Command, Option, type HelpConfiguration } from 'commander';
import type { Lang } from '../domain/lang.js';
import { COMMANDS, PROGRAM, type CommandName } from '../options/commands.js';
import type { CommandSpec } from '../options/schema.js';
import type { Console } from '../options/flags.js';
import { WORDS } from './words.js';

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/** Adds a schema's arguments and options to a command. */
function declare(command: Command, spec: CommandSpec, lang: Lang): Command {
  for (const argument of spec.arguments) command.argument(argument.name, argument.help[lang]);
  for (const option of Object.values(spec.options)) {
    const made = new Option(option.flags, option.help[lang]);
    if (option.default !== undefined) made.default(option.default);
    if (option.required === true) made.makeOptionMandatory();
    if (option.hidden === true) made.hideHelp();
    command.addOption(made);
  }
  return command;
}

/**
 * The help's layout: Commander's, except that a hidden option (`--lang`) does not add `[options]` to
 * a command's line in the list of commands. In French, Commander's own words too: the headings,
 * `(default: …)`, the help and version switches; English keeps Commander's, byte for byte.
 */
function configureHelp(program: Command, lang: Lang): void {
  const words = WORDS[lang];
  const configuration: HelpConfiguration = {
    subcommandTerm: (command) => {
      const options = command.options.some((option) => !option.hidden) ? ' [options]' : '';
      const args = command.registeredArguments.map((argument) => (argument.required ? `<${argument.name()}>` : `[${argument.name()}${argument.variadic ? '...' : ''}]`)).join(' ');
      return `${command.name()}${options}${args === '' ? '' : ` ${args}`}`;
    },
  };
  if (lang === 'fr') {
    configuration.styleTitle = (title) => words.helpTitles[title] ?? title;
    configuration.optionDescription = (option) => (option.defaultValue === undefined ? option.description : `${option.description} (${words.byDefault}${JSON.stringify(option.defaultValue)})`);
  }
  program.configureHelp(configuration);
  if (lang === 'fr') program.helpOption('-h, --help', words.helpSwitch).helpCommand('help [command]', words.helpCommand);
}

/** Where Commander's messages go, and how its errors are turned into one line of ours. */
export interface ProgramOutput {
  readonly console: Console;
  readonly oneLine: (text: string) => string;
}

/** The program and its commands by name, in `lang`; actions are not attached yet. */
export function buildProgram(lang: Lang, output: ProgramOutput): { program: Command; commands: Readonly<Record<CommandName, Command>> } {
  const program = new Command('enveloppe')
    .description(PROGRAM.description[lang])
    .version(version(), '-V, --version', WORDS[lang].versionSwitch)
    .showSuggestionAfterError(true)
    // Options after a subcommand belong to it: the bare command shares their names.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: output.console.out, writeErr: output.console.err, outputError: (text, write) => write(output.oneLine(text)) });
  configureHelp(program, lang);
  const commands = Object.fromEntries(
    Object.entries(COMMANDS).map(([name, spec]) => [name, declare(program.command(name).description(spec.description[lang]), spec, lang)]),
  ) as Record<CommandName, Command>;
  return { program, commands };
}

/** The bare command's argument and options, declared last: it takes the words the subcommands leave. */
export function declareBareCommand(program: Command, lang: Lang): Command {
  return declare(program, PROGRAM, lang);
}
