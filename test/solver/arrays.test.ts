/**
 * The arrays HiGHS takes, and the structure a kept model is found by (solver/arrays.ts): costs
 * aside, any change of a bound, a row or a coefficient is another structure; repeated terms of a
 * row are summed, and terms that sum to zero leave it.
 */
import { describe, expect, it } from 'vitest';
import type { AllocationModel } from '../../src/model/types.js';
import { sameStructure, structureKey, toArrays } from '../../src/solver/arrays.js';

const base: AllocationModel = {
  unit: 1000,
  variables: [
    { name: 'f_0', kind: 'binary', lower: 0, upper: 1 },
    { name: 'g_0', kind: 'integer', lower: 0, upper: 290 },
    { name: 'g_1', kind: 'integer', lower: 0, upper: 200 },
  ],
  objective: [['g_0', 80_000], ['g_1', 70_000]],
  rows: [
    { name: 'total', terms: [['g_0', 1], ['g_1', 1]], lower: undefined, upper: 300, origin: { kind: 'envelope' } },
    { name: 'cap_0', terms: [['g_0', 1], ['f_0', -290], ['g_0', 0]], lower: undefined, upper: 0, origin: { kind: 'envelope' } },
    { name: 'gone', terms: [['g_1', 1], ['g_0', 2], ['g_1', -1]], lower: 0, upper: undefined, origin: { kind: 'envelope' } },
  ],
  candidates: [],
  comments: [],
} as unknown as AllocationModel;

describe('toArrays', () => {
  it('sums repeated terms and drops those that sum to zero', () => {
    const arrays = toArrays(base);
    expect([...arrays.starts]).toEqual([0, 2, 4, 5]);
    expect([...arrays.indices]).toEqual([1, 2, 1, 0, 1]);
    expect([...arrays.values]).toEqual([1, 1, 1, -290, 2]);
  });

  it('gives the same structure to models that differ only in their costs, and another to any other change', () => {
    const arrays = toArrays(base);
    const costs = toArrays({ ...base, objective: [['g_0', 1], ['f_0', 5]] });
    expect(structureKey(costs)).toBe(structureKey(arrays));
    expect(sameStructure(arrays, costs)).toBe(true);
    const changes: AllocationModel[] = [
      { ...base, variables: base.variables.map((variable) => (variable.name === 'g_1' ? { ...variable, upper: 201 } : variable)) },
      { ...base, variables: base.variables.map((variable) => (variable.name === 'g_1' ? { ...variable, kind: 'continuous' } : variable)) },
      { ...base, rows: base.rows.map((row) => (row.name === 'total' ? { ...row, upper: 301 } : row)) },
      { ...base, rows: base.rows.map((row) => (row.name === 'total' ? { ...row, terms: [['g_0', 1], ['g_1', 2]] } : row)) },
      { ...base, rows: base.rows.slice(1) },
    ];
    for (const changed of changes) {
      const other = toArrays(changed);
      expect(sameStructure(arrays, other)).toBe(false);
      expect(structureKey(other)).not.toBe(structureKey(arrays));
    }
  });
});
