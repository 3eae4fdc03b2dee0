/**
 * The simulator: a header, the current screen (beside a conflict panel when the edits have no
 * allocation), and a footer. The app only routes: the state lives in the store (state.ts) and its
 * slices, keys go through input.ts to the screen's own key map, solving and writing files run in
 * hooks, and each screen's view (in its folder) gives the lines that one component draws.
 */
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { Lang } from '../domain/lang.js';
import type { Scenario } from '../domain/types.js';
import type { Weights } from '../scoring/weights.js';
import { allocationView } from './allocation/lines.js';
import { budgetView } from './budget/lines.js';
import { compareView } from './compare/lines.js';
import { ConflictPanel } from './conflict/view.js';
import { detailView } from './detail/lines.js';
import { Footer } from './footer/view.js';
import { headerLines } from './header/lines.js';
import { helpView } from './help/lines.js';
import { useRuns } from './hooks/use-runs.js';
import { useSolver } from './hooks/use-solver.js';
import { useSpinner } from './hooks/use-spinner.js';
import { useTasks } from './hooks/use-tasks.js';
import { useWhy } from './hooks/use-why.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { update, type KeyPress } from './input.js';
import { layoutOf, MIN_COLUMNS, MIN_ROWS } from './layout.js';
import type { Area, Shown } from './lines.js';
import { Lines } from './lines-view.js';
import { robustnessView } from './robustness/lines.js';
import { createSession } from '../analysis/pipeline.js';
import { servicesIn, type Services, type SessionSolveOptions } from './services.js';
import { initialState, type TuiState, type View } from './state.js';
import { isSolving, isStale } from './selectors.js';
import { summaryView } from './summary/lines.js';
import { sweepView } from './sweep/lines.js';
import { tippingView } from './tipping/lines.js';
import { weightsView } from './weights/lines.js';
import { wordsOf } from './words.js';

/** Each screen's view; the allocation's gives way to the detail while one is open. */
const SCREENS: Readonly<Record<View, (state: TuiState, area: Area) => Shown>> = {
  allocation: (state, area) => (state.detail === undefined ? allocationView(state, area) : detailView(state, area)),
  weights: weightsView,
  budget: budgetView,
  summary: summaryView,
  compare: compareView,
  sweep: sweepView,
  tipping: tippingView,
  robustness: robustnessView,
};

export interface AppProps {
  readonly scenario: Scenario;
  readonly policy?: string;
  readonly weights?: Weights;
  readonly solveOptions?: SessionSolveOptions;
  /** Replaces solving or writing files, e.g. to slow a solve down in a test. */
  readonly services?: Partial<Services>;
  /** The language of every screen. @default 'en' */
  readonly lang?: Lang;
  /** A fixed size instead of the terminal's (tests). */
  readonly size?: TerminalSize;
  /**
   * Warm the session up while the user reads a policy's first allocation (hooks/use-solver.ts): the
   * simulator on a terminal does; tests that count or gate solves do not. @default false
   */
  readonly warmUp?: boolean;
  /** Called once, when the first allocation has been found: work the start left for later (launch.ts). */
  readonly afterFirstAllocation?: () => void;
}

const NO_OPTIONS: SessionSolveOptions = {};

/** Ink's key, as the key maps read it. */
export function pressOf(input: string, key: Key): KeyPress {
  return {
    input,
    up: key.upArrow,
    down: key.downArrow,
    left: key.leftArrow,
    right: key.rightArrow,
    pageUp: key.pageUp,
    pageDown: key.pageDown,
    home: key.home,
    end: key.end,
    enter: key.return,
    escape: key.escape,
    tab: key.tab,
    // Most terminals send DEL for Backspace, which Ink calls `delete`.
    backspace: key.backspace || key.delete,
    shift: key.shift,
    ctrl: key.ctrl,
    meta: key.meta && !key.escape,
  };
}

export function App(props: AppProps) {
  const { exit } = useApp();
  const size = useTerminalSize(props.size);
  const [state, dispatch] = useReducer(update, undefined, () =>
    initialState(props.scenario, { policy: props.policy, weights: props.weights, cwd: process.cwd(), size, lang: props.lang }),
  );
  // One session for the whole run, made when the simulator opens.
  const services = useMemo<Services>(() => ({ ...servicesIn(createSession({ repeated: true })), ...props.services }), [props.services]);
  const { keyPressed } = useSolver(state, dispatch, services, props.solveOptions ?? NO_OPTIONS, props.warmUp === true);
  useRuns(state, dispatch, services, props.solveOptions ?? NO_OPTIONS);
  useTasks(state.task, dispatch, services, state.lang);
  useWhy(state, dispatch, services, props.solveOptions ?? NO_OPTIONS);
  const spinner = useSpinner(isSolving(state) || state.conflicts?.kind === 'pending' || state.task !== undefined);

  useEffect(() => dispatch({ type: 'resize', columns: size.columns, rows: size.rows }), [size.columns, size.rows]);
  const later = useRef(props.afterFirstAllocation);
  useEffect(() => {
    if (state.solved === 0 || later.current === undefined) return;
    const run = later.current;
    later.current = undefined;
    run();
  }, [state.solved]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  // One handler for every key: Ctrl-C quits whatever is open; the rest goes through the key maps.
  useInput((input, key) => {
    keyPressed();
    if (key.ctrl && input === 'c') exit();
    else dispatch({ type: 'key', press: pressOf(input, key) });
  });

  const stale = isStale(state);
  const layout = layoutOf(size, stale);
  if (layout.tooSmall) {
    return (
      <Box width={size.columns} height={layout.height}>
        <Text>{wordsOf(state.lang).tooSmall(size.columns, size.rows, MIN_COLUMNS, MIN_ROWS)}</Text>
      </Box>
    );
  }
  const area: Area = { width: layout.main, height: layout.body, active: state.prompt === undefined };
  const shown = state.help ? helpView(state, area) : SCREENS[state.view](state, area);
  return (
    <Box flexDirection="column" width={size.columns} height={layout.height}>
      <Lines lines={headerLines(state, size.columns, spinner)} />
      <Box flexDirection="row" height={layout.body}>
        <Box flexDirection="column" width={layout.main} height={layout.body} overflow="hidden">
          <Lines lines={shown.lines} height={layout.body} dim={shown.dim} />
        </Box>
        {stale ? (
          <Box marginLeft={1}>
            <ConflictPanel state={state} width={layout.panel} height={layout.body} spinner={spinner} />
          </Box>
        ) : null}
      </Box>
      <Footer state={state} width={size.columns} />
    </Box>
  );
}
