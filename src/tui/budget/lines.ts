/** A small form: the envelope, the year ceilings, the grant floor and ceiling, the most laureates. */
import { BUDGET_LEAD, budgetFields, budgetLabel, budgetValue, formatBudgetValue } from './state.js';
import { windowFor } from '../scroll.js';
import type { TuiState } from '../state.js';
import { fit } from '../text.js';
import type { Area, Line, Shown } from '../lines.js';
import { wordsOf } from '../words.js';
import { BUDGET_WORDS } from './words.js';

export function budgetLines(state: TuiState, width: number, active: boolean): Line[] {
  const { scenario, original, allocation } = state;
  const { lang } = state;
  const words = BUDGET_WORDS[lang];
  const euros = wordsOf(lang).n.euros;
  const labelWidth = Math.max(20, Math.min(32, width - 40));
  const lines: Line[] = [
    [{ text: words.title, bold: true }, { text: words.titleNote, dim: true }],
    [],
    [{ text: `  ${fit(words.value, labelWidth)} ${fit(words.now, 13, 'right')}${words.inFile}`, bold: true }],
  ];
  budgetFields(scenario).forEach((field, index) => {
    const selected = active && index === state.budgetCursor;
    const now = budgetValue(scenario, field);
    const was = budgetValue(original, field);
    lines.push([
      { text: `${selected ? '›' : ' '} ${fit(budgetLabel(field, lang), labelWidth)} ${fit(formatBudgetValue(field, now, lang), 13, 'right')}`, inverse: selected, bold: selected },
      { text: now === was ? '' : words.was(formatBudgetValue(field, was, lang)), color: 'yellow' },
    ]);
  });
  const spent = allocation === undefined ? '—' : euros(allocation.spent);
  lines.push(
    [],
    [{ text: words.spent(spent, euros(scenario.envelope.total), String(allocation?.laureates ?? '—'), scenario.laureates.min, scenario.laureates.max) }],
    [{ text: words.grants(euros(scenario.grant.min), euros(scenario.grant.max), euros(scenario.grant.step)), dim: true }],
    [{ text: words.amounts, dim: true }],
  );
  return lines;
}

/** The form, its window following the selected value. */
export function budgetView(state: TuiState, { width, height, active }: Area): Shown {
  const lines = budgetLines(state, width, active);
  return { lines: lines.slice(windowFor(state.tops.budget, lines.length, height, BUDGET_LEAD + state.budgetCursor)) };
}
