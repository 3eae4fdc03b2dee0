/** `?`: every key, scrolled when the terminal is short. */
import { helpLines } from '../help/lines.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function HelpView({ state, width, height }: ViewProps) {
  const lines = helpLines(width);
  const top = Math.max(0, Math.min(state.helpTop, lines.length - height));
  return <Lines lines={lines.slice(top)} height={height} />;
}
