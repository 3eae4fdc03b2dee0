/**
 * Runs the analyses the reducer asks for (a `running` slot with an id this hook has not started)
 * and reports progress and results back as actions. A run whose slot no longer names it (a newer
 * request, Esc, an edit that made it outdated) is aborted: its workers stop at once. The analyses
 * run on worker threads (analysis/pool.ts), so the screen keeps redrawing meanwhile.
 */
import { useEffect, useRef, type Dispatch } from 'react';
import type { PoolOptions } from '../../analysis/pool.js';
import { ANALYSIS_KINDS, type AnalysisKind, type AnalysisRequest, type AnalysisResult, type PolicyAllocations } from '../runs/kinds.js';
import type { Services, SessionSolveOptions } from '../services.js';
import type { Action, TuiState } from '../state.js';

/** Progress reports closer together than this are merged: a redraw per solve would be wasted. */
const PROGRESS_INTERVAL_MS = 80;

interface Started {
  readonly id: number;
  readonly controller: AbortController;
}

export function useRuns(state: TuiState, dispatch: Dispatch<Action>, services: Services, options: SessionSolveOptions): void {
  const started = useRef(new Map<AnalysisKind, Started>());

  useEffect(() => {
    const runs = started.current;
    return () => {
      for (const run of runs.values()) run.controller.abort(new Error('the simulator closed'));
      runs.clear();
    };
  }, []);

  useEffect(() => {
    for (const kind of ANALYSIS_KINDS) {
      const slot = state.analyses[kind];
      const current = started.current.get(kind);
      const wanted = slot.status === 'running' ? slot.id : undefined;
      if (current !== undefined && current.id !== wanted) {
        current.controller.abort(new Error('superseded'));
        started.current.delete(kind);
      }
      if (slot.status !== 'running' || current?.id === slot.id) continue;
      const { id } = slot;
      const controller = new AbortController();
      started.current.set(kind, { id, controller });
      let last = 0;
      const onProgress = (done: number, total: number): void => {
        const now = Date.now();
        if (controller.signal.aborted || (done < total && now - last < PROGRESS_INTERVAL_MS)) return;
        last = now;
        dispatch({ type: 'analysisProgress', kind, id, done, total });
      };
      // Analyses solve many times: HiGHS, which proves each optimum fast, whatever engine the session uses.
      const pool: PoolOptions = { solve: { ...options, engine: 'highs' }, signal: controller.signal, onProgress };
      runAnalysis(slot.request, services, pool).then(
        (result) => {
          if (!controller.signal.aborted) dispatch({ type: 'analysisDone', kind, id, result });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) dispatch({ type: 'analysisFailed', kind, id, reason: error instanceof Error ? error.message : String(error) });
        },
      );
    }
  }, [state.analyses, dispatch, services, options]);
}

/** Carries out one request with the services. */
export async function runAnalysis(request: AnalysisRequest, services: Services, pool: PoolOptions): Promise<AnalysisResult> {
  switch (request.kind) {
    case 'compare':
      return { kind: 'compare', ...(await allocatePolicies(request.scenario, request.policies, services, pool)) };
    case 'sweep':
      return { kind: 'sweep', sweep: await services.sweepWeight(request.scenario, request.policy, request.weights, request.criterion, request.steps, pool) };
    case 'tipping':
      return { kind: 'tipping', tipping: await services.tippingPoints(request.scenario, request.policy, request.weights, { ...pool, steps: request.steps }) };
    case 'robustness':
      return { kind: 'robustness', robustness: await services.robustness(request.scenario, request.policy, request.weights, request.settings, pool) };
  }
}

/** Each policy as written, one after the other (a few solves: no pool), stopping between solves when aborted. */
async function allocatePolicies(scenario: Extract<AnalysisRequest, { kind: 'compare' }>['scenario'], policies: readonly string[], services: Services, pool: PoolOptions): Promise<PolicyAllocations> {
  const solved: string[] = [];
  const allocations: PolicyAllocations['allocations'][number][] = [];
  const missing: { policy: string; status: string }[] = [];
  pool.onProgress?.(0, policies.length);
  for (const [index, policy] of policies.entries()) {
    pool.signal?.throwIfAborted();
    const outcome = await services.allocate(scenario, { policy }, pool.solve);
    if (outcome.status === 'optimal') {
      solved.push(policy);
      allocations.push(outcome.allocation);
    } else missing.push({ policy, status: outcome.status === 'failed' ? outcome.reason : outcome.status });
    pool.onProgress?.(index + 1, policies.length);
  }
  return { policies: solved, allocations, missing };
}
