/** What each prompt asks, and the keys it takes besides Enter and Esc (the keys themselves are in keys.ts). */
import { budgetLabel, budgetValue, formatBudgetValue } from '../budget/state.js';
import type { Prompt } from './state.js';
import type { TuiState } from '../state.js';
import { MESSAGES } from '../messages.js';

/** What the prompt asks, and the keys it takes besides Enter and Esc. */
export function promptParts(prompt: Prompt, state: TuiState): { label: string; after: string } {
  const { lang } = state;
  const words = MESSAGES[lang];
  switch (prompt.kind) {
    case 'filter':
      return { label: words.filterLabel, after: words.filterAfter };
    case 'budget':
      return { label: words.budgetLabel(budgetLabel(prompt.field, lang), formatBudgetValue(prompt.field, budgetValue(state.scenario, prompt.field), lang)), after: words.budgetAfter };
    case 'save':
      return { label: words.saveLabel, after: words.saveAfter };
    case 'export':
      return { label: words.exportLabel, after: words.exportAfter(prompt.excel) };
  }
}
