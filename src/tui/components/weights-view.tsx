/** The weights as bars, beside who moved with the last change. */
import { weightsScreen } from '../weights/lines.js';
import { currentShares, WEIGHTS_LEAD, windowFor } from '../state.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function WeightsView({ state, width, height, active }: ViewProps) {
  const lines = weightsScreen(state, width, height, active);
  const cursor = currentShares(state) === undefined ? undefined : WEIGHTS_LEAD + state.weightCursor;
  const top = windowFor(state.tops.weights, lines.length, height, cursor);
  return <Lines lines={lines.slice(top)} height={height} />;
}
