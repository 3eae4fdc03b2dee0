/**
 * Runs many allocations of one scenario in parallel, one worker thread per core, for the analyses
 * (sweeps, tipping points, envelope sweeps, robustness). Each worker keeps its own solver instance.
 * Results come back compact: the objective and the grant of each candidate, in scenario order.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Scenario } from '../domain/types.js';
import { startModuleWorker } from '../solver/threads.js';
import type { SolveOptions } from '../solver/types.js';
import type { Selection } from './allocation.js';

/** A job: a selection, and optionally the scenario changed (e.g. another envelope). */
export interface PoolJob {
  readonly selection: Selection;
  readonly envelopeScale?: number;
}

export type PoolResult =
  | { readonly status: 'optimal'; readonly objective: number; readonly grants: readonly number[] }
  | { readonly status: 'infeasible' | 'unbounded' | 'timedout' | 'failed'; readonly reason: string };

export interface PoolOptions {
  readonly solve?: Partial<SolveOptions>;
  /** Called after each finished job with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Aborting stops the workers at once; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** @default the machine's cores */
  readonly workers?: number;
}

export interface WorkerInit {
  readonly scenario: Scenario;
  readonly solve: Partial<SolveOptions>;
}

export interface WorkerJob {
  readonly index: number;
  readonly job: PoolJob;
}

export interface WorkerReply {
  readonly index: number;
  readonly result: PoolResult;
}

/** Solves every job; results are in job order, whatever order the workers finish in. */
export function runPool(scenario: Scenario, jobs: readonly PoolJob[], options: PoolOptions = {}): Promise<PoolResult[]> {
  const results: PoolResult[] = new Array<PoolResult>(jobs.length);
  if (jobs.length === 0) return Promise.resolve(results);
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const stop = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve(results);
      else reject(error instanceof Error ? error : new Error(String(error)));
    };
    if (options.signal?.aborted === true) {
      stop(options.signal.reason);
      return;
    }
    options.signal?.addEventListener('abort', () => stop(options.signal?.reason), { once: true });
    const feed = (worker: Worker): void => {
      if (next >= jobs.length) return;
      const index = next++;
      const job = jobs[index] as PoolJob;
      const message: WorkerJob = { index, job };
      worker.postMessage(message);
    };
    const init: WorkerInit = { scenario, solve: options.solve ?? {} };
    for (let i = 0; i < count; i++) {
      const worker = startModuleWorker(import.meta.url, 'pool-worker');
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        results[reply.index] = reply.result;
        done++;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) stop();
        else feed(worker);
      });
      worker.on('error', (error) => stop(error));
      worker.postMessage(init);
      feed(worker);
    }
  });
}
