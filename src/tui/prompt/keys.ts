/** While a prompt is open every key goes to it: Enter, Esc, Tab (export), Backspace, Ctrl-U, and text. */
import type { KeyPress } from '../keys.js';
import type { Action } from '../state.js';
import type { Prompt } from './state.js';

export function promptKeys(prompt: Prompt, key: KeyPress): Action | undefined {
  if (key.enter === true) return { type: 'submitPrompt' };
  if (key.escape === true) return { type: 'cancelPrompt' };
  if (key.tab === true) return { type: 'toggleExcel' };
  if (key.backspace === true) return { type: 'editPrompt', text: [...prompt.text].slice(0, -1).join('') };
  if (key.ctrl === true) return key.input === 'u' ? { type: 'editPrompt', text: '' } : undefined;
  if (key.meta !== true && printable(key.input)) return { type: 'editPrompt', text: prompt.text + key.input };
  return undefined;
}

/** Typed or pasted text, without control characters. */
function printable(input: string): boolean {
  return input !== '' && [...input].every((char) => char >= ' ' && char !== '\u007f');
}
