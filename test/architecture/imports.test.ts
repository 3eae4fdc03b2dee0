/** The layers of src/ (scripts/layers.ts): a wrong-way import fails `npm test` with the file, the line and the rule. */
import { describe, expect, test } from 'vitest';
import { checkImports, importsOf, ROOT, sourceFiles } from '../../scripts/layers.js';

describe('imports flow one way', () => {
  test('no file of src/ imports against the layers', () => {
    const files = sourceFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    expect(checkImports(files).map((violation) => violation.text)).toEqual([]);
  });

  test('a wrong-way import is caught, with its file and line', () => {
    const wrong = [
      { file: 'src/io/export.ts', source: "import type { Allocation } from '../domain/allocation.js';\nimport { allocate } from '../analysis/allocation.js';\n" },
      { file: 'src/tui/launch.ts', source: "import { EXIT } from '../cli/options.js';\n" },
      { file: 'src/cli/run.ts', source: "const tui = await import('../tui/app.js');\n" },
      { file: 'src/domain/names.ts', source: "export { closest } from '../scoring/formula.js';\n" },
      { file: 'src/solver/x.ts', source: "import { readFileSync } from 'node:fs';\nimport { render } from 'ink';\nconst cols = process.stdout.columns;\n" },
      { file: 'src/tui/state.ts', source: "import { join } from 'node:path';\n" },
      { file: 'src/helpers/misc.ts', source: '' },
    ];
    expect(checkImports(wrong).map((violation) => violation.text)).toEqual([
      "src/io/export.ts:2: io may not import analysis ('../analysis/allocation.js'); io may import domain (scripts/layers.ts)",
      "src/tui/launch.ts:1: tui may not import cli ('../cli/options.js'); tui may import domain, scoring, model, solver, analysis, io, options, report (scripts/layers.ts)",
      "src/cli/run.ts:1: cli may not import tui ('../tui/app.js'); cli may import domain, scoring, model, solver, analysis, io, options, report (scripts/layers.ts)",
      "src/domain/names.ts:1: domain may not import scoring ('../scoring/formula.js'); domain may import nothing outside itself (scripts/layers.ts)",
      "src/solver/x.ts:1: the core (domain, scoring, model, solver, analysis) may not import 'node:fs': it computes, it does not draw, read files or run programs",
      "src/solver/x.ts:2: the core (domain, scoring, model, solver, analysis) may not import 'ink': it computes, it does not draw, read files or run programs",
      "src/solver/x.ts:3: the core may not use 'process.stdout': pass what it needs as an argument",
      "src/tui/state.ts:1: this module is pure and may not import 'node:path'",
      'src/helpers/misc.ts is in no layer: put it in a folder of scripts/layers.ts (LAYERS), or add its folder there with what it may import',
    ]);
  });

  test('the one line that starts the simulator is allowed, and only it', () => {
    expect(checkImports([{ file: 'src/cli/main.ts', source: "const { runSimulator } = await import('../tui/launch.js');\n" }])).toEqual([]);
    expect(checkImports([{ file: 'src/cli/main.ts', source: "import { App } from '../tui/app.js';\n" }])).toHaveLength(1);
  });

  test('imports are read from code, not from comments or text handed to a worker', () => {
    const source = [
      "/** Loading `import('mathjs')` takes a second. */",
      "// import { x } from '../cli/x.js';",
      "import type { A } from './a.js';",
      "export { b } from '../b.js';",
      "import 'side-effect';",
      "const worker = `import('tsx/esm/api')`;",
      "const lazy = await import('./lazy.js');",
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: './a.js', line: 3 },
      { specifier: '../b.js', line: 4 },
      { specifier: 'side-effect', line: 5 },
      { specifier: './lazy.js', line: 7 },
    ]);
  });
});
