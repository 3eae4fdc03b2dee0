/** The three lines at the bottom: the prompt or the last message; the keys of the view; the views and the global keys. */
import { footerLines } from '../screens/footer.js';
import type { TuiState } from '../state.js';
import { Lines } from './lines.js';
import { PromptLine } from './prompt-line.js';

export function Footer({ state, width }: { readonly state: TuiState; readonly width: number }) {
  const lines = footerLines(state, width);
  return (
    <>
      {state.prompt === undefined ? <Lines lines={lines.slice(0, 1)} /> : <PromptLine state={state} prompt={state.prompt} width={width} />}
      <Lines lines={lines.slice(1)} />
    </>
  );
}
