/** The key maps count the help's and the summary's lines from data: the counts agree with the lines drawn. */
import { afterAll, describe, expect, test } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { helpHeight, helpLines } from '../../src/tui/help/lines.js';
import { summaryHeight, summaryLines } from '../../src/tui/summary/lines.js';
import { initialState, reduce } from '../../src/tui/state.js';

afterAll(stopJslpWorker);

describe('heights counted without drawing', () => {
  test('the help, at one and two columns', () => {
    for (const width of [60, 80, 109, 110, 140, 200]) expect(helpHeight(width), `width ${width}`).toBe(helpLines(width).length);
  });

  test('the summary, before and after the first solve, on every shipped scenario', async () => {
    for (const file of ['scenarios/tiny.yaml', 'scenarios/ptce-2013.yaml', 'scenarios/ptce-2015.yaml', 'scenarios/ptce-2015-portail.yaml', 'scenarios/rhone-alpes.yaml']) {
      const scenario = await loadScenario(file);
      const start = initialState(scenario);
      expect(summaryHeight(start)).toBe(summaryLines(start, 80).length);
      const outcome = await allocate(scenario, { policy: start.policy });
      const solved = reduce(start, { type: 'solved', generation: start.generation, outcome });
      for (const width of [60, 120]) expect(summaryHeight(solved), `${file} at ${width}`).toBe(summaryLines(solved, width).length);
    }
  }, 60_000);
});
