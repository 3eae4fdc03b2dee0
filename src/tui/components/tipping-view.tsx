/** Tipping: the share of one criterion in which each candidate keeps its status. */
import { tippingLines } from '../tipping/lines.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function TippingView({ state, width, height }: ViewProps) {
  return <Lines lines={tippingLines(state, width, height)} height={height} />;
}
