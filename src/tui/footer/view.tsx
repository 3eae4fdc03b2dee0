/**
 * The three lines at the bottom: the prompt or the last message; the keys of the view (or, while a
 * prompt is open, its message: a refused entry says why until the next key); the views and the global keys.
 */
import { footerLines } from './lines.js';
import type { TuiState } from '../state.js';
import { Lines } from '../lines-view.js';
import { PromptLine } from '../prompt/view.js';

export function Footer({ state, width }: { readonly state: TuiState; readonly width: number }) {
  const lines = footerLines(state, width);
  return (
    <>
      {state.prompt === undefined ? <Lines lines={lines.slice(0, 1)} /> : <PromptLine state={state} prompt={state.prompt} width={width} />}
      <Lines lines={state.prompt !== undefined && state.message !== undefined ? [lines[0] ?? [], ...lines.slice(2)] : lines.slice(1)} />
    </>
  );
}
