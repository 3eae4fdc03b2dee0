/** Three lines at the bottom: a prompt or the last message; the keys of the view; the views and global keys. */
import { VIEW_KEYS, fitHints } from './hints.js';
import { isAnalysis } from '../selectors.js';
import { type TuiState, VIEWS } from '../state.js';
import { cells, clip } from '../text.js';
import type { Line, Segment } from '../lines.js';
import { wordsOf } from '../words.js';


export function footerLines(state: TuiState, width: number): Line[] {
  const message: Line = state.message === undefined ? [] : [{ text: clip(state.message.text, width), color: state.message.tone === 'error' ? 'red' : 'green' }];
  const words = wordsOf(state.lang);
  const viewHints = state.help ? words.helpHints : words.viewHints[state.detail !== undefined && state.view === 'allocation' ? 'detail' : state.view];
  const baseline = isAnalysis(state.view) ? [] : [state.reference === undefined ? words.versusPrevious : words.versusReference(state.reference.policy)];
  const filter = state.filter !== '' && state.view === 'allocation' ? [words.filterHint(state.filter)] : [];
  const hints: Line = [{ text: fitHints([...filter, ...viewHints, ...baseline], width), dim: true }];

  const tabs = viewTabs(state, true);
  // The global keys need at least `│ ? keys  q quit`.
  const globalMin = 2 + [...fitHints(words.globalHints.slice(-2), Infinity)].length;
  const fitted = tabs.reduce((sum, segment) => sum + cells(segment.text), 0) + globalMin <= width ? tabs : viewTabs(state, false);
  const tabsWidth = fitted.reduce((sum, segment) => sum + cells(segment.text), 0);
  const global: Segment = { text: `│ ${fitHints(words.globalHints, Math.max(0, width - tabsWidth - 2), 2)}`, dim: true };
  return [message, hints, [...fitted, global]];
}

/**
 * `1 Allocation 2 Weights …`, the current view highlighted and analyses under way in cyan. Without
 * `titles` (a narrow terminal) only the current view keeps its title: `1 Allocation 2 3 4 5 6 7 8`.
 */
function viewTabs(state: TuiState, titles: boolean): Segment[] {
  const titlesOf = wordsOf(state.lang).viewTitles;
  const tabs: Segment[] = [];
  for (const view of VIEWS) {
    const current = view === state.view && !state.help;
    const running = isAnalysis(view) && state.analyses[view].status === 'running';
    tabs.push({ text: titles || view === state.view ? `${VIEW_KEYS[view]} ${titlesOf[view]}` : VIEW_KEYS[view], inverse: current, bold: current, color: running ? 'cyan' : undefined });
    tabs.push({ text: ' ' });
  }
  return tabs;
}
