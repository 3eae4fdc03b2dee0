import { roundAndCheck } from '../model/check.js';
import type { AllocationModel } from '../model/types.js';
import { loadHighs, solveWithHighs } from './highs.js';
import { loadGlpk } from './glpk.js';
import { solveInJslpWorker } from './jslp-runner.js';
import { DEFAULT_SOLVE_OPTIONS, type EngineName, type RawAnswer, type SolveOptions, type SolveOutcome } from './types.js';

/**
 * Above this many candidates `auto` goes straight to HiGHS: javascript-lp-solver takes seconds
 * and gigabytes past ~2,000 candidates, and is already slower than HiGHS well below that.
 */
export const AUTO_JSLP_MAX_CANDIDATES = 300;

/**
 * Whether `auto` tries javascript-lp-solver first: on small models without return tiers. With
 * tiers its branch and bound wanders (many grants fractional) and used to spend its whole budget
 * before HiGHS answered, at every key press in the simulator.
 */
export function jslpFirst(model: AllocationModel): boolean {
  return model.candidates.length <= AUTO_JSLP_MAX_CANDIDATES && model.candidates.every((candidate) => candidate.tiers.length === 0);
}

/**
 * Loads HiGHS and GLPK (their WebAssembly compiled) ahead of the first solve: a worker of the
 * analysis pool does it while the command still reads the scenario.
 */
export async function loadEngines(): Promise<void> {
  await Promise.all([loadHighs(), loadGlpk()]);
}

/** Time `auto` gives javascript-lp-solver before handing the model to HiGHS. */
export const AUTO_JSLP_BUDGET_MS = 1_500;

/**
 * Solves the model: the one entry point the rest of enveloppe uses. `auto` tries
 * javascript-lp-solver on small models and falls back to HiGHS when it fails, times out, reports
 * infeasible (HiGHS confirms it) or returns an answer that breaks a row; a session that solves again
 * and again (its HighsModels `preferred`) goes to HiGHS straight away.
 */
export async function solveModel(model: AllocationModel, options: Partial<SolveOptions> = {}): Promise<SolveOutcome> {
  const settings: SolveOptions = { ...DEFAULT_SOLVE_OPTIONS, ...options };
  const started = performance.now();
  if (settings.engine === 'highs' || (settings.engine === 'auto' && (settings.models?.preferred === true || !jslpFirst(model)))) {
    return solveHighs(model, settings, settings.timeLimitMs, started, []);
  }
  // javascript-lp-solver's branch and bound either finishes fast on these models or wanders for
  // minutes (return tiers make many grants fractional): `auto` gives it a short budget, then HiGHS.
  const jslpLimit = settings.engine === 'auto' ? Math.min(settings.timeLimitMs, AUTO_JSLP_BUDGET_MS) : settings.timeLimitMs;
  const first = outcome(model, 'jslp', await solveRelaxedFirst(model, jslpLimit), started, []);
  if (settings.engine === 'jslp' || first.status === 'optimal') return first;
  const why = first.status === 'failed' ? first.reason : first.status === 'timedout' ? `javascript-lp-solver did not finish within ${jslpLimit / 1000} s` : `javascript-lp-solver: ${first.status}`;
  const remaining = Math.max(1_000, settings.timeLimitMs - (performance.now() - started));
  return solveHighs(model, settings, remaining, started, [`${why}; HiGHS solved it`]);
}

/**
 * HiGHS, by the fast path unless turned off; an answer of the fast path that breaks a row after
 * rounding (it never should) is thrown away and the full MILP solves the model.
 */
async function solveHighs(model: AllocationModel, settings: SolveOptions, timeLimitMs: number, started: number, notes: readonly string[]): Promise<SolveOutcome> {
  const first = outcome(model, 'highs', await solveWithHighs(model, timeLimitMs, settings.relativeGap, settings.fastPath, settings.models), started, notes);
  if (first.status !== 'failed' || !settings.fastPath) return first;
  const remaining = Math.max(1_000, timeLimitMs - (performance.now() - started));
  return outcome(model, 'highs', await solveWithHighs(model, remaining, settings.relativeGap, false, settings.models), started, [...notes, `${first.reason}; the full MILP solved it`]);
}

/**
 * javascript-lp-solver first solves with continuous grants: when every grant already falls on a
 * whole step (as it usually does: bounds and ceilings are whole steps), that answer is optimal for
 * the integer model too, since its relaxation can do no better. Otherwise it solves again with
 * integer grants. (HiGHS's fast path does the same and more, see highs.ts.)
 */
async function solveRelaxedFirst(model: AllocationModel, timeLimitMs: number): Promise<RawAnswer> {
  const started = performance.now();
  const relaxed = await solveInJslpWorker(relaxGrants(model), timeLimitMs);
  if (relaxed.status !== 'solved' || onWholeSteps(model, relaxed.values)) return relaxed;
  const remaining = timeLimitMs - (performance.now() - started);
  if (remaining <= 0) return { status: 'timedout' };
  return solveInJslpWorker(model, remaining);
}

/** The model with integer grants made continuous (binaries stay binary). */
export function relaxGrants(model: AllocationModel): AllocationModel {
  return { ...model, variables: model.variables.map((variable) => (variable.kind === 'integer' ? { ...variable, kind: 'continuous' } : variable)) };
}

function onWholeSteps(model: AllocationModel, values: Readonly<Record<string, number>>): boolean {
  return model.variables.every((variable) => variable.kind !== 'integer' || Math.abs((values[variable.name] ?? 0) - Math.round(values[variable.name] ?? 0)) <= 1e-6);
}

function outcome(model: AllocationModel, engine: EngineName, answer: RawAnswer, started: number, notes: readonly string[]): SolveOutcome {
  const ms = performance.now() - started;
  switch (answer.status) {
    case 'solved':
    case 'feasible': {
      const { values, violations } = roundAndCheck(model, new Map(Object.entries(answer.values)));
      if (violations.length > 0) {
        const first = violations[0];
        const reason = `${engine} returned an allocation that breaks ${violations.length} constraint(s), first ${first?.name}: ${first?.detail}`;
        return { status: 'failed', engine, ms, reason, notes };
      }
      return { status: answer.status === 'solved' ? 'optimal' : 'feasible', engine, values, gap: answer.gap, ms, notes };
    }
    case 'failed':
      return { status: 'failed', engine, ms, reason: answer.reason, notes };
    default:
      return { status: answer.status, engine, ms, notes };
  }
}
