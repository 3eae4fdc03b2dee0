/**
 * The real program in a real terminal, under a French and a C locale: `node bin/enveloppe.js` in tmux
 * speaks French when LANG says fr_FR.UTF-8 and English when it says C, from its first screen.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
if (!hasTmux) console.warn('test/tui/tmux-lang.test.ts: skipped because tmux is not installed (CI installs it, see .ci/run).');

const socket = `enveloppe-lang-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', '-u', ...args], { encoding: 'utf8' });

/** Newest modification time of the files under `folder`. */
function newest(folder: string): number {
  return Math.max(0, ...readdirSync(folder, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs));
}

/** The screen of session `name` once it matches `done`, within `seconds`; the last screen in the error otherwise. */
async function screenOf(name: string, done: RegExp, seconds: number): Promise<string> {
  const started = Date.now();
  let screen = '';
  while (Date.now() - started < seconds * 1000) {
    screen = tmux('capture-pane', '-p', '-t', name);
    if (done.test(screen)) return screen;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`session ${name}: waited ${seconds}s for ${String(done)}; screen:\n${screen}`);
}

beforeAll(() => {
  if (!hasTmux) return;
  // The program runs from dist/: build it when src/ is newer (as scripts/tui-e2e.sh does).
  if (newest('src') > newest('dist')) execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  // Both at once, each with only LANG set (LC_ALL and LC_MESSAGES would take precedence).
  for (const [name, lang] of [['fr', 'fr_FR.UTF-8'], ['c', 'C']] as const) {
    const command = `env -u LC_ALL -u LC_MESSAGES -u CI -u NO_COLOR TERM=xterm-256color LANG=${lang} node bin/enveloppe.js`;
    tmux('new-session', '-d', '-s', name, '-x', '120', '-y', '40', '-c', process.cwd(), command);
  }
}, 120_000);

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server'], { stdio: 'ignore' });
});

const SPACE = '[ \u00a0]';

test.skipIf(!hasTmux)('LANG=fr_FR.UTF-8: the first screen is French, with French numbers', { timeout: 60_000 }, async () => {
  const screen = await screenOf('fr', /✓ optimal/, 45);
  const lines = screen.split('\n');
  expect(lines[0]).toMatch(/^Appel à projets PTCE 2013 · pondération equilibre \(Équilibrée \(poids égaux\)\) +✓ optimal · \d+ ms$/);
  expect(lines[1]).toMatch(new RegExp(`^Dépensé 3${SPACE}000${SPACE}000${SPACE}€ / 3${SPACE}000${SPACE}000${SPACE}€ .* Lauréats \\d+ / 23$`));
  expect(screen).toMatch(/Rang +Id +Nom +Région +Note/);
  expect(screen).toMatch(new RegExp(`84,00 .*290${SPACE}000${SPACE}€ +89,8${SPACE}%`));
  expect(screen).toContain('1 Répartition 2 Pondération 3 Budget 4 Synthèse');
  expect(screen).not.toMatch(/\b(Spent|Laureates|Rank|Name|Grant|policy|funded)\b/);
});

test.skipIf(!hasTmux)('LANG=C: the first screen is English, as before', { timeout: 60_000 }, async () => {
  const screen = await screenOf('c', /✓ optimal/, 45);
  const lines = screen.split('\n');
  expect(lines[0]).toMatch(/^Appel à projets PTCE 2013 · policy equilibre \(Équilibrée \(poids égaux\)\) +✓ optimal · \d+ ms$/);
  expect(lines[1]).toMatch(/^Spent 3 000 000 € \/ 3 000 000 € .* Laureates \d+ \/ 23$/);
  expect(screen).toMatch(/Rank +Id +Name +Region +Score/);
  expect(screen).toMatch(/84\.00 .*290 000 € +89\.8 %/);
  expect(screen).not.toMatch(/Dépensé|Lauréats|Rang|pondération|Répartition/);
});
