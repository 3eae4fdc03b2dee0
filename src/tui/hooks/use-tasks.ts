/** Runs the task the reducer asked for (save a policy, export a CSV) and reports how it went. */
import { relative } from 'node:path';
import { useEffect, type Dispatch } from 'react';
import { UserError } from '../../domain/errors.js';
import type { Lang } from '../../domain/lang.js';
import { MESSAGES } from '../messages.js';
import { wordsOf } from '../words.js';
import { allocationCsv } from '../../io/allocation-export.js';
import { reportFromSimulator } from '../../report/trace.js';
import type { Services } from '../services.js';
import type { Action } from '../state.js';
import type { Task } from '../prompt/state.js';

export function useTasks(task: Task | undefined, dispatch: Dispatch<Action>, services: Services, lang: Lang): void {
  useEffect(() => {
    if (task === undefined) return;
    let live = true;
    run(task, services, lang).then(
      (text) => live && dispatch({ type: 'taskDone', id: task.id, ok: true, text }),
      (error: unknown) => live && dispatch({ type: 'taskDone', id: task.id, ok: false, text: error instanceof UserError ? error.format(lang) : MESSAGES[lang].failed((error as Error).message) }),
    );
    return () => {
      live = false;
    };
  }, [task, dispatch, services, lang]);
}

async function run(task: Task, services: Services, lang: Lang): Promise<string> {
  const messages = MESSAGES[lang];
  if (task.kind === 'save') {
    await services.savePolicy(task.file, task.policy.name, task.policy.weights, task.policy.label, task.policy.returns);
    return messages.saved(task.policy.name, shown(task.file));
  }
  const { allocation } = task;
  // A name ending in .html: the committee's report for the allocation on screen (docs/report.md).
  if (/\.html?$/i.test(task.path) && task.scenario !== undefined) {
    await services.writeOutput(task.path, reportFromSimulator(task.scenario, allocation), task.inputs, 'report');
    return messages.wroteReport(task.path);
  }
  await services.writeOutput(task.path, allocationCsv(allocation, { excel: task.excel }), task.inputs, 'CSV');
  return messages.wroteCsv(allocation.candidates.length, wordsOf(lang).n.euros(allocation.spent), task.path, task.excel);
}

function shown(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}
