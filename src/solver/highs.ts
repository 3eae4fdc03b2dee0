/**
 * The HiGHS engine (WebAssembly build of the HiGHS MIP solver). The only file that imports `highs`.
 * It reads the model as CPLEX LP text, the same text `--lp` writes, so the file users get is the
 * file this engine solves.
 */
import highsModule from 'highs';
import { toLpFormat } from '../model/lp-format.js';
import type { AllocationModel } from '../model/types.js';
import type { RawAnswer } from './types.js';

// The package's types describe an ES module while it ships CommonJS types: the default import is the loader at run time.
const highsLoader = highsModule as unknown as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loading: Promise<Highs> | undefined;

function instance(): Promise<Highs> {
  const current = loading ?? highsLoader();
  loading = current;
  return current;
}

/** Solves with HiGHS within `timeLimitMs` to `relativeGap`. */
export async function solveWithHighs(model: AllocationModel, timeLimitMs: number, relativeGap: number): Promise<RawAnswer> {
  const highs = await instance();
  const text = toLpFormat(model);
  let solution: ReturnType<Highs['solve']>;
  try {
    solution = highs.solve(text, {
      time_limit: Math.max(0.001, timeLimitMs / 1000),
      mip_rel_gap: relativeGap,
      // Primal simplex: on ptce-2013 it proves the optimum in ~15 ms where the default took ~50 ms.
      simplex_strategy: 4,
      output_flag: false,
      log_to_console: false,
    });
  } catch (error) {
    // A native failure leaves the WebAssembly instance in doubt: load a fresh one next time.
    loading = undefined;
    return { status: 'failed', reason: `HiGHS stopped with an error: ${(error as Error).message}` };
  }
  switch (solution.Status) {
    case 'Optimal': {
      const values: Record<string, number> = {};
      for (const [name, column] of Object.entries(solution.Columns)) {
        const primal = (column as { Primal?: unknown }).Primal;
        values[name] = typeof primal === 'number' ? primal : 0;
      }
      return { status: 'solved', values };
    }
    // Every variable of an allocation model is bounded, so "infeasible or unbounded" means infeasible.
    case 'Infeasible':
    case 'Primal infeasible or unbounded':
      return { status: 'infeasible' };
    case 'Unbounded':
      return { status: 'unbounded' };
    case 'Time limit reached':
      return { status: 'timedout' };
    default:
      return { status: 'failed', reason: `HiGHS ended with status '${solution.Status}'` };
  }
}
