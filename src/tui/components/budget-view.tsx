/** The budget form. */
import { budgetLines } from '../budget/lines.js';
import { BUDGET_LEAD, windowFor } from '../state.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function BudgetView({ state, width, height, active }: ViewProps) {
  const lines = budgetLines(state, width, active);
  const top = windowFor(state.tops.budget, lines.length, height, BUDGET_LEAD + state.budgetCursor);
  return <Lines lines={lines.slice(top)} height={height} />;
}
