/** Spend by region and by rule group, scrolled. */
import { summaryLines } from '../summary/lines.js';
import { isStale } from '../state.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function SummaryView({ state, width, height }: ViewProps) {
  const lines = summaryLines(state, width);
  const top = Math.max(0, Math.min(state.summaryTop, lines.length - height));
  return <Lines lines={lines.slice(top)} height={height} dim={isStale(state)} />;
}
