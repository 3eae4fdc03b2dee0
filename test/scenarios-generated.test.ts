/**
 * The sample scenarios in `scenarios/`: the committed CSVs are exactly what the seeded generator
 * writes (nobody edits a CSV by hand), the real facts of DOMAIN.md are kept, and every scenario
 * file is consistent with its CSV and feasible with a margin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { excelEuros, generateAll } from '../scripts/generate-scenarios.js';
import { seededRandom } from '../src/domain/random.js';

const SCENARIOS = resolve(dirname(fileURLToPath(import.meta.url)), '../scenarios');

type Row = Record<string, string>;

interface CsvFile {
  readonly header: string[];
  readonly rows: Row[];
}

/** How each committed file is encoded, as the brief fixes it. */
const FORMATS: Record<string, { encoding: 'utf8' | 'win1252'; bom: boolean; delimiter: string; newline: string }> = {
  'ptce-2013.csv': { encoding: 'utf8', bom: true, delimiter: ';', newline: '\r\n' },
  'ptce-2015.csv': { encoding: 'utf8', bom: true, delimiter: ';', newline: '\r\n' },
  'rhone-alpes.csv': { encoding: 'win1252', bom: false, delimiter: ';', newline: '\r\n' },
  'tiny.csv': { encoding: 'utf8', bom: false, delimiter: ',', newline: '\n' },
};

function formatOf(file: string): (typeof FORMATS)[string] {
  const format = FORMATS[file];
  if (format === undefined) throw new Error(`no format for ${file}`);
  return format;
}

function decode(file: string, bytes: Buffer): string {
  const format = formatOf(file);
  const text = format.encoding === 'win1252' ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
  return text.replace(/^\ufeff/, '');
}

function readCsv(file: string): CsvFile {
  const text = decode(file, readFileSync(join(SCENARIOS, file)));
  const parsed = Papa.parse<Row>(text, { header: true, delimiter: formatOf(file).delimiter, skipEmptyLines: true });
  expect(parsed.errors, `${file} parses`).toEqual([]);
  return { header: parsed.meta.fields ?? [], rows: parsed.data };
}

const field = (row: Row, column: string): string => {
  const value = row[column];
  if (value === undefined) throw new Error(`no column ${column}`);
  return value;
};

/** A number as the CSV writes it: decimal comma, or Excel currency text `185 000 €`. */
function numberOf(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  const value = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(value)) throw new Error(`not a number: ${JSON.stringify(text)}`);
  return value;
}

const REGIONS_2013 = [
  'Alsace',
  'Aquitaine',
  'Auvergne',
  'Basse-Normandie',
  'Bourgogne',
  'Bretagne',
  'Centre',
  'Champagne-Ardenne',
  'Corse',
  'Franche-Comté',
  'Haute-Normandie',
  'Île-de-France',
  'Languedoc-Roussillon',
  'Limousin',
  'Lorraine',
  'Midi-Pyrénées',
  'Nord-Pas-de-Calais',
  'Pays de la Loire',
  'Picardie',
  'Poitou-Charentes',
  "Provence-Alpes-Côte d'Azur",
  'Rhône-Alpes',
  'Guadeloupe',
  'Martinique',
  'Guyane',
  'La Réunion',
  'Mayotte',
];

/** The real poles of DOMAIN.md and the seeds: a fragment of their name, region, department where sourced. */
const REAL_POLES: readonly { fragment: string; region: string; department?: string }[] = [
  { fragment: 'Phares', region: 'Île-de-France', department: 'Seine-Saint-Denis' },
  { fragment: "Goutte d'Or de la mode et du design", region: 'Île-de-France', department: 'Paris' },
  { fragment: 'Coallia', region: 'Île-de-France' },
  { fragment: 'La Verrière', region: 'Île-de-France' },
  { fragment: 'Pôle Sud', region: 'Rhône-Alpes', department: 'Drôme' },
  { fragment: 'Centre Isère', region: 'Rhône-Alpes', department: 'Isère' },
  { fragment: 'Alpilles', region: "Provence-Alpes-Côte d'Azur", department: 'Bouches-du-Rhône' },
  { fragment: 'Val Horizon', region: 'Rhône-Alpes', department: 'Ain' },
  { fragment: 'PTCE Niortais', region: 'Poitou-Charentes', department: 'Deux-Sèvres' },
  { fragment: 'SMAC 07', region: 'Rhône-Alpes', department: 'Ardèche' },
  { fragment: 'Initiatives et Cité', region: 'Nord-Pas-de-Calais' },
  { fragment: 'Ramonville', region: 'Midi-Pyrénées', department: 'Haute-Garonne' },
];

function expectRealPoles(file: CsvFile, poles: readonly { fragment: string; region: string; department?: string }[]): void {
  for (const pole of poles) {
    const matches = file.rows.filter((row) => field(row, 'name').includes(pole.fragment));
    expect(matches, pole.fragment).toHaveLength(1);
    const [row] = matches;
    if (row === undefined) continue;
    expect(field(row, 'region'), pole.fragment).toBe(pole.region);
    expect(field(row, 'source'), pole.fragment).toBe('réel');
    if (pole.department !== undefined) expect(field(row, 'department'), pole.fragment).toBe(pole.department);
  }
  const real = file.rows.filter((row) => field(row, 'source') === 'réel');
  expect(real).toHaveLength(poles.length);
}

function expectUnique(file: CsvFile, column: string): void {
  const values = file.rows.map((row) => field(row, column));
  expect(new Set(values).size, `${column} unique`).toBe(values.length);
}

describe('generated candidate files', () => {
  const generated = generateAll();

  it('are the committed files, byte for byte (edit scripts/generate-scenarios.ts, not the CSVs)', () => {
    const committed = readdirSync(SCENARIOS).filter((file) => file.endsWith('.csv'));
    expect(committed.sort()).toEqual(Object.keys(generated).sort());
    for (const [file, bytes] of Object.entries(generated)) {
      const onDisk = readFileSync(join(SCENARIOS, file));
      expect(onDisk.equals(bytes), `${file} differs from the generator's output: run npx tsx scripts/generate-scenarios.ts`).toBe(true);
    }
  });

  it('are deterministic', () => {
    const again = generateAll();
    for (const [file, bytes] of Object.entries(generated)) expect(again[file]?.equals(bytes), file).toBe(true);
  });

  it('draws from a seeded PRNG (mulberry32), the same numbers for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    // The first draw of seed 42, fixed: a change of generator would silently change every sample file.
    expect(seededRandom(42)()).toBe(0.6011037519201636);
    const draws = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(draws);
    for (const draw of draws) expect(draw >= 0 && draw < 1).toBe(true);
  });

  it.each(Object.keys(FORMATS))('%s has its encoding, delimiter and line ends', (file) => {
    const format = formatOf(file);
    const bytes = readFileSync(join(SCENARIOS, file));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(format.bom);
    const text = decode(file, bytes);
    expect(text.endsWith(format.newline)).toBe(true);
    if (format.newline === '\n') expect(text).not.toContain('\r');
    else expect(text.split('\r\n').every((line) => !line.includes('\n') || line.includes('"'))).toBe(true);
    expect(text.split(/\r?\n/)[0]?.split(format.delimiter)[0]).toBe('id');
  });
});

describe('ptce-2013 (the 2013 interministerial call)', () => {
  const file = readCsv('ptce-2013.csv');

  it('has the 130 admissible dossiers, unique ids and names', () => {
    expect(file.rows).toHaveLength(130);
    expectUnique(file, 'id');
    expectUnique(file, 'name');
  });

  it('covers every 2013 region, metropolitan and overseas, and no other', () => {
    const regions = new Set(file.rows.map((row) => field(row, 'region')));
    expect([...regions].sort()).toEqual([...REGIONS_2013].sort());
    const count = (region: string): number => file.rows.filter((row) => field(row, 'region') === region).length;
    const densest = Math.max(...REGIONS_2013.filter((r) => r !== 'Île-de-France' && r !== 'Rhône-Alpes').map(count));
    expect(count('Île-de-France')).toBeGreaterThan(densest);
    expect(count('Rhône-Alpes')).toBeGreaterThan(densest);
  });

  it('names every real pole of DOMAIN.md with its real region', () => {
    expectRealPoles(file, REAL_POLES);
    expect(file.rows.filter((row) => field(row, 'source') !== 'réel').every((row) => field(row, 'source') === 'fictif')).toBe(true);
  });

  it('keeps Île-de-France able to hold its 4 real laureates', () => {
    const idf = file.rows.filter((row) => field(row, 'region') === 'Île-de-France' && field(row, 'source') === 'réel');
    expect(idf).toHaveLength(4);
  });

  it('splits every request over 2013 and 2014', () => {
    for (const row of file.rows) {
      const total = numberOf(field(row, 'request'));
      expect(Number.isInteger(total)).toBe(true);
      expect(numberOf(field(row, 'request_2013')) + numberOf(field(row, 'request_2014'))).toBe(total);
    }
  });

  it('has requests between 0.8 × floor and 1.6 × ceiling, a few below the floor', () => {
    const requests = file.rows.map((row) => numberOf(field(row, 'request')));
    for (const request of requests) expect(request >= 0.8 * 72_000 && request <= 1.6 * 290_000).toBe(true);
    const below = requests.filter((request) => request < 72_000).length;
    expect(below).toBeGreaterThanOrEqual(2);
    expect(below).toBeLessThanOrEqual(6);
  });

  it('keeps the name with a semicolon and quotes intact through quoting', () => {
    expect(file.rows.some((row) => field(row, 'name') === 'Coopérative "Bois & Bocage"; Limousin')).toBe(true);
  });
});

describe('ptce-2015 (the second call)', () => {
  const file = readCsv('ptce-2015.csv');

  it('has the 85 eligible dossiers, unique ids and names, all invented', () => {
    expect(file.rows).toHaveLength(85);
    expectUnique(file, 'id');
    expectUnique(file, 'name');
    expect(file.rows.every((row) => field(row, 'source') === 'fictif')).toBe(true);
  });

  it('writes requests as Excel shows euros: 185 000 € with no-break spaces Windows-1252 holds', () => {
    expect(excelEuros(185000)).toBe('185\u00a0000\u00a0€');
    expect(excelEuros(26000)).toBe('26\u00a0000\u00a0€');
    for (const row of file.rows) expect(field(row, 'request')).toMatch(/^\d{1,3}(\u00a0\d{3})*\u00a0€$/);
    const requests = file.rows.map((row) => numberOf(field(row, 'request')));
    for (const request of requests) expect(request >= 0.8 * 26_000 && request <= 1.6 * 290_000).toBe(true);
    expect(requests.filter((request) => request < 26_000).length).toBeGreaterThanOrEqual(1);
  });
});

describe('rhone-alpes (a regional call)', () => {
  const bytes = readFileSync(join(SCENARIOS, 'rhone-alpes.csv'));
  const file = readCsv('rhone-alpes.csv');

  it('is Windows-1252 with a typographic apostrophe and a euro sign', () => {
    const text = iconv.decode(bytes, 'win1252');
    expect(iconv.encode(text, 'win1252').equals(bytes)).toBe(true);
    expect(bytes.includes(0x92)).toBe(true); // ’
    expect(bytes.includes(0x80)).toBe(true); // €
    expect(file.rows.some((row) => field(row, 'name').includes('’'))).toBe(true);
    expect(file.rows.some((row) => field(row, 'commentaire').includes('€'))).toBe(true);
  });

  it('has 12 Rhône-Alpes poles, the real ones among them, at most 2 per department', () => {
    expect(file.rows).toHaveLength(12);
    expectUnique(file, 'id');
    expectUnique(file, 'name');
    expect(file.rows.every((row) => field(row, 'region') === 'Rhône-Alpes')).toBe(true);
    expectRealPoles(
      file,
      REAL_POLES.filter((pole) => pole.region === 'Rhône-Alpes'),
    );
    const departments = new Set(file.rows.map((row) => field(row, 'department')));
    expect([...departments].sort()).toEqual(['Ain', 'Ardèche', 'Drôme', 'Haute-Savoie', 'Isère', 'Loire', 'Rhône', 'Savoie']);
  });

  it('keeps the Centre Isère aim of about a hundred jobs (seed 004) and a consistent cost per job', () => {
    const centreIsere = file.rows.find((row) => field(row, 'name').includes('Centre Isère'));
    expect(centreIsere && field(centreIsere, 'emplois_prevus')).toBe('100');
    for (const row of file.rows) {
      const cost = numberOf(field(row, 'request')) / numberOf(field(row, 'emplois_prevus'));
      expect(numberOf(field(row, 'cout_par_emploi'))).toBe(Math.round(cost));
    }
  });

  it('locks Pôle Sud, which the Region already funds', () => {
    const scenario = parseYaml(readFileSync(join(SCENARIOS, 'rhone-alpes.yaml'), 'utf8')) as { locks: Record<string, string> };
    const [id] = Object.keys(scenario.locks);
    const locked = file.rows.find((row) => field(row, 'id') === id);
    expect(locked && field(locked, 'name')).toContain('Pôle Sud');
  });
});

describe('tiny (the README walkthrough)', () => {
  const file = readCsv('tiny.csv');

  it('has 5 invented candidates', () => {
    expect(file.rows).toHaveLength(5);
    expectUnique(file, 'id');
    expect(file.rows.every((row) => field(row, 'source') === 'fictif')).toBe(true);
  });

  it('gives the two policies different allocations when checked by hand (score × euros)', () => {
    const scenario = parseYaml(readFileSync(join(SCENARIOS, 'tiny.yaml'), 'utf8')) as ScenarioYaml;
    const best = (policy: string): string => bruteForceTiny(scenario, file, policy);
    expect(best('social')).toBe('tiny-1:120000 tiny-2:100000 tiny-3:80000');
    expect(best('emploi')).toBe('tiny-1:90000 tiny-2:100000 tiny-4:110000');
  });
});

// ---------------------------------------------------------------------------------------------
// Scenario files: consistent with their CSV, and feasible with a margin

interface Bounds {
  min?: number;
  max?: number;
}

interface ScenarioYaml {
  name: string;
  description: string;
  candidates: string;
  envelope: { total: number; years?: Record<string, number> };
  grant: { min: number; max: number; step: number };
  laureates: { min: number; max: number };
  criteria: { column: string; label: string; scale: [number, number]; better?: 'higher' | 'lower' }[];
  policies: Record<string, { label: string; weights?: Record<string, number>; score?: string; returns?: [number, number][] }>;
  rules: { label: string; group: { column: string; in?: string[] }; share?: Bounds; amount?: Bounds; count?: Bounds }[];
  locks?: Record<string, 'funded' | 'excluded'>;
}

const SCENARIO_FILES = ['ptce-2013.yaml', 'ptce-2015.yaml', 'rhone-alpes.yaml', 'tiny.yaml'];

function loadScenario(file: string): { scenario: ScenarioYaml; csv: CsvFile } {
  const scenario = parseYaml(readFileSync(join(SCENARIOS, file), 'utf8')) as ScenarioYaml;
  return { scenario, csv: readCsv(scenario.candidates) };
}

/** Most a candidate can receive: its request rounded down to the step, capped; 0 when below the floor. */
function fundable(scenario: ScenarioYaml, row: Row): number {
  const { min, max, step } = scenario.grant;
  const request = numberOf(field(row, 'request'));
  const most = Math.min(max, Math.floor(request / step) * step);
  return most >= min ? most : 0;
}

function groupKey(rule: ScenarioYaml['rules'][number], row: Row): string | undefined {
  const value = field(row, rule.group.column);
  if (rule.group.in === undefined) return value;
  return rule.group.in.includes(value) ? '*' : undefined;
}

/**
 * Greedy upper bound of what can be spent under every per-group `max` rule and the laureate cap:
 * take the largest fundable grants first while every group stays within its count and euro caps.
 */
function spendable(scenario: ScenarioYaml, rows: readonly Row[]): number {
  const used = new Map<string, { count: number; amount: number }>();
  let laureates = 0;
  let spent = 0;
  const sorted = [...rows].sort((a, b) => fundable(scenario, b) - fundable(scenario, a));
  for (const row of sorted) {
    const grant = fundable(scenario, row);
    if (grant === 0 || laureates >= scenario.laureates.max) continue;
    const fits = scenario.rules.every((rule, index) => {
      const key = groupKey(rule, row);
      if (key === undefined) return true;
      const state = used.get(`${index}/${key}`) ?? { count: 0, amount: 0 };
      const euroCap = Math.min(
        rule.share?.max === undefined ? Infinity : rule.share.max * scenario.envelope.total,
        rule.amount?.max ?? Infinity,
      );
      return state.count + 1 <= (rule.count?.max ?? Infinity) && state.amount + grant <= euroCap;
    });
    if (!fits) continue;
    scenario.rules.forEach((rule, index) => {
      const key = groupKey(rule, row);
      if (key === undefined) return;
      const state = used.get(`${index}/${key}`) ?? { count: 0, amount: 0 };
      used.set(`${index}/${key}`, { count: state.count + 1, amount: state.amount + grant });
    });
    laureates += 1;
    spent += grant;
  }
  return spent;
}

describe.each(SCENARIO_FILES)('scenario %s', (file) => {
  const { scenario, csv } = loadScenario(file);
  const columns = new Set(csv.header);
  const criteria = new Set(scenario.criteria.map((criterion) => criterion.column));

  it('names an existing candidates file with the required columns', () => {
    expect(existsSync(join(SCENARIOS, scenario.candidates))).toBe(true);
    for (const column of ['id', 'name', 'region', 'request', 'source', 'territory']) expect(columns.has(column), column).toBe(true);
    expect(scenario.name.length).toBeGreaterThan(0);
    expect(scenario.description.length).toBeGreaterThan(0);
  });

  it('has every criterion as a CSV column, every value within its scale', () => {
    for (const criterion of scenario.criteria) {
      expect(columns.has(criterion.column), criterion.column).toBe(true);
      const [low, high] = criterion.scale;
      for (const row of csv.rows) {
        const value = numberOf(field(row, criterion.column));
        expect(value >= low && value <= high, `${criterion.column}=${value}`).toBe(true);
        if (high === 5) expect(Math.round(value * 10) / 10).toBe(value);
      }
    }
  });

  it('has per-year request columns summing to the request when the envelope has years', () => {
    const years = Object.keys(scenario.envelope.years ?? {});
    for (const year of years) expect(columns.has(`request_${year}`), year).toBe(true);
    if (years.length > 0) {
      for (const row of csv.rows) {
        const sum = years.reduce((total, year) => total + numberOf(field(row, `request_${year}`)), 0);
        expect(sum).toBe(numberOf(field(row, 'request')));
      }
      const ceilings = Object.values(scenario.envelope.years ?? {});
      expect(ceilings.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(scenario.envelope.total);
      for (const ceiling of ceilings) expect(scenario.laureates.min * scenario.grant.min).toBeLessThanOrEqual(ceiling);
    }
  });

  it('has policies over declared criteria, valid returns, a first (default) policy', () => {
    const policies = Object.entries(scenario.policies);
    expect(policies.length).toBeGreaterThanOrEqual(2);
    for (const [name, policy] of policies) {
      expect(policy.label.length, name).toBeGreaterThan(0);
      expect(policy.weights !== undefined || policy.score !== undefined, name).toBe(true);
      for (const column of Object.keys(policy.weights ?? {})) expect(criteria.has(column), `${name}.${column}`).toBe(true);
      if (policy.score !== undefined) {
        const identifiers = policy.score.match(/[a-z_][a-z0-9_]*/g) ?? [];
        for (const identifier of identifiers.filter((id) => !['min', 'max', 'sqrt', 'mean'].includes(id))) {
          expect(criteria.has(identifier), `${name} formula uses ${identifier}`).toBe(true);
        }
      }
      const returns = policy.returns ?? [];
      returns.forEach(([share, value], index) => {
        const previous = returns[index - 1];
        if (previous !== undefined) {
          expect(share).toBeGreaterThan(previous[0]);
          expect(value).toBeLessThanOrEqual(previous[1]);
        }
      });
      if (returns.length > 0) expect(returns[returns.length - 1]?.[0]).toBeGreaterThanOrEqual(1);
    }
  });

  it('has rules over existing columns and values', () => {
    for (const rule of scenario.rules) {
      expect(columns.has(rule.group.column), rule.label).toBe(true);
      const values = new Set(csv.rows.map((row) => field(row, rule.group.column)));
      for (const value of rule.group.in ?? []) expect(values.has(value), `${rule.label}: ${value}`).toBe(true);
    }
  });

  it('locks only existing, fundable candidates', () => {
    const ids = new Set(csv.rows.map((row) => field(row, 'id')));
    for (const [id, lock] of Object.entries(scenario.locks ?? {})) {
      expect(ids.has(id), id).toBe(true);
      const row = csv.rows.find((candidate) => field(candidate, 'id') === id);
      if (lock === 'funded' && row !== undefined) expect(fundable(scenario, row)).toBeGreaterThan(0);
    }
  });

  it('is feasible with a comfortable margin', () => {
    const { total } = scenario.envelope;
    expect(scenario.grant.min).toBeLessThanOrEqual(scenario.grant.max);
    expect(scenario.laureates.min * scenario.grant.min).toBeLessThanOrEqual(total);
    // The envelope can be spent under every cap (region shares, counts, laureates).
    expect(spendable(scenario, csv.rows)).toBeGreaterThanOrEqual(total);
    // Every quota (share or amount min) can be met 1.5 times over by the laureates it may have.
    for (const rule of scenario.rules) {
      const floor = Math.max((rule.share?.min ?? 0) * total, rule.amount?.min ?? 0);
      if (floor === 0) continue;
      const inGroup = csv.rows
        .filter((row) => groupKey(rule, row) !== undefined)
        .map((row) => fundable(scenario, row))
        .sort((a, b) => b - a)
        .slice(0, scenario.laureates.max);
      expect(inGroup.reduce((a, b) => a + b, 0), rule.label).toBeGreaterThanOrEqual(1.5 * floor);
    }
  });
});

/**
 * Exhaustive search of the tiny scenario under a weighted-sum policy without returns: value =
 * Σ score × grant, score = weighted mean of criteria rescaled to [0, 1]. Every bound of tiny is a
 * multiple of 10 000 € and the constraints (budget, rural quota) have 0/1 coefficients, so for a
 * given set of laureates the optimum sits on the 10 000 € grid: search that grid.
 */
function bruteForceTiny(scenario: ScenarioYaml, file: CsvFile, policyName: string): string {
  const policy = scenario.policies[policyName];
  if (policy?.weights === undefined) throw new Error(`no weights for ${policyName}`);
  const weights = policy.weights;
  const weightSum = Object.values(weights).reduce((a, b) => a + b, 0);
  const candidates = file.rows.map((row) => ({
    id: field(row, 'id'),
    rural: field(row, 'territory') === 'rural',
    most: fundable(scenario, row),
    score:
      scenario.criteria.reduce(
        (sum, criterion) => sum + (weights[criterion.column] ?? 0) * (numberOf(field(row, criterion.column)) / criterion.scale[1]),
        0,
      ) / weightSum,
  }));
  const { min } = scenario.grant;
  const step = 10_000;
  const quota = (scenario.rules[0]?.share?.min ?? 0) * scenario.envelope.total;
  let best = { value: -1, plan: '' };
  const search = (index: number, grants: number[]): void => {
    if (index === candidates.length) {
      const total = grants.reduce((a, b) => a + b, 0);
      const laureates = grants.filter((grant) => grant > 0).length;
      const rural = grants.reduce((sum, grant, i) => sum + (candidates[i]?.rural ? grant : 0), 0);
      if (total > scenario.envelope.total || laureates > scenario.laureates.max || rural < quota) return;
      const value = grants.reduce((sum, grant, i) => sum + grant * (candidates[i]?.score ?? 0), 0);
      if (value > best.value + 1e-9) {
        best = {
          value,
          plan: grants
            .map((grant, i) => (grant > 0 ? `${candidates[i]?.id}:${grant}` : ''))
            .filter((part) => part !== '')
            .join(' '),
        };
      }
      return;
    }
    const candidate = candidates[index];
    const options = [0];
    if (candidate !== undefined && candidate.most > 0) for (let g = min; g <= candidate.most; g += step) options.push(g);
    for (const grant of options) search(index + 1, [...grants, grant]);
  };
  search(0, []);
  return best.plan;
}
