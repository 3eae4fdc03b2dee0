/** Compare: the current allocation beside the other policies' or the reference's. */
import { compareLines } from '../compare/lines.js';
import type { ViewProps } from './allocation-view.js';
import { Lines } from './lines.js';

export function CompareView({ state, width, height }: ViewProps) {
  return <Lines lines={compareLines(state, width, height)} height={height} />;
}
