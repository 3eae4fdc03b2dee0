/** The simulator's reducer and pure helpers, driven without a terminal. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allocate, type AllocationOutcome } from '../../src/analysis/pipeline.js';
import type { Allocation } from '../../src/domain/allocation.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { changesBetween, formatChange } from '../../src/tui/changes.js';
import { update, type KeyPress } from '../../src/tui/input.js';
import { applyBudget } from '../../src/tui/budget/state.js';
import { currentShares, selectionOf, visibleCandidates } from '../../src/tui/selectors.js';
import { defaultExportPath } from '../../src/io/export-path.js';
import { type Action, initialState, reduce, type TuiState } from '../../src/tui/state.js';
import { windowTop } from '../../src/tui/scroll.js';
import { bar, boundedBar, distinctCuts, fit, fitMiddle, keepAmountsWhole, layoutColumns, NBSP, progressBar, wrapText } from '../../src/tui/text.js';
import type { AnalysisResult } from '../../src/tui/runs/kinds.js';
import { brailleRows } from '../../src/tui/chart.js';
import { robustnessLines } from '../../src/tui/robustness/lines.js';
import { analysisResult } from '../../src/tui/runs/state.js';

let tiny: Scenario;
let ptce: Scenario;
let social: Allocation;
let emploi: Allocation;

async function optimal(scenario: Scenario, policy: string): Promise<Allocation> {
  const outcome = await allocate(scenario, { policy });
  if (outcome.status !== 'optimal') throw new Error(outcome.status);
  return outcome.allocation;
}

beforeAll(async () => {
  tiny = await loadScenario('scenarios/tiny.yaml');
  ptce = await loadScenario('scenarios/ptce-2013.yaml');
  social = await optimal(tiny, 'social');
  emploi = await optimal(tiny, 'emploi');
});
afterAll(stopJslpWorker);

function run(state: TuiState, ...actions: Action[]): TuiState {
  return actions.reduce(reduce, state);
}

function solvedWith(state: TuiState, allocation: Allocation): TuiState {
  return reduce(state, { type: 'solved', generation: state.generation, outcome: { status: 'optimal', allocation } as AllocationOutcome });
}

const infeasible = { status: 'infeasible', engine: 'jslp', ms: 3, notes: [] } as unknown as AllocationOutcome;

describe('the change column', () => {
  test('compares by id: ▲ ▼ with signed euros, new, out, nothing when unchanged', () => {
    const changes = changesBetween(social, emploi);
    expect(Object.fromEntries([...changes].map(([id, change]) => [id, formatChange(change)]))).toEqual({
      'tiny-1': '▼ −30 000 €',
      'tiny-2': '',
      'tiny-3': 'out',
      'tiny-4': 'new',
      'tiny-5': '',
    });
    expect(formatChange(changesBetween(emploi, social).get('tiny-1'))).toBe('▲ +30 000 €');
    expect(changesBetween(undefined, social).size).toBe(0);
  });
});

describe('solving', () => {
  test('the first result selects the top row; the next keeps the previous one as the baseline', () => {
    const start = initialState(tiny);
    expect(start.generation).toBe(1);
    expect(selectionOf(start)).toEqual({ policy: 'social' });
    const first = solvedWith(start, social);
    expect(first.allocation).toBe(social);
    expect(first.selected).toBe('tiny-1');
    const switched = run(first, { type: 'switchPolicy', delta: 1 });
    expect(switched.policy).toBe('emploi');
    expect(switched.generation).toBe(2);
    const second = solvedWith(switched, emploi);
    expect(second.previous).toBe(social);
    expect(second.allocation).toBe(emploi);
  });

  test('a result of a superseded generation is ignored', () => {
    const first = solvedWith(initialState(tiny), social);
    const edited = run(first, { type: 'switchPolicy', delta: 1 }, { type: 'switchPolicy', delta: 1 });
    expect(edited.generation).toBe(3);
    const stale = reduce(edited, { type: 'solved', generation: 2, outcome: { status: 'optimal', allocation: emploi } as AllocationOutcome });
    expect(stale).toBe(edited);
  });

  test('an infeasible edit keeps the last feasible allocation and waits for the explanation', () => {
    const first = solvedWith(initialState(tiny), social);
    const edited = run(first, { type: 'showView', view: 'budget' }, { type: 'moveBudgetCursor', delta: 3 }, { type: 'openPrompt', kind: 'budget' }, { type: 'editPrompt', text: '0' }, { type: 'submitPrompt' });
    expect(edited.scenario.laureates.max).toBe(0);
    expect(first.scenario.laureates.max).toBe(3);
    const failed = reduce(edited, { type: 'solved', generation: edited.generation, outcome: infeasible });
    expect(failed.status?.kind).toBe('infeasible');
    expect(failed.allocation).toBe(social);
    expect(failed.conflicts).toEqual({ kind: 'pending' });
    const report = { sums: [], conflicting: [{ kind: 'laureates' as const, label: 'at most 0 laureates', fix: 'allow 1 laureate' }], fixes: ['allow 1 laureate'] };
    expect(reduce(failed, { type: 'explained', generation: failed.generation, report }).conflicts).toEqual({ kind: 'report', report });
    // Export refuses an allocation that does not match the edits; undo brings the budget back.
    expect(reduce(failed, { type: 'openPrompt', kind: 'export' }).message?.tone).toBe('error');
    const undone = reduce(failed, { type: 'undo' });
    expect(undone.scenario.laureates.max).toBe(3);
    expect(undone.generation).toBe(failed.generation + 1);
  });
});

describe('edits', () => {
  test('Space cycles a lock free → funded → excluded → free, in a new scenario each time', () => {
    const start = solvedWith(initialState(tiny), social);
    const locked = run(start, { type: 'cycleLock', id: 'tiny-4' });
    expect(locked.scenario.locks).toEqual({ 'tiny-4': 'funded' });
    expect(start.scenario.locks).toEqual({});
    expect(run(locked, { type: 'cycleLock', id: 'tiny-4' }).scenario.locks).toEqual({ 'tiny-4': 'excluded' });
    expect(run(locked, { type: 'cycleLock', id: 'tiny-4' }, { type: 'cycleLock', id: 'tiny-4' }).scenario.locks).toEqual({});
    expect(locked.generation).toBe(start.generation + 1);
  });

  test('weights move by points, the others keep their proportions; 0 and r', () => {
    const start = solvedWith(initialState(tiny), social);
    expect(currentShares(start)).toEqual({ utilite_sociale: 0.75, emplois: 0.25 });
    const lower = run(start, { type: 'nudgeWeight', points: -5 });
    expect(lower.weights).toEqual({ utilite_sociale: 0.7, emplois: 0.3 });
    expect(selectionOf(lower)).toEqual({ policy: 'social', weights: { utilite_sociale: 0.7, emplois: 0.3 } });
    const zero = run(lower, { type: 'moveWeightCursor', delta: 1 }, { type: 'zeroWeight' });
    expect(zero.weights).toEqual({ utilite_sociale: 1, emplois: 0 });
    expect(run(zero, { type: 'resetWeights' }).weights).toBeUndefined();
  });

  test('a formula policy cannot be reweighted or saved', () => {
    const state = initialState(ptce, { policy: 'solidite' });
    expect(currentShares(state)).toBeUndefined();
    const nudged = reduce(state, { type: 'nudgeWeight', points: 1 });
    expect(nudged.generation).toBe(state.generation);
    expect(nudged.message?.text).toMatch(/formula/);
    expect(reduce(state, { type: 'openPrompt', kind: 'save' }).prompt).toBeUndefined();
  });

  test.each([
    ['2,5 M€', 2_500_000],
    ['2 500 000', 2_500_000],
    ['2500000', 2_500_000],
    ['750 k€', 750_000],
    ['2 500 000 €', 2_500_000],
  ])('the envelope accepts %s', (text, euros) => {
    const applied = applyBudget(tiny, 'total', text);
    expect(applied.ok && applied.scenario.envelope.total).toBe(euros);
  });

  test('a bad budget entry shows a message and keeps the old value', () => {
    const start = solvedWith(initialState(tiny), social);
    for (const [cursor, text] of [[0, 'beaucoup'], [0, '-5'], [1, '200 k€'], [3, '2,5']] as const) {
      const state = run(start, { type: 'moveBudgetCursor', delta: cursor }, { type: 'openPrompt', kind: 'budget' }, { type: 'editPrompt', text }, { type: 'submitPrompt' });
      expect(state.scenario).toBe(start.scenario);
      expect(state.generation).toBe(start.generation);
      expect(state.message?.tone).toBe('error');
      expect(state.message?.text).toMatch(/kept at/);
    }
    const ptceState = run(initialState(ptce), { type: 'moveBudgetCursor', delta: 2 }, { type: 'openPrompt', kind: 'budget' }, { type: 'editPrompt', text: '1,2 M€' }, { type: 'submitPrompt' });
    expect(ptceState.scenario.envelope.years).toEqual([{ year: '2013', ceiling: 1_500_000 }, { year: '2014', ceiling: 1_200_000 }]);
    expect(ptceState.message?.text).toBe('Ceiling 2014: 1 500 000 € → 1 200 000 €.');
  });

  test('saving asks for a usable new name, then hands the policy to a task', () => {
    const start = solvedWith(initialState(tiny), social);
    const typed = (name: string): TuiState => run(start, { type: 'nudgeWeight', points: -5 }, { type: 'openPrompt', kind: 'save' }, { type: 'editPrompt', text: name }, { type: 'submitPrompt' });
    expect(typed('Mauvais nom').message?.text).toMatch(/not a usable name/);
    expect(typed('social').message?.text).toMatch(/already has a policy named 'social'/);
    const saved = typed('social_70');
    expect(saved.prompt).toBeUndefined();
    expect(saved.task).toMatchObject({ kind: 'save', policy: { name: 'social_70', weights: { utilite_sociale: 70, emplois: 30 } } });
    const done = reduce(saved, { type: 'taskDone', id: saved.task?.id ?? 0, ok: true, text: 'Saved.' });
    expect(done.policy).toBe('social_70');
    expect(done.weights).toBeUndefined();
    expect(done.scenario.policies.map((policy) => policy.name)).toEqual(['social', 'emploi', 'social_70']);
  });
});

describe('navigation', () => {
  test('the filter narrows the table by name or region, accents aside', () => {
    const start = solvedWith(initialState(tiny), social);
    const filtered = run(start, { type: 'openPrompt', kind: 'filter' }, { type: 'editPrompt', text: 'ile-de' });
    expect(visibleCandidates(filtered).map((candidate) => candidate.id)).toEqual(['tiny-2']);
    expect(visibleCandidates(run(filtered, { type: 'cancelPrompt' })).length).toBe(5);
  });

  test('moving keeps the selection on screen, scrolling as little as possible', () => {
    expect(windowTop(130, 0, 0, 10)).toBe(0);
    expect(windowTop(130, 10, 0, 10)).toBe(1);
    expect(windowTop(130, 5, 3, 10)).toBe(3);
    expect(windowTop(130, 2, 3, 10)).toBe(2);
    expect(windowTop(5, 4, 0, 10)).toBe(0);
    const start = solvedWith(initialState(tiny), social);
    const moved = run(start, { type: 'move', delta: 3, rows: 2 });
    expect(moved.selected).toBe(social.candidates[3]?.id);
    expect(moved.top).toBe(2);
    expect(run(moved, { type: 'moveTo', where: 'first', rows: 2 }).top).toBe(0);
    const paged = run(start, { type: 'page', delta: 1, rows: 2 });
    expect([paged.selected, paged.top]).toEqual([social.candidates[2]?.id, 2]);
    expect(run(paged, { type: 'page', delta: 1, rows: 2 }).top).toBe(3);
    expect(run(paged, { type: 'page', delta: -1, rows: 2 }).top).toBe(0);
  });

  test('the export path sits beside the scenario', () => {
    expect(defaultExportPath('/work/x/scenarios/ptce-2013.yaml', '/work/x')).toBe('scenarios/ptce-2013-allocation.csv');
    expect(defaultExportPath('/elsewhere/a.yaml', '/work/x')).toBe('/elsewhere/a-allocation.csv');
  });
});

describe('keys', () => {
  const press = (state: TuiState, ...keys: KeyPress[]): TuiState => keys.reduce((current, key) => update(current, { type: 'key', press: key }), state);

  test('go to the screen shown, even when they arrive in one burst', () => {
    const start = solvedWith(initialState(tiny), social);
    const floor = press(start, { input: '3' }, { input: '', down: true }, { input: '', enter: true }, { input: '25 k€\r' });
    expect(floor.scenario.grant.min).toBe(25_000);
    expect(floor.prompt).toBeUndefined();
    expect(floor.message?.text).toBe('Grant floor (smallest grant): 40 000 € → 25 000 €.');
    // q in a prompt is text; outside it quits.
    const filtering = press(start, { input: '/' }, { input: 'q' });
    expect([filtering.filter, filtering.quit]).toEqual(['q', false]);
    expect(press(filtering, { input: '', escape: true }, { input: 'q' }).quit).toBe(true);
  });

  test('each view has its own: ←→ move a weight only in the weights view, Space locks only in the table', () => {
    const start = solvedWith(initialState(tiny), social);
    expect(press(start, { input: '', right: true })).toBe(start);
    expect(press(start, { input: '2' }, { input: '', right: true, shift: true }).weights).toEqual({ utilite_sociale: 0.8, emplois: 0.2 });
    expect(press(start, { input: '2' }, { input: ' ' }).scenario.locks).toEqual({});
    expect(press(start, { input: ' ' }).scenario.locks).toEqual({ 'tiny-1': 'funded' });
    const detail = press(start, { input: '', down: true }, { input: '', enter: true });
    expect(detail.detail).toBe('tiny-2');
    expect(press(detail, { input: ' ' }).scenario.locks).toEqual({ 'tiny-2': 'funded' });
    expect(press(detail, { input: '', escape: true }).detail).toBeUndefined();
  });
});

describe('text in cells', () => {
  test('fit cuts with … and pads; bars fill in eighths; bounds are marked', () => {
    expect(fit('Île-de-France', 6)).toBe('Île-d…');
    expect(fit('42', 5, 'right')).toBe('   42');
    expect(bar(1, 2, 4)).toBe('██  ');
    expect(bar(1, 2, 1)).toBe('▌');
    expect(boundedBar(2, 4, 8, undefined, 3)).toBe('████·│··');
    expect(wrapText('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
  });

  test('narrow tables drop the optional columns first', () => {
    const columns = [
      { key: 'a', title: 'A', width: 4, align: 'left' as const, cell: () => '' },
      { key: 'name', title: 'Name', width: 0, align: 'left' as const, flex: true, minWidth: 10, cell: () => '' },
      { key: 'b', title: 'B', width: 20, align: 'left' as const, drop: 1, cell: () => '' },
    ];
    expect(layoutColumns(columns, 50).map((column) => `${column.key}:${column.width}`)).toEqual(['a:4', 'name:24', 'b:20']);
    expect(layoutColumns(columns, 30).map((column) => `${column.key}:${column.width}`)).toEqual(['a:4', 'name:25']);
  });
});

describe('analyses', () => {
  const sweepResult = (criterion: string): AnalysisResult => ({ kind: 'sweep', sweep: { policy: 'social', criterion, policyShare: 0.25, points: [] } });
  const running = (state: TuiState, kind: 'sweep' | 'tipping' | 'robustness' | 'compare') => {
    const run = state.analyses[kind];
    if (run.status !== 'running') throw new Error(`${kind} is ${run.status}`);
    return run;
  };

  test('the view on screen runs for the current edits; a result is cached by edits, weights and criterion', () => {
    const start = solvedWith(initialState(tiny), social);
    expect(start.analyses.sweep.status).toBe('idle');
    const shown = reduce(start, { type: 'showView', view: 'sweep' });
    const first = running(shown, 'sweep');
    expect(first.request).toMatchObject({ kind: 'sweep', policy: 'social', criterion: 'utilite_sociale', steps: 21, weights: { utilite_sociale: 0.75, emplois: 0.25 } });
    const done = reduce(shown, { type: 'analysisDone', kind: 'sweep', id: first.id, result: sweepResult('utilite_sociale') });
    expect(analysisResult(done, 'sweep')?.sweep.criterion).toBe('utilite_sociale');
    // Another criterion: a new run; back: the cached result, no run.
    const other = reduce(done, { type: 'moveWeightCursor', delta: 1 });
    expect(running(other, 'sweep').id).toBe(first.id + 1);
    expect(analysisResult(other, 'sweep')).toBeUndefined();
    const back = reduce(other, { type: 'moveWeightCursor', delta: -1 });
    expect(back.analyses.sweep.status).toBe('done');
    expect(analysisResult(back, 'sweep')?.sweep.criterion).toBe('utilite_sociale');
    // A result or progress of a replaced run is ignored.
    expect(reduce(back, { type: 'analysisDone', kind: 'sweep', id: first.id + 1, result: sweepResult('emplois') })).toBe(back);
  });

  test('an edit of the scenario is a new edition; undo brings it back, with its cached results', () => {
    const shown = reduce(solvedWith(initialState(tiny), social), { type: 'showView', view: 'sweep' });
    const done = reduce(shown, { type: 'analysisDone', kind: 'sweep', id: running(shown, 'sweep').id, result: sweepResult('utilite_sociale') });
    const locked = reduce(done, { type: 'cycleLock', id: 'tiny-4' });
    expect([locked.edition, locked.editions]).toEqual([2, 2]);
    expect(running(locked, 'sweep').key).toContain('|e2|');
    const undone = reduce(locked, { type: 'undo' });
    expect(undone.edition).toBe(1);
    expect(analysisResult(undone, 'sweep')).toBeDefined();
    // A new edit after undo never reuses an undone edition's number (its cached results are for other edits).
    expect(reduce(undone, { type: 'cycleLock', id: 'tiny-2' }).edition).toBe(3);
  });

  test('Esc stops a run, which stays stopped until Enter; a run made outdated by an edit elsewhere stops', () => {
    const shown = reduce(solvedWith(initialState(tiny), social), { type: 'showView', view: 'tipping' });
    const run = running(shown, 'tipping');
    const progressed = reduce(shown, { type: 'analysisProgress', kind: 'tipping', id: run.id, done: 3, total: 16 });
    expect(running(progressed, 'tipping')).toMatchObject({ done: 3, total: 16 });
    const stopped = reduce(progressed, { type: 'cancelAnalysis', kind: 'tipping' });
    expect(stopped.analyses.tipping).toEqual({ status: 'idle', key: run.key });
    expect(stopped.message?.text).toBe('The tipping-point search was stopped. Enter runs it again.');
    expect(reduce(stopped, { type: 'moveWeightCursor', delta: 0 }).analyses.tipping.status).toBe('idle');
    expect(running(reduce(stopped, { type: 'runAnalysis', kind: 'tipping' }), 'tipping').id).toBe(run.id + 1);
    // In the background (weights view), a weight change leaves the run's weights behind: it stops.
    const background = reduce(shown, { type: 'showView', view: 'weights' });
    expect(running(background, 'tipping').id).toBe(run.id);
    expect(reduce(background, { type: 'nudgeWeight', points: 5 }).analyses.tipping.status).toBe('idle');
  });

  test('robustness settings: samples by steps, spread from 0 to 1, uniform; a formula policy cannot run', () => {
    const shown = reduce(solvedWith(initialState(tiny), social), { type: 'showView', view: 'robustness' });
    expect(running(shown, 'robustness').request).toMatchObject({ settings: { samples: 200, spread: 0.2, seed: 1, uniform: false } });
    const zero = run(shown, ...Array.from({ length: 6 }, (): Action => ({ type: 'changeSpread', delta: -1 })), { type: 'changeSamples', delta: -1 }, { type: 'toggleUniform' });
    expect(zero.robustness).toEqual({ samples: 100, spread: 0, seed: 1, uniform: true });
    expect(running(zero, 'robustness').request).toMatchObject({ settings: zero.robustness });
    expect(run(zero, { type: 'changeSamples', delta: 1 }, { type: 'changeSamples', delta: 1 }).robustness.samples).toBe(500);
    const formula = reduce(initialState(ptce, { policy: 'solidite' }), { type: 'showView', view: 'robustness' });
    expect(formula.analyses.robustness.status).toBe('idle');
  });

  test('Compare solves the other policies; against the reference it solves nothing', () => {
    const shown = reduce(solvedWith(initialState(tiny), social), { type: 'showView', view: 'compare' });
    expect(running(shown, 'compare').request).toMatchObject({ kind: 'compare', policies: ['emploi'] });
    const edited = reduce(shown, { type: 'nudgeWeight', points: -5 });
    // Edited weights: the policy as written is compared too; the policies' allocations do not depend on the weights.
    expect(running(edited, 'compare').request).toMatchObject({ policies: ['social', 'emploi'] });
    expect(reduce(edited, { type: 'toggleCompareMode' }).analyses.compare.status).toBe('idle');
  });
});

describe('charts', () => {
  test('braille: 2×4 dots a cell, a straight line between points; progress bars', () => {
    const [row] = brailleRows([{ points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], color: 'cyan' }], 2, 1, 1);
    expect(row?.map((segment) => segment.text).join('')).toBe('⡠⠊');
    const flat = brailleRows([{ points: [{ x: 0, y: 1 }, { x: 1, y: 1 }], color: 'cyan' }], 3, 2, 1, { x: 0.5, text: '┊', color: 'yellow' });
    expect(flat.map((line) => line.map((segment) => segment.text).join(''))).toEqual(['⠉⠉⠉', ' ┊ ']);
    expect(progressBar(1, 4, 8)).toBe('██······');
  });
});

describe('issue 13: the simulator explains itself', () => {
  test('a budget amount without a unit below 1 000 is refused with both readings; with a unit or in full it is taken', () => {
    for (const text of ['2,5', '3', '750']) {
      const applied = applyBudget(ptce, 'total', text);
      expect(applied.ok).toBe(false);
      if (!applied.ok) expect(applied.reason).toContain(`${text} € or ${text} M€`);
    }
    const refused = applyBudget(ptce, 'total', '2,5');
    expect(!refused.ok && refused.reason).toBe("'2,5' has no unit: 2,5 € or 2,5 M€? Type 2,5 M€ or 2 500 000 (2,5 € for euros)");
    for (const [text, euros] of [['2,5 M€', 2_500_000], ['2 500 000', 2_500_000], ['500 €', 500], ['0', 0]] as const) {
      const field = euros === 0 || euros === 500 ? 'grantMin' : 'total';
      const applied = applyBudget(ptce, field, text);
      expect(applied.ok && applied.value, text).toBe(euros);
    }
  });

  test('a refused budget entry keeps the prompt and its text, with the reason', () => {
    const start = solvedWith(initialState(tiny), social);
    const refused = run(start, { type: 'openPrompt', kind: 'budget' }, { type: 'editPrompt', text: '2,5' }, { type: 'submitPrompt' });
    expect(refused.prompt).toEqual({ kind: 'budget', field: 'total', text: '2,5' });
    expect(refused.message).toEqual({ text: "Envelope total kept at 300 000 €: '2,5' has no unit: 2,5 € or 2,5 M€? Type 2,5 M€ or 2 500 000 (2,5 € for euros).", tone: 'error' });
    expect(refused.scenario).toBe(start.scenario);
    const fixed = run(refused, { type: 'editPrompt', text: '2,5 M€' }, { type: 'submitPrompt' });
    expect(fixed.prompt).toBeUndefined();
    expect(fixed.scenario.envelope.total).toBe(2_500_000);
  });

  test('saving under a taken name says so and keeps the prompt open', () => {
    const start = solvedWith(initialState(tiny), social);
    const taken = run(start, { type: 'nudgeWeight', points: -5 }, { type: 'openPrompt', kind: 'save' }, { type: 'editPrompt', text: 'emploi' }, { type: 'submitPrompt' });
    expect(taken.prompt).toEqual({ kind: 'save', text: 'emploi' });
    expect(taken.message).toEqual({ text: "The scenario already has a policy named 'emploi'.", tone: 'error' });
    expect(taken.task).toBeUndefined();
  });

  test('p sets edited weights aside with a message; back on their policy they return, and u brings them back too', () => {
    const start = solvedWith(initialState(tiny), social);
    const edited = run(start, { type: 'nudgeWeight', points: -5 });
    const switched = run(edited, { type: 'switchPolicy', delta: 1 });
    expect(switched.policy).toBe('emploi');
    expect(switched.weights).toBeUndefined();
    expect(switched.message?.text).toBe("Policy emploi: Emploi d'abord. Your edited weights of 'social' are kept: back on it, they return.");
    const back = run(switched, { type: 'switchPolicy', delta: 1 });
    expect(back.policy).toBe('social');
    expect(back.weights).toEqual({ utilite_sociale: 0.7, emplois: 0.3 });
    expect(back.message?.text).toMatch(/with the weights you had edited \(r resets them\)/);
    const undone = run(switched, { type: 'undo' });
    expect(undone.policy).toBe('social');
    expect(undone.weights).toEqual({ utilite_sociale: 0.7, emplois: 0.3 });
  });

  test('the weights and budget windows follow their cursor', () => {
    const start = initialState(ptce);
    // 9 criteria below 2 lines of titles, 6 lines shown of 20: the 9th criterion (line 10) needs the window at line 5.
    const down = run(start, ...Array.from({ length: 8 }, (): Action => ({ type: 'moveWeightCursor', delta: 1, rows: 6, total: 20 })));
    expect(down.weightCursor).toBe(8);
    expect(down.tops.weights).toBe(5);
    const up = run(down, { type: 'moveWeightCursor', delta: -1, rows: 6, total: 20 });
    expect(up.tops.weights).toBe(5);
    expect(run(up, ...Array.from({ length: 8 }, (): Action => ({ type: 'moveWeightCursor', delta: -1, rows: 6, total: 20 }))).tops.weights).toBe(2);
    const budget = run(start, ...Array.from({ length: 5 }, (): Action => ({ type: 'moveBudgetCursor', delta: 1, rows: 4, total: 12 })));
    expect(budget.tops.budget).toBe(5);
  });
});

describe('text cut for tables', () => {
  test('names alike are cut in the middle, the others at the end', () => {
    const names = ['Pôle territorial de coopération économique du Diois', 'Pôle territorial de coopération économique du Haut-Jura', 'Pôle Sud (Groupe Archer)'];
    const cuts = distinctCuts(names, 20);
    expect([...cuts.values()]).toEqual(['Pôle terr…e du Diois', 'Pôle terr…Haut-Jura', 'Pôle Sud (Groupe Ar…']);
    expect(fitMiddle('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcde…wxyz');
  });

  test('the region gets its room before the name grows, and the name stops at its longest', () => {
    const columns = (width: number) =>
      layoutColumns(
        [
          { key: 'name', title: 'Name', width: 0, align: 'left', flex: true, minWidth: 10, maxWidth: 30, cell: () => '' },
          { key: 'region', title: 'Region', width: 20, shrinkTo: 8, align: 'left', cell: () => '' },
        ],
        width,
      ).map((column) => `${column.key} ${column.width}`);
    expect(columns(25)).toEqual(['name 10', 'region 14']);
    expect(columns(40)).toEqual(['name 19', 'region 20']);
    expect(columns(200)).toEqual(['name 30', 'region 20']);
  });

  test('wrapping never splits an amount', () => {
    const text = keepAmountsWhole('After: Envelope total 3 000 000 € → 100 000 €, each ≤ 20 000 €.');
    for (const line of wrapText(text, 12)) expect(line.replaceAll(NBSP, ' ')).not.toMatch(/^\d{3}\b|\d$|^€|≤$/);
    expect(wrapText(text, 12).map((line) => line.replaceAll(NBSP, ' '))).toEqual(['After:', 'Envelope', 'total', '3 000 000 €', '→ 100 000 €,', 'each', '≤ 20 000 €.']);
  });
});

describe('robustness over the marks', () => {
  test("o cycles weights → marks → both on a call with reviewers, and the view says what is drawn; without reviews it says why not", () => {
    let state = initialState(ptce);
    expect(state.robustness.over ?? 'weights').toBe('weights');
    state = reduce(state, { type: 'cycleOver' });
    expect(state.robustness.over).toBe('marks');
    expect(robustnessLines(state, 120, 40)[0]?.map((segment) => segment.text).join('')).toContain("the reviewers' marks resampled 200 times");
    state = reduce(state, { type: 'cycleOver' });
    expect(state.robustness.over).toBe('both');
    expect(robustnessLines(state, 120, 40)[0]?.map((segment) => segment.text).join('')).toContain("the reviewers' marks resampled 200 times, with 200 weightings around");
    expect(reduce(state, { type: 'cycleOver' }).robustness.over).toBe('weights');
    const plain = reduce(initialState(tiny), { type: 'cycleOver' });
    expect(plain.robustness.over ?? 'weights').toBe('weights');
    expect(plain.message?.text).toBe('This scenario has no reviews file: only the weights can be drawn.');
  });
});
