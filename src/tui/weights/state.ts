/** The weights view's slice: the selected criterion (shared with sweep and tipping) and the weight edits. */
import { WEIGHTS_WORDS } from './words.js';
import type { Scenario } from '../../domain/types.js';
import { withShare, type Weights } from '../../scoring/weights.js';
import { edit, tell } from '../edits.js';
import { follow } from '../scroll.js';
import { currentShares } from '../selectors.js';
import type { Handlers, TuiState } from '../state.js';
import { wordsOf } from '../words.js';

export interface WeightsState {
  /** The selected criterion, in the scenario's order. */
  readonly weightCursor: number;
}

export type WeightsAction =
  /** `rows` and `total`: the view's height and length, so that its window follows the cursor (the weights view only). */
  | { readonly type: 'moveWeightCursor'; readonly delta: number; readonly rows?: number; readonly total?: number }
  | { readonly type: 'nudgeWeight'; readonly points: number }
  | { readonly type: 'zeroWeight' }
  | { readonly type: 'resetWeights' };

/** Weight steps of ←→ and Shift+←→, in percentage points. */
export const WEIGHT_STEP = 1;
export const WEIGHT_STEP_BIG = 5;

/** Lines above the first criterion of the weights view (the policy, the column titles). */
export const WEIGHTS_LEAD = 2;

/** The weights to save for a new policy: percentages rounded to 0.01, in criteria order. */
export function weightsToSave(shares: Weights, scenario: Scenario): Record<string, number> {
  return Object.fromEntries(scenario.criteria.map((criterion) => [criterion.column, Math.round((shares[criterion.column] ?? 0) * 10_000) / 100]));
}

function changeWeight(state: TuiState, action: Extract<WeightsAction, { type: 'nudgeWeight' | 'zeroWeight' }>): TuiState {
  const shares = currentShares(state);
  if (shares === undefined) return tell(state, WEIGHTS_WORDS[state.lang].formulaRefused(state.policy), 'error');
  const criterion = state.scenario.criteria[state.weightCursor];
  if (criterion === undefined) return state;
  const now = shares[criterion.column] ?? 0;
  const target = action.type === 'zeroWeight' ? 0 : Math.round(Math.max(0, Math.min(1, now + action.points / 100)) * 1000) / 1000;
  if (target === now) return state;
  const next = withShare(shares, state.scenario.criteria, criterion.column, target);
  const rounded = Object.fromEntries(Object.entries(next).map(([column, share]) => [column, Math.round(share * 1e6) / 1e6]));
  return edit(state, { weights: rounded }, wordsOf(state.lang).editWeight(criterion.label, now, target));
}

export const WEIGHTS_HANDLERS: Handlers<WeightsAction> = {
  moveWeightCursor: (state, action) => {
    const count = state.scenario.criteria.length;
    const weightCursor = Math.max(0, Math.min(count - 1, state.weightCursor + action.delta));
    return { ...state, weightCursor, tops: follow(state.tops, 'weights', WEIGHTS_LEAD + weightCursor, action) };
  },
  nudgeWeight: changeWeight,
  zeroWeight: changeWeight,
  resetWeights: (state) => {
    if (state.weights === undefined) return tell(state, WEIGHTS_WORDS[state.lang].alreadyPolicy(state.policy));
    return edit(state, { weights: undefined }, wordsOf(state.lang).editReset(state.policy));
  },
};
