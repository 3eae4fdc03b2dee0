/**
 * The simulator's own words, in French and in English: one interface, and a catalogue for each
 * language typed against it (words-fr.ts, words-en.ts), so that a text missing in either language is
 * a compile error. English is the simulator's historical text, byte for byte; French uses the
 * officers' words (lauréat, enveloppe, pondération, critère, verrou) and French numbers.
 */
import type { Lang } from '../domain/lang.js';
import type { View } from './state.js';
import { en } from './words-en.js';
import { fr } from './words-fr.js';

/** The solve status at the right of the header, without its time. */
export interface StatusWords {
  readonly solving: string;
  readonly optimal: string;
  /** The time limit stopped the search within `gap` (a fraction) of the optimum. */
  readonly within: (gap: number) => string;
  readonly infeasible: string;
  readonly timedout: string;
  readonly unbounded: string;
  readonly failed: string;
}

/** How every screen prints numbers: English keeps its historical `1 500 000 €`, `84.00`, `45.7 %`. */
export interface TuiNumbers {
  readonly euros: (value: number) => string;
  readonly euroChange: (value: number) => string;
  readonly percent: (fraction: number, digits?: number) => string;
  readonly decimal: (value: number, digits: number) => string;
  /** A whole number with its thousands grouped: `1 500`. */
  readonly integer: (value: number) => string;
  /** A share of the weight: `25 %`, `58.3 %` (one decimal only when needed). */
  readonly share: (share: number) => string;
  /** Euros in `width` cells: whole, else thousands (`1 500 k€`), else millions (`1,5 M€`). */
  readonly compact: (euros: number, width: number) => string;
  /** A reviewer's mark as typed, to two decimals at most: `3.5`, `4`. */
  readonly mark: (value: number) => string;
  /** A word for a count: the singular for 1 (French: 0 and 1). */
  readonly plural: (count: number, one: string, other: string) => string;
}

/** A candidate's lock, as the table's Space sets it. */
export type LockWord = 'free' | 'funded' | 'excluded';

export interface TuiWords {
  readonly n: TuiNumbers;
  /** The change column's words for a candidate that enters or leaves the laureates. */
  readonly changeNew: string;
  readonly changeOut: string;
  /** `free`, `locked in (funded)`, `locked out (excluded)`. */
  readonly lock: Readonly<Record<LockWord, string>>;
  /** The message after Space: `Pôle Sud: locked in (funded).`. */
  readonly locked: (name: string, lock: string) => string;
  /** What the last edit was, as the conflict panel recalls it. */
  readonly editPolicy: (policy: string) => string;
  readonly editWeight: (criterion: string, from: number, to: number) => string;
  readonly editReset: (policy: string) => string;
  /** Why a solve failed when the solver itself stopped. */
  readonly solverStopped: (reason: string) => string;
  readonly status: StatusWords;
  /** ` · policy ptce*  (label, edited)`. */
  readonly policyText: (policy: string, label: string, edited: boolean) => string;
  /** The spend line's words: `Spent `, the laureates' full and short word, and the stale note. */
  readonly spent: string;
  readonly laureates: string;
  readonly laureatesShort: string;
  readonly lastFeasible: string;
  /** Amounts on the spend line: whole euros, then thousands and millions (digits only, the unit written once) to fit. */
  readonly money: {
    readonly euros: (value: number) => string;
    readonly thousands: (value: number) => string;
    /** ` k€`, written once after the thousands. */
    readonly thousandsUnit: string;
    readonly millions: (value: number) => string;
    readonly millionsUnit: string;
  };
  readonly tooSmall: (columns: number, rows: number, minColumns: number, minRows: number) => string;
  // The footer
  readonly viewTitles: Readonly<Record<View, string>>;
  readonly viewHints: Readonly<Record<View | 'detail', readonly string[]>>;
  readonly globalHints: readonly string[];
  readonly helpHints: readonly string[];
  readonly versusPrevious: string;
  readonly versusReference: (policy: string) => string;
  readonly filterHint: (filter: string) => string;
  // The help (`?`)
  readonly keysTitle: string;
  readonly keysNote: string;
  /** One paragraph per group: its title, then one key per line, `keys | what they do`. */
  readonly keyTable: string;
}

/** Both catalogues, by language. */
export const WORDS: Readonly<Record<Lang, TuiWords>> = { en, fr };

/** The words of a language. */
export function wordsOf(lang: Lang): TuiWords {
  return WORDS[lang];
}
