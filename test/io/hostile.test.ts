/**
 * Issue 11, in-process: the output guard and its "already written" message, the scenario saved back
 * in its own encoding, the sanitiser, canonical names and ambiguous amounts; and a property test
 * feeding random bytes, random Unicode and random YAML structures to the loaders.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { checkOutputs, OutputWriter } from '../../src/io/files.js';
import { ambiguousAmount } from '../../src/io/numbers.js';
import { loadScenario } from '../../src/io/scenario.js';
import { savePolicy } from '../../src/io/scenario-edit.js';
import { canonicalName, visible } from '../../src/io/text.js';
import { csv, SCENARIO } from '../fixtures/hostile/cases.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function fresh(): string {
  const folder = mkdtempSync(join(tmpdir(), 'enveloppe-hostile-io-'));
  folders.push(folder);
  return folder;
}
function caught(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('the output guard', () => {
  it('when the second of two outputs fails, says the first was written', async () => {
    const folder = fresh();
    const writer = new OutputWriter([]);
    await writer.write(join(folder, 'a.csv'), 'a\n', 'CSV');
    const error = await writer.write(join(folder, 'missing', 'b.lp'), 'b\n', 'LP model').then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).format()).toBe(`${join(folder, 'missing', 'b.lp')}: could not write the LP model: the folder does not exist. Create ${join(folder, 'missing')} first, or choose another path. Already written: ${join(folder, 'a.csv')}.`);
    expect(readdirSync(folder).sort()).toEqual(['a.csv']);
  });

  it('refuses a folder that is not writable before any work', () => {
    if (process.getuid?.() === 0) return; // root writes anywhere; the read-only case is in test/cli/trust.test.ts
    const folder = fresh();
    chmodSync(folder, 0o500);
    expect(caught(() => checkOutputs([{ path: join(folder, 'x.csv'), what: 'CSV' }], [])).message).toBe('could not write the CSV: permission denied; nothing was written');
  });
});

describe('a Windows-1252 scenario saved from the simulator', () => {
  const text = `${SCENARIO.replace('name: Cas de test', '# Scénario préparé par la délégation\nname: Appel à projets Île-de-France')}`;

  it('keeps every accented byte and comment, and adds the policy in Windows-1252', async () => {
    const folder = fresh();
    const file = join(folder, 'scenario.yaml');
    const before = iconv.encode(text, 'win1252');
    writeFileSync(file, before);
    writeFileSync(join(folder, 'candidates.csv'), csv());
    await savePolicy(file, 'emploi', { utilite_sociale: 1, emplois: 3 }, 'Priorité à l’emploi');
    const after = readFileSync(file);
    const expected = iconv.encode(text.replace('rules:\n', '  emploi:\n    label: Priorité à l’emploi\n    weights: {utilite_sociale: 1, emplois: 3}\nrules:\n'), 'win1252');
    expect(after.toString('latin1')).toBe(expected.toString('latin1'));
    expect(after.includes(Buffer.from([0xe9])), 'é as the single byte 0xE9').toBe(true);
    const scenario = await loadScenario(file);
    expect(scenario.name).toBe('Appel à projets Île-de-France');
    expect(scenario.policies.map((policy) => policy.label)).toEqual(['social', 'Priorité à l’emploi']);
  });

  it('writes nothing when the label cannot be stored in Windows-1252', async () => {
    const folder = fresh();
    const file = join(folder, 'scenario.yaml');
    const before = iconv.encode(text, 'win1252');
    writeFileSync(file, before);
    writeFileSync(join(folder, 'candidates.csv'), csv());
    const error = await savePolicy(file, 'emploi', { emplois: 1 }, 'Emploi ✓').then(() => undefined, (thrown: unknown) => thrown);
    expect((error as UserError).message).toBe("the policy holds a character that the file's encoding (Windows-1252) cannot store; nothing was written");
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder).sort()).toEqual(['candidates.csv', 'scenario.yaml']);
  });
});

describe('names and amounts', () => {
  it('compares names after NFC with invisible characters removed', () => {
    expect(canonicalName('E\u0301lan\u200B-1\u00AD')).toBe('Élan-1');
    expect(canonicalName('\uFEFFid')).toBe('id');
  });

  it('shows control bytes and direction overrides, keeps accents and emoji', () => {
    expect(visible('a\u001b[2J\u0007\u009b\u202Eb é 🎉')).toBe('a␛[2J␇\\u009B\\u202Eb é 🎉');
    expect(visible('l1\nl2\tx', { lines: true })).toBe('l1\nl2\tx');
    expect(visible('l1\nl2')).toBe('l1␊l2');
    // JSON keeps its meaning: a C1 control written as an escape parses back to itself.
    expect(JSON.parse(visible(JSON.stringify({ name: 'x\u0085\u202E' })))).toEqual({ name: 'x\u0085\u202E' });
  });

  it('names both readings of an ambiguous amount, and only then', () => {
    expect(ambiguousAmount('120,000')).toBe("120 € (',' as decimal comma) or 120 000 € (',' grouping thousands)");
    expect(ambiguousAmount('1.500 €')).toBe("1,5 € ('.' as decimal point) or 1 500 € ('.' grouping thousands)");
    for (const clear of ['120000', '120 000', '120,00', '1.234,56', '1,234.56', '0,500', '12,5']) expect(ambiguousAmount(clear), clear).toBeUndefined();
  });
});

describe('the loaders, fed at random', () => {
  /** Loads `scenario` beside `candidates`; the outcome must be a scenario or a UserError, and no file may change. */
  async function load(scenario: Uint8Array, candidates: Uint8Array): Promise<void> {
    const folder = fresh();
    writeFileSync(join(folder, 'scenario.yaml'), scenario);
    writeFileSync(join(folder, 'candidates.csv'), candidates);
    try {
      const loaded = await loadScenario(join(folder, 'scenario.yaml'));
      expect(loaded.candidates.length).toBeGreaterThan(0);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      expect(error.format()).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(join(folder, 'scenario.yaml')).equals(Buffer.from(scenario))).toBe(true);
    expect(readFileSync(join(folder, 'candidates.csv')).equals(Buffer.from(candidates))).toBe(true);
    rmSync(folder, { recursive: true, force: true });
  }
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  const good = text(csv());

  it('random bytes as the candidates file or the scenario', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, asScenario) => {
        await (asScenario ? load(bytes, good) : load(text(SCENARIO), bytes));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('random Unicode cells in the candidates file', async () => {
    const cell = fc.string({ unit: 'grapheme', maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 1, maxLength: 5 }), async (rows) => {
        const lines = ['id;name;region;territory;request;utilite_sociale;emplois', ...rows.map(([id, name, region, request], index) => `${id}${index};${name};${region};rural;${request};3;3`)];
        await load(text(SCENARIO), text(`${lines.join('\r\n')}\r\n`));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('random YAML structures as the scenario, and random values under its keys', async () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('__proto__', 'constructor', 'toString', '.inf', '1e309')),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'candidates', 'envelope', 'total', 'grant', 'min', 'max', 'criteria', 'column', 'scale', 'policies', 'weights', 'locks', 'rules', 'group', 'in', 'share', 'constructor', '__proto__'), tie('node'), { maxKeys: 4 })),
    })).node;
    const base = (await import('yaml')).parse(SCENARIO) as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(value, fc.constantFrom(undefined, 'envelope', 'grant', 'criteria', 'policies', 'rules', 'locks', 'laureates'), async (random, key) => {
        const document = key === undefined ? random : { ...base, [key]: random };
        await load(text(stringify(document)), good);
      }),
      { numRuns: 80, seed: 11 },
    );
  });
});
