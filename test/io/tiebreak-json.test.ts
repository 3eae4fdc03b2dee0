/**
 * A tie-break that did not finish (the time limit, a failed solve) leaves an optimal allocation whose
 * ties may not follow the stated rule: the JSON says so in its `tiebreak`, and says nothing when the
 * tie-break finished (the same bytes as before).
 */
import { expect, test } from 'vitest';
import { allocate } from '../../src/pipeline/allocate.js';
import { loadScenario } from '../../src/io/scenario.js';
import { allocationJson } from '../../src/io/allocation-export.js';

test('tiebreak.stopped carries the note of a tie-break that did not finish, and only then', async () => {
  const scenario = await loadScenario('scenarios/tiny.yaml');
  const outcome = await allocate(scenario, { policy: scenario.policies[0]?.name ?? '' }, { engine: 'highs' });
  if (outcome.status !== 'optimal') throw new Error(outcome.status);
  const finished = JSON.parse(allocationJson(outcome.allocation, 'optimal')) as { tiebreak: Record<string, unknown> };
  expect(Object.keys(finished.tiebreak)).toEqual(['rule', 'lottery']);
  for (const note of ['the time limit stopped the tie-break: ties may not follow the stated rule', 'the tie-break stopped (timedout): ties may not follow the stated rule']) {
    const stopped = { ...outcome.allocation, notes: ['javascript-lp-solver failed a tie-break solve; HiGHS settled that tie', note] };
    const json = JSON.parse(allocationJson(stopped, 'optimal')) as { tiebreak: Record<string, unknown> };
    expect(json.tiebreak['stopped']).toBe(note);
  }
  // A note that does not stop the tie-break adds nothing.
  const settled = { ...outcome.allocation, notes: ['javascript-lp-solver failed a tie-break solve; HiGHS settled that tie'] };
  expect(allocationJson(settled, 'optimal')).toBe(allocationJson(outcome.allocation, 'optimal'));
});
