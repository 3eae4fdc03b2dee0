/**
 * The import rule of src/: which folder may import which, and what the core must never import.
 * Checked by test/architecture/imports.test.ts (so `npm test` fails on a wrong-way import) and
 * printed into docs/architecture.md by scripts/docs.ts (so the page says what the test checks).
 *
 *   domain ← scoring ← model ← solver ← pipeline ← analysis     the core: pure functions from data to data
 *   io ← domain                                      files in and out; knows the domain words only
 *   options ← domain                                 command-line values both faces read
 *   cli, tui ← the core, io, options                 the two faces; never each other
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Layer {
  readonly name: string;
  /** What lives there, for the architecture page. */
  readonly holds: string;
  /** Folders of src/ this one may import (besides itself). */
  readonly imports: readonly string[];
  /** Part of the core: no Ink, React, files, child processes or `process`. */
  readonly core: boolean;
}

/**
 * The core as the faces and the report import it. `pipeline` is core too (its `core` flag below), but
 * it sits under `analysis`, and the faces reach the solve pipeline through `analysis/pipeline.ts`.
 */
const CORE = ['domain', 'scoring', 'model', 'solver', 'analysis'] as const;

export const LAYERS: readonly Layer[] = [
  { name: 'domain', holds: 'the words of a call: Candidate, Criterion, Policy, Rule, Scenario, Weights, engine names, a published Allocation, rule groups, typo suggestions; UserError; money formatting', imports: [], core: true },
  { name: 'scoring', holds: 'rescaling, weights, the formula sandbox, scores', imports: ['domain'], core: true },
  { name: 'model', holds: 'the MILP in neutral form, the LP writer, the year split, the solution check', imports: ['domain', 'scoring'], core: true },
  { name: 'solver', holds: 'the engines behind one interface (solve.ts); jslp in a worker', imports: ['domain', 'scoring', 'model'], core: true },
  { name: 'pipeline', holds: 'the solve pipeline, one way: score, build the model, solve with the canonical tie-break, publish from what the model holds; the session a face keeps', imports: ['domain', 'scoring', 'model', 'solver'], core: true },
  { name: 'analysis', holds: 'conflict explanations; compare, sweeps, tipping points, robustness, "why not us?"; the worker pool; the pipeline as the faces reach it', imports: ['domain', 'scoring', 'model', 'solver', 'pipeline'], core: true },
  { name: 'io', holds: 'CSV decoding and parsing, French numbers, scenario loading and schema, exports, decision records, safe writes', imports: ['domain'], core: false },
  { name: 'options', holds: 'command-line values both faces read: --policy, --weights, --solver, --time-limit; exit codes; the console', imports: ['domain'], core: false },
  { name: 'report', holds: "the committee's printable report: pure HTML from an allocation and its analyses, and its trace (input hashes)", imports: [...CORE, 'io'], core: false },
  { name: 'cli', holds: 'the `enveloppe` command: flags, commands, text reports', imports: [...CORE, 'io', 'options', 'report'], core: false },
  { name: 'tui', holds: 'the simulator: one folder per screen (its state, keys, lines, view), the store that routes, hooks', imports: [...CORE, 'io', 'options', 'report'], core: false },
];

/** Imports that cross the layers on purpose, each with its reason. */
export const EXCEPTIONS: readonly { readonly from: string; readonly to: string; readonly why: string }[] = [
  { from: 'src/cli/main.ts', to: 'src/tui/launch.ts', why: 'the one line that starts the simulator (a lazy import, so that `solve` never loads Ink)' },
  { from: 'src/io/scenario.ts', to: 'src/scoring/formula.ts', why: 'a score formula is compiled at load, so that a mistake gets the file and line' },
  { from: 'src/io/scenario.ts', to: 'src/scoring/score.ts', why: 'each formula is tried on every candidate at load, to name the one it fails on' },
  { from: 'src/io/reviews.ts', to: 'src/scoring/aggregate.ts', why: "reviewers' marks are aggregated at load, so that a mark off the scale or a conflict gets the file and line" },
];

/** Packages and built-ins the core never imports: it computes, it does not draw, read files or run programs. */
export const CORE_FORBIDDEN = ['ink', 'react', 'node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:child_process', 'child_process', 'node:process', 'process'];

/** Modules that say they are pure: no Node built-in, no Ink, no React. */
/**
 * The simulator's pure part: the store, each screen's state, keys and lines, and what they share. Only
 * the views (.tsx), the hooks, and the two files that start and run Ink touch Ink, React or Node.
 */
export const PURE_EXCEPT = ['src/tui/hooks/', 'src/tui/launch.ts', 'src/tui/screen.ts'];

/** Whether `file` is in the simulator's pure part. */
export function isPure(file: string): boolean {
  return file.startsWith('src/tui/') && file.endsWith('.ts') && !PURE_EXCEPT.some((except) => file.startsWith(except));
}

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/** Source text without comments, line breaks kept so that line numbers stay true. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module a source file imports: `import … from`, `export … from`, bare `import '…'` and `import('…')`. */
export function importsOf(source: string): { specifier: string; line: number }[] {
  const code = withoutComments(source);
  const found: { specifier: string; line: number }[] = [];
  const pattern = /\b(?:from|import)\s*\(?\s*(['"])([^'"\n]+)\1/g;
  for (const match of code.matchAll(pattern)) {
    const before = code.slice(0, match.index);
    // `import('…')` inside a template string is text handed to a worker, not an import of this file.
    if ((before.match(/`/g) ?? []).length % 2 === 1) continue;
    found.push({ specifier: match[2] ?? '', line: before.split('\n').length });
  }
  return found;
}

function layerOf(file: string): string | undefined {
  const [top, second] = file.split('/');
  return top === 'src' && second !== undefined && second.includes('.') === false ? second : undefined;
}

function moduleName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : specifier.startsWith('node:') ? specifier : (parts[0] ?? specifier);
}

/**
 * The wrong-way imports among `files` (paths relative to the project, `src/…`, with their text).
 * @example checkImports([{ file: 'src/io/x.ts', source: "import { allocate } from '../analysis/allocation.js';" }])
 */
export function checkImports(files: readonly { readonly file: string; readonly source: string }[]): Violation[] {
  const layers = new Map(LAYERS.map((layer) => [layer.name, layer]));
  const violations: Violation[] = [];
  for (const { file, source } of files) {
    const name = layerOf(file);
    const layer = name === undefined ? undefined : layers.get(name);
    if (layer === undefined) {
      violations.push({ file, line: 1, text: `${file} is in no layer: put it in a folder of scripts/layers.ts (LAYERS), or add its folder there with what it may import` });
      continue;
    }
    for (const { specifier, line } of importsOf(source)) {
      if (specifier.startsWith('.')) {
        const target = posix.normalize(posix.join(posix.dirname(file), specifier)).replace(/\.js$/, '.ts');
        const targetLayer = layerOf(target);
        if (targetLayer === undefined || targetLayer === layer.name) continue;
        const excepted = EXCEPTIONS.some((exception) => exception.from === file && exception.to.replace(/\.tsx?$/, '') === target.replace(/\.tsx?$/, ''));
        if (!layer.imports.includes(targetLayer) && !excepted) {
          violations.push({ file, line, text: `${file}:${line}: ${layer.name} may not import ${targetLayer} ('${specifier}'); ${layer.name} may import ${layer.imports.length === 0 ? 'nothing outside itself' : layer.imports.join(', ')} (scripts/layers.ts)` });
        }
        continue;
      }
      const module = moduleName(specifier);
      if (layer.core && CORE_FORBIDDEN.includes(module)) {
        violations.push({ file, line, text: `${file}:${line}: the core (${CORE.join(', ')}) may not import '${specifier}': it computes, it does not draw, read files or run programs` });
      }
      if (isPure(file) && (module.startsWith('node:') || module === 'ink' || module === 'react')) {
        violations.push({ file, line, text: `${file}:${line}: this module is pure and may not import '${specifier}'` });
      }
    }
    if (layer.core) {
      const code = withoutComments(source);
      const use = /\bprocess\s*\.\s*\w+/.exec(code);
      if (use !== null) {
        const line = code.slice(0, use.index).split('\n').length;
        violations.push({ file, line, text: `${file}:${line}: the core may not use '${use[0]}': pass what it needs as an argument` });
      }
    }
  }
  return violations;
}

/** Every .ts and .tsx file under `root`/src, with its text. */
export function sourceFiles(root: string): { file: string; source: string }[] {
  const files: { file: string; source: string }[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) files.push({ file: relative(root, path).split('\\').join('/'), source: readFileSync(path, 'utf8') });
    }
  };
  walk(join(root, 'src'));
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The project folder (scripts/..). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
