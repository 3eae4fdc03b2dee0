/** Every key of the simulator, once, by view: the help screen (`?`) lists them. */
import type { Lang } from '../../domain/lang.js';
import { wordsOf } from '../words.js';

export interface KeyHelp {
  readonly keys: string;
  readonly does: string;
}

export interface KeyGroup {
  readonly title: string;
  readonly keys: readonly KeyHelp[];
}

/** A paragraph of the table as a group. */
function groupOf(paragraph: string): KeyGroup {
  const [title = '', ...rows] = paragraph.split('\n');
  return {
    title,
    keys: rows.map((row) => {
      const [keys = '', does = ''] = row.split(' | ');
      return { keys, does };
    }),
  };
}

const made = new Map<Lang, readonly KeyGroup[]>();

/** The key groups in a language, read once from its table (words-en.ts, words-fr.ts). */
export function keyGroups(lang: Lang): readonly KeyGroup[] {
  let groups = made.get(lang);
  if (groups === undefined) {
    groups = wordsOf(lang).keyTable.trim().split('\n\n').map(groupOf);
    made.set(lang, groups);
  }
  return groups;
}
