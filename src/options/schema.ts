/**
 * How a command's options are declared: once, as data, with their help in both languages and their
 * default. The command line builds its parser and its help from these schemas (cli/program.ts), and
 * the flags' types are derived from them, so that an option, its type, its default and its help
 * cannot disagree.
 */
import type { Bilingual } from '../domain/lang.js';

/** One option of a command. */
export interface OptionSpec {
  /** As typed, with its value's name: `--policy <name>`; a switch has none: `--json`. */
  readonly flags: string;
  /** What it does, as `--help` says it. */
  readonly help: Bilingual;
  /** The value when the flag is absent, as `--help` shows it (`(default: "20")`). */
  readonly default?: string;
  /** Refused when absent. @default false */
  readonly required?: boolean;
  /** Accepted, and left out of `--help`. @default false */
  readonly hidden?: boolean;
}

/** A command's options by the name its flags object gives them (`--time-limit` → `timeLimit`). */
export type OptionSchema = Readonly<Record<string, OptionSpec>>;

/** A flag with a value (`--policy <name>`) gives a string, a switch (`--json`) true. */
type ValueOf<Spec extends OptionSpec> = Spec['flags'] extends `${string}<${string}>` ? string : boolean;

/** The flags object a command receives, derived from its schema. */
export type FlagsOf<Schema extends OptionSchema> = { readonly [Name in keyof Schema]?: ValueOf<Schema[Name]> };

/** An argument of a command: `<scenario>`, `[scenario]`. */
export interface ArgumentSpec {
  readonly name: string;
  readonly help: Bilingual;
}

/** A command: what it does, its arguments, its options. */
export interface CommandSpec {
  readonly description: Bilingual;
  readonly arguments: readonly ArgumentSpec[];
  readonly options: OptionSchema;
}
