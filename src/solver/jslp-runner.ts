/**
 * Runs javascript-lp-solver in a worker thread with a hard time limit: its branch and bound can
 * run far past its own timeout, and a hang there must not freeze the command or the simulator.
 */
import type { Worker } from 'node:worker_threads';
import type { AllocationModel } from '../model/types.js';
import type { JslpReply, JslpRequest } from './jslp-worker.js';
import { startModuleWorker } from './threads.js';
import type { RawAnswer } from './types.js';

/** Grace beyond the solver's own time limit before the worker is terminated. */
const HARD_LIMIT_GRACE_MS = 2_000;

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, (answer: RawAnswer) => void>();

function startWorker(): Worker {
  const started = startModuleWorker(import.meta.url, 'jslp-worker');
  started.on('message', (reply: JslpReply) => {
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    // An idle worker must not keep the process alive; a busy one must.
    if (pending.size === 0) started.unref();
    resolve?.(reply.answer);
  });
  started.on('error', (error) => failAll(`javascript-lp-solver's worker failed: ${error.message}`));
  started.on('exit', () => {
    if (worker === started) worker = undefined;
    failAll("javascript-lp-solver's worker stopped");
  });
  started.unref();
  return started;
}

function failAll(reason: string): void {
  for (const [id, resolve] of pending) {
    pending.delete(id);
    resolve({ status: 'failed', reason });
  }
}

/** Solves in the worker; resolves `timedout` and restarts the worker when the hard limit passes. */
export function solveInJslpWorker(model: AllocationModel, timeLimitMs: number): Promise<RawAnswer> {
  worker ??= startWorker();
  const current = worker;
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if (!pending.has(id)) return;
      pending.delete(id);
      resolve({ status: 'timedout' });
      worker = undefined;
      void current.terminate();
    }, timeLimitMs + HARD_LIMIT_GRACE_MS);
    timer.unref();
    pending.set(id, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
    const request: JslpRequest = { id, model, timeLimitMs };
    current.ref();
    current.postMessage(request);
  });
}

/** Stops the worker, so that a process can exit at once. */
export async function stopJslpWorker(): Promise<void> {
  const current = worker;
  worker = undefined;
  if (current !== undefined) await current.terminate();
}
