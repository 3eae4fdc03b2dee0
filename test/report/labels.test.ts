/** The report's words, written once with both languages side by side: each language has every entry, and reads its own side. */
import { describe, expect, it } from 'vitest';
import { en, engineName, fr } from '../../src/report/labels.js';

describe("the report's words, in both languages", () => {
  it('has every entry in both languages, none empty', () => {
    expect(Object.keys(fr)).toEqual(Object.keys(en));
    for (const value of [...Object.values(fr), ...Object.values(en)]) expect(value).toBeDefined();
  });

  it('reads each language its own side, texts and sentences alike', () => {
    expect([en.title, fr.title]).toEqual(['Report to the steering committee', 'Rapport au comité de pilotage']);
    expect([en.lock('funded'), fr.lock('funded')]).toEqual(['locked in', 'retenu d’office']);
    expect([en.never(1), fr.never(2)]).toEqual(['1 application is never funded.', '2 dossiers ne sont jamais financés.']);
    expect([en.engineName('highs'), fr.engineName('jslp'), engineName('other')]).toEqual(['HiGHS', 'javascript-lp-solver', 'other']);
  });
});
