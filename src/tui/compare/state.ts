/** The Compare view's slice: every policy or the reference (m), and the column the change is measured to (← →). */
import { tell } from '../edits.js';
import { referenceName } from '../selectors.js';
import type { Handlers, TuiState } from '../state.js';
import { COMPARE_WORDS } from './words.js';

/** What the Compare view lines up: the current edits with every other policy, or with the reference (`c`). */
export type CompareMode = 'policies' | 'reference';

export interface CompareState {
  readonly compareMode: CompareMode;
  /** Which compared column the change column measures against (0: the first after the current edits). */
  readonly compareTarget: number;
}

export type CompareAction = { readonly type: 'toggleCompareMode' } | { readonly type: 'moveCompareTarget'; readonly delta: 1 | -1 };

export const COMPARE_START: CompareState = { compareMode: 'policies', compareTarget: 0 };

/** The policies the Compare view solves: every policy of the scenario but the active one as written (unless its weights are edited). */
export function comparedPolicies(state: TuiState): string[] {
  return state.scenario.policies.map((policy) => policy.name).filter((name) => name !== state.policy || state.weights !== undefined);
}

function modeText(state: TuiState, mode: CompareMode): string {
  const words = COMPARE_WORDS[state.lang];
  if (mode === 'policies') return words.comparingPolicies;
  return state.reference === undefined ? words.noReferenceYet : words.comparingReference(referenceName(state.reference, state.lang));
}

export const COMPARE_HANDLERS: Handlers<CompareAction> = {
  toggleCompareMode: (state) => {
    const compareMode: CompareMode = state.compareMode === 'policies' ? 'reference' : 'policies';
    return tell({ ...state, compareMode, compareTarget: 0, analysisTop: { ...state.analysisTop, compare: 0 } }, modeText(state, compareMode));
  },
  moveCompareTarget: (state, action) => {
    const last = state.compareMode === 'reference' ? 0 : Math.max(0, comparedPolicies(state).length - 1);
    return { ...state, compareTarget: Math.max(0, Math.min(last, state.compareTarget + action.delta)) };
  },
};
