/** The change column: how each candidate's grant moved between two allocations, matched by id. */
import type { Allocation } from '../domain/allocation.js';
import type { Lang } from '../domain/lang.js';
import { wordsOf } from './words.js';

/** How one candidate's grant moved. `euros` is the signed difference (for `out`, minus the old grant). */
export type Change =
  | { readonly kind: 'same' }
  | { readonly kind: 'up' | 'down' | 'new' | 'out'; readonly euros: number };

/**
 * Compares two allocations candidate by candidate. Candidates absent from `before` count as
 * unfunded there; without `before` (the first solve) nothing has changed.
 * @example changesBetween(previous, current).get('ptce-109') // { kind: 'up', euros: 40000 }
 */
export function changesBetween(before: Allocation | undefined, after: Allocation): ReadonlyMap<string, Change> {
  const changes = new Map<string, Change>();
  if (before === undefined) return changes;
  const old = new Map(before.candidates.map((candidate) => [candidate.id, candidate.grant]));
  for (const candidate of after.candidates) changes.set(candidate.id, changeOf(old.get(candidate.id) ?? 0, candidate.grant));
  return changes;
}

/** How a grant moved from `was` to `now` euros. */
export function changeOf(was: number, now: number): Change {
  const euros = now - was;
  if (euros === 0) return { kind: 'same' };
  if (was === 0) return { kind: 'new', euros };
  if (now === 0) return { kind: 'out', euros };
  return { kind: euros > 0 ? 'up' : 'down', euros };
}

/** Green for a gain or an entry, red for a loss or an exit, nothing when unchanged. */
export function changeColor(change: Change | undefined): string | undefined {
  if (change === undefined || change.kind === 'same') return undefined;
  return change.kind === 'up' || change.kind === 'new' ? 'green' : 'red';
}

/** `▲ +40 000 €`, `▼ −12 000 €`, `new`, `out`, or '' when nothing moved. */
export function formatChange(change: Change | undefined, lang: Lang = 'en'): string {
  if (change === undefined) return '';
  const words = wordsOf(lang);
  switch (change.kind) {
    case 'same':
      return '';
    case 'up':
      return `▲ ${words.n.euroChange(change.euros)}`;
    case 'down':
      return `▼ ${words.n.euroChange(change.euros)}`;
    case 'new':
      return words.changeNew;
    case 'out':
      return words.changeOut;
  }
}

/** How many candidates moved, entered and left: the one-line digest of a change. */
export function changeCounts(changes: ReadonlyMap<string, Change>): { moved: number; entered: number; left: number } {
  let moved = 0;
  let entered = 0;
  let left = 0;
  for (const change of changes.values()) {
    if (change.kind === 'up' || change.kind === 'down') moved += 1;
    else if (change.kind === 'new') entered += 1;
    else if (change.kind === 'out') left += 1;
  }
  return { moved, entered, left };
}
