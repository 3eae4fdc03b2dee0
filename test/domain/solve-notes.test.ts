/** The solve's notes in the reader's language: English as the solver wrote them, French for each note it writes. */
import { describe, expect, it } from 'vitest';
import { solveNoteIn } from '../../src/domain/solve-notes.js';

describe('the notes of a solve', () => {
  it('stay as written in English, and are French in French, the unknown ones left as they are', () => {
    const stopped = 'the time limit stopped the tie-break: ties may not follow the stated rule';
    expect(solveNoteIn(stopped, 'en')).toBe(stopped);
    expect(solveNoteIn(stopped, 'fr')).toBe('la limite de temps a arrêté le départage\u00a0: les ex aequo peuvent ne pas suivre la règle annoncée');
    expect(solveNoteIn('the tie-break stopped (timedout): ties may not follow the stated rule', 'fr')).toBe('le départage s’est arrêté (temps dépassé)\u00a0: les ex aequo peuvent ne pas suivre la règle annoncée');
    expect(solveNoteIn('javascript-lp-solver failed a tie-break solve; HiGHS settled that tie', 'fr')).toContain('HiGHS a départagé cet ex aequo');
    expect(solveNoteIn('something new', 'fr')).toBe('something new');
  });
});
