/** The allocation table (screens/allocation.ts), or the detail of the candidate opened with Enter. */
import { allocationLines } from '../allocation/lines.js';
import { isStale, type TuiState } from '../state.js';
import { CandidateDetail } from './candidate-detail.js';
import { Lines } from './lines.js';

/** What every view gets. */
export interface ViewProps {
  readonly state: TuiState;
  readonly width: number;
  readonly height: number;
  /** Keys go to this view (no prompt is open): the selection is highlighted. */
  readonly active: boolean;
}

export function AllocationView(props: ViewProps) {
  const { state, width, height, active } = props;
  if (state.detail !== undefined) return <CandidateDetail {...props} />;
  const stale = isStale(state);
  return <Lines lines={allocationLines(state, width, height, active && !stale)} height={height} dim={stale} />;
}
