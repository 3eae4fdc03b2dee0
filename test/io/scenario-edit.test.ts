import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { loadScenario } from '../../src/io/scenario.js';
import { savePolicy, withPolicy } from '../../src/io/scenario-edit.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'enveloppe-edit-'));
  await cp(new URL('../../scenarios/', import.meta.url), folder, { recursive: true });
});

/** The text `after` is `before` with `inserted` put in at one place, every other byte kept. */
function insertion(before: string, after: string): { at: number; inserted: string } {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at += 1;
  const inserted = after.slice(at, at + after.length - before.length);
  expect(after.slice(0, at) + after.slice(at + inserted.length)).toBe(before);
  return { at, inserted };
}

describe('savePolicy', () => {
  test('adds the policy after the last one and keeps every other byte, comments included', async () => {
    const file = join(folder, 'ptce-2013.yaml');
    const before = await readFile(file, 'utf8');
    await savePolicy(file, 'emploi_plus', { perennite_emplois: 40, utilite_sociale: 35.5, objectifs: 24.5 }, 'Emplois durables : variante', [
      { share: 0.5, value: 1 },
      { share: 1, value: 0.6 },
    ]);
    const after = await readFile(file, 'utf8');
    const { at, inserted } = insertion(before, after);
    expect(inserted).toBe(
      [
        '  emploi_plus:',
        '    label: "Emplois durables : variante"',
        '    weights: {perennite_emplois: 40, utilite_sociale: 35.5, objectifs: 24.5}',
        '    returns: [[0.5, 1], [1, 0.6]]',
        '',
      ].join('\n'),
    );
    // Right after the last policy (the formula of `solidite`), before the blank line and the comment on rules.
    expect(before.slice(0, at)).toMatch(/implication_citoyenne\) \/ 2"\n$/);
    expect(before.slice(at)).toMatch(/^\n# Règles du financeur/);
    for (const comment of before.split('\n').filter((line) => line.trimStart().startsWith('#'))) expect(after).toContain(comment);

    const scenario = await loadScenario(file);
    const policy = scenario.policies.find((entry) => entry.name === 'emploi_plus');
    expect(policy).toEqual({ name: 'emploi_plus', label: 'Emplois durables : variante', weights: { perennite_emplois: 40, utilite_sociale: 35.5, objectifs: 24.5 }, returns: [{ share: 0.5, value: 1 }, { share: 1, value: 0.6 }] });
    expect(scenario.policies.map((entry) => entry.name)).toEqual(['equilibre', 'emploi', 'citoyenne', 'solidite', 'emploi_plus']);
    // Written through a temporary file renamed over the target: nothing left beside it.
    expect((await readdir(folder)).filter((name) => name.startsWith('ptce-2013.yaml'))).toEqual(['ptce-2013.yaml']);
  });

  test('keeps CRLF line ends, and a label is optional', async () => {
    const file = join(folder, 'crlf.yaml');
    const before = (await readFile(join(folder, 'tiny.yaml'), 'utf8')).replace(/\n/g, '\r\n');
    await writeFile(file, before);
    await savePolicy(file, 'egal', { utilite_sociale: 1, emplois: 1 });
    const { inserted } = insertion(before, await readFile(file, 'utf8'));
    expect(inserted).toBe('  egal:\r\n    weights: {utilite_sociale: 1, emplois: 1}\r\n');
    expect((await loadScenario(file)).policies.map((policy) => policy.name)).toEqual(['social', 'emploi', 'egal']);
  });

  test('refuses a name already used, or not made of a-z 0-9 _ -, and leaves the file alone', async () => {
    const file = join(folder, 'tiny.yaml');
    const before = await readFile(file, 'utf8');
    await expect(savePolicy(file, 'social', { emplois: 1 })).rejects.toThrow(/already has a policy named 'social'/);
    for (const name of ['Social', 'avec espace', 'émploi', '', 'a.b']) {
      await expect(savePolicy(file, name, { emplois: 1 })).rejects.toBeInstanceOf(UserError);
    }
    await expect(savePolicy(file, 'zero', { emplois: 0, utilite_sociale: 0 })).rejects.toThrow(/at least one above 0/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('a file without policies gets a policies block at its end', () => {
    const text = 'name: Essai\n# a comment\ncandidates: c.csv\n';
    expect(withPolicy(text, 'x.yaml', 'p1', { label: undefined, weights: { a: 2 }, returns: [] })).toBe(`${text}policies:\n  p1:\n    weights: {a: 2}\n`);
  });

  test('flow-style policies are rewritten by yaml, still with every value kept', () => {
    const text = 'name: Essai\npolicies: {a: {weights: {x: 1}}}\nrules: []\n';
    const out = withPolicy(text, 'x.yaml', 'b', { label: 'B', weights: { x: 2 }, returns: [] });
    expect(out).toContain('b: { label: B, weights: { x: 2 } }');
    expect(out).toContain('a: { weights: { x: 1 } }');
  });
});
