/** The two lines on top: the call, the policy and the solve; what is spent against each ceiling. */
import { headerLines } from '../header/lines.js';
import type { TuiState } from '../state.js';
import { Lines } from './lines.js';

export function Header({ state, width, spinner }: { readonly state: TuiState; readonly width: number; readonly spinner: string }) {
  return <Lines lines={headerLines(state, width, spinner)} />;
}
