/** `enveloppe solve`'s table: tags in a column of their own, names whole, the mean score instead of the raw objective. */
import { afterAll, expect, test } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import { renderReport } from '../../src/cli/report.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';

afterAll(stopJslpWorker);

test('tags sit in a Note column, never cut by the name; the objective reads as a mean score per euro', async () => {
  const tiny = await loadScenario('scenarios/tiny.yaml');
  const outcome = await allocate({ ...tiny, locks: { 'tiny-4': 'funded' } }, { policy: 'social' });
  if (outcome.status !== 'optimal') throw new Error(outcome.status);
  const text = renderReport(outcome.allocation, { all: true });
  const lines = text.split('\n');
  expect(lines[2]).toBe('Proven optimum by javascript-lp-solver; mean score weighted by the euros: 68.83');
  // (120 000 € × 77.50 + 80 000 € × 70.00 + 100 000 € × 57.50) ÷ 300 000 €: with tiny-4 locked in, funding
  // tiny-3 (70.00) instead of tiny-2 (67.50) reaches the same optimum, and the rule serves the higher score first.
  expect(text).not.toMatch(/objective/);
  expect(lines[4]).toBe('Rank  Id      Name                                Region                       Score        Grant   % req.  Note');
  expect(lines).toContain("   5  tiny-4  Quartiers Nord Solidaires           Provence-Alpes-Côte d'Azur   57.50    100 000 €   90.9 %  locked in");
  expect(text).toMatch(/^ {3}1 {2}tiny-5 {2}Cluster solidaire du Val de Sambre {2}Nord-Pas-de-Calais .* {2}asks < floor$/m);
  // Without tags, no Note column.
  const free = await allocate(tiny, { policy: 'social' });
  if (free.status !== 'optimal') throw new Error(free.status);
  expect(renderReport(free.allocation).split('\n')[4]).toBe('Rank  Id      Name                              Region          Score        Grant   % req.');
});
