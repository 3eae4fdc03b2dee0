/**
 * The command line's words and the analyses' words, written once with both languages side by side:
 * each language has every entry, and each reads its own side.
 */
import { describe, expect, it } from 'vitest';
import { ANALYSIS_WORDS } from '../../src/cli/analysis-words.js';
import { WORDS } from '../../src/cli/words.js';

describe('the words of the command line, in both languages', () => {
  it('has every entry in both languages, none empty', () => {
    for (const catalogues of [WORDS, ANALYSIS_WORDS]) {
      expect(Object.keys(catalogues.fr)).toEqual(Object.keys(catalogues.en));
      for (const value of [...Object.values(catalogues.fr), ...Object.values(catalogues.en)]) expect(value).toBeDefined();
    }
  });

  it('reads each language its own side, texts and sentences alike', () => {
    expect([WORDS.en.byRegion, WORDS.fr.byRegion]).toEqual(['By region', 'Par région']);
    expect([WORDS.en.regionLaureates(1), WORDS.en.regionLaureates(2)]).toEqual(['1 laureate', '2 laureates']);
    expect([WORDS.fr.regionLaureates(1), WORDS.fr.regionLaureates(2)]).toEqual(['1 lauréat', '2 lauréats']);
    expect([WORDS.en.n.euros(1500), WORDS.fr.n.euros(1500)]).toEqual(['1 500 €', '1\u00a0500\u00a0€']);
    expect(WORDS.en.helpTitles['Usage:']).toBeUndefined();
    expect(WORDS.fr.helpTitles['Usage:']).toBe('Utilisation\u00a0:');
    expect([ANALYSIS_WORDS.en.fundingClass.often, ANALYSIS_WORDS.fr.fundingClass.often]).toEqual(['often', 'souvent']);
    expect(ANALYSIS_WORDS.fr.marksDrawn('median', true, 'social')).toContain('(médiane, corrigée de la sévérité)');
  });
});
