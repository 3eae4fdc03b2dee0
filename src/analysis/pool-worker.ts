/** Worker-thread entry of the analysis pool: receives the scenario once, then solves job after job. */
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Scenario } from '../domain/types.js';
import { loadEngines } from '../solver/solve.js';
import type { SolveOptions } from '../solver/types.js';
import { allocate } from '../pipeline/allocate.js';
import { createSession, type Session } from '../pipeline/session.js';
import type { PoolJob, PoolResult, WorkerInit, WorkerJob, WorkerReply } from './pool.js';
import { scaleEnvelope } from './scenario-edits.js';

/** What one worker keeps between its jobs: the scenario and solve options it was given, and its session. */
interface WorkerState {
  readonly scenario: Scenario;
  readonly solve: Partial<SolveOptions>;
  /** A formula is compiled once for all the jobs the worker solves. */
  readonly session: Session;
}

async function run(job: PoolJob, state: WorkerState | undefined): Promise<PoolResult> {
  if (state === undefined) return { status: 'failed', reason: 'the worker received a job before its scenario' };
  const { scenario, solve, session } = state;
  const scaled = job.envelopeScale === undefined ? scenario : scaleEnvelope(scenario, job.envelopeScale);
  const marks = job.criteria;
  const target = marks === undefined ? scaled : { ...scaled, candidates: scaled.candidates.map((candidate, index) => ({ ...candidate, criteria: marks[index] ?? candidate.criteria })) };
  // Analyses read totals only: neither the split between years nor what the reviewers say is needed.
  const outcome = await allocate(target, job.selection, { ...solve, splitYears: false, ties: false, reviews: false, session });
  if (outcome.status === 'optimal') {
    const grantOf = new Map(outcome.allocation.candidates.map((candidate) => [candidate.id, candidate.grant]));
    return { status: 'optimal', objective: outcome.allocation.objective, grants: target.candidates.map((candidate) => grantOf.get(candidate.id) ?? 0) };
  }
  // An analysis counts proven answers only: the best allocation found in time is not one.
  if (outcome.status === 'feasible') return { status: 'timedout', reason: `the time limit stopped the search ${(outcome.allocation.gap * 100).toPrecision(2)} % from the optimum` };
  return { status: outcome.status, reason: outcome.status === 'failed' ? outcome.reason : outcome.status };
}

/** Answers the pool on `port`: the scenario once, then job after job, one at a time. */
function serve(port: MessagePort): void {
  let state: WorkerState | undefined;
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (message: WorkerInit | WorkerJob) => {
    if ('scenario' in message) {
      state = { scenario: message.scenario, solve: message.solve, session: createSession({ repeated: true }) };
      return;
    }
    // One job at a time per worker: the solver instance is not re-entrant.
    queue = queue.then(async () => {
      const reply: WorkerReply = { index: message.index, result: await run(message.job, state) };
      port.postMessage(reply);
    });
  });
}

if (parentPort !== null) {
  serve(parentPort);
  // The solvers' WebAssembly compiles while the scenario is on its way; a failure here is the first job's to report.
  loadEngines().catch(() => undefined);
}
