/**
 * What each key does, screen by screen: pure functions from the state and a key press to an action.
 * Only the map of what is shown applies (an open prompt first, then the global keys, then the help
 * or the current view). The reducer runs them on the latest state, so keys typed faster than the
 * screen redraws (a paste, a burst from tmux) still reach the screen they were meant for.
 */
import type { AnalysisKind } from './runs/kinds.js';
import { layoutOf } from './layout.js';
import { tableRows } from './allocation/lines.js';
import { budgetLines } from './budget/lines.js';
import { compareScroll } from './compare/lines.js';
import { conflictLines, conflictRoom } from './conflict/lines.js';
import { detailLines } from './detail/lines.js';
import { helpHeight } from './help/lines.js';
import { robustnessScroll } from './robustness/lines.js';
import { summaryHeight } from './summary/lines.js';
import { sweepScroll } from './sweep/lines.js';
import { tippingScroll } from './tipping/lines.js';
import { weightsScreen } from './weights/lines.js';
import { WEIGHT_STEP, WEIGHT_STEP_BIG, isStale, reduce, selectedIndex, visibleCandidates, VIEWS, type Action, type Prompt, type ScrollArea, type TuiState } from './state.js';

/** A key as the maps need it; the app builds it from Ink's `useInput`. */
export interface KeyPress {
  /** The text typed (a letter, a pasted string), '' for special keys. */
  readonly input: string;
  readonly up?: boolean;
  readonly down?: boolean;
  readonly left?: boolean;
  readonly right?: boolean;
  readonly pageUp?: boolean;
  readonly pageDown?: boolean;
  readonly home?: boolean;
  readonly end?: boolean;
  readonly enter?: boolean;
  readonly escape?: boolean;
  readonly tab?: boolean;
  readonly backspace?: boolean;
  readonly shift?: boolean;
  readonly ctrl?: boolean;
  readonly meta?: boolean;
}

/** Messages of the simulator: the reducer's actions, and key presses routed by the maps. */
export type Msg = Action | { readonly type: 'key'; readonly press: KeyPress };

/** The reducer the app uses: key presses go through the maps, everything else straight in. */
export function update(state: TuiState, msg: Msg): TuiState {
  if (msg.type !== 'key') return reduce(state, msg);
  return splitPaste(msg.press).reduce((current, press) => {
    const action = keyAction(current, press);
    return action === undefined ? current : reduce(current, action);
  }, state);
}

/**
 * Ink hands text that arrives in one read (a paste, keys sent in a burst) as one input: it is
 * replayed one character at a time, Enter, Tab and Backspace included, so `2500000⏎` both types and submits.
 */
export function splitPaste(press: KeyPress): KeyPress[] {
  const chars = [...press.input];
  if (chars.length <= 1 || press.ctrl === true || press.meta === true) return [press];
  return chars.map((char): KeyPress => {
    if (char === '\r' || char === '\n') return { input: '', enter: true };
    if (char === '\t') return { input: '', tab: true };
    if (char === '\u007f' || char === '\b') return { input: '', backspace: true };
    return { input: char, shift: /^[A-Z]$/.test(char) };
  });
}

export function keyAction(state: TuiState, key: KeyPress): Action | undefined {
  if (state.prompt !== undefined) return promptKeys(state.prompt, key);
  if (key.ctrl === true) return undefined;
  const global = globalKeys(key) ?? conflictKeys(state, key);
  if (global !== undefined) return global;
  if (state.help) return helpKeys(state, key);
  switch (state.view) {
    case 'allocation':
      return state.detail === undefined ? allocationKeys(state, key) : detailKeys(state, key);
    case 'weights':
      return weightsKeys(state, key);
    case 'budget':
      return budgetKeys(state, key);
    case 'summary':
      return summaryKeys(state, key);
    case 'compare':
    case 'sweep':
    case 'tipping':
    case 'robustness':
      return analysisKeys(state, state.view, key);
  }
}

export function promptKeys(prompt: Prompt, key: KeyPress): Action | undefined {
  if (key.enter === true) return { type: 'submitPrompt' };
  if (key.escape === true) return { type: 'cancelPrompt' };
  if (key.tab === true) return { type: 'toggleExcel' };
  if (key.backspace === true) return { type: 'editPrompt', text: [...prompt.text].slice(0, -1).join('') };
  if (key.ctrl === true) return key.input === 'u' ? { type: 'editPrompt', text: '' } : undefined;
  if (key.meta !== true && printable(key.input)) return { type: 'editPrompt', text: prompt.text + key.input };
  return undefined;
}

function globalKeys(key: KeyPress): Action | undefined {
  const view = /^[1-8]$/.test(key.input) ? VIEWS[Number(key.input) - 1] : undefined;
  if (view !== undefined) return { type: 'showView', view };
  if (key.tab === true) return { type: 'nextView', delta: key.shift === true ? -1 : 1 };
  switch (key.input) {
    case 'q':
      return { type: 'quit' };
    case '?':
      return { type: 'toggleHelp' };
    case 'p':
      return { type: 'switchPolicy', delta: 1 };
    case 'P':
      return { type: 'switchPolicy', delta: -1 };
    case 'c':
      return { type: 'setReference' };
    case 'C':
      return { type: 'clearReference' };
    case 's':
      return { type: 'openPrompt', kind: 'save' };
    case 'e':
      return { type: 'openPrompt', kind: 'export' };
    case 'u':
      return { type: 'undo' };
    default:
      return undefined;
  }
}

/** Up, down and pages over `total` lines shown `rows` at a time. */
function scrollKeys(area: ScrollArea, key: KeyPress, rows: number, total: number): Action | undefined {
  const delta = key.up === true || key.input === 'k' ? -1 : key.down === true || key.input === 'j' ? 1 : key.pageUp === true ? -rows : key.pageDown === true ? rows : key.home === true ? -total : key.end === true ? total : 0;
  return delta === 0 ? undefined : { type: 'scroll', area, delta, rows, total };
}

function helpKeys(state: TuiState, key: KeyPress): Action | undefined {
  if (key.escape === true) return { type: 'toggleHelp' };
  const layout = layoutOf(state.size, isStale(state));
  return scrollKeys('help', key, layout.body, helpHeight(layout.main));
}

function allocationKeys(state: TuiState, key: KeyPress): Action | undefined {
  const rows = tableRows(layoutOf(state.size, isStale(state)).body);
  if (key.up === true || key.input === 'k') return { type: 'move', delta: -1, rows };
  if (key.down === true || key.input === 'j') return { type: 'move', delta: 1, rows };
  if (key.pageUp === true) return { type: 'page', delta: -1, rows };
  if (key.pageDown === true) return { type: 'page', delta: 1, rows };
  if (key.home === true) return { type: 'moveTo', where: 'first', rows };
  if (key.end === true) return { type: 'moveTo', where: 'last', rows };
  if (key.input === '/') return { type: 'openPrompt', kind: 'filter' };
  if (key.enter === true) return { type: 'openDetail' };
  const selected = visibleCandidates(state)[selectedIndex(state)];
  if (key.input === ' ' && selected !== undefined) return { type: 'cycleLock', id: selected.id };
  if (key.escape === true && state.filter !== '') return { type: 'clearFilter' };
  return undefined;
}

function detailKeys(state: TuiState, key: KeyPress): Action | undefined {
  const layout = layoutOf(state.size, isStale(state));
  const rows = tableRows(layout.body);
  if (key.escape === true || key.backspace === true || key.left === true) return { type: 'closeDetail' };
  if (key.up === true || key.input === 'k') return { type: 'move', delta: -1, rows };
  if (key.down === true || key.input === 'j') return { type: 'move', delta: 1, rows };
  if (key.input === ' ' && state.detail !== undefined) return { type: 'cycleLock', id: state.detail };
  // ↑↓ go to the next candidate: the pages scroll the detail itself.
  return pageKeys('detail', key, layout.body, detailLines(state, state.detail ?? '', layout.main).length);
}

/** PgUp, PgDn, Home and End over `total` lines shown `rows` at a time (views whose ↑↓ move a cursor). */
function pageKeys(area: ScrollArea, key: KeyPress, rows: number, total: number): Action | undefined {
  const delta = key.pageUp === true ? -rows : key.pageDown === true ? rows : key.home === true ? -total : key.end === true ? total : 0;
  return delta === 0 ? undefined : { type: 'scroll', area, delta, rows, total };
}

/** < and > scroll the conflict panel, whatever the view, while it is shown. */
function conflictKeys(state: TuiState, key: KeyPress): Action | undefined {
  if ((key.input !== '<' && key.input !== '>') || !isStale(state)) return undefined;
  const layout = layoutOf(state.size, true);
  const room = conflictRoom(layout.body);
  const total = conflictLines(state, layout.panel - 4, ' ').length;
  if (total <= room) return undefined;
  // One line of the panel says where it is: the window holds one line less.
  const rows = room - 1;
  const step = Math.max(1, rows - 1);
  return { type: 'scroll', area: 'conflict', delta: key.input === '<' ? -step : step, rows, total };
}

function weightsKeys(state: TuiState, key: KeyPress): Action | undefined {
  const layout = layoutOf(state.size, isStale(state));
  const total = weightsScreen(state, layout.main, layout.body, true).length;
  if (key.up === true || key.input === 'k') return { type: 'moveWeightCursor', delta: -1, rows: layout.body, total };
  if (key.down === true || key.input === 'j') return { type: 'moveWeightCursor', delta: 1, rows: layout.body, total };
  const page = pageKeys('weights', key, layout.body, total);
  if (page !== undefined) return page;
  if (key.left === true) return { type: 'nudgeWeight', points: -(key.shift === true ? WEIGHT_STEP_BIG : WEIGHT_STEP) };
  if (key.right === true) return { type: 'nudgeWeight', points: key.shift === true ? WEIGHT_STEP_BIG : WEIGHT_STEP };
  if (key.input === '0') return { type: 'zeroWeight' };
  if (key.input === 'r') return { type: 'resetWeights' };
  return undefined;
}

function budgetKeys(state: TuiState, key: KeyPress): Action | undefined {
  const layout = layoutOf(state.size, isStale(state));
  const total = budgetLines(state, layout.main, true).length;
  if (key.up === true || key.input === 'k') return { type: 'moveBudgetCursor', delta: -1, rows: layout.body, total };
  if (key.down === true || key.input === 'j') return { type: 'moveBudgetCursor', delta: 1, rows: layout.body, total };
  if (key.enter === true) return { type: 'openPrompt', kind: 'budget' };
  return pageKeys('budget', key, layout.body, total);
}

function summaryKeys(state: TuiState, key: KeyPress): Action | undefined {
  const layout = layoutOf(state.size, isStale(state));
  return scrollKeys('summary', key, layout.body, summaryHeight(state));
}

/** The analysis views: Esc stops a run, Enter starts one again; then each view's own keys, and scrolling. */
function analysisKeys(state: TuiState, kind: AnalysisKind, key: KeyPress): Action | undefined {
  if (key.escape === true) return state.analyses[kind].status === 'running' ? { type: 'cancelAnalysis', kind } : undefined;
  if (key.enter === true) return { type: 'runAnalysis', kind };
  const own = kind === 'compare' ? compareKeys(key) : kind === 'robustness' ? robustnessKeys(key) : criterionKeys(key);
  if (own !== undefined) return own;
  const layout = layoutOf(state.size, isStale(state));
  const scroll =
    kind === 'compare' ? compareScroll(state, layout.main, layout.body) : kind === 'sweep' ? sweepScroll(state, layout.main, layout.body) : kind === 'tipping' ? tippingScroll(state, layout.body) : robustnessScroll(state, layout.body);
  return scrollKeys(kind, key, scroll.rows, scroll.total);
}

function compareKeys(key: KeyPress): Action | undefined {
  if (key.left === true) return { type: 'moveCompareTarget', delta: -1 };
  if (key.right === true) return { type: 'moveCompareTarget', delta: 1 };
  if (key.input === 'm') return { type: 'toggleCompareMode' };
  return undefined;
}

/** Sweep and tipping: ← → choose the criterion (the one the weights view selects too). */
function criterionKeys(key: KeyPress): Action | undefined {
  if (key.left === true) return { type: 'moveWeightCursor', delta: -1 };
  if (key.right === true) return { type: 'moveWeightCursor', delta: 1 };
  return undefined;
}

function robustnessKeys(key: KeyPress): Action | undefined {
  if (key.input === '+' || key.input === '=') return { type: 'changeSamples', delta: 1 };
  if (key.input === '-' || key.input === '_') return { type: 'changeSamples', delta: -1 };
  if (key.input === ']') return { type: 'changeSpread', delta: 1 };
  if (key.input === '[') return { type: 'changeSpread', delta: -1 };
  if (key.input === 'U') return { type: 'toggleUniform' };
  if (key.input === 'o') return { type: 'cycleOver' };
  return undefined;
}

/** Typed or pasted text, without control characters. */
function printable(input: string): boolean {
  return input !== '' && [...input].every((char) => char >= ' ' && char !== '\u007f');
}
