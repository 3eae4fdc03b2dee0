import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../scripts/write-schema.js';

describe('the published JSON Schema', () => {
  it('is the schema the loader checks with (run `npm run schema` after changing src/io/scenario-schema.ts)', () => {
    const committed = readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(scenarioJsonSchema());
  });

  it('describes the keys a scenario author needs, and refuses unknown ones', () => {
    const schema = JSON.parse(scenarioJsonSchema()) as { properties: Record<string, unknown>; required: string[]; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'candidates', 'envelope', 'grant', 'laureates', 'criteria', 'policies', 'rules', 'locks']));
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'candidates', 'envelope', 'grant', 'criteria']));
    expect(schema.additionalProperties).toBe(false);
  });
});
