/** Sweep: the grants as one criterion's share goes from 0 to 100 %, and where each candidate is funded. */
import { sweepLines } from '../sweep/lines.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function SweepView({ state, width, height }: ViewProps) {
  return <Lines lines={sweepLines(state, width, height)} height={height} />;
}
