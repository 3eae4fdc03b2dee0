import { basename, dirname, extname, join, relative } from 'node:path';

/** `scenarios/ptce-2013.yaml` → `scenarios/ptce-2013-allocation.csv`, relative to `cwd`. */
export function defaultExportPath(scenarioFile: string, cwd: string | undefined): string {
  if (scenarioFile === '') return 'allocation.csv';
  const target = join(dirname(scenarioFile), `${basename(scenarioFile, extname(scenarioFile))}-allocation.csv`);
  if (cwd === undefined) return target;
  const shown = relative(cwd, target);
  return shown === '' || shown.startsWith('..') ? target : shown;
}
