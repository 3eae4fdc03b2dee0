/** The weights as bars, beside who moved with the last change. */
import { weightsScreen } from '../screens/weights.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function WeightsView({ state, width, height, active }: ViewProps) {
  return <Lines lines={weightsScreen(state, width, height, active)} height={height} />;
}
