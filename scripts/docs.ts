/**
 * The generated parts of README.md and docs/*.md: command outputs and the simulator's frames on the
 * shipped scenarios, re-run from the code, and the layer table of scripts/layers.ts. A region is
 *
 *   <!-- generated:NAME -->
 *   … whatever GENERATORS[NAME] writes …
 *   <!-- /generated -->
 *
 *   npm run docs                # rewrites every region
 *   npm run docs -- --check     # exit 1, naming each region that differs (test/docs/generated.test.ts runs it in npm test)
 *
 * Commands run in this process through the CLI's own `main`, as `npx enveloppe …` would; frames are
 * drawn by ink-testing-library as the simulator's tests draw them (solve times shown as `N ms`).
 * Whatever solves the 2013 call here uses HiGHS, whose answer does not depend on the machine's speed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchTable, type BenchRun } from '../bench/table.js';
import { main } from '../src/cli/main.js';
import type { Lang } from '../src/domain/lang.js';
import type { Scenario } from '../src/domain/types.js';
import { loadScenario } from '../src/io/scenario.js';
import { stopJslpWorker } from '../src/solver/jslp-runner.js';
import { drive, KEYS, settled, type Driven } from '../test/tui/drive.js';
import { CORE_FORBIDDEN, EXCEPTIONS, LAYERS, PURE_EXCEPT, ROOT } from './layers.js';

const OPEN = /<!-- generated:([a-z0-9-]+) -->\n/g;
const CLOSE = '<!-- /generated -->';

/** `npx enveloppe ARGS` run through the CLI's `main` in `ROOT`: what it prints on standard output. */
async function enveloppe(args: readonly string[]): Promise<string> {
  let out = '';
  const code = await main(args, { out: (text) => (out += text), err: () => undefined });
  if (code !== 0) throw new Error(`enveloppe ${args.join(' ')} exited with ${code}`);
  return out;
}

/** A shell block: the command, then its output (cut by `keep`, with `...` where lines were left out). */
async function shell(args: readonly string[], keep: (lines: string[]) => (string | undefined)[] = (lines) => lines): Promise<string> {
  const lines = (await enveloppe(args)).replace(/\n+$/, '').split('\n');
  const kept = keep(lines).map((line) => line ?? '...');
  return ['```', `$ npx enveloppe ${args.join(' ')}`, ...kept, '```', ''].join('\n');
}

/** The first `count` lines, then `...`, then from the first line starting with `from` to the end (or `tail` lines). */
function headAndFrom(count: number, from: string, tail?: number) {
  return (lines: string[]): (string | undefined)[] => {
    const start = lines.findIndex((line, index) => index >= count && line.startsWith(from));
    const rest = start < 0 ? [] : lines.slice(start, tail === undefined ? undefined : start + tail);
    return [...lines.slice(0, count), undefined, ...rest, ...(tail !== undefined && start + tail < lines.length ? [undefined] : [])];
  };
}

function block(text: string): string {
  return ['```', text.replace(/\n+$/, ''), '```', ''].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The simulator: one session on the 2013 call, each view captured as a person would reach it.

interface Frames {
  readonly readme: string;
  readonly views: Readonly<Record<string, string>>;
}

let framesOnce: Promise<Frames> | undefined;

async function simulatorFrames(): Promise<Frames> {
  const ptce = await loadScenario(join(ROOT, 'scenarios/ptce-2013.yaml'));
  // The README shows the screen a French officer meets: the simulator under a French locale.
  const readme = await session(ptce, { columns: 120, rows: 26 }, async (app) => app.until(settled, 60_000), 'fr');
  const views: Record<string, string> = {};
  await session(ptce, { columns: 120, rows: 40 }, async (app) => {
    views['allocation'] = await app.until(settled, 60_000);
    // The analyses first, on the policy's own weights.
    const done = (text: string) => (frame: string): boolean => frame.includes(text) && !/Solving |Starting…|Enter runs it/.test(frame);
    await app.press('5');
    views['compare'] = await app.until(done('laureates in common'), 60_000);
    // Sweep of Pérennité des emplois créés, the 7th criterion.
    await app.press('6', ...Array<string>(6).fill(KEYS.right));
    views['sweep'] = await app.until(done('Funded along the sweep'), 60_000);
    await app.press('8');
    views['robustness'] = await app.until(done('Mean grant'), 60_000);
    // Weights: the cursor is still on Pérennité des emplois créés (the sweep moved it there); three
    // Shift+→ (5 points each), each solve let through before the next key, so that "what moved with
    // the last solve" is always the same.
    await app.press('2');
    const chosen = (frame: string): string => frame.split('\n').find((line) => line.startsWith('›')) ?? '';
    for (let press = 0; press < 3; press++) {
      const before = chosen(await app.until(settled, 60_000));
      await app.press(KEYS.shiftRight);
      await app.until((frame) => settled(frame) && chosen(frame) !== before && frame.includes('What moved'), 60_000);
    }
    views['weights'] = app.frame();
    await app.press('1', KEYS.enter);
    views['detail'] = await app.until('Rules it counts towards', 60_000);
    await app.press(KEYS.escape, '3');
    views['budget'] = await app.until('Budget of the call', 60_000);
    await app.press('4');
    views['summary'] = await app.until('Spend by region', 60_000);
    // An infeasible edit: at most 2 laureates (the 6th value of Budget).
    await app.press('3', ...Array<string>(5).fill(KEYS.down), KEYS.enter, KEYS.ctrlU, '2', KEYS.enter, '1');
    views['infeasible'] = await app.until((frame) => frame.includes('✗ infeasible') && frame.includes('What would fix it'), 60_000);
    return '';
  });
  return { readme, views };
}

/**
 * The captures solve with HiGHS: `auto` gives javascript-lp-solver 1.5 s before handing over to HiGHS,
 * so on a loaded machine it may answer with another allocation of the same optimum (a tie).
 */
async function session(scenario: Scenario, size: { columns: number; rows: number }, steps: (app: Driven) => Promise<string>, lang: Lang = 'en'): Promise<string> {
  const app = drive({ scenario, size, lang, solveOptions: { engine: 'highs' } });
  try {
    return await steps(app);
  } finally {
    app.unmount();
  }
}

function frames(): Promise<Frames> {
  framesOnce ??= simulatorFrames();
  return framesOnce;
}

async function view(name: string): Promise<string> {
  const text = (await frames()).views[name];
  if (text === undefined) throw new Error(`no frame '${name}'`);
  return block(text);
}

// ---------------------------------------------------------------------------------------------
// The layers, from the rule the tests check.

function layerTable(): string {
  const rows = LAYERS.map((layer) => `| \`src/${layer.name}\` | ${layer.holds} | ${layer.imports.length === 0 ? 'nothing' : layer.imports.map((name) => `\`${name}\``).join(', ')} |`);
  const exceptions = EXCEPTIONS.map((exception) => `- \`${exception.from}\` → \`${exception.to}\`: ${exception.why}.`);
  return [
    '| folder | what lives there | may import (besides itself) |',
    '|---|---|---|',
    ...rows,
    '',
    `The core (${LAYERS.filter((layer) => layer.core).map((layer) => `\`${layer.name}\``).join(', ')}) never imports ${CORE_FORBIDDEN.filter((name) => !name.startsWith('node:')).map((name) => `\`${name}\``).join(', ')} (nor their \`node:\` forms) and never reads \`process\`. Every \`.ts\` file of \`src/tui/\` but ${PURE_EXCEPT.map((file) => `\`${file}\``).join(', ')} is pure: no Node built-in, no Ink, no React (the views are \`.tsx\`).`,
    '',
    'Crossings allowed on purpose:',
    '',
    ...exceptions,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** What each region holds. */
export const GENERATORS: Readonly<Record<string, () => Promise<string>>> = {
  'tui-readme': async () => block((await frames()).readme),
  'tui-allocation': () => view('allocation'),
  'tui-weights': () => view('weights'),
  'tui-detail': () => view('detail'),
  'tui-budget': () => view('budget'),
  'tui-summary': () => view('summary'),
  'tui-infeasible': () => view('infeasible'),
  'tui-compare': () => view('compare'),
  'tui-sweep': () => view('sweep'),
  'tui-robustness': () => view('robustness'),
  'solve-2013': () => shell(['solve', 'scenarios/ptce-2013.yaml', '--solver', 'highs'], headAndFrom(9, 'Envelope', 4)),
  'compare-2013': () => shell(['compare', 'scenarios/ptce-2013.yaml', '--policies', 'equilibre,emploi'], headAndFrom(6, 'Totals', 7)),
  'solve-tiny': () => shell(['solve', 'scenarios/tiny.yaml', '--all', '--solver', 'jslp']),
  'solve-tiny-emploi': () => shell(['solve', 'scenarios/tiny.yaml', '--policy', 'emploi', '--solver', 'jslp']),
  'sweep-2013': () => shell(['sweep', 'scenarios/ptce-2013.yaml', '--criterion', 'perennite_emplois', '--steps', '11']),
  'budget-sweep-2013': () => shell(['budget-sweep', 'scenarios/ptce-2013.yaml', '--from', '2000000', '--to', '4000000', '--steps', '5']),
  'robustness-2013': () => shell(['robustness', 'scenarios/ptce-2013.yaml', '--samples', '100'], (lines) => [...lines.slice(0, 20), undefined]),
  layers: async () => layerTable(),
  // The last published run of `npm run bench` (docs/bench.json, written by `npm run bench:publish`).
  bench: async () => `${benchTable(JSON.parse(readFileSync(join(ROOT, 'docs/bench.json'), 'utf8')) as BenchRun)}\n`,
};

/** The markdown files that may hold regions: README.md and docs/*.md. */
export function markdownFiles(root: string = ROOT): string[] {
  const docs = readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => join(root, 'docs', name));
  return [join(root, 'README.md'), ...docs];
}

/** A file's text with every region rewritten, and the names of the regions that changed; throws on an unknown name or a region left open. */
export async function regenerate(text: string, file: string, generate: (name: string) => Promise<string>): Promise<{ text: string; changed: string[] }> {
  let result = '';
  let at = 0;
  const changed: string[] = [];
  for (const match of text.matchAll(OPEN)) {
    const start = match.index + match[0].length;
    const end = text.indexOf(CLOSE, start);
    const name = match[1] ?? '';
    if (end < 0) throw new Error(`${file}: the region '${name}' has no ${CLOSE}`);
    const content = await generate(name);
    if (content !== text.slice(start, end)) changed.push(name);
    result += text.slice(at, start) + content;
    at = end;
  }
  return { text: result + text.slice(at), changed };
}

/** Rewrites (or, with `check`, only compares) every region; returns the regions that differed, as `file: name`. */
export async function run(check: boolean, root: string = ROOT): Promise<string[]> {
  const cache = new Map<string, Promise<string>>();
  const generate = (name: string): Promise<string> => {
    const generator = GENERATORS[name];
    if (generator === undefined) throw new Error(`unknown generated region '${name}': scripts/docs.ts knows ${Object.keys(GENERATORS).join(', ')}`);
    let made = cache.get(name);
    if (made === undefined) {
      made = generator();
      cache.set(name, made);
    }
    return made;
  };
  const differing: string[] = [];
  const previous = process.cwd();
  // The commands are shown as typed at the project's root, with relative paths.
  process.chdir(root);
  try {
    for (const file of markdownFiles(root)) {
      const text = readFileSync(file, 'utf8');
      const next = await regenerate(text, file, generate);
      differing.push(...next.changed.map((name) => `${relative(root, file)}: ${name}`));
      if (!check && next.changed.length > 0) writeFileSync(file, next.text);
    }
  } finally {
    process.chdir(previous);
    await stopJslpWorker();
  }
  return differing;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const differing = await run(check);
  if (differing.length === 0) {
    console.log('docs: every generated region is up to date');
  } else if (check) {
    console.error(`docs: ${differing.length} generated region(s) differ from what the code now writes:\n${differing.map((entry) => `  ${entry}`).join('\n')}\nRun 'npm run docs' and commit the result.`);
    process.exitCode = 1;
  } else {
    console.log(`docs: rewrote ${differing.map((entry) => entry).join(', ')}`);
  }
}
