/**
 * What a user reads about the reviewers: the loader's reading of marks (decimal commas,
 * blank marks, "non" in the conflict column), the solve table's Reviews column, the JSON, and the
 * simulator's candidate detail.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import type { Allocation } from '../../src/domain/allocation.js';
import { renderReport } from '../../src/cli/report.js';
import type { Scenario } from '../../src/domain/types.js';
import { allocationJson } from '../../src/io/allocation-export.js';
import { loadScenario } from '../../src/io/scenario.js';
import { detailLines } from '../../src/tui/detail/lines.js';
import { initialState } from '../../src/tui/state.js';

const folder = mkdtempSync(join(tmpdir(), 'enveloppe-reviews-shown-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SCENARIO = `name: Cas de test
candidates: candidates.csv
envelope: {total: 200000}
grant: {min: 40000, max: 120000}
criteria:
  - {column: utilite_sociale, label: Utilité sociale, scale: [0, 5]}
  - {column: emplois, label: Emplois, scale: [0, 5]}
policies:
  social: {weights: {utilite_sociale: 3, emplois: 1}}
reviews: {file: notes.csv, aggregate: median, disagreement: 10}
`;
const CANDIDATES = 'id;name;region;request\r\nc-1;Pôle coopératif du Pays de Redon;Bretagne;120000\r\nc-2;PTCE Vallée de la Bièvre;Île-de-France;100000\r\n';
const NOTES = [
  'id;reviewer;conflict;utilite_sociale;emplois;commentaire',
  'c-1;r-1;non;4,5;2;dossier solide',
  'c-1;r-2;;4,50;;',
  'c-1;r-3;;2;3;',
  'c-2;r-1;;3;4,5;',
  'c-2;r-2;x;;;lien avec le porteur',
  'c-2;r-3;;3,5;4;',
].join('\r\n');

let scenario: Scenario;
let allocation: Allocation;

beforeAll(async () => {
  writeFileSync(join(folder, 'scenario.yaml'), SCENARIO);
  writeFileSync(join(folder, 'candidates.csv'), CANDIDATES);
  writeFileSync(join(folder, 'notes.csv'), `${NOTES}\r\n`);
  scenario = await loadScenario(join(folder, 'scenario.yaml'));
  const outcome = await allocate(scenario, { policy: 'social' }, { engine: 'highs' });
  if (outcome.status !== 'optimal') throw new Error('feasible');
  allocation = outcome.allocation;
});

describe('reading the reviews', () => {
  it('takes decimal commas, blank marks, and any non-empty conflict but "non"', () => {
    const [c1, c2] = scenario.candidates;
    // c-1: utilite_sociale 4.5, 4.50, 2 → median 4.5; emplois 2, 3 (r-2 left it blank) → 2.5
    expect(c1?.criteria).toEqual({ utilite_sociale: 4.5, emplois: 2.5 });
    // c-2: r-2 is in conflict ('x'): 3 and 3.5 → 3.25; 4.5 and 4 → 4.25
    expect(c2?.criteria).toEqual({ utilite_sociale: 3.25, emplois: 4.25 });
    expect(scenario.reviews?.rows.map((row) => row.conflict)).toEqual([false, false, false, false, true, false]);
  });
});

describe('showing the reviews', () => {
  it("adds a Reviews column to solve's table: reviewers, range of their own scores, ⚑ above the threshold, ⊘ conflicts", () => {
    const report = renderReport(allocation);
    expect(report).toMatch(/Rank +Id +Name .* % req\. +Reviews$/m);
    // c-1: own scores 100×(.75×.9+.25×.4)=77.5, 100×(.75×.9+.25×.5)=80 (blank emplois takes the value 2.5), 100×(.75×.4+.25×.6)=45 → range 35 > 10
    expect(report).toMatch(/c-1 .* 3 ↕35\.0 ⚑$/m);
    // c-2: 100×(.75×.6+.25×.9)=67.5 and 100×(.75×.7+.25×.8)=72.5 → range 5, one conflict
    expect(report).toMatch(/c-2 .* 2 ↕5\.0 ⊘1$/m);
    expect(report).toContain("⚑ above the scenario's disagreement threshold");
  });

  it('carries the review in the JSON', () => {
    const document = JSON.parse(allocationJson(allocation, 'optimal')) as { allocations: { id: string; review?: unknown }[] };
    expect(document.allocations.find((entry) => entry.id === 'c-2')?.review).toEqual({
      reviewers: 2,
      conflicts: 1,
      spread: { utilite_sociale: 0.5, emplois: 0.5 },
      scores: { 'r-1': 67.5, 'r-3': 72.5 },
      scoreRange: 5,
      disagree: false,
    });
  });

  it("shows the reviewers, their own scores and the widest spreads in the simulator's detail", () => {
    const text = detailLines({ ...initialState(scenario), allocation }, 'c-1', 100).map((line) => line.map((part) => part.text).join(''));
    expect(text).toContain('Reviewers 3 · their own scores 45.0 to 80.0 ⚑ they disagree');
    expect(text).toContain('Widest spreads: Utilité sociale 2.5 · Emplois 1.0');
    const other = detailLines({ ...initialState(scenario), allocation }, 'c-2', 100).map((line) => line.map((part) => part.text).join(''));
    expect(other).toContain('Reviewers 2 (+1 in conflict, excluded) · their own scores 67.5 to 72.5');
    expect(other.some((line) => /^Utilité sociale +3\.25\/5 /.test(line))).toBe(true);
  });
});
