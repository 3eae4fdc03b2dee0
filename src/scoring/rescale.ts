import type { Criterion } from '../domain/types.js';

/**
 * Rescales a raw criterion value onto [0, 1] along its declared scale, reversed for `better: lower`.
 * Values are checked against the scale at load, so no clamping is needed here.
 * @example rescale(4, {scale: [0, 5], better: 'higher'}) // 0.8
 */
export function rescale(value: number, criterion: Pick<Criterion, 'scale' | 'better'>): number {
  const [low, high] = criterion.scale;
  const u = (value - low) / (high - low);
  return criterion.better === 'lower' ? 1 - u : u;
}
