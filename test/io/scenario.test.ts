import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/scenario.js';
import { messageOf } from './message-of.js';

const scenarios = new URL('../../scenarios/', import.meta.url);

/** A temporary copy of tiny with its YAML replaced by `edit(original)`. */
function tinyWith(edit: (yaml: string) => string): string {
  const folder = mkdtempSync(join(tmpdir(), 'enveloppe-scenario-'));
  copyFileSync(new URL('tiny.csv', scenarios), join(folder, 'tiny.csv'));
  const yaml = readFileSync(new URL('tiny.yaml', scenarios), 'utf8');
  writeFileSync(join(folder, 'tiny.yaml'), edit(yaml));
  return join(folder, 'tiny.yaml');
}

describe('loadScenario on the shipped scenarios', () => {
  it('reads the 2013 call with its real figures', async () => {
    const scenario = await loadScenario(new URL('ptce-2013.yaml', scenarios).pathname);
    expect(scenario.candidates).toHaveLength(130);
    expect(scenario.envelope).toEqual({ total: 3_000_000, years: [{ year: '2013', ceiling: 1_500_000 }, { year: '2014', ceiling: 1_500_000 }] });
    expect(scenario.grant).toEqual({ min: 72_000, max: 290_000, step: 1000 });
    expect(scenario.laureates.max).toBe(23);
    expect(scenario.criteria).toHaveLength(9);
    expect(scenario.policies.length).toBeGreaterThanOrEqual(3);
    const phares = scenario.candidates.find((candidate) => candidate.name.includes('Phares'));
    expect(phares?.region).toBe('Île-de-France');
  });

  it('reads French currency cells with narrow no-break spaces (ptce-2015) and Windows-1252 (rhone-alpes)', async () => {
    const y2015 = await loadScenario(new URL('ptce-2015.yaml', scenarios).pathname);
    expect(y2015.candidates.every((candidate) => Number.isInteger(candidate.request) && candidate.request > 0)).toBe(true);
    const region = await loadScenario(new URL('rhone-alpes.yaml', scenarios).pathname);
    expect(region.candidates.some((candidate) => candidate.name.includes('’'))).toBe(true);
    expect(region.candidates.some((candidate) => Object.values(candidate.attributes).some((value) => value.includes('€')))).toBe(true);
  });
});

describe('loadScenario refuses mistakes with one message naming file, line and key', () => {
  it('suggests the key meant by a typo', async () => {
    const path = tinyWith((yaml) => yaml.replace('laureates:', 'laureats:'));
    expect(await messageOf(path)).toMatch(/tiny\.yaml:\d+: laureats: unknown key 'laureats'\. Did you mean 'laureates'\?/);
  });

  it('names a wrong type', async () => {
    const path = tinyWith((yaml) => yaml.replace('total: 300000', 'total: beaucoup'));
    expect(await messageOf(path)).toMatch(/tiny\.yaml:\d+: envelope\.total: 'envelope\.total' should be a number/);
  });

  it('names a missing candidates file', async () => {
    const path = tinyWith((yaml) => yaml.replace('candidates: tiny.csv', 'candidates: absent.csv'));
    expect(await messageOf(path)).toMatch(/tiny\.yaml:\d+: candidates: the candidates file 'absent\.csv' does not exist\. The path is relative to the scenario's folder \(.*\), which holds tiny\.csv\./);
  });

  it('names a weight on an unknown criterion, with a guess', async () => {
    const path = tinyWith((yaml) => yaml.replace('weights: {utilite_sociale: 3, emplois: 1}', 'weights: {utilite_social: 3, emplois: 1}'));
    expect(await messageOf(path)).toMatch(/policies\.social\.weights\.utilite_social: 'utilite_social' is not a declared criterion\. Did you mean 'utilite_sociale'\?/);
  });

  it('refuses a policy whose weights are all zero', async () => {
    const path = tinyWith((yaml) => yaml.replace('weights: {utilite_sociale: 3, emplois: 1}', 'weights: {utilite_sociale: 0, emplois: 0}'));
    expect(await messageOf(path)).toMatch(/policies\.social\.weights: every weight of this policy is zero/);
  });

  it('refuses a score formula that assigns, with the line of the formula', async () => {
    const path = tinyWith((yaml) => yaml.replace('weights: {utilite_sociale: 3, emplois: 1}', 'score: "x = utilite_sociale"'));
    expect(await messageOf(path)).toMatch(/tiny\.yaml:\d+: policies\.social\.score: a score formula may not assign a variable/);
  });

  it('refuses a rule on a value no candidate has, with a guess', async () => {
    const path = tinyWith((yaml) => yaml.replace('in: [rural]', 'in: [rurale]'));
    expect(await messageOf(path)).toMatch(/rules\[0\]\.group\.in: no candidate has 'rurale' in column 'territory'\. Did you mean 'rural'\?/);
  });

  it('refuses a lock on an unknown id', async () => {
    const path = tinyWith((yaml) => `${yaml}\nlocks: {tiny-9: funded}\n`);
    expect(await messageOf(path)).toMatch(/locks\.tiny-9: no candidate has the id 'tiny-9'/);
  });

  it('refuses a zero envelope', async () => {
    const path = tinyWith((yaml) => yaml.replace('total: 300000', 'total: 0'));
    expect(await messageOf(path)).toMatch(/envelope\.total: the envelope total must be a positive number of euros, not 0/);
  });
});
