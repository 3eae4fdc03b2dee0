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
import type { Selection, SolveStatus } from '../domain/allocation.js';

/** A job: a selection, and optionally the scenario changed (e.g. another envelope). */
export interface PoolJob {
  readonly selection: Selection;
  readonly envelopeScale?: number;
  /** Criterion values replacing each candidate's, in scenario order (marks drawn from the reviewers). */
  readonly criteria?: readonly Readonly<Record<string, number>>[];
}

export type PoolResult =
  | { readonly status: 'optimal'; readonly objective: number; readonly grants: readonly number[] }
  /** An analysis counts proven answers only: a `feasible` allocation comes back as `timedout`. */
  | { readonly status: Exclude<SolveStatus, 'optimal' | 'feasible'>; readonly reason: string };

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

/** A set of workers kept across batches: analyses that solve in rounds (tipping points) pay for starting workers once. */
export interface Pool {
  /** Solves every job; results are in job order, whatever order the workers finish in. */
  run(jobs: readonly PoolJob[], onProgress?: (done: number, total: number) => void): Promise<PoolResult[]>;
  close(): Promise<void>;
}

/** Starts the workers (one per core by default); aborting `signal` stops them and fails the batch under way. */
export function createPool(scenario: Scenario, options: PoolOptions = {}): Pool {
  const count = Math.max(1, options.workers ?? availableParallelism());
  const init: WorkerInit = { scenario, solve: options.solve ?? {} };
  const workers: Worker[] = [];
  let current: { onReply: (reply: WorkerReply) => void; fail: (error: unknown) => void } | undefined;
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    current?.fail(error);
  };
  const onAbort = (): void => {
    fail(options.signal?.reason);
    for (const worker of workers) void worker.terminate();
  };
  if (options.signal?.aborted === true) failure = options.signal.reason;
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const started = (): void => {
    if (workers.length > 0) return;
    for (let i = 0; i < count; i++) {
      const worker = startModuleWorker(import.meta.url, 'pool-worker');
      worker.on('message', (reply: WorkerReply) => current?.onReply(reply));
      worker.on('error', (error) => fail(error));
      worker.postMessage(init);
      workers.push(worker);
    }
  };
  return {
    run(jobs, onProgress) {
      const results: PoolResult[] = new Array<PoolResult>(jobs.length);
      if (failure !== undefined) return Promise.reject(asError(failure));
      if (jobs.length === 0) return Promise.resolve(results);
      started();
      return new Promise((resolve, reject) => {
        let next = 0;
        let done = 0;
        const owner = new Map<number, Worker>();
        const feed = (worker: Worker): void => {
          if (next >= jobs.length) return;
          const index = next++;
          owner.set(index, worker);
          const message: WorkerJob = { index, job: jobs[index] as PoolJob };
          worker.postMessage(message);
        };
        current = {
          onReply: (reply) => {
            results[reply.index] = reply.result;
            done++;
            onProgress?.(done, jobs.length);
            const worker = owner.get(reply.index);
            if (done === jobs.length) {
              current = undefined;
              resolve(results);
            } else if (worker !== undefined) feed(worker);
          },
          fail: (error) => {
            current = undefined;
            reject(asError(error));
          },
        };
        for (const worker of workers) feed(worker);
      });
    },
    async close() {
      options.signal?.removeEventListener('abort', onAbort);
      await Promise.all(workers.map((worker) => worker.terminate()));
      workers.length = 0;
    },
  };
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** Solves one batch on a pool started for it. */
export async function runPool(scenario: Scenario, jobs: readonly PoolJob[], options: PoolOptions = {}): Promise<PoolResult[]> {
  const pool = createPool(scenario, { ...options, workers: Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length)) });
  try {
    return await pool.run(jobs, options.onProgress);
  } finally {
    await pool.close();
  }
}
