/**
 * The prompt's slice: the line where the user types (a filter, a budget value, a policy name, an
 * export path), and the task it asks of the hooks (save a policy, write a file) until it is done.
 */
import type { Allocation } from '../../domain/allocation.js';
import { POLICY_NAME } from '../../domain/names.js';
import type { Policy, ReturnTier, Scenario } from '../../domain/types.js';
import { budgetFields, submitBudget, type BudgetField } from '../budget/state.js';
import { tell } from '../edits.js';
import { activePolicy, currentShares, isStale } from '../selectors.js';
import type { Handlers, TuiState } from '../state.js';
import { weightsToSave } from '../weights/state.js';
import { MESSAGES } from '../messages.js';

export type Prompt =
  | { readonly kind: 'filter'; readonly text: string }
  | { readonly kind: 'budget'; readonly field: BudgetField; readonly text: string }
  | { readonly kind: 'save'; readonly text: string }
  | { readonly kind: 'export'; readonly text: string; readonly excel: boolean };

/** A side effect the hooks run once, then answer with `taskDone`. */
export type Task =
  | { readonly id: number; readonly kind: 'save'; readonly file: string; readonly policy: Policy }
  | { readonly id: number; readonly kind: 'export'; readonly path: string; readonly excel: boolean; readonly allocation: Allocation; readonly inputs: readonly string[]; readonly scenario?: Scenario };

export interface PromptState {
  readonly prompt: Prompt | undefined;
  readonly task: Task | undefined;
  readonly nextTaskId: number;
  /** Where `e` proposes to write, relative to the working folder. */
  readonly exportPath: string;
}

export type PromptAction =
  | { readonly type: 'openPrompt'; readonly kind: Prompt['kind']; readonly text?: string }
  | { readonly type: 'editPrompt'; readonly text: string }
  | { readonly type: 'toggleExcel' }
  | { readonly type: 'submitPrompt' }
  | { readonly type: 'cancelPrompt' }
  | { readonly type: 'taskDone'; readonly id: number; readonly ok: boolean; readonly text: string };

function openPrompt(state: TuiState, kind: Prompt['kind'], text: string | undefined): TuiState {
  switch (kind) {
    case 'filter':
      return { ...state, prompt: { kind, text: text ?? state.filter }, detail: undefined };
    case 'budget': {
      const field = budgetFields(state.scenario)[state.budgetCursor] ?? 'total';
      return { ...state, prompt: { kind, field, text: text ?? '' } };
    }
    case 'save':
      if (currentShares(state) === undefined) return tell(state, MESSAGES[state.lang].formulaNoWeights(state.policy), 'error');
      if (state.scenario.file === '') return tell(state, MESSAGES[state.lang].noFile, 'error');
      return { ...state, prompt: { kind, text: text ?? '' } };
    case 'export':
      if (state.allocation === undefined) return tell(state, MESSAGES[state.lang].nothingToExport, 'error');
      if (isStale(state)) return tell(state, MESSAGES[state.lang].staleExport, 'error');
      return { ...state, prompt: { kind, text: text ?? state.exportPath, excel: true } };
  }
}

function submitSave(state: TuiState, text: string): TuiState {
  const name = text.trim();
  const messages = MESSAGES[state.lang];
  if (!POLICY_NAME.test(name)) return tell(state, messages.unusableName(name), 'error');
  if (state.scenario.policies.some((policy) => policy.name === name)) return tell(state, messages.policyExists(name), 'error');
  const shares = currentShares(state);
  const base = activePolicy(state);
  if (shares === undefined || base === undefined) return { ...state, prompt: undefined };
  const returns: readonly ReturnTier[] = base.returns;
  const policy: Policy = { name, label: messages.adjusted(base.label), weights: weightsToSave(shares, state.scenario), returns };
  const task: Task = { id: state.nextTaskId, kind: 'save', file: state.scenario.file, policy };
  return tell({ ...state, prompt: undefined, task, nextTaskId: state.nextTaskId + 1 }, messages.saving(name));
}

function submitExport(state: TuiState, text: string, excel: boolean): TuiState {
  const path = text.trim();
  if (path === '') return tell(state, MESSAGES[state.lang].noFileName, 'error');
  if (state.allocation === undefined) return { ...state, prompt: undefined };
  const inputs = [state.scenario.file, state.scenario.candidatesFile, state.scenario.reviews?.settings.file ?? ''].filter((file) => file !== '');
  const task: Task = { id: state.nextTaskId, kind: 'export', path, excel, allocation: state.allocation, inputs, scenario: state.scenario };
  return tell({ ...state, prompt: undefined, task, nextTaskId: state.nextTaskId + 1, exportPath: path }, MESSAGES[state.lang].writing(path));
}

function submitPrompt(state: TuiState): TuiState | undefined {
  const prompt = state.prompt;
  if (prompt === undefined) return undefined;
  switch (prompt.kind) {
    case 'filter':
      return { ...state, prompt: undefined };
    case 'budget':
      return submitBudget(state, prompt.field, prompt.text);
    case 'save':
      return submitSave(state, prompt.text);
    case 'export':
      return submitExport(state, prompt.text, prompt.excel);
  }
}

function taskDone(state: TuiState, action: Extract<PromptAction, { type: 'taskDone' }>): TuiState | undefined {
  const task = state.task;
  if (task?.id !== action.id) return undefined;
  const done = tell({ ...state, task: undefined }, action.text, action.ok ? 'info' : 'error');
  if (!action.ok || task.kind !== 'save') return done;
  // The new policy is now in the file: add it to the scenario and make it the active one.
  const scenario = { ...state.scenario, policies: [...state.scenario.policies, task.policy] };
  const original = { ...state.original, policies: [...state.original.policies, task.policy] };
  return { ...done, scenario, original, edition: state.editions + 1, editions: state.editions + 1, policy: task.policy.name, weights: undefined, generation: state.generation + 1, lastEdit: `policy ${task.policy.name}` };
}

export const PROMPT_HANDLERS: Handlers<PromptAction> = {
  openPrompt: (state, action) => openPrompt(state, action.kind, action.text),
  editPrompt: (state, action) => {
    if (state.prompt === undefined) return undefined;
    if (state.prompt.kind === 'filter') return { ...state, prompt: { ...state.prompt, text: action.text }, filter: action.text, top: 0 };
    return { ...state, prompt: { ...state.prompt, text: action.text } };
  },
  toggleExcel: (state) => (state.prompt?.kind === 'export' ? { ...state, prompt: { ...state.prompt, excel: !state.prompt.excel } } : undefined),
  cancelPrompt: (state) => (state.prompt?.kind === 'filter' ? { ...state, prompt: undefined, filter: '', top: 0 } : { ...state, prompt: undefined }),
  submitPrompt,
  taskDone,
};
