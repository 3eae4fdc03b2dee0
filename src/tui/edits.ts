/**
 * Edits that need a new solve, and what undo brings back; the global keys that make them (p, c, C, u).
 * Every slice records its edits through `edit`, so that `u` undoes them all the same way.
 */
import type { Scenario } from '../domain/types.js';
import type { Weights } from '../scoring/weights.js';
import { MESSAGES } from './messages.js';
import { isStale, referenceName } from './selectors.js';
import { wordsOf } from './words.js';
import type { Handlers, Message, TuiState } from './state.js';

/** What an edit changes, kept for `u` (undo). */
export interface Edit {
  readonly scenario: Scenario;
  /** The scenario's edition: undo brings back the edition, and with it the analyses cached for it. */
  readonly edition: number;
  readonly policy: string;
  readonly weights: Weights | undefined;
}

export type EditAction =
  | { readonly type: 'switchPolicy'; readonly delta: 1 | -1 }
  | { readonly type: 'setReference' }
  | { readonly type: 'clearReference' }
  | { readonly type: 'undo' };

/** The state with a message for the user under the screen. */
export function tell(state: TuiState, text: string, tone: Message['tone'] = 'info'): TuiState {
  return { ...state, message: { text, tone } };
}

/** Records an edit that needs a new solve, with what undo brings back. */
export function edit(state: TuiState, change: Partial<Omit<Edit, 'edition'>>, description: string, note?: string): TuiState {
  const before: Edit = { scenario: state.scenario, edition: state.edition, policy: state.policy, weights: state.weights };
  const edition = change.scenario === undefined ? {} : { edition: state.editions + 1, editions: state.editions + 1 };
  return {
    ...state,
    ...change,
    ...edition,
    undo: [...state.undo.slice(-49), before],
    generation: state.generation + 1,
    lastEdit: description,
    message: note === undefined ? state.message : { text: note, tone: 'info' },
  };
}

function switchPolicy(state: TuiState, action: Extract<EditAction, { type: 'switchPolicy' }>): TuiState {
  const names = state.scenario.policies.map((policy) => policy.name);
  const messages = MESSAGES[state.lang];
  if (names.length < 2) return tell(state, messages.onePolicy(state.weights !== undefined));
  const index = (names.indexOf(state.policy) + action.delta + names.length) % names.length;
  const name = names[index] ?? state.policy;
  const policy = state.scenario.policies[index];
  // Edited weights are never dropped: set aside, they come back with their policy (and with u).
  const { [name]: restored, ...others } = state.setAside;
  const setAside = state.weights === undefined || name === state.policy ? others : { ...others, [state.policy]: state.weights };
  const words = [messages.policySwitched(name, policy?.label ?? name, restored !== undefined)];
  if (state.weights !== undefined && name !== state.policy) words.push(messages.editedKept(state.policy));
  return edit({ ...state, weightCursor: 0, setAside }, { policy: name, weights: name === state.policy ? state.weights : restored }, wordsOf(state.lang).editPolicy(name), words.join(' '));
}

function undo(state: TuiState): TuiState {
  const last = state.undo[state.undo.length - 1];
  if (last === undefined) return tell(state, MESSAGES[state.lang].nothingToUndo);
  return {
    ...state,
    ...last,
    undo: state.undo.slice(0, -1),
    generation: state.generation + 1,
    lastEdit: undefined,
    message: { text: MESSAGES[state.lang].undone, tone: 'info' },
  };
}

export const EDIT_HANDLERS: Handlers<EditAction> = {
  switchPolicy,
  setReference: (state) => {
    if (state.allocation === undefined || isStale(state)) return tell(state, MESSAGES[state.lang].noAllocationToCompare, 'error');
    return tell({ ...state, reference: state.allocation }, MESSAGES[state.lang].referenceSet(referenceName(state.allocation, state.lang)));
  },
  clearReference: (state) => tell({ ...state, reference: undefined }, MESSAGES[state.lang].referenceCleared),
  undo,
};
