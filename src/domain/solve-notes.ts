/**
 * The notes a solve may carry (solver/canonical.ts writes them in English, and the JSON keeps them
 * so), said in the reader's language by the table of `solve` and by the report.
 */
import type { Lang } from './lang.js';

const FRENCH: Readonly<Record<string, string>> = {
  'the time limit stopped the tie-break: ties may not follow the stated rule': 'la limite de temps a arrêté le départage\u00a0: les ex aequo peuvent ne pas suivre la règle annoncée',
  'javascript-lp-solver failed a tie-break solve; HiGHS settled that tie': 'javascript-lp-solver a échoué sur un calcul de départage\u00a0; HiGHS a départagé cet ex aequo',
};

const STATUSES: Readonly<Record<string, string>> = { infeasible: 'infaisable', timedout: 'temps dépassé', unbounded: 'non borné', failed: 'échec', feasible: 'faisable' };

/**
 * Whether a note says the tie-break did not finish (the time limit, or a solve that failed): the
 * optimum holds, but ties may not follow the stated rule, so the allocation may differ from run to
 * run. The JSON says so in its `tiebreak` (io/allocation-export.ts).
 */
export function stopsTieBreak(note: string): boolean {
  return note === 'the time limit stopped the tie-break: ties may not follow the stated rule' || /^the tie-break stopped \(.*\): ties may not follow the stated rule$/.test(note);
}

/** A note of the solve's in `lang`; a note it does not know stays as the solver wrote it. */
export function solveNoteIn(note: string, lang: Lang): string {
  if (lang === 'en') return note;
  const known = FRENCH[note];
  if (known !== undefined) return known;
  return note.replace(/^the tie-break stopped \((.*)\): ties may not follow the stated rule$/, (_, status: string) => `le départage s’est arrêté (${STATUSES[status] ?? status})\u00a0: les ex aequo peuvent ne pas suivre la règle annoncée`);
}
