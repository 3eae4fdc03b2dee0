/** Two lines on top: the call, the policy and the solve; then what is spent against each ceiling. */
import { activePolicy, isSolving, isStale } from '../selectors.js';
import type { TuiState } from '../state.js';
import { cells, fit } from '../text.js';
import { lineWidth, type Line, type Segment } from '../lines.js';
import { wordsOf, type TuiWords } from '../words.js';

/** Cells kept for the solve status at the right of the first line. */
const STATUS_WIDTH = 22;

export function statusSegment(state: TuiState, spinner: string): Segment {
  const words = wordsOf(state.lang).status;
  if (isSolving(state)) return { text: `${spinner} ${words.solving}`, color: 'cyan' };
  const status = state.status;
  if (status === undefined) return { text: '' };
  const ms = `${Math.round(status.ms)} ms`;
  switch (status.kind) {
    case 'optimal':
      return { text: `✓ ${words.optimal} · ${ms}`, color: 'green' };
    case 'feasible':
      return { text: `⌛ ${words.within(status.gap)} · ${ms}`, color: 'yellow', bold: true };
    case 'infeasible':
      return { text: `✗ ${words.infeasible} · ${ms}`, color: 'red', bold: true };
    case 'timedout':
      return { text: `⌛ ${words.timedout} · ${ms}`, color: 'yellow', bold: true };
    case 'unbounded':
      return { text: `✗ ${words.unbounded} · ${ms}`, color: 'red', bold: true };
    case 'failed':
      return { text: `✗ ${words.failed} · ${ms}`, color: 'red', bold: true };
  }
}

export function headerLines(state: TuiState, width: number, spinner: string): Line[] {
  const policy = activePolicy(state);
  const edited = state.weights !== undefined;
  const status = statusSegment(state, spinner);
  const title: Segment = { text: state.scenario.name, bold: true };
  const policyText = wordsOf(state.lang).policyText(state.policy, policy?.label ?? '?', edited);
  // The status keeps one width, so that the title does not jiggle as solve times change.
  const statusWidth = Math.max(STATUS_WIDTH, cells(status.text));
  const room = Math.max(0, width - statusWidth - 1);
  const left = fit(`${title.text}${policyText}`, room);
  const titleCut = left.slice(0, Math.min(left.length, title.text.length));
  const first: Line = [{ ...title, text: titleCut }, { text: left.slice(titleCut.length) }, { text: ' ' }, { ...status, text: fit(status.text, statusWidth, 'right') }];
  return [first, spendLine(state, width)];
}

/** Ways to write the spend line, widest first: whole euros, thousands, then tight thousands or millions. */
function spendStyles(words: TuiWords): readonly { readonly money: (euros: number) => string; readonly pair: string; readonly unitOnce: string | false; readonly laureates: string }[] {
  const { money } = words;
  return [
    { money: money.euros, pair: ' / ', unitOnce: false, laureates: words.laureates },
    { money: money.thousands, pair: ' / ', unitOnce: money.thousandsUnit, laureates: words.laureates },
    { money: money.thousands, pair: '/', unitOnce: money.thousandsUnit, laureates: words.laureatesShort },
    { money: money.millions, pair: '/', unitOnce: money.millionsUnit, laureates: words.laureatesShort },
  ];
}

/** `Spent 3 000 000 € / 3 000 000 € · 2013 1 500 000 € / 1 500 000 € · … · Laureates 15 / 23`, compacted to fit. */
export function spendLine(state: TuiState, width: number): Line {
  const allocation = state.allocation;
  const { envelope, laureates } = state.scenario;
  const stale = isStale(state);
  const words = wordsOf(state.lang);
  let line: Segment[] = [];
  for (const style of spendStyles(words)) {
    const pair = (spent: number | undefined, ceiling: number): string =>
      `${spent === undefined ? '—' : style.money(spent)}${style.pair}${style.money(ceiling)}${style.unitOnce === false ? '' : style.unitOnce}`;
    line = [{ text: words.spent, bold: true }, { text: pair(allocation?.spent, envelope.total) }];
    for (const year of envelope.years) {
      const spent = allocation?.years.find((entry) => entry.year === year.year)?.spent;
      line.push({ text: ' · ', dim: true }, { text: `${year.year} `, bold: true }, { text: pair(spent, year.ceiling) });
    }
    line.push({ text: ' · ', dim: true }, { text: style.laureates, bold: true }, { text: `${allocation?.laureates ?? '—'}${style.pair}${laureates.max}` });
    if (stale && allocation !== undefined) line.push({ text: words.lastFeasible, color: 'yellow' });
    if (lineWidth(line) <= width) break;
  }
  return line;
}
