/**
 * The tie search (pipeline/tiebreak.ts findTies) on two calls of two candidates of one score, both
 * asking 100 000 €, with an envelope of 100 000 € and at most 60 000 € for B's region: the rule
 * serves A (the earlier row) first, and the optimum funds A alone. With a floor of 50 000 €, funding
 * B too leaves A 50 000 €, the same value: an exact tie, published. With a floor of 60 000 €, funding
 * B leaves A nothing (40 000 € is below the floor): 60 000 € spent instead of 100 000 €, no tie.
 * The try holds everyone outside the class, and its value is read off the class's members: a value
 * read wrong says a tie where there is none, or hides one.
 */
import { describe, expect, it } from 'vitest';
import type { Candidate, Scenario } from '../../src/domain/types.js';
import { allocate } from '../../src/pipeline/allocate.js';

function candidate(id: string, request: number, line: number): Candidate {
  return {
    id,
    name: `Pôle ${id}`,
    region: id === 'a' ? 'Bretagne' : 'Normandie',
    request,
    requestByYear: {},
    criteria: { utilite_sociale: 4 },
    attributes: { id, name: `Pôle ${id}`, region: id === 'a' ? 'Bretagne' : 'Normandie', request: String(request), utilite_sociale: '4' },
    line,
  } as unknown as Candidate;
}

function call(floor: number): Scenario {
  return {
    name: `Deux pôles, plancher ${floor} €`,
    description: '',
    file: '',
    candidatesFile: '',
    candidates: [candidate('a', 100_000, 2), candidate('b', 100_000, 3)],
    envelope: { total: 100_000, years: [] },
    grant: { min: floor, max: 100_000, step: 1_000 },
    laureates: { min: 0, max: 2 },
    criteria: [{ column: 'utilite_sociale', label: 'Utilité sociale', scale: [0, 5], better: 'higher' }],
    policies: [{ name: 'p', label: 'p', weights: { utilite_sociale: 1 }, returns: [] }],
    rules: [{ label: 'Normandie', group: { column: 'region', in: ['Normandie'] }, amount: { max: 60_000 } }],
    locks: {},
  } as unknown as Scenario;
}

describe('the tie search', () => {
  it('publishes the tie where funding the other candidate of the same score keeps the value', async () => {
    const outcome = await allocate(call(50_000), { policy: 'p' }, { engine: 'highs' });
    expect(outcome.status).toBe('optimal');
    if (outcome.status !== 'optimal') return;
    expect(outcome.allocation.candidates.map((entry) => [entry.id, entry.grant])).toEqual([
      ['a', 100_000],
      ['b', 0],
    ]);
    expect(outcome.allocation.ties.map((tie) => [tie.kind, tie.gains, tie.loses])).toEqual([['exact', 'b', ['a']]]);
  });

  it('publishes none where funding it loses money to the floor', async () => {
    const outcome = await allocate(call(60_000), { policy: 'p' }, { engine: 'highs' });
    expect(outcome.status).toBe('optimal');
    if (outcome.status !== 'optimal') return;
    expect(outcome.allocation.candidates.map((entry) => [entry.id, entry.grant])).toEqual([
      ['a', 100_000],
      ['b', 0],
    ]);
    expect(outcome.allocation.ties).toEqual([]);
  });
});
