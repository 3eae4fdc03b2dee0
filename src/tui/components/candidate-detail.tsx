/** One candidate: its marks, its score by criterion, the rules it counts towards, its lock. */
import { detailLines } from '../detail/lines.js';
import { isStale, windowFor } from '../state.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function CandidateDetail({ state, width, height }: ViewProps) {
  const lines = detailLines(state, state.detail ?? '', width);
  const top = windowFor(state.tops.detail, lines.length, height);
  return <Lines lines={lines.slice(top)} height={height} dim={isStale(state)} />;
}
