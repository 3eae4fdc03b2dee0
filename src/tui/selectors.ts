/** What the screens and the slices read from the state: pure functions of it, never changing it. */
import type { Lang } from '../domain/lang.js';
import { MESSAGES } from './messages.js';
import { wordsOf } from './words.js';
import type { Allocation, Selection } from '../domain/allocation.js';
import type { Policy, Scenario } from '../domain/types.js';
import { normaliseWeights, type Weights } from '../scoring/weights.js';
import { ANALYSIS_KINDS, type AnalysisKind } from './runs/kinds.js';
import type { TuiState, View } from './state.js';

export function activePolicy(state: TuiState): Policy | undefined {
  return state.scenario.policies.find((policy) => policy.name === state.policy);
}

/** The selection the solver gets for the current edits. */
export function selectionOf(state: TuiState): Selection {
  return state.weights === undefined ? { policy: state.policy } : { policy: state.policy, weights: state.weights };
}

/** Shares (sum 1) of each criterion under the current weighting; undefined under a score formula. */
export function currentShares(state: TuiState): Weights | undefined {
  if (state.weights !== undefined) return state.weights;
  const policy = activePolicy(state);
  if (policy === undefined || policy.score !== undefined) return undefined;
  return normaliseWeights(policy.weights, state.scenario.criteria);
}

export function isSolving(state: TuiState): boolean {
  return state.solved < state.generation;
}

/** The current edits have no allocation: the one shown is the last feasible one. */
export function isStale(state: TuiState): boolean {
  return state.status !== undefined && state.status.kind !== 'optimal' && state.status.kind !== 'feasible';
}

/** Views 5–8, whose content is computed by an analysis run. */
export function isAnalysis(view: View): view is AnalysisKind {
  return (ANALYSIS_KINDS as readonly View[]).includes(view);
}

/** The criterion the sweep and tipping views show: the one selected in the weights view. */
export function selectedCriterion(state: TuiState): Scenario['criteria'][number] | undefined {
  return state.scenario.criteria[state.weightCursor];
}

/** The candidates the table lists: the allocation's order, narrowed by the filter (name, region or id). */
export function visibleCandidates(state: TuiState): Allocation['candidates'] {
  const candidates = state.allocation?.candidates ?? [];
  const needle = fold(state.filter.trim());
  if (needle === '') return candidates;
  return candidates.filter((candidate) => [candidate.name, candidate.region, candidate.id].some((text) => fold(text).includes(needle)));
}

/** Lower case without accents, so that `ile` finds Île-de-France. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Index of the selected candidate among the visible ones (0 when it is not among them). */
export function selectedIndex(state: TuiState): number {
  const index = visibleCandidates(state).findIndex((candidate) => candidate.id === state.selected);
  return index < 0 ? 0 : index;
}

/** `policy social, 3 000 000 €, 23 laureates`: how messages name a reference allocation. */
export function referenceName(allocation: Allocation, lang: Lang = 'en'): string {
  return MESSAGES[lang].referenceName(allocation.policy, wordsOf(lang).n.euros(allocation.spent), allocation.laureates);
}
