/**
 * The weight changes the re-solve is measured on (bench/resolve.ts) and that HiGHS alone solves
 * beside it (bench/run.ts): each criterion weighted 1 to 5 at random, from one seed, so that both
 * sides meet the same 101 weightings (the first, the session's first solve, is not counted).
 */
import { seededRandom } from '../src/domain/random.js';

export function weightChanges(columns: readonly string[], count = 101): Record<string, number>[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, () => Object.fromEntries(columns.map((column) => [column, 1 + Math.round(random() * 4)])));
}
