/** The line where the user types: a filter, a budget value, a policy name, an export path. Its keys are in prompt/keys.ts. */
import { Text } from 'ink';
import { promptParts } from './lines.js';
import type { Prompt } from './state.js';
import type { TuiState } from '../state.js';
import { cells, fit } from '../text.js';

export function PromptLine({ state, prompt, width }: { readonly state: TuiState; readonly prompt: Prompt; readonly width: number }) {
  const { label, after } = promptParts(prompt, state);
  // Keep the end of a long text in view, where the cursor is.
  const room = Math.max(4, width - cells(label) - cells(after) - 1);
  const chars = [...prompt.text];
  const text = chars.length > room ? `…${chars.slice(chars.length - room + 1).join('')}` : prompt.text;
  return (
    <Text wrap="truncate">
      <Text bold color="cyan">
        {label}
      </Text>
      <Text>{text}</Text>
      <Text inverse> </Text>
      <Text dimColor>{fit(after, Math.max(0, width - cells(label) - cells(text) - 1))}</Text>
    </Text>
  );
}
