/**
 * Issue 11 in a real terminal (tmux). Class 2: the simulator runs on a Windows-1252 scenario, the
 * officer presses s and saves the weights as a policy, quits; the file is still Windows-1252, every
 * byte of it kept (accents, comments), with the new policy inserted, its accented label as single bytes.
 * Also: the terminal closing under it, escape sequences in names, a formula's mistake found after the first allocation.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, expect, test } from 'vitest';
import { csv, SCENARIO } from '../fixtures/hostile/cases.js';
import { BIN, requireBuild, ROOT, runBuilt } from './built.js';

requireBuild();
const hasTmux = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
const socket = `enveloppe-1252-${process.pid}`;
const folder = mkdtempSync(join(tmpdir(), 'enveloppe-tui-1252-'));
const tmux = (...args: string[]): string => spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' }).stdout;
afterAll(() => {
  tmux('kill-server');
  rmSync(folder, { recursive: true, force: true });
});

/** Waits for the screen to match, polling the pane; fails with the screen after `seconds`. */
async function waitFor(pattern: RegExp, seconds = 30, session = 'e2e'): Promise<string> {
  let screen = '';
  for (let tries = seconds * 10; tries > 0; tries--) {
    screen = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(screen)) return screen;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`waited ${seconds}s for ${String(pattern)}; screen:\n${screen}`);
}

test.skipIf(!hasTmux)('saving a policy from the simulator keeps a Windows-1252 scenario Windows-1252, byte for byte', { timeout: 120_000 }, async () => {
  const text = SCENARIO.replace('# Base of the hostile cases', '# Scénario préparé par la délégation régionale (accents en Windows-1252)')
    .replace('name: Cas de test', 'name: Appel à projets Île-de-France')
    .replace('  social:\n', '  social:\n    label: Équilibre social\n');
  const before = iconv.encode(text, 'win1252');
  writeFileSync(join(folder, 'scenario.yaml'), before);
  writeFileSync(join(folder, 'candidates.csv'), csv());

  tmux('new-session', '-d', '-s', 'e2e', '-x', '120', '-y', '40', '-c', folder, `env -u CI -u NO_COLOR TERM=xterm-256color ${process.execPath} ${BIN} scenario.yaml; sleep 30`);
  await waitFor(/Appel à projets Île-de-France.*✓ optimal/);
  tmux('send-keys', '-t', 'e2e', 's');
  await waitFor(/Save the weights as policy/);
  tmux('send-keys', '-t', 'e2e', 'social_2', 'Enter');
  await waitFor(/social_2/);
  await waitFor(/[Ss]aved|policy social_2/);
  tmux('send-keys', '-t', 'e2e', 'q');

  const after = readFileSync(join(folder, 'scenario.yaml'));
  const policy = '  social_2:\n    label: Équilibre social, adjusted\n';
  const at = after.indexOf(iconv.encode(policy, 'win1252'));
  expect(at, `the new policy, in Windows-1252, in:\n${iconv.decode(after, 'win1252')}`).toBeGreaterThan(0);
  const end = after.indexOf(Buffer.from('rules:\n'), at);
  // Every byte before and after the inserted policy is the original's.
  expect(Buffer.concat([after.subarray(0, at), after.subarray(end)]).equals(before)).toBe(true);
  expect(after.includes(Buffer.from('Ã')), 'no UTF-8 sequence crept in').toBe(false);
  expect(iconv.decode(after, 'win1252')).toContain('# Scénario préparé par la délégation régionale');
});

test.skipIf(!hasTmux)('the terminal closing under the simulator (SSH drop) ends it quietly: no native trace, no process left', { timeout: 120_000 }, async () => {
  const hup = `enveloppe-hup-${process.pid}`;
  const errors = join(folder, 'stderr.txt');
  const t = (...args: string[]): string => spawnSync('tmux', ['-L', hup, '-f', '/dev/null', ...args], { encoding: 'utf8' }).stdout;
  writeFileSync(join(folder, 'scenario.yaml'), SCENARIO);
  writeFileSync(join(folder, 'candidates.csv'), csv());
  t('new-session', '-d', '-s', 'h', '-x', '100', '-y', '30', '-c', folder, `${process.execPath} ${BIN} scenario.yaml 2>${errors}; echo "exit $?" >> ${errors}.done`);
  let screen = '';
  for (let tries = 300; tries > 0 && !/✓ optimal/.test(screen); tries--) {
    screen = t('capture-pane', '-p', '-t', 'h');
    await new Promise((done) => setTimeout(done, 100));
  }
  expect(screen).toMatch(/✓ optimal/);
  const pid = spawnSync('pgrep', ['-f', `${BIN} scenario.yaml`], { encoding: 'utf8' }).stdout.trim();
  t('kill-server');
  let alive = true;
  for (let tries = 100; tries > 0 && alive; tries--) {
    alive = pid !== '' && spawnSync('kill', ['-0', ...pid.split('\n')]).status === 0;
    await new Promise((done) => setTimeout(done, 100));
  }
  expect(alive, 'the simulator is gone').toBe(false);
  expect(readFileSync(errors, 'utf8'), 'nothing on stderr: no "Assertion failed", no native stack trace').toBe('');
});

test.skipIf(!hasTmux)('a name laden with escape sequences is shown, not obeyed: the window keeps its title, the table its rows', { timeout: 120_000 }, async () => {
  const esc = '\u001b';
  writeFileSync(join(folder, 'scenario.yaml'), SCENARIO);
  writeFileSync(join(folder, 'candidates.csv'), csv([
    'id;name;region;territory;request;utilite_sociale;emplois',
    `c-1;"Pôle ${esc}]0;pwned\u0007${esc}[2J${esc}[H\u202Eevil";Bretagne;rural;120000;4,5;2`,
    'c-2;PTCE Vallée de la Bièvre;Île-de-France;urbain;100000;3;4,5',
  ]));
  tmux('new-session', '-d', '-s', 'esc', '-x', '120', '-y', '40', '-c', folder, `env -u CI -u NO_COLOR TERM=xterm-256color ${process.execPath} ${BIN} scenario.yaml; sleep 30`);
  const screen = await waitFor(/Cas de test.*✓ optimal/, 30, 'esc');
  expect(screen).toContain('Pôle ␛]0;pwned␇␛[2J␛[H\\u202Eevil');
  expect(screen).toContain('PTCE Vallée de la Bièvre');
  expect(tmux('display-message', '-p', '-t', 'esc', '#{pane_title}')).not.toContain('pwned');
  tmux('send-keys', '-t', 'esc', 'q');
});

test.skipIf(!hasTmux)('a score formula’s mistake, checked once the first allocation is on screen, closes the simulator with the message solve gives, exit 1', { timeout: 120_000 }, async () => {
  // The simulator leaves the formulas' check (mathjs) until its first allocation is drawn (src/tui/launch.ts, screen.ts).
  const own = join(folder, 'formula');
  mkdirSync(own);
  for (const name of ['ptce-2013.csv', 'ptce-2013-notes.csv']) copyFileSync(join(ROOT, 'scenarios', name), join(own, name));
  const text = readFileSync(join(ROOT, 'scenarios/ptce-2013.yaml'), 'utf8');
  expect(text).toContain('min(financement, perennite_emplois, calendrier)');
  writeFileSync(join(own, 'ptce-2013.yaml'), text.replace('min(financement, perennite_emplois, calendrier)', 'min(financement, perennite_emploi, calendrier)'));
  const solve = runBuilt(['solve', 'ptce-2013.yaml'], { cwd: own });
  expect(solve.status).toBe(1);
  expect(solve.stderr).toBe("enveloppe: ptce-2013.yaml:56: policies.solidite.score: unknown name 'perennite_emploi'. Did you mean 'perennite_emplois'?\n");

  const errors = join(own, 'stderr.txt');
  tmux('new-session', '-d', '-s', 'formula', '-x', '120', '-y', '40', '-c', own, `env -u CI -u NO_COLOR TERM=xterm-256color LANG=C ${process.execPath} ${BIN} ptce-2013.yaml 2>${errors}; echo "exit $?"; sleep 30`);
  const screen = await waitFor(/^exit \d+$/m, 60, 'formula');
  expect(screen).toMatch(/^exit 1$/m);
  // Ink shows the cursor again on stderr as the process ends (\e[?25h): a terminal's control, not text.
  expect(stripVTControlCharacters(readFileSync(errors, 'utf8'))).toBe(solve.stderr);
  // The normal screen is back: the shell's line, not the simulator's frame.
  expect(screen).not.toContain('Spent');
});
