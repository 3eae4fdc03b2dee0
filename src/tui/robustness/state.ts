/** The Robustness view's slice: what is drawn (+ - samples, [ ] spread, U uniform, o weights or marks). */
import { nextSamples, ROBUSTNESS_DEFAULTS, SPREAD_STEP, type RobustnessSettings } from '../runs/kinds.js';
import { tell } from '../edits.js';
import type { Handlers } from '../state.js';
import { ROBUSTNESS_WORDS } from './words.js';

export interface RobustnessState {
  readonly robustness: RobustnessSettings;
}

export type RobustnessAction =
  | { readonly type: 'changeSamples'; readonly delta: 1 | -1 }
  | { readonly type: 'changeSpread'; readonly delta: 1 | -1 }
  | { readonly type: 'toggleUniform' }
  /** Draw the weights, the reviewers' marks, or both (scenarios with a reviews file). */
  | { readonly type: 'cycleOver' };

export const ROBUSTNESS_START: RobustnessState = { robustness: ROBUSTNESS_DEFAULTS };

const OVER = ['weights', 'marks', 'both'] as const;

export const ROBUSTNESS_HANDLERS: Handlers<RobustnessAction> = {
  changeSamples: (state, action) => {
    const samples = nextSamples(state.robustness.samples, action.delta);
    return samples === state.robustness.samples ? undefined : { ...state, robustness: { ...state.robustness, samples } };
  },
  changeSpread: (state, action) => {
    const spread = Math.round(Math.max(0, Math.min(1, state.robustness.spread + action.delta * SPREAD_STEP)) * 100) / 100;
    return spread === state.robustness.spread ? undefined : { ...state, robustness: { ...state.robustness, spread } };
  },
  toggleUniform: (state) => ({ ...state, robustness: { ...state.robustness, uniform: !state.robustness.uniform } }),
  cycleOver: (state) => {
    if (state.scenario.reviews === undefined) return tell(state, ROBUSTNESS_WORDS[state.lang].noReviews);
    const over = OVER[(OVER.indexOf(state.robustness.over ?? 'weights') + 1) % OVER.length] ?? 'weights';
    return { ...state, robustness: { ...state.robustness, over } };
  },
};
