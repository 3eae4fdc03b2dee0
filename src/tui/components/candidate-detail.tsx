/** One candidate: its marks, its score by criterion, the rules it counts towards, its lock. */
import { detailLines } from '../screens/detail.js';
import { isStale } from '../state.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function CandidateDetail({ state, width, height }: ViewProps) {
  return <Lines lines={detailLines(state, state.detail ?? '', width)} height={height} dim={isStale(state)} />;
}
