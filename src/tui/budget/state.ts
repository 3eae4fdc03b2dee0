/** The budget form's slice: the selected value, and what typing a new one does to the scenario. */
import type { Lang } from '../../domain/lang.js';
import type { Scenario } from '../../domain/types.js';
import { parseDecimal, parseMoneyInput } from '../../io/numbers.js';
import { edit, tell } from '../edits.js';
import { follow } from '../scroll.js';
import type { Handlers, TuiState } from '../state.js';
import { wordsOf } from '../words.js';
import { BUDGET_WORDS } from './words.js';

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

export function budgetLabel(field: BudgetField, lang: Lang = 'en'): string {
  const words = BUDGET_WORDS[lang];
  if (field.startsWith('year:')) return words.ceiling(field.slice(5));
  switch (field) {
    case 'total':
      return words.total;
    case 'grantMin':
      return words.grantMin;
    case 'grantMax':
      return words.grantMax;
    case 'laureatesMax':
      return words.laureatesMax;
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

export function formatBudgetValue(field: BudgetField, value: number, lang: Lang = 'en'): string {
  return field === 'laureatesMax' ? String(value) : wordsOf(lang).n.euros(value);
}

/**
 * The scenario with one budget value changed, or why the text cannot be that value.
 * Amounts accept `2,5 M€`, `2 500 000`, `2500000`, `750 k€` (see parseMoneyInput).
 */
export function applyBudget(scenario: Scenario, field: BudgetField, text: string, lang: Lang = 'en'): { ok: true; scenario: Scenario; value: number } | { ok: false; reason: string } {
  const words = BUDGET_WORDS[lang];
  const euros = wordsOf(lang).n.euros;
  if (field === 'laureatesMax') {
    const parsed = parseDecimal(text);
    if (!parsed.ok || !Number.isInteger(parsed.value) || parsed.value < 0) return { ok: false, reason: words.notWhole(text.trim()) };
    if (parsed.value < scenario.laureates.min) return { ok: false, reason: words.tooFewLaureates(scenario.laureates.min) };
    return { ok: true, value: parsed.value, scenario: { ...scenario, laureates: { ...scenario.laureates, max: parsed.value } } };
  }
  const parsed = parseMoneyInput(text);
  if (!parsed.ok) return { ok: false, reason: words.notAmount(text.trim(), parsed.reason) };
  const ambiguous = ambiguousAmount(text, parsed.value, lang);
  if (ambiguous !== undefined) return { ok: false, reason: ambiguous };
  const value = Math.round(parsed.value);
  if (field === 'total' || field.startsWith('year:')) {
    if (!(value > 0)) return { ok: false, reason: words.envelopeAboveZero };
    if (field === 'total') return { ok: true, value, scenario: { ...scenario, envelope: { ...scenario.envelope, total: value } } };
    const years = scenario.envelope.years.map((entry) => (`year:${entry.year}` === field ? { ...entry, ceiling: value } : entry));
    return { ok: true, value, scenario: { ...scenario, envelope: { ...scenario.envelope, years } } };
  }
  if (field === 'grantMin') {
    if (value > scenario.grant.max) return { ok: false, reason: words.floorAboveCeiling(euros(scenario.grant.max)) };
    return { ok: true, value, scenario: { ...scenario, grant: { ...scenario.grant, min: value } } };
  }
  if (!(value > 0) || value < scenario.grant.min) return { ok: false, reason: words.ceilingBelowFloor(euros(scenario.grant.min)) };
  return { ok: true, value, scenario: { ...scenario, grant: { ...scenario.grant, max: value } } };
}

/**
 * Why an amount typed without a unit cannot be taken as it is: below 1 000 it could mean euros or
 * millions (`2,5`, `3`). Undefined when the text has a unit or is clearly in euros.
 * @example ambiguousAmount('2,5', 2.5) // "'2,5' has no unit: 2,5 € or 2,5 M€? Type 2,5 M€ or 2 500 000 (2,5 € for euros)"
 */
export function ambiguousAmount(text: string, value: number, lang: Lang = 'en'): string | undefined {
  const typed = text.trim();
  if (/[€a-z]/i.test(typed) || value === 0 || value >= 1000) return undefined;
  return BUDGET_WORDS[lang].noUnit(typed, value);
}

/** Enter in the budget prompt: the value applied (a new solve), or the prompt kept with why it was refused. */
export function submitBudget(state: TuiState, field: BudgetField, text: string): TuiState {
  const closed = { ...state, prompt: undefined };
  if (text.trim() === '') return closed;
  const { lang } = state;
  const label = budgetLabel(field, lang);
  const applied = applyBudget(state.scenario, field, text, lang);
  const was = formatBudgetValue(field, budgetValue(state.scenario, field), lang);
  // A refused entry keeps the prompt and its text, to be corrected, with the reason beneath.
  if (!applied.ok) return tell(state, BUDGET_WORDS[lang].keptAt(label, was, applied.reason), 'error');
  const now = formatBudgetValue(field, applied.value, lang);
  // French puts a no-break space before the colon.
  return edit(closed, { scenario: applied.scenario }, `${label} ${was} → ${now}`, `${label}${lang === 'fr' ? '\u00a0:' : ':'} ${was} → ${now}.`);
}

export const BUDGET_HANDLERS: Handlers<BudgetAction> = {
  moveBudgetCursor: (state, action) => {
    const count = budgetFields(state.scenario).length;
    const budgetCursor = Math.max(0, Math.min(count - 1, state.budgetCursor + action.delta));
    return { ...state, budgetCursor, tops: follow(state.tops, 'budget', BUDGET_LEAD + budgetCursor, action) };
  },
};
