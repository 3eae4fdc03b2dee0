/**
 * The simulator: a header, the current view (beside a conflict panel when the edits have no
 * allocation), and a footer. State lives in the reducer (state.ts), keys are mapped per screen
 * (keymap.ts), solving and writing files run in hooks, and components only draw.
 */
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import type { Scenario } from '../domain/types.js';
import type { Weights } from '../scoring/weights.js';
import { AllocationView } from './components/allocation-view.js';
import { BudgetView } from './components/budget-view.js';
import { CompareView } from './components/compare-view.js';
import { ConflictPanel } from './components/conflict-panel.js';
import { Footer } from './components/footer.js';
import { Header } from './components/header.js';
import { HelpView } from './components/help-view.js';
import { RobustnessView } from './components/robustness-view.js';
import { SummaryView } from './components/summary-view.js';
import { SweepView } from './components/sweep-view.js';
import { TippingView } from './components/tipping-view.js';
import { WeightsView } from './components/weights-view.js';
import { useAnalyses } from './hooks/use-runs.js';
import { useSolver } from './hooks/use-solver.js';
import { useSpinner } from './hooks/use-spinner.js';
import { useTasks } from './hooks/use-tasks.js';
import { useWhy } from './hooks/use-why.js';
import { useTerminalSize, type TerminalSize } from './hooks/use-terminal-size.js';
import { update, type KeyPress } from './input.js';
import { layoutOf, MIN_COLUMNS, MIN_ROWS } from './layout.js';
import { SERVICES, type Services, type SessionSolveOptions } from './services.js';
import { initialState, isSolving, isStale } from './state.js';

export interface AppProps {
  readonly scenario: Scenario;
  readonly policy?: string;
  readonly weights?: Weights;
  readonly solveOptions?: SessionSolveOptions;
  /** Replaces solving or writing files, e.g. to slow a solve down in a test. */
  readonly services?: Partial<Services>;
  /** A fixed size instead of the terminal's (tests). */
  readonly size?: TerminalSize;
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
    initialState(props.scenario, { policy: props.policy, weights: props.weights, cwd: process.cwd(), size }),
  );
  const services = useMemo<Services>(() => ({ ...SERVICES, ...props.services }), [props.services]);
  useSolver(state, dispatch, services, props.solveOptions ?? NO_OPTIONS);
  useAnalyses(state, dispatch, services, props.solveOptions ?? NO_OPTIONS);
  useTasks(state.task, dispatch, services);
  useWhy(state, dispatch, services, props.solveOptions ?? NO_OPTIONS);
  const spinner = useSpinner(isSolving(state) || state.conflicts?.kind === 'pending' || state.task !== undefined);

  useEffect(() => dispatch({ type: 'resize', columns: size.columns, rows: size.rows }), [size.columns, size.rows]);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  // One handler for every key: Ctrl-C quits whatever is open; the rest goes through the key maps.
  useInput((input, key) => {
    if (key.ctrl && input === 'c') exit();
    else dispatch({ type: 'key', press: pressOf(input, key) });
  });

  const stale = isStale(state);
  const layout = layoutOf(size, stale);
  if (layout.tooSmall) {
    return (
      <Box width={size.columns} height={layout.height}>
        <Text>
          enveloppe needs at least {MIN_COLUMNS}×{MIN_ROWS} (this terminal is {size.columns}×{size.rows}). q quits.
        </Text>
      </Box>
    );
  }
  const view = { state, width: layout.main, height: layout.body, active: state.prompt === undefined };
  return (
    <Box flexDirection="column" width={size.columns} height={layout.height}>
      <Header state={state} width={size.columns} spinner={spinner} />
      <Box flexDirection="row" height={layout.body}>
        <Box flexDirection="column" width={layout.main} height={layout.body} overflow="hidden">
          {state.help ? <HelpView {...view} /> : null}
          {!state.help && state.view === 'allocation' ? <AllocationView {...view} /> : null}
          {!state.help && state.view === 'weights' ? <WeightsView {...view} /> : null}
          {!state.help && state.view === 'budget' ? <BudgetView {...view} /> : null}
          {!state.help && state.view === 'summary' ? <SummaryView {...view} /> : null}
          {!state.help && state.view === 'compare' ? <CompareView {...view} /> : null}
          {!state.help && state.view === 'sweep' ? <SweepView {...view} /> : null}
          {!state.help && state.view === 'tipping' ? <TippingView {...view} /> : null}
          {!state.help && state.view === 'robustness' ? <RobustnessView {...view} /> : null}
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
