/**
 * What one run of a face (a cli command, the simulator, a worker of the analysis pool) keeps between
 * solves: the score formulas it has compiled, and the HiGHS models its solves re-solve in. A face
 * creates one session and passes it in; the core holds no state of its own between calls.
 */
import type { Scoring } from '../scoring/score.js';
import { createHighsModels, type HighsModels } from '../solver/highs.js';

export interface Session {
  /**
   * Score formulas compiled in this session, by criteria and text: each formula is parsed once,
   * however many solves (sweeps, bisections, draws) score with it. Undefined: it does not compile.
   */
  readonly formulas: Map<string, Promise<Scoring | undefined>>;
  /**
   * Persistent HiGHS models: after a weight change the same model re-solves with new costs, warm
   * (solver/highs.ts). The canonical tie-break makes the published allocation the same as a fresh solve's.
   */
  readonly highs: HighsModels;
}

/**
 * A new session, with nothing compiled yet. `repeated`: the face solves again and again (the
 * simulator, a worker of the analysis pool), so `auto` sends every model to HiGHS, whose
 * WebAssembly loads once and whose kept models re-solve warm; a one-shot command gives small
 * models to javascript-lp-solver, which answers before HiGHS would have loaded (solver/solve.ts).
 */
export function createSession(options: { readonly repeated?: boolean } = {}): Session {
  return { formulas: new Map(), highs: createHighsModels({ preferred: options.repeated === true }) };
}
