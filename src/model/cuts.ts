/**
 * Valid inequalities: rows that every allocation of a model meets already, which a solver's LP
 * relaxation does not see. Adding them leaves the allocations (and so the optimum) as they were,
 * and brings the relaxation closer to them. They are given to HiGHS only (solver/highs.ts): the
 * model as written (the LP export, the conflict explanations) stays the README's.
 */
import { pieceName } from './build.js';
import type { AllocationModel, ModelRow } from './types.js';

/**
 * Return tiers: piece k of a candidate is at most its width times f_i (p_i,k ≤ w_k · f_i). It holds
 * for every allocation: unfunded, the cap row makes the grant 0 and so every piece. The relaxation
 * otherwise funds many candidates a little (f_i = g_i / cap_i) at their best tier's value; with it,
 * a grant in tier k costs f_i ≥ p_i,k / w_k. On the 2013 call under `emploi`, HiGHS proves the
 * optimum about five times faster. Pieces or funded variables the model no longer has (a held
 * model's reduction took them out) get no row.
 */
export function tierLinks(model: AllocationModel): ModelRow[] {
  if (!hasTiers(model.candidates)) return [];
  const variables = new Map(model.variables.map((variable) => [variable.name, variable]));
  const rows: ModelRow[] = [];
  for (const candidate of model.candidates) {
    const funded = variables.get(candidate.funded);
    if (funded?.kind !== 'binary' || funded.lower === funded.upper) continue;
    candidate.tiers.forEach((_, k) => {
      const piece = variables.get(pieceName(candidate.index, k));
      if (piece === undefined || piece.upper === undefined || piece.upper <= 0) return;
      rows.push({ name: `link_${piece.name}`, terms: [[piece.name, 1], [candidate.funded, -piece.upper]], lower: undefined, upper: 0, origin: { kind: 'returns', candidate: candidate.index } });
    });
  }
  return rows;
}

/**
 * The model with its tier links as extra rows. Models built on one frame (model/build.ts: the same
 * rows and variables, other scores) get the very same rows, so that the solver's arrays of the
 * frame serve them all (solver/arrays.ts); the links depend on nothing else.
 */
export function withTierLinks(model: AllocationModel): AllocationModel {
  if (!hasTiers(model.candidates)) return model;
  const known = linked.get(model.rows);
  if (known !== undefined && known.variables === model.variables) return { ...model, rows: known.rows };
  const rows = [...model.rows, ...tierLinks(model)];
  linked.set(model.rows, { variables: model.variables, rows });
  return { ...model, rows };
}

/** The rows with links of the models seen, by their rows without. */
const linked = new WeakMap<AllocationModel['rows'], { readonly variables: AllocationModel['variables']; readonly rows: readonly ModelRow[] }>();

/** Whether any candidate has return tiers, found once per candidates list (the tie-break solves hundreds of models of one call). */
const withTiers = new WeakMap<AllocationModel['candidates'], boolean>();

function hasTiers(candidates: AllocationModel['candidates']): boolean {
  let known = withTiers.get(candidates);
  if (known === undefined) {
    known = candidates.some((candidate) => candidate.tiers.length > 0);
    withTiers.set(candidates, known);
  }
  return known;
}
