/** Runs the task the reducer asked for (save a policy, export a CSV) and reports how it went. */
import { relative } from 'node:path';
import { useEffect, type Dispatch } from 'react';
import { UserError } from '../../domain/errors.js';
import { formatEuros } from '../../domain/money.js';
import { allocationCsv } from '../../io/allocation-export.js';
import { reportFromSimulator } from '../../report/trace.js';
import type { Services } from '../services.js';
import type { Action } from '../state.js';
import type { Task } from '../prompt/state.js';

export function useTasks(task: Task | undefined, dispatch: Dispatch<Action>, services: Services): void {
  useEffect(() => {
    if (task === undefined) return;
    let live = true;
    run(task, services).then(
      (text) => live && dispatch({ type: 'taskDone', id: task.id, ok: true, text }),
      (error: unknown) => live && dispatch({ type: 'taskDone', id: task.id, ok: false, text: error instanceof UserError ? error.format() : `Failed: ${(error as Error).message}` }),
    );
    return () => {
      live = false;
    };
  }, [task, dispatch, services]);
}

async function run(task: Task, services: Services): Promise<string> {
  if (task.kind === 'save') {
    await services.savePolicy(task.file, task.policy.name, task.policy.weights, task.policy.label, task.policy.returns);
    return `Saved policy '${task.policy.name}' to ${shown(task.file)}; it is now the active policy.`;
  }
  const { allocation } = task;
  // A name ending in .html: the committee's report for the allocation on screen (docs/report.md).
  if (/\.html?$/i.test(task.path) && task.scenario !== undefined) {
    await services.writeOutput(task.path, reportFromSimulator(task.scenario, allocation), task.inputs, 'report');
    return `Wrote the committee's report to ${task.path}; open it in a browser and print it to PDF.`;
  }
  await services.writeOutput(task.path, allocationCsv(allocation, { excel: task.excel }), task.inputs, 'CSV');
  return `Wrote ${allocation.candidates.length} rows + total (${formatEuros(allocation.spent)}) to ${task.path} (${task.excel ? 'French Excel' : 'plain CSV'}).`;
}

function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}
