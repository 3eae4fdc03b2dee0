/**
 * Models built again and again on one scenario (robustness draws, tipping shares, simulator keys)
 * share the scenario's frame: the variables, rows and matrix arrays are built once, only the scores
 * and the objective are new. Whatever was built before, a model and its arrays are those a first
 * build gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/types.js';
import { buildModel } from '../../src/model/build.js';
import { tierLinks, withTierLinks } from '../../src/model/cuts.js';
import { structureKey, toArrays } from '../../src/solver/arrays.js';
import { scenarioArbitrary } from '../solver/arbitrary.js';

const POLICIES: Pick<Policy, 'returns'>[] = [{ returns: [] }, { returns: [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }] }];
const scores = (count: number): fc.Arbitrary<number[]> => fc.array(fc.integer({ min: 0, max: 1_000_000 }).map((value) => value / 10_000), { minLength: count, maxLength: count });

describe('buildModel on a frame', () => {
  it('gives, after any builds on the same scenario, the model and arrays a first build gives', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ min: 1, max: 12 }).chain((scenario) => fc.tuple(fc.constant(scenario), scores(scenario.candidates.length), scores(scenario.candidates.length), fc.constantFrom(...POLICIES))), ([scenario, before, after, policy]) => {
        const earlier = buildModel(scenario, before, policy);
        toArrays(earlier);
        const model = buildModel(scenario, after, policy);
        const fresh = buildModel(structuredClone(scenario), after, policy);
        expect(model).toEqual(fresh);
        expect(model.rows, 'the frame is shared').toBe(earlier.rows);
        const arrays = toArrays(model);
        const freshArrays = toArrays(fresh);
        expect(arrays).toEqual(freshArrays);
        expect(structureKey(arrays)).toBe(structureKey(freshArrays));
        expect(model.candidates.map((candidate) => candidate.score)).toEqual(after);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a frame per return tiers: a policy with tiers has its pieces, one without has none', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ min: 1, max: 6 }), (scenario) => {
        const ones = scenario.candidates.map(() => 1);
        const plain = buildModel(scenario, ones, POLICIES[0] as Pick<Policy, 'returns'>);
        const tiered = buildModel(scenario, ones, POLICIES[1] as Pick<Policy, 'returns'>);
        expect(plain.variables.some((variable) => variable.name.startsWith('p_'))).toBe(false);
        expect(tiered.variables.filter((variable) => variable.name.startsWith('p_'))).toHaveLength(2 * scenario.candidates.length);
        expect(buildModel(scenario, ones, POLICIES[0] as Pick<Policy, 'returns'>).rows).toBe(plain.rows);
      }),
      { numRuns: 20 },
    );
  });

  it('gives models of one frame with return tiers the same rows with the tier links, which its arrays serve', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ min: 1, max: 8 }).chain((scenario) => fc.tuple(fc.constant(scenario), scores(scenario.candidates.length), scores(scenario.candidates.length))), ([scenario, before, after]) => {
        const policy = POLICIES[1] as Pick<Policy, 'returns'>;
        const earlier = withTierLinks(buildModel(scenario, before, policy));
        const model = buildModel(scenario, after, policy);
        const linked = withTierLinks(model);
        expect(linked.rows).toBe(earlier.rows);
        expect(linked.rows).toEqual([...model.rows, ...tierLinks(model)]);
        expect(toArrays(linked).colCost).toEqual(toArrays({ ...model, rows: [...model.rows, ...tierLinks(model)] }).colCost);
        const plain = buildModel(scenario, after, POLICIES[0] as Pick<Policy, 'returns'>);
        expect(withTierLinks(plain)).toBe(plain);
      }),
      { numRuns: 30 },
    );
  });
});
