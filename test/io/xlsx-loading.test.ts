/**
 * The spreadsheet library (about 0.4 s to load) is loaded only when a workbook is read or written:
 * the simulator and `solve` on a CSV never pay for it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBuild, ROOT } from '../cli/built.js';

requireBuild();

/** Loads a scenario with the built code in a fresh Node, and says whether exceljs was loaded. */
function loadsExceljs(scenario: string): boolean {
  const script = `
    import { createRequire } from 'node:module';
    const { loadScenario } = await import(${JSON.stringify(join(ROOT, 'dist/io/scenario.js'))});
    // The command line, and the simulator's modules as its first frame needs them.
    for (const file of ['dist/cli/main.js', 'dist/tui/launch.js', 'dist/tui/app.js']) await import(${JSON.stringify(ROOT)} + '/' + file);
    await loadScenario(${JSON.stringify(join(ROOT, scenario))});
    // exceljs is CommonJS: once loaded, its files sit in the CommonJS module cache.
    const cache = createRequire(import.meta.url).cache;
    process.stdout.write(String(Object.keys(cache).some((file) => file.includes('/node_modules/exceljs/'))));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  return run.stdout === 'true';
}

describe('exceljs loads on use', () => {
  it('is not loaded by the command line, the simulator and a CSV scenario, and is by a workbook scenario', () => {
    expect(loadsExceljs('scenarios/ptce-2013.yaml')).toBe(false);
    expect(loadsExceljs('scenarios/ptce-2015-portail.yaml')).toBe(true);
  }, 60_000);
});
