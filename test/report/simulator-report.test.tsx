/**
 * The report from the simulator: `e` (export) with a name ending in .html writes the committee's
 * report for the allocation on screen, with the weights as edited and a note on unsaved edits.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import { reportFromSimulator } from '../../src/report/trace.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { drive, KEYS, scenarioCopy, settled, type Driven } from '../tui/drive.js';

let app: Driven | undefined;
afterEach(() => app?.unmount());
afterAll(stopJslpWorker);

describe('the report from the simulator', { timeout: 30_000 }, () => {
  test('e then a .html name writes the report of the allocation on screen', async () => {
    const folder = await scenarioCopy();
    const scenario = await loadScenario(join(folder, 'tiny.yaml'));
    app = drive({ scenario, size: { columns: 100, rows: 16 } });
    await app.until(settled);
    const path = join(folder, 'rapport.html');
    await app.press('e', KEYS.ctrlU, ...path, KEYS.enter);
    await app.until("Wrote the committee's report to");
    const html = await readFile(path, 'utf8');
    expect(html).toContain('<h1>Exemple à cinq candidats</h1>');
    for (const [id, grant] of [['tiny-1', '120\u00a0000\u00a0€'], ['tiny-2', '100\u00a0000\u00a0€'], ['tiny-3', '80\u00a0000\u00a0€']] as const) {
      expect(html).toMatch(new RegExp(`<td class="id">${id}</td>.*?<td class="n">${grant}</td>`));
    }
    expect(html).toContain('Rapport établi depuis le simulateur');
    // The policy's own weights: no --weights in the command that reproduces it.
    expect(html).toMatch(/<pre>enveloppe solve \S*tiny\.yaml --policy social --record decision\.json/);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*(?!["']?#)|url\(\s*(?!["']?#)|@import|https?:/i);
  });

  test('weights edited in the session are named as applied, with the command that reproduces them', async () => {
    const scenario = await loadScenario('scenarios/tiny.yaml');
    const outcome = await allocate(scenario, { policy: 'social', weights: { utilite_sociale: 1, emplois: 1 } }, { engine: 'highs' });
    if (outcome.status !== 'optimal') throw new Error(outcome.status);
    const html = reportFromSimulator(scenario, outcome.allocation);
    expect(html).toContain('Les poids de cette politique ont été remplacés');
    expect(html).toContain('<pre>enveloppe solve scenarios/tiny.yaml --policy social --weights utilite_sociale=0.5,emplois=0.5 --record decision.json');
    expect(reportFromSimulator(scenario, outcome.allocation)).toBe(html);
  });
});
