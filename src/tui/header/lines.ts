/** Two lines on top: the call, the policy and the solve; then what is spent against each ceiling. */
import { formatEuros, groupDigits } from '../../domain/money.js';
import { activePolicy, isSolving, isStale } from '../selectors.js';
import type { TuiState } from '../state.js';
import { cells, fit } from '../text.js';
import { lineWidth, type Line, type Segment } from '../lines.js';

/** Cells kept for the solve status at the right of the first line. */
const STATUS_WIDTH = 22;

export function statusSegment(state: TuiState, spinner: string): Segment {
  if (isSolving(state)) return { text: `${spinner} solving…`, color: 'cyan' };
  const status = state.status;
  if (status === undefined) return { text: '' };
  const ms = `${Math.round(status.ms)} ms`;
  switch (status.kind) {
    case 'optimal':
      return { text: `✓ optimal · ${ms}`, color: 'green' };
    case 'feasible':
      return { text: `⌛ within ${(status.gap * 100).toPrecision(2)} % · ${ms}`, color: 'yellow', bold: true };
    case 'infeasible':
      return { text: `✗ infeasible · ${ms}`, color: 'red', bold: true };
    case 'timedout':
      return { text: `⌛ timed out · ${ms}`, color: 'yellow', bold: true };
    case 'unbounded':
      return { text: `✗ unbounded · ${ms}`, color: 'red', bold: true };
    case 'failed':
      return { text: `✗ failed · ${ms}`, color: 'red', bold: true };
  }
}

export function headerLines(state: TuiState, width: number, spinner: string): Line[] {
  const policy = activePolicy(state);
  const edited = state.weights !== undefined;
  const status = statusSegment(state, spinner);
  const title: Segment = { text: state.scenario.name, bold: true };
  const policyText = ` · policy ${state.policy}${edited ? '*' : ''} (${policy?.label ?? '?'}${edited ? ', edited' : ''})`;
  // The status keeps one width, so that the title does not jiggle as solve times change.
  const statusWidth = Math.max(STATUS_WIDTH, cells(status.text));
  const room = Math.max(0, width - statusWidth - 1);
  const left = fit(`${title.text}${policyText}`, room);
  const titleCut = left.slice(0, Math.min(left.length, title.text.length));
  const first: Line = [{ ...title, text: titleCut }, { text: left.slice(titleCut.length) }, { text: ' ' }, { ...status, text: fit(status.text, statusWidth, 'right') }];
  return [first, spendLine(state, width)];
}

/** Ways to write the spend line, widest first: whole euros, thousands, then tight thousands or millions. */
const SPEND_STYLES = [
  { money: (euros: number): string => formatEuros(euros), pair: ' / ', unitOnce: false, laureates: 'Laureates ' },
  { money: (euros: number): string => groupDigits(Math.round(euros / 1000)), pair: ' / ', unitOnce: ' k€', laureates: 'Laureates ' },
  { money: (euros: number): string => groupDigits(Math.round(euros / 1000)), pair: '/', unitOnce: ' k€', laureates: 'Laur. ' },
  { money: (euros: number): string => (euros / 1e6).toFixed(2).replace('.', ','), pair: '/', unitOnce: ' M€', laureates: 'Laur. ' },
] as const;

/** `Spent 3 000 000 € / 3 000 000 € · 2013 1 500 000 € / 1 500 000 € · … · Laureates 15 / 23`, compacted to fit. */
export function spendLine(state: TuiState, width: number): Line {
  const allocation = state.allocation;
  const { envelope, laureates } = state.scenario;
  const stale = isStale(state);
  let line: Segment[] = [];
  for (const style of SPEND_STYLES) {
    const pair = (spent: number | undefined, ceiling: number): string =>
      `${spent === undefined ? '—' : style.money(spent)}${style.pair}${style.money(ceiling)}${style.unitOnce === false ? '' : style.unitOnce}`;
    line = [{ text: 'Spent ', bold: true }, { text: pair(allocation?.spent, envelope.total) }];
    for (const year of envelope.years) {
      const spent = allocation?.years.find((entry) => entry.year === year.year)?.spent;
      line.push({ text: ' · ', dim: true }, { text: `${year.year} `, bold: true }, { text: pair(spent, year.ceiling) });
    }
    line.push({ text: ' · ', dim: true }, { text: style.laureates, bold: true }, { text: `${allocation?.laureates ?? '—'}${style.pair}${laureates.max}` });
    if (stale && allocation !== undefined) line.push({ text: ' (last feasible)', color: 'yellow' });
    if (lineWidth(line) <= width) break;
  }
  return line;
}
