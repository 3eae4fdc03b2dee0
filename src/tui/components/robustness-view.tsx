/** Robustness: how often each candidate is funded under weightings drawn at random. */
import { robustnessLines } from '../robustness/lines.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function RobustnessView({ state, width, height }: ViewProps) {
  return <Lines lines={robustnessLines(state, width, height)} height={height} />;
}
