/** Three lines at the bottom: a prompt or the last message; the keys of the view; the views and global keys. */
import { GLOBAL_HINTS, VIEW_HINTS, VIEW_KEYS, VIEW_TITLES, fitHints } from '../keys.js';
import { VIEWS, type TuiState } from '../state.js';
import { cells, clip } from '../text.js';
import type { Line, Segment } from '../lines.js';

export function footerLines(state: TuiState, width: number): Line[] {
  const message: Line = state.message === undefined ? [] : [{ text: clip(state.message.text, width), color: state.message.tone === 'error' ? 'red' : 'green' }];
  const viewHints = state.help ? ['↑↓ scroll', 'Esc or ? close'] : VIEW_HINTS[state.detail !== undefined && state.view === 'allocation' ? 'detail' : state.view];
  const baseline = state.reference === undefined ? 'Δ vs previous solve' : `Δ vs reference (${state.reference.policy})`;
  const filter = state.filter !== '' && state.view === 'allocation' ? [`filter “${state.filter}” (Esc clears)`] : [];
  const hints: Line = [{ text: fitHints([...filter, ...viewHints, baseline], width), dim: true }];

  const tabs: Segment[] = [];
  for (const view of VIEWS) {
    const current = view === state.view && !state.help;
    tabs.push({ text: `${VIEW_KEYS[view]} ${VIEW_TITLES[view]}`, inverse: current, bold: current });
    tabs.push({ text: ' ' });
  }
  const tabsWidth = tabs.reduce((sum, segment) => sum + cells(segment.text), 0);
  const global: Segment = { text: `│ ${fitHints(GLOBAL_HINTS, Math.max(0, width - tabsWidth - 2), 2)}`, dim: true };
  return [message, hints, [...tabs, global]];
}
