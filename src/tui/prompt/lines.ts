/** What each prompt asks, and the keys it takes besides Enter and Esc (the keys themselves are in keys.ts). */
import { budgetLabel, budgetValue, formatBudgetValue } from '../budget/state.js';
import type { Prompt } from './state.js';
import type { TuiState } from '../state.js';

/** What the prompt asks, and the keys it takes besides Enter and Esc. */
export function promptParts(prompt: Prompt, state: TuiState): { label: string; after: string } {
  switch (prompt.kind) {
    case 'filter':
      return { label: 'Filter (name, region, id): ', after: '  Enter keep · Esc clear' };
    case 'budget':
      return { label: `${budgetLabel(prompt.field)} (now ${formatBudgetValue(prompt.field, budgetValue(state.scenario, prompt.field))}): `, after: '  Enter apply · Esc cancel' };
    case 'save':
      return { label: 'Save the weights as policy (a-z 0-9 _ -): ', after: '  Enter save · Esc cancel' };
    case 'export':
      return { label: 'Export CSV to: ', after: `  [${prompt.excel ? 'French Excel' : 'plain CSV'}] Tab switches · Enter · Esc` };
  }
}
