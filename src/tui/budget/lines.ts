/** A small form: the envelope, the year ceilings, the grant floor and ceiling, the most laureates. */
import { formatEuros } from '../../domain/money.js';
import { BUDGET_LEAD, budgetFields, budgetLabel, budgetValue, formatBudgetValue } from './state.js';
import { windowFor } from '../scroll.js';
import type { TuiState } from '../state.js';
import { fit } from '../text.js';
import type { Area, Line, Shown } from '../lines.js';

export function budgetLines(state: TuiState, width: number, active: boolean): Line[] {
  const { scenario, original, allocation } = state;
  const labelWidth = Math.max(20, Math.min(32, width - 40));
  const lines: Line[] = [
    [{ text: 'Budget of the call', bold: true }, { text: ' — Enter changes the selected value; each change re-solves.', dim: true }],
    [],
    [{ text: `  ${fit('Value', labelWidth)} ${fit('Now', 13, 'right')}   In the scenario file`, bold: true }],
  ];
  budgetFields(scenario).forEach((field, index) => {
    const selected = active && index === state.budgetCursor;
    const now = budgetValue(scenario, field);
    const was = budgetValue(original, field);
    lines.push([
      { text: `${selected ? '›' : ' '} ${fit(budgetLabel(field), labelWidth)} ${fit(formatBudgetValue(field, now), 13, 'right')}`, inverse: selected, bold: selected },
      { text: now === was ? '' : `   was ${formatBudgetValue(field, was)}`, color: 'yellow' },
    ]);
  });
  const spent = allocation === undefined ? '—' : formatEuros(allocation.spent);
  lines.push(
    [],
    [{ text: `Spent ${spent} of ${formatEuros(scenario.envelope.total)}; ${allocation?.laureates ?? '—'} laureates (${scenario.laureates.min} to ${scenario.laureates.max}).` }],
    [{ text: `Grants from ${formatEuros(scenario.grant.min)} to ${formatEuros(scenario.grant.max)} in steps of ${formatEuros(scenario.grant.step)}: a candidate asking less than the floor cannot be funded.`, dim: true }],
    [{ text: 'Amounts: 2,5 M€ · 2 500 000 · 2500000 · 750 k€. A bad entry keeps the old value; u undoes a change.', dim: true }],
  );
  return lines;
}

/** The form, its window following the selected value. */
export function budgetView(state: TuiState, { width, height, active }: Area): Shown {
  const lines = budgetLines(state, width, active);
  return { lines: lines.slice(windowFor(state.tops.budget, lines.length, height, BUDGET_LEAD + state.budgetCursor)) };
}
