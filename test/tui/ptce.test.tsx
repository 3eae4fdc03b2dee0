/** The simulator on the 2013 call (130 candidates, 9 criteria, 2 years), and a slow solve that never freezes it. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/analysis/pipeline.js';
import type { Selection } from '../../src/domain/allocation.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { drive, KEYS, settled, type Driven } from './drive.js';

let ptce: Scenario;
let tiny: Scenario;
let app: Driven | undefined;

beforeAll(async () => {
  ptce = await loadScenario('scenarios/ptce-2013.yaml');
  tiny = await loadScenario('scenarios/tiny.yaml');
});
afterEach(() => app?.unmount());
afterAll(stopJslpWorker);

describe('the 2013 call', { timeout: 30_000 }, () => {
  test('header, table, paging, filter, detail, summary, policies and the reference', async () => {
    app = drive({ scenario: ptce, size: { columns: 100, rows: 30 } });
    const first = await app.until(settled, 20_000);
    const lines = first.split('\n');
    // Only what fits is drawn: one line short of the terminal, so that Ink never clears the screen.
    expect(lines).toHaveLength(29);
    expect(lines[0]).toMatch(/^Appel à projets PTCE 2013 · policy equilibre \(Équilibrée \(poids égaux\)\) +✓ optimal · N ms$/);
    // 100 columns: amounts in thousands so that the years fit.
    expect(lines[1]).toMatch(/^Spent 3 000 \/ 3 000 k€ · 2013 1 500 \/ 1 500 k€ · 2014 1 500 \/ 1 500 k€ · Laureates \d+ \/ 23$/);
    // The id column, and the region given its room before the name grows (the years give way at 100 columns).
    expect(lines[2]).toBe('   Rank Id       Name                       Region              Score     Grant   % req Δ previous');
    expect(first).toMatch(/^› +\d+ ptce-109 Pôle Sud \(Groupe Archer\) +Rhône-Alpes +84\.00 290 000 € +89\.8 %$/m);
    // Names that would read the same cut at the end are cut in the middle.
    expect(first).toMatch(/^ +\d+ ptce-031 Pôle territo…du Haut-Jura +Franche-Comté /m);
    expect(first).toContain('rows 1–22 of 130');

    await app.press(KEYS.pageDown);
    expect(await app.until('rows 23–44 of 130')).not.toContain('Pôle Sud (Groupe Archer)');
    await app.press(KEYS.pageUp, '/', ...'île-de', KEYS.enter);
    const filtered = await app.until('filter “île-de”');
    const rows = filtered.split('\n').slice(3, 3 + 18).filter((line) => /^\S?\s*[›✓✗· ]?\s+\d+ /.test(line));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row).toContain('Île-de-France');

    await app.press(KEYS.enter);
    const detail = await app.until('Rules it counts towards');
    expect(detail).toContain('Périmètre géographique');
    expect(detail).toContain('Pas plus de 20 % de l\'enveloppe par région');
    expect(detail).toMatch(/Score +\d+\.\d\d/);
    await app.press(KEYS.escape, KEYS.escape, '4');
    const summary = await app.until('Spend by region');
    expect(summary).toMatch(/Île-de-France +[█▉▊▋▌▍▎▏·│]+ +\d[\d ]* € +\d laur\./);
    expect(summary).toContain('Pas plus de 20 % de l\'enveloppe par région');

    // c: the current allocation becomes the reference; P: the previous policy (the formula one) is compared with it.
    await app.press('1', 'c', 'P');
    const formula = await app.until((frame) => settled(frame) && frame.includes('policy solidite'));
    expect(formula).toContain('Δ reference');
    expect(formula).toMatch(/new|out|▲|▼/);
    await app.press('2');
    expect(await app.until('Score formula (read-only')).toContain('0.6 * min(financement, perennite_emplois,');
    expect(app.frame()).toContain('What moved against the reference (equilibr…');
  });
});

describe('a slow solve', { timeout: 20_000 }, () => {
  test('shows a spinner, keeps the keys alive, and a newer edit supersedes an older solve', async () => {
    const calls: { selection: Selection; release: () => void }[] = [];
    const gated = (scenario: Scenario, selection: Selection): Promise<AllocationOutcome> =>
      new Promise((resolve) => {
        calls.push({ selection, release: () => void allocate(scenario, selection).then(resolve) });
      });
    app = drive({ scenario: tiny, size: { columns: 100, rows: 16 }, services: { allocate: gated } });
    const waiting = await app.until('⠿ solving…');
    expect(waiting).toContain('Solving the first allocation…');
    await app.press('?');
    await app.until('Everywhere');
    expect(app.frame()).toContain('⠿ solving…');
    await app.press(KEYS.escape);
    calls[0]?.release();
    await app.until(settled);

    await app.press('2', KEYS.shiftLeft);
    await app.until('70.0 %');
    expect(calls).toHaveLength(2);
    await app.press(KEYS.shiftLeft, KEYS.shiftLeft);
    const typing = await app.until('60.0 %');
    expect(typing).toContain('⠿ solving…');
    expect(calls).toHaveLength(2);
    // The solve of 70 % ends after two newer edits: its result is dropped and 60 % is solved next.
    calls[1]?.release();
    await app.until(() => calls.length === 3);
    expect(calls[2]?.selection.weights).toEqual({ utilite_sociale: 0.6, emplois: 0.4 });
    expect(app.frame()).toContain('⠿ solving…');
    calls[2]?.release();
    const done = await app.until(settled);
    expect(done).toContain('60.0 %');
    expect(calls).toHaveLength(3);
  });
});
