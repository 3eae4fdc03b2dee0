/** Publishes the scenario schema as JSON Schema: `npm run schema` writes scenarios/scenario.schema.json. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from '../src/io/scenario-schema.js';

export function scenarioJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://enveloppe.invalid/scenario.schema.json',
    title: 'enveloppe scenario (a call for projects: envelope, candidates, criteria, policies, rules)',
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL('../scenarios/scenario.schema.json', import.meta.url), scenarioJsonSchema());
}
