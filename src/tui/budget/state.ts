/** The budget form's slice: the selected value, and what typing a new one does to the scenario. */
import { formatEuros, groupDigits } from '../../domain/money.js';
import type { Scenario } from '../../domain/types.js';
import { parseDecimal, parseMoneyInput } from '../../io/numbers.js';
import { edit, tell } from '../edits.js';
import { follow } from '../scroll.js';
import type { Handlers, TuiState } from '../state.js';

export interface BudgetState {
  /** The selected value, in `budgetFields` order. */
  readonly budgetCursor: number;
}

/** A value of the budget form. `year:2013` is the 2013 ceiling. */
export type BudgetField = 'total' | `year:${string}` | 'grantMin' | 'grantMax' | 'laureatesMax';

export type BudgetAction = { readonly type: 'moveBudgetCursor'; readonly delta: number; readonly rows?: number; readonly total?: number };

/** Lines above the first budget value (the title, a blank, the column titles). */
export const BUDGET_LEAD = 3;

export function budgetFields(scenario: Scenario): BudgetField[] {
  return ['total', ...scenario.envelope.years.map((entry): BudgetField => `year:${entry.year}`), 'grantMin', 'grantMax', 'laureatesMax'];
}

export function budgetLabel(field: BudgetField): string {
  if (field.startsWith('year:')) return `Ceiling ${field.slice(5)}`;
  switch (field) {
    case 'total':
      return 'Envelope total';
    case 'grantMin':
      return 'Grant floor (smallest grant)';
    case 'grantMax':
      return 'Grant ceiling (largest grant)';
    case 'laureatesMax':
      return 'Laureates at most';
    default:
      return field;
  }
}

export function budgetValue(scenario: Scenario, field: BudgetField): number {
  if (field.startsWith('year:')) return scenario.envelope.years.find((entry) => `year:${entry.year}` === field)?.ceiling ?? 0;
  switch (field) {
    case 'total':
      return scenario.envelope.total;
    case 'grantMin':
      return scenario.grant.min;
    case 'grantMax':
      return scenario.grant.max;
    case 'laureatesMax':
      return scenario.laureates.max;
    default:
      return 0;
  }
}

export function formatBudgetValue(field: BudgetField, value: number): string {
  return field === 'laureatesMax' ? String(value) : formatEuros(value);
}

/**
 * The scenario with one budget value changed, or why the text cannot be that value.
 * Amounts accept `2,5 M€`, `2 500 000`, `2500000`, `750 k€` (see parseMoneyInput).
 */
export function applyBudget(scenario: Scenario, field: BudgetField, text: string): { ok: true; scenario: Scenario; value: number } | { ok: false; reason: string } {
  if (field === 'laureatesMax') {
    const parsed = parseDecimal(text);
    if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0) return { ok: false, reason: `'${text.trim()}' is not a whole number of laureates` };
    if (parsed.value < scenario.laureates.min) return { ok: false, reason: `at least ${scenario.laureates.min} laureates are required by the scenario (laureates.min)` };
    return { ok: true, value: parsed.value, scenario: { ...scenario, laureates: { ...scenario.laureates, max: parsed.value } } };
  }
  const parsed = parseMoneyInput(text);
  if (!parsed.ok) return { ok: false, reason: `'${text.trim()}' is not an amount (${parsed.reason}); try 2,5 M€, 2 500 000 or 750 k€` };
  const ambiguous = ambiguousAmount(text, parsed.value);
  if (ambiguous !== undefined) return { ok: false, reason: ambiguous };
  const value = Math.round(parsed.value);
  if (field === 'total' || field.startsWith('year:')) {
    if (!(value > 0)) return { ok: false, reason: 'an envelope must be above 0 €' };
    if (field === 'total') return { ok: true, value, scenario: { ...scenario, envelope: { ...scenario.envelope, total: value } } };
    const years = scenario.envelope.years.map((entry) => (`year:${entry.year}` === field ? { ...entry, ceiling: value } : entry));
    return { ok: true, value, scenario: { ...scenario, envelope: { ...scenario.envelope, years } } };
  }
  if (field === 'grantMin') {
    if (value > scenario.grant.max) return { ok: false, reason: `the grant floor cannot be above the grant ceiling (${formatEuros(scenario.grant.max)})` };
    return { ok: true, value, scenario: { ...scenario, grant: { ...scenario.grant, min: value } } };
  }
  if (!(value > 0) || value < scenario.grant.min) return { ok: false, reason: `the grant ceiling must be above 0 € and at least the grant floor (${formatEuros(scenario.grant.min)})` };
  return { ok: true, value, scenario: { ...scenario, grant: { ...scenario.grant, max: value } } };
}

/**
 * Why an amount typed without a unit cannot be taken as it is: below 1 000 it could mean euros or
 * millions (`2,5`, `3`). Undefined when the text has a unit or is clearly in euros.
 * @example ambiguousAmount('2,5', 2.5) // "'2,5' has no unit: 2,5 € or 2,5 M€? Type 2,5 M€ or 2 500 000 (2,5 € for euros)"
 */
export function ambiguousAmount(text: string, value: number): string | undefined {
  const typed = text.trim();
  if (/[€a-z]/i.test(typed) || value === 0 || value >= 1000) return undefined;
  return `'${typed}' has no unit: ${typed} € or ${typed} M€? Type ${typed} M€ or ${groupDigits(Math.round(value * 1e6))} (${typed} € for euros)`;
}

/** Enter in the budget prompt: the value applied (a new solve), or the prompt kept with why it was refused. */
export function submitBudget(state: TuiState, field: BudgetField, text: string): TuiState {
  const closed = { ...state, prompt: undefined };
  if (text.trim() === '') return closed;
  const applied = applyBudget(state.scenario, field, text);
  // A refused entry keeps the prompt and its text, to be corrected, with the reason beneath.
  if (!applied.ok) return tell(state, `${budgetLabel(field)} kept at ${formatBudgetValue(field, budgetValue(state.scenario, field))}: ${applied.reason}.`, 'error');
  const was = formatBudgetValue(field, budgetValue(state.scenario, field));
  const now = formatBudgetValue(field, applied.value);
  return edit(closed, { scenario: applied.scenario }, `${budgetLabel(field)} ${was} → ${now}`, `${budgetLabel(field)}: ${was} → ${now}.`);
}

export const BUDGET_HANDLERS: Handlers<BudgetAction> = {
  moveBudgetCursor: (state, action) => {
    const count = budgetFields(state.scenario).length;
    const budgetCursor = Math.max(0, Math.min(count - 1, state.budgetCursor + action.delta));
    return { ...state, budgetCursor, tops: follow(state.tops, 'budget', BUDGET_LEAD + budgetCursor, action) };
  },
};
