/** Beside the last feasible allocation when the current edits have none: what conflicts and what would fix it. */
import { Box } from 'ink';
import { conflictLines, conflictRoom, conflictWindow } from './lines.js';
import type { TuiState } from '../state.js';
import { Lines } from '../lines-view.js';

export function ConflictPanel({ state, width, height, spinner }: { readonly state: TuiState; readonly width: number; readonly height: number; readonly spinner: string }) {
  const room = conflictRoom(height);
  const shown = conflictWindow(conflictLines(state, width - 4, spinner), state.tops.conflict, room, state.lang);
  return (
    <Box borderStyle="round" borderColor="red" flexDirection="column" width={width} height={height} paddingX={1}>
      <Lines lines={shown} height={room} />
    </Box>
  );
}
