/**
 * What one run of a face (a cli command, the simulator, a worker of the analysis pool) keeps between
 * solves: the score formulas it has compiled. A face creates one session and passes it in; the core
 * holds no state of its own between calls.
 */
import type { Scoring } from '../scoring/score.js';

export interface Session {
  /**
   * Score formulas compiled in this session, by criteria and text: each formula is parsed once,
   * however many solves (sweeps, bisections, draws) score with it. Undefined: it does not compile.
   */
  readonly formulas: Map<string, Promise<Scoring | undefined>>;
}

/** A new session, with nothing compiled yet. */
export function createSession(): Session {
  return { formulas: new Map() };
}
