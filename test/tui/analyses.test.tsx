/** The analysis views (5–8) driven by keystrokes on the five-candidate scenario; whole frames asserted. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { PoolOptions } from '../../src/analysis/pool.js';
import type { Robustness, RobustnessOptions } from '../../src/analysis/robustness.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import type { Weights } from '../../src/scoring/weights.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { drive, KEYS, settled, type Driven } from './drive.js';

let tiny: Scenario;
let app: Driven | undefined;

beforeAll(async () => {
  tiny = await loadScenario('scenarios/tiny.yaml');
});
afterEach(() => app?.unmount());
afterAll(stopJslpWorker);

const size = { columns: 100, rows: 30 };

/** The line of a frame that starts with `start`. */
function lineOf(frame: string, start: string): string {
  return frame.split('\n').find((line) => line.startsWith(start)) ?? '';
}

describe('compare (5)', { timeout: 20_000 }, () => {
  test("social beside emploi: who enters, who leaves, who loses what, and the totals by region", async () => {
    app = drive({ scenario: tiny, size });
    await app.until(settled);
    await app.press('5');
    expect(await app.until('Laureates    ')).toMatchInlineSnapshot(`
      "Exemple à cinq candidats · policy social (Utilité sociale d'abord)  ✓ optimal · N ms
      Spent 300 000 € / 300 000 € · Laureates 3 / 3
      Compare social with emploi  (with every policy of the scenario; m switches)
        emploi → social: 2 laureates in common · 110 000 € change hands
          enter tiny-3 · leave tiny-4

      Id     Name                                           social    emploi Δ vs emploi              Rank
      tiny-1 Pôle coopératif du Pays de Redon            120 000 €  90 000 € ▲ +30 000 €  ██▏          5→2
      tiny-2 PTCE Vallée de la Bièvre                    100 000 € 100 000 €                           2→4
      tiny-3 Ressourcerie des Monts du Forez              80 000 €         — new          █████▉       4→3
      tiny-4 Quartiers Nord Solidaires                           — 110 000 € out          ████████     3→5
      1 other candidate gets nothing under any of them.

      Totals by region                                social      emploi Δ vs emploi
        Bretagne                                   120 000 €    90 000 € ▲ +30 000 €
        Provence-Alpes-Côte d'Azur                       0 €   110 000 € out
        Rhône-Alpes                                 80 000 €         0 € new
        Île-de-France                              100 000 €   100 000 €

      By rule group
        rural (30 % au moins pour les territoir…   200 000 €    90 000 € ▲ +110 000 €

        Spent                                      300 000 €   300 000 €
        Laureates                                          3           3



      ↑↓ scroll  ←→ change vs  m policies/reference  c set reference  Esc stop
      1 Allocation 2 Weights 3 Budget 4 Summary 5 Compare 6 Sweep 7 Tipping 8 Robustness │ ? keys  q quit"
    `);
  });

  test('m compares with the reference set by c, without solving anything', async () => {
    app = drive({ scenario: tiny, size });
    await app.until(settled);
    // The social allocation becomes the reference; then emploi is solved and compared with it.
    await app.press('c', 'p');
    await app.until((frame) => settled(frame) && frame.includes('policy emploi'));
    await app.press('5', 'm');
    const frame = await app.until('emploi with social (ref)');
    // The change runs from the reference to the current edits, as in the allocation view.
    expect(lineOf(frame, '  social (ref) → emploi')).toBe('  social (ref) → emploi: 2 laureates in common · 110 000 € change hands');
    expect(lineOf(frame, 'tiny-4')).toMatch(/^tiny-4 .* 110 000 € +— new +█+ +5→3$/);
    expect(lineOf(frame, 'tiny-3')).toMatch(/^tiny-3 .* — +80 000 € out +[█▉]+ +3→4$/);
    expect(lineOf(frame, 'tiny-1')).toMatch(/^tiny-1 .* 90 000 € +120 000 € ▼ −30 000 € /);
    // The allocation view says the same of the same change.
    await app.press('1');
    const table = await app.until('Δ reference');
    expect(table.split('\n').find((line) => line.includes(' tiny-1 '))).toMatch(/ 90 000 € .* ▼ −30 000 €$/);
  });
});

describe('sweep (6)', { timeout: 20_000 }, () => {
  test('the share of emplois from 0 to 100 %: a chart, then tiny-3 funded up to about 58 % and tiny-4 from there', async () => {
    app = drive({ scenario: tiny, size });
    await app.until(settled);
    await app.press('6', KEYS.right);
    const frame = await app.until((text) => text.includes("Sweep Création d'emplois") && text.includes('Funded along the sweep'));
    expect(frame).toMatchInlineSnapshot(`
      "Exemple à cinq candidats · policy social (Utilité sociale d'abord)  ✓ optimal · N ms
      Spent 300 000 € / 300 000 € · Laureates 3 / 3
      Sweep Création d'emplois  (← → criterion 2 of 2)
      Its share of the weight from 0 to 100 %, the others in proportion · social gives it 25 % · 21 solves

      Grants of the 3 candidates that move most
      ━ tiny-4 Quartiers N…  120 k€ ┤⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠱⡀ ⢀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀
      ━ tiny-3 Ressourceri…         │                 ┊                    ⠈⢆⡜
      ━ tiny-1 Pôle coopér…         │                 ┊                     ⢀⠿⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤
                                    │⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⢆ ⢸
                                    │                 ┊                   ⠿⡀⡇
                              60 k€ ┤                 ┊                    ⢧⠃
                                    │                 ┊                    ⡸⡄
                                    │                 ┊                    ⡇⢣
                                    │                 ┊                   ⢸ ⠘⡄
                                0 € ┤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⡎  ⢣⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀
                                    └┴────────────────▲────────────────┴───────────────┴────────────────┴
                                    0 %             25 %             50 %            75 %           100 %

      Funded along the sweep                          ▼
      tiny-1 Pôle coopératif du Pay… ████████████████████████████████████████████████████████████████████
      tiny-2 PTCE Vallée de la Bièv… ████████████████████████████████████████████████████████████████████
      tiny-3 Ressourcerie des Monts… ███████████████████████████████████████·····························
      tiny-4 Quartiers Nord Solidai… ·······································█████████████████████████████
      █ funded  · not  ▼ ┊ the policy's share


      ←→ criterion  ↑↓ scroll  Esc stop  Enter run again
      1 Allocation 2 Weights 3 Budget 4 Summary 5 Compare 6 Sweep 7 Tipping 8 Robustness │ ? keys  q quit"
    `);
    // The strips read the sweep at the chart's scale: tiny-3's funded part ends between 55 % and 60 % of the axis.
    const strip = (id: string): string => lineOf(frame, id).slice(31);
    const funded = [...strip('tiny-3')].filter((char) => char === '█').length / [...strip('tiny-3')].length;
    expect(funded).toBeGreaterThan(0.55);
    expect(funded).toBeLessThan(0.6);
    expect(strip('tiny-4')).toBe(strip('tiny-3').replace(/█/g, 'x').replace(/·/g, '█').replace(/x/g, '·'));
  });
});

describe('tipping (7)', { timeout: 20_000 }, () => {
  test('per candidate, the interval of the share in which it keeps its status, with the current share marked', async () => {
    app = drive({ scenario: tiny, size: { columns: 100, rows: 16 } });
    await app.until(settled);
    await app.press('7', KEYS.right);
    expect(await app.until('Holds from–to')).toMatchInlineSnapshot(`
      "Exemple à cinq candidats · policy social (Utilité sociale d'abord)  ✓ optimal · N ms
      Spent 300 000 € / 300 000 € · Laureates 3 / 3
      Tipping points Création d'emplois  (← → criterion 2 of 2)
      social gives it 25 % of the weight · 27 solves over 2 criteria · none within 5 points
      Where each candidate keeps its status as this share moves: █ funded, ░ out, ┃ now (25 %).
        Id     Name                   Now    0 %      25 %        50 %       75 %    100 % Holds from–to
        tiny-3 Ressourcerie des Mont… funded ███████████┃██████████████··················· 0 %–58.3 %
        tiny-4 Quartiers Nord Solida… out    ░░░░░░░░░░░┃░░░░░░░░░░░░░░··················· 0 %–58.3 %

      2 funded and 1 out keep their status from 0 to 100 %.



      ←→ criterion  ↑↓ scroll  Esc stop  Enter run again
      1 Allocation 2 Weights 3 Budget 4 Summary 5 Compare 6 Sweep 7 Tipping 8 Robustness │ ? keys  q quit"
    `);
    // The other criterion comes from the same run, at once.
    await app.press(KEYS.left);
    expect(lineOf(app.frame(), '  tiny-3')).toMatch(/^ {2}tiny-3 .* funded ·+█+┃█+ 41\.7 %–100 %$/);
  });

  test('a candidate within 5 points of a tipping point is marked borderline', async () => {
    // Emplois at 55 %: tiny-3 tips at 58.3 %.
    app = drive({ scenario: tiny, size: { columns: 100, rows: 16 }, weights: { utilite_sociale: 45, emplois: 55 } });
    await app.until(settled);
    await app.press('7', KEYS.right);
    const frame = await app.until('Holds from–to');
    expect(frame).toContain('2 borderline (!)');
    expect(lineOf(frame, '! tiny-3')).toMatch(/^! tiny-3 .* funded █+┃█·+ 0 %–58\.3 %$/);
    expect(lineOf(frame, '! tiny-4')).toMatch(/^! tiny-4 .* out +░+┃░·+ 0 %–58\.3 %$/);
  });
});

describe('robustness (8)', { timeout: 20_000 }, () => {
  test('with spread 0 every weighting is the policy: tiny-1, tiny-2, tiny-3 always funded, the others never', async () => {
    app = drive({ scenario: tiny, size: { columns: 100, rows: 20 } });
    await app.until(settled);
    // [ four times: spread 0.20 → 0; - three times: 200 → 25 samples. Each change replaces the run under way.
    await app.press('8', '[', '[', '[', '[', '-', '-', '-');
    expect(await app.until('25 of 25 solved')).toMatchInlineSnapshot(`
      "Exemple à cinq candidats · policy social (Utilité sociale d'abord)  ✓ optimal · N ms
      Spent 300 000 € / 300 000 € · Laureates 3 / 3
      Robustness 25 weightings around the weights of social (spread 0.00), seed 1
      +/- samples (25 to 5000) · [ ] spread (0: the weights as set) · U draws uniformly

      Id         Name              Funded in                      Mean grant        Grant 5–95 % Class
      tiny-1     Pôle coopératif … ██████████████████████  100 %   120 000 €           120 000 € always
      tiny-2     PTCE Vallée de l… ██████████████████████  100 %   100 000 €           100 000 € always
      tiny-3     Ressourcerie des… ██████████████████████  100 %    80 000 €            80 000 € always
      tiny-4     Quartiers Nord S…                           0 %           —                   — never
      tiny-5     Cluster solidair…                           0 %           —                   — never

      3 always · 0 often · 0 sometimes · 2 never · 25 of 25 solved




      +/- samples  [ ] spread  U uniform  ↑↓ scroll  Esc stop  Enter run again
      1 Allocation 2 Weights 3 Budget 4 Summary 5 Compare 6 Sweep 7 Tipping 8 Robustness │ ? keys  q quit"
    `);
  });

  test('a long run shows a progress bar, keeps the keys alive, stops with Esc, and a newer request replaces it', async () => {
    const calls: { options: RobustnessOptions; pool: PoolOptions; finish: (result: Robustness) => void }[] = [];
    const gated = (_scenario: Scenario, policy: string, _weights: Weights, options: RobustnessOptions, pool: PoolOptions = {}): Promise<Robustness> =>
      new Promise((resolve, reject) => {
        pool.signal?.addEventListener('abort', () => reject(new Error('aborted')));
        calls.push({ options, pool, finish: resolve });
        void policy;
      });
    app = drive({ scenario: tiny, size: { columns: 100, rows: 16 }, services: { robustness: gated } });
    await app.until(settled);
    await app.press('8');
    await app.until(() => calls.length === 1);
    calls[0]?.pool.onProgress?.(50, 200);
    const running = await app.until('25 %');
    expect(lineOf(running, 'Solving')).toBe('Solving ██████████······························  25 %  50 of 200 weightings');
    expect(running).toContain('Esc stops it.');

    // Other views work meanwhile, and the run goes on in the background.
    await app.press('1');
    await app.until('Rank Id     Name');
    await app.press('8');
    expect(await app.until('Solving')).toContain('50 of 200 weightings');
    expect(calls).toHaveLength(1);

    // Esc aborts the run's signal; Enter starts it again; a newer request (+) aborts that one in turn.
    await app.press(KEYS.escape);
    expect(await app.until('was stopped')).toContain('The robustness analysis was stopped. Enter runs it again.');
    expect(calls[0]?.pool.signal?.aborted).toBe(true);
    await app.press(KEYS.enter);
    await app.until(() => calls.length === 2);
    await app.press('+');
    await app.until(() => calls.length === 3);
    expect(calls[1]?.pool.signal?.aborted).toBe(true);
    expect(calls[2]?.options.samples).toBe(500);
    expect(calls[2]?.pool.solve?.engine).toBe('highs');

    const result: Robustness = {
      policy: 'social',
      samples: 500,
      solved: 500,
      candidates: [{ id: 'tiny-1', name: 'Pôle coopératif du Pays de Redon', region: 'Bretagne', probability: 0.5, meanGrant: 60_000, p5: 0, p95: 120_000, class: 'often' }],
    };
    calls[2]?.finish(result);
    const done = await app.until('500 of 500 solved');
    expect(lineOf(done, 'tiny-1')).toBe('tiny-1     Pôle coopératif … ███████████              50 %    60 000 €       0 €–120 000 € often');

    // Cached: leaving and coming back does not run it again.
    await app.press('6', '8');
    await app.until('500 of 500 solved');
    expect(calls).toHaveLength(3);
  });
});

test('? lists the keys of the analysis views', async () => {
  app = drive({ scenario: tiny, size: { columns: 120, rows: 60 } });
  await app.until(settled);
  await app.press('?');
  const help = await app.until('Keys  (Esc or ? closes');
  for (const text of ['5 6 7 8', 'Compare, Sweep, Tipping, Robustness', 'every policy ↔ the reference', 'more / fewer weightings drawn', 'stop it (other views stay usable)']) expect(help).toContain(text);
});
