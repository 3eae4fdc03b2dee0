/** The budget form. */
import { budgetLines } from '../screens/budget.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function BudgetView({ state, width, height, active }: ViewProps) {
  return <Lines lines={budgetLines(state, width, active)} height={height} />;
}
