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

/**
 * A set of workers kept across batches: analyses that solve in rounds (tipping points) pay for
 * starting workers once, and batches run at the same time share them (one queue, first come first
 * served), so that one criterion's short round does not leave a core idle.
 */
export interface Pool {
  /** Solves every job; results are in job order, whatever order the workers finish in. */
  run(jobs: readonly PoolJob[], onProgress?: (done: number, total: number) => void): Promise<PoolResult[]>;
  close(): Promise<void>;
}

/** A job waiting for a worker, and what to do with its result. */
interface Queued {
  readonly job: PoolJob;
  readonly settle: (result: PoolResult) => void;
}

interface Batch {
  readonly fail: (error: Error) => void;
}

/** Jobs handed to a worker at once: the one it solves and the next. */
const JOBS_PER_WORKER = 2;

/** Starts the workers (one per core by default); aborting `signal` stops them and fails every batch under way. */
export function createPool(scenario: Scenario, options: PoolOptions = {}): Pool {
  const count = Math.max(1, options.workers ?? availableParallelism());
  const init: WorkerInit = { scenario, solve: options.solve ?? {} };
  const workers: Worker[] = [];
  /** Free slots, a worker once for each job it could take now. */
  const idle: Worker[] = [];
  const queue: Queued[] = [];
  /** Jobs handed out, by the index their reply carries. */
  const running = new Map<number, Queued>();
  const batches = new Set<Batch>();
  let nextIndex = 0;
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const batch of batches) batch.fail(asError(failure));
    batches.clear();
    queue.length = 0;
    running.clear();
  };
  const onAbort = (): void => {
    fail(options.signal?.reason);
    for (const worker of workers) void worker.terminate();
  };
  if (options.signal?.aborted === true) failure = options.signal.reason;
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const feed = (worker: Worker): void => {
    const entry = queue.shift();
    if (entry === undefined) {
      idle.push(worker);
      return;
    }
    const index = nextIndex++;
    running.set(index, entry);
    const message: WorkerJob = { index, job: entry.job };
    worker.postMessage(message);
  };
  const started = (): void => {
    if (workers.length > 0) return;
    for (let i = 0; i < count; i++) {
      const worker = takeWorker();
      worker.on('message', (reply: WorkerReply) => {
        const entry = running.get(reply.index);
        running.delete(reply.index);
        entry?.settle(reply.result);
        feed(worker);
      });
      worker.on('error', (error) => fail(error));
      worker.postMessage(init);
      workers.push(worker);
      // A slot per job a worker may hold: with a second job waiting in it, a worker does not idle
      // while this thread is busy (drawing, scoring the draws) before it hands out the next.
      for (let slot = 0; slot < JOBS_PER_WORKER; slot++) idle.push(worker);
    }
  };
  return {
    run(jobs, onProgress) {
      if (failure !== undefined) return Promise.reject(asError(failure));
      if (jobs.length === 0) return Promise.resolve([]);
      started();
      const batch = queueBatch(jobs, queue, batches, onProgress);
      while (idle.length > 0 && queue.length > 0) feed(idle.shift() as Worker);
      return batch;
    },
    async close() {
      options.signal?.removeEventListener('abort', onAbort);
      await Promise.all(workers.map((worker) => worker.terminate()));
      workers.length = 0;
      idle.length = 0;
    },
  };
}

/** Workers started ahead (prestartPool), not yet taken by a pool, each with whether it is still alive. */
const ahead: { readonly worker: Worker; alive: boolean }[] = [];

/**
 * Starts the pool's workers before the caller has a scenario to give them: a command does it before
 * it reads the scenario, so that the workers load their modules and the solvers' WebAssembly
 * meanwhile (on the 2013 call, about a quarter of a second of a tipping run). Until a pool takes
 * them they do not keep the process alive: a command that fails on its input exits at once.
 */
export function prestartPool(count: number = availableParallelism()): void {
  for (let i = ahead.length; i < count; i++) {
    const entry = { worker: startModuleWorker(import.meta.url, 'pool-worker'), alive: true };
    entry.worker.unref();
    const died = (): void => {
      entry.alive = false;
    };
    entry.worker.once('error', died).once('exit', died);
    ahead.push(entry);
  }
}

/** A worker started ahead and still alive, else a new one. */
function takeWorker(): Worker {
  for (let entry = ahead.shift(); entry !== undefined; entry = ahead.shift()) {
    if (!entry.alive) continue;
    entry.worker.ref();
    return entry.worker;
  }
  return startModuleWorker(import.meta.url, 'pool-worker');
}

/** Puts a batch's jobs on the queue; its promise resolves with their results in job order once all are back. */
function queueBatch(jobs: readonly PoolJob[], queue: Queued[], batches: Set<Batch>, onProgress: ((done: number, total: number) => void) | undefined): Promise<PoolResult[]> {
  const results: PoolResult[] = new Array<PoolResult>(jobs.length);
  return new Promise((resolve, reject) => {
    let done = 0;
    const batch: Batch = { fail: reject };
    batches.add(batch);
    jobs.forEach((job, at) => {
      queue.push({
        job,
        settle: (result) => {
          results[at] = result;
          done++;
          onProgress?.(done, jobs.length);
          if (done === jobs.length) {
            batches.delete(batch);
            resolve(results);
          }
        },
      });
    });
  });
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
