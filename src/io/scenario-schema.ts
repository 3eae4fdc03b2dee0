/**
 * The scenario file's schema: the one place its shape is declared. Types are derived from it, and
 * `npm run schema` publishes it as JSON Schema (scenarios/scenario.schema.json) for editors.
 */
import * as z from 'zod';

const bounds = z.strictObject({
  min: z.number().optional().describe('Lower bound'),
  max: z.number().optional().describe('Upper bound'),
});

const policy = z.strictObject({
  label: z.string().optional().describe('Name shown to people; defaults to the key'),
  weights: z.record(z.string(), z.number()).optional().describe('Weight of each criterion column; divided by their sum'),
  score: z.string().optional().describe('mathjs formula over the criteria rescaled to [0, 1]; replaces the weighted sum'),
  returns: z
    .array(z.tuple([z.number(), z.number()]))
    .optional()
    .describe('Diminishing returns: [[share of request, value per euro], …], shares increasing to at least 1, values not increasing'),
});

const rule = z.strictObject({
  label: z.string().min(1).describe('How the committee calls the rule'),
  group: z.strictObject({
    column: z.string().min(1).describe('CSV column the rule groups candidates by'),
    in: z.array(z.union([z.string(), z.number()])).optional().describe('Values taken together as one group; without it, one group per value'),
  }),
  share: bounds.optional().describe("Bounds on the group's share of envelope.total, as fractions 0..1"),
  amount: bounds.optional().describe("Bounds on the group's euros"),
  count: bounds.optional().describe("Bounds on the group's number of laureates"),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1).describe('Name of the call for projects'),
  description: z.string().optional(),
  candidates: z.string().min(1).describe('Candidates CSV or .xlsx workbook, relative to the scenario file'),
  sheet: z.string().min(1).optional().describe('Sheet of an .xlsx candidates file; default the first'),
  columns: z
    .strictObject({
      id: z.string().min(1).optional().describe('Header of the column holding the unique id (default id)'),
      name: z.string().min(1).optional().describe("Header of the project's name (default name)"),
      region: z.string().min(1).optional().describe('Header of the region (default region)'),
      request: z.string().min(1).optional().describe('Header of the euros requested (default request)'),
    })
    .optional()
    .describe("The file's own headers for each part, e.g. {id: \"Numéro de dossier\", request: \"Montant demandé (€)\"}; matched case- and accent-insensitively"),
  envelope: z.strictObject({
    total: z.number().describe('Euros to share for the whole period'),
    years: z.record(z.string(), z.number()).optional().describe('Optional ceiling per year, e.g. {2013: 1500000, 2014: 1500000}'),
  }),
  grant: z.strictObject({
    min: z.number().describe('Smallest grant of a funded candidate (euros)'),
    max: z.number().describe('Largest grant (euros); never above the request'),
    step: z.number().optional().describe('Grants are multiples of this many euros; default 1000'),
  }),
  laureates: z
    .strictObject({
      min: z.number().int().optional().describe('Fewest laureates; default 0'),
      max: z.number().int().optional().describe('Most laureates; default all candidates'),
    })
    .optional(),
  criteria: z
    .array(
      z.strictObject({
        column: z.string().min(1).describe('CSV column holding the jury score'),
        label: z.string().optional(),
        scale: z.tuple([z.number(), z.number()]).describe('[lowest, highest] value of the scale'),
        better: z.enum(['higher', 'lower']).optional().describe('lower for criteria such as cost per job; default higher'),
      }),
    )
    .min(1),
  policies: z.record(z.string(), policy).optional().describe('Weighting policies; the first is the default'),
  rules: z.array(rule).optional(),
  locks: z.record(z.string(), z.enum(['funded', 'excluded'])).optional().describe('Candidates forced in or out, by id'),
  tiebreak: z
    .strictObject({
      lottery: z.strictObject({
        seed: z.union([z.string().min(1), z.number()]).describe('The public number drawn in committee; each ticket is SHA-256("<seed>:<id>")'),
        band: z.number().min(0).optional().describe('Score points either side of the funding line that count as equal and are ordered by the draw; default 0 (exact ties only)'),
      }),
    })
    .optional()
    .describe('Without it, ties at the optimum go to the higher score, then the smaller request, then the earlier row'),
  reviews: z
    .strictObject({
      file: z.string().min(1).describe('Reviews CSV (id, reviewer, one column per criterion, optional conflict), relative to the scenario file'),
      aggregate: z.enum(['mean', 'median', 'trimmed-mean']).optional().describe("How a candidate's marks become its value; default mean"),
      severity: z.boolean().optional().describe("Remove each reviewer's mean offset from the others on the dossiers they share; default false"),
      disagreement: z.number().optional().describe("Flag a candidate when its reviewers' own final scores are more than this many points apart (0-100); default 20"),
    })
    .optional()
    .describe("Several reviewers' marks per candidate: the criteria become their aggregate"),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** Every key the schema knows at each level, for "did you mean" on unknown keys. */
export function knownKeys(path: readonly (string | number)[]): string[] {
  let shape: z.ZodType = scenarioSchema;
  for (const part of path) {
    shape = unwrap(shape);
    if (shape instanceof z.ZodObject) shape = (shape.shape as Record<string, z.ZodType>)[String(part)] ?? z.never();
    else if (shape instanceof z.ZodArray) shape = shape.element as z.ZodType;
    else if (shape instanceof z.ZodRecord) shape = shape.valueType as z.ZodType;
    else return [];
  }
  shape = unwrap(shape);
  return shape instanceof z.ZodObject ? Object.keys(shape.shape as Record<string, unknown>) : [];
}

function unwrap(shape: z.ZodType): z.ZodType {
  let current = shape;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}
