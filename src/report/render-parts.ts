/** What every section of the report reads (its data, its words, its numbers), and the small pieces they share. */
import type { RuleResult } from '../domain/allocation.js';
import type { NumberFormats } from '../domain/numbers.js';
import { escapeHtml as e } from './html.js';
import type { Labels } from './labels.js';
import type { ReportInput, ReportLanguage } from './types.js';

export interface Context {
  readonly input: ReportInput;
  readonly l: Labels;
  readonly n: NumberFormats;
  readonly lang: ReportLanguage;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

/** French puts a no-break space before a colon. */
export function colon(ctx: Context): string {
  return ctx.lang === 'fr' ? '\u00a0: ' : ': ';
}

export function facts(rows: readonly (readonly [string, string])[], columns: 1 | 2 = 1): string {
  return `<dl class="facts${columns === 2 ? ' two' : ''}">${rows.map(([term, value]) => `<dt>${e(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

/**
 * A small bar for a fraction 0..1: a black bar in an outlined track, so its length reads without
 * colour. Inline SVG, not a CSS background: browsers leave backgrounds out of prints by default.
 */
export function meter(fraction: number): string {
  const width = 60;
  const filled = Math.max(0, Math.min(width, fraction * width));
  return `<svg class="bar" width="${width}" height="8" viewBox="0 0 ${width} 8" aria-hidden="true"><rect x="0.25" y="0.75" width="${width - 0.5}" height="6.5" fill="none" stroke="#000" stroke-width="0.5"/><rect x="0.25" y="0.75" width="${(Math.round(filled * 10) / 10).toString()}" height="6.5" fill="#000"/></svg>`;
}

export function formatRaw(n: NumberFormats, value: number): string {
  return Number.isInteger(value) ? n.integer(value) : n.decimal(value, 2);
}

export function ruleBound(ctx: Context, rule: RuleResult): string {
  const show = (value: number): string => (rule.measure === 'count' ? ctx.n.integer(value) : ctx.n.euros(value));
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${show(rule.min)}`);
  if (rule.max !== undefined) parts.push(`≤ ${show(rule.max)}`);
  return parts.join(', ');
}

export function ruleValue(ctx: Context, rule: RuleResult): string {
  return rule.measure === 'count' ? ctx.n.integer(rule.value) : ctx.n.euros(rule.value);
}
