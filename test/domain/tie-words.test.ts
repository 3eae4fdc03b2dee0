/**
 * The tie sentences from their facts: English byte for byte as the JSON has always said them (the
 * sentences below are those of `solve scenarios/ptce-2013.yaml --near 0.001`), and French with French
 * numbers and the officers' words, no English left.
 */
import { describe, expect, it } from 'vitest';
import { tieRuleIn, tieSentenceIn, type TieFacts } from '../../src/domain/tie-words.js';

const PAIR: TieFacts = { kind: 'pair', id: 'ptce-096', other: 'ptce-074', score: 78, otherScore: undefined, theirs: 149_000, mine: 149_000, lottery: undefined, why: { kind: 'asked-less', theirs: 190_200, mine: 193_150 } };
const NEAR: TieFacts = { kind: 'near', id: 'ptce-003', score: 77.7777, loses: ['ptce-074'], loss: 0.0000612 };
const MANY: TieFacts = { kind: 'many', id: 'tiny-4', score: 57.5, loses: ['tiny-2', 'tiny-3'], lottery: { seed: 'comité 2013', band: 0 } };
const ENGLISH = /\b(the|and|score|grant|funds?|instead|rule|tied|which|asked|less|nobody|lottery|seed|higher|smaller|earlier)\b/;

describe('tie sentences', () => {
  it('say the facts in English exactly as the JSON always has', () => {
    expect(tieSentenceIn(PAIR)).toBe(
      'ptce-096 and ptce-074 are tied for the last place: same score (78.00), same grant (149 000 €); the rule (higher score, then smaller request, then earlier row) funds ptce-074, which asked for less (190 200 € against 193 150 €).',
    );
    expect(tieSentenceIn(NEAR, 'en')).toBe('ptce-003 (score 77.78) could be funded instead of ptce-074 for 0.006 % less value; the optimum funds ptce-074.');
    expect(tieSentenceIn(MANY)).toBe('tiny-4 (score 57.50) could be funded instead of tiny-2, tiny-3 at the same optimum; the rule (higher score, then the lottery drawn with seed "comité 2013") funds tiny-2, tiny-3.');
    expect(tieRuleIn(undefined)).toBe('among optimal allocations, the higher score first, then the smaller request, then the earlier row of the candidates file');
    expect(tieRuleIn({ seed: 's', band: 2 })).toBe('among optimal allocations, the higher score first, then the lottery drawn with seed "s" (ticket = SHA-256 of "seed:id", lower first); scores within 2 points of the funding line count as equal');
  });

  it('say them in French, with French numbers and no English word', () => {
    const pair = tieSentenceIn(PAIR, 'fr');
    expect(pair).toBe(
      'ptce-096 et ptce-074 sont ex aequo pour la dernière place\u00a0: même note (78,00), même subvention (149\u00a0000\u00a0€)\u00a0; la règle (note la plus haute, puis demande la plus faible, puis ligne la plus haute du fichier) finance ptce-074, qui a demandé moins (190\u00a0200\u00a0€ contre 193\u00a0150\u00a0€).',
    );
    const near = tieSentenceIn(NEAR, 'fr');
    expect(near).toBe('ptce-003 (note 77,78) pourrait être financé à la place de ptce-074 pour 0,006\u00a0% de valeur en moins\u00a0; l’optimum finance ptce-074.');
    const many = tieSentenceIn(MANY, 'fr');
    expect(many).toContain('tirage au sort de graine «\u00a0comité 2013\u00a0»');
    const other = tieSentenceIn({ ...PAIR, otherScore: 78.5, mine: 120_000, why: { kind: 'earlier-row' } }, 'fr');
    expect(other).toContain('notes 78,50 et 78,00, subventions 149\u00a0000\u00a0€ et 120\u00a0000\u00a0€');
    expect(other).toContain(', qui vient en premier dans le fichier des candidats.');
    for (const sentence of [pair, near, many, other, tieRuleIn(undefined, 'fr'), tieRuleIn({ seed: 's', band: 2.5 }, 'fr')]) expect(sentence).not.toMatch(ENGLISH);
    expect(tieRuleIn({ seed: 's', band: 2.5 }, 'fr')).toContain('les notes à moins de 2,50\u00a0points de la ligne de financement comptent comme ex aequo');
  });
});
