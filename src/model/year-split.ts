import type { AllocationModel, ModelRow, ModelVariable, Term } from './types.js';

/**
 * Second stage, for calls with year ceilings: the optimum fixes each candidate's total grant, but
 * usually leaves its split between years free, and a solver returns an arbitrary corner
 * (174 000 € in 2013, 1 000 € in 2014). This model keeps every total and every ceiling and splits
 * each grant as close as it can to the candidate's own per-year requests (or to the ceilings'
 * proportions), minimising Σ |g_i,t − target_i,t|. The objective of the allocation is unchanged:
 * it depends on totals only.
 */
export function buildYearSplit(allocationModel: AllocationModel, values: ReadonlyMap<string, number>, targets: (candidate: number, total: number) => readonly number[]): AllocationModel {
  const variables: ModelVariable[] = [];
  const rows: ModelRow[] = [];
  const objective: Term[] = [];
  const years = allocationModel.candidates[0]?.grants.map((grant) => grant.year) ?? [];
  const byYear = new Map<string, Term[]>(years.map((year) => [year, []]));
  const bounds = new Map(allocationModel.variables.map((variable) => [variable.name, variable.upper]));
  const candidates = allocationModel.candidates.filter((candidate) => candidate.grants.some((grant) => (values.get(grant.variable) ?? 0) > 0));
  for (const candidate of candidates) {
    const total = candidate.grants.reduce((sum, grant) => sum + (values.get(grant.variable) ?? 0), 0);
    const target = targets(candidate.index, total);
    candidate.grants.forEach((grant, position) => {
      const deviation = `d_${grant.variable.slice(2)}`;
      variables.push({ name: grant.variable, kind: 'integer', lower: 0, upper: bounds.get(grant.variable) });
      variables.push({ name: deviation, kind: 'continuous', lower: 0, upper: undefined });
      objective.push([deviation, -1]);
      const wanted = target[position] ?? 0;
      // |g − target| ≤ d, written as two rows.
      rows.push({ name: `over_${grant.variable}`, terms: [[grant.variable, 1], [deviation, -1]], lower: undefined, upper: wanted, origin: { kind: 'cap', candidate: candidate.index } });
      rows.push({ name: `under_${grant.variable}`, terms: [[grant.variable, 1], [deviation, 1]], lower: wanted, upper: undefined, origin: { kind: 'floor', candidate: candidate.index } });
      byYear.get(grant.year)?.push([grant.variable, 1]);
    });
    rows.push({ name: `keep_${candidate.index}`, terms: candidate.grants.map((grant): Term => [grant.variable, 1]), lower: total, upper: total, origin: { kind: 'returns', candidate: candidate.index } });
  }
  for (const row of allocationModel.rows) {
    if (row.origin.kind === 'year') rows.push({ ...row, terms: byYear.get(row.origin.year) ?? [] });
  }
  return {
    unit: allocationModel.unit,
    variables,
    objective,
    rows,
    candidates: candidates.map((candidate) => ({ ...candidate })),
    comments: ['enveloppe year split: the same totals, split between years as close as possible to the requests'],
  };
}
