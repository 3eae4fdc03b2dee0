/** The bare command outside a terminal, NO_COLOR, and the promise that `enveloppe solve` never loads Ink. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../src/cli/main.js';
import { prepareEnvironment, runSimulator, type Terminal } from '../../src/tui/launch.js';

function buffers(): { out: string[]; err: string[]; console: { out: (text: string) => void; err: (text: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, console: { out: (text) => void out.push(text), err: (text) => void err.push(text) } };
}

describe('not in a terminal', () => {
  test('one line on stderr pointing to enveloppe solve, exit 2', async () => {
    const io = buffers();
    const terminal = { stdin: { isTTY: false }, stdout: { isTTY: true } } as unknown as Terminal;
    expect(await runSimulator('scenarios/tiny.yaml', {}, io.console, terminal)).toBe(2);
    expect(io.out).toEqual([]);
    expect(io.err).toEqual(["enveloppe: the simulator needs a terminal (stdin and stdout are not both a TTY); to print the allocation instead, run 'enveloppe solve scenarios/tiny.yaml'.\n"]);
  });

  test('the bare command through main(), with the test runner’s pipes', async () => {
    const io = buffers();
    expect(process.stdout.isTTY === true && process.stdin.isTTY === true).toBe(false);
    expect(await main(['scenarios/tiny.yaml'], io.console)).toBe(2);
    expect(io.err.join('')).toMatch(/^enveloppe: the simulator needs a terminal .*'enveloppe solve scenarios\/tiny\.yaml'\.\n$/);
  });

  test('output flags belong to solve: a usage error says so', async () => {
    const io = buffers();
    expect(await main(['scenarios/tiny.yaml', '--json'], io.console)).toBe(2);
    expect(io.err.join('')).toBe("enveloppe: --json: --json belongs to 'enveloppe solve'; the bare command opens the simulator. Run 'enveloppe solve scenarios/tiny.yaml --json'.\n");
  });
});

describe('the environment Ink starts in', () => {
  test('NO_COLOR becomes FORCE_COLOR=0, CI no longer hides the live screen, React runs its production build', () => {
    const env: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: 'true' };
    prepareEnvironment(env);
    expect(env).toEqual({ NO_COLOR: '1', FORCE_COLOR: '0', CI: 'false', NODE_ENV: 'production' });
    const empty: NodeJS.ProcessEnv = { NO_COLOR: '' };
    prepareEnvironment(empty);
    expect(empty['FORCE_COLOR']).toBeUndefined();
    // A developer who asks for React's checks keeps them.
    const developer: NodeJS.ProcessEnv = { NODE_ENV: 'development' };
    prepareEnvironment(developer);
    expect(developer['NODE_ENV']).toBe('development');
  });
});

/** Files statically imported from `file` (dynamic `await import()` excluded), resolved from .js to .ts/.tsx. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
    const specifier = match[1] ?? match[2] ?? '';
    if (!specifier.startsWith('.')) {
      seen.add(specifier);
      continue;
    }
    const base = resolve(dirname(file), specifier).replace(/\.js$/, '');
    const next = [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
    if (next !== undefined) staticImports(next, seen);
  }
  return seen;
}

describe('loading', () => {
  test('the command line imports no Ink and no React until the simulator opens', () => {
    const cli = [...staticImports(resolve('src/cli/run.ts'))];
    expect(cli).toContain('commander');
    expect(cli.filter((name) => /^(ink|react)(\/|$)|src\/tui\//.test(name))).toEqual([]);
    // launch.ts checks the terminal and sets FORCE_COLOR before Ink (and chalk) are imported.
    const launch = [...staticImports(resolve('src/tui/launch.ts'))];
    expect(launch.filter((name) => /^(ink|react)(\/|$)|chalk/.test(name))).toEqual([]);
    expect(readFileSync('src/cli/main.ts', 'utf8')).toContain("await import('../tui/launch.js')");
    expect(readFileSync('src/tui/launch.ts', 'utf8')).toContain("import('./screen.js')");
  });
});
