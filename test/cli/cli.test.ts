/**
 * The BUILT program, run as a user runs it: `node bin/enveloppe.js …` from the project folder
 * (`npm test` builds before vitest). Exit codes, what goes to stdout (data) and stderr (messages),
 * the files --csv and --lp write, and that the same command prints the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, noStackTrace, requireBuild, ROOT, runBuilt, type Run } from './built.js';

/** The funded candidates of tiny under its default policy (scenarios/README.md). */
const TINY_GRANTS = { 'tiny-1': '120 000', 'tiny-2': '100 000', 'tiny-3': '80 000' };
const WORK = mkdtempSync(join(tmpdir(), 'enveloppe-cli-'));

function run(args: readonly string[], cwd = ROOT): Run {
  return runBuilt(args, { cwd });
}

interface JsonAllocation {
  status: string;
  allocations: { id: string; grant: number; funded: boolean }[];
  objective: number;
  [key: string]: unknown;
}

function json(result: Run): JsonAllocation {
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as JsonAllocation;
}

/** A scenario folder of our own: tiny.csv and a YAML written by the test. */
function scenarioFolder(name: string, yaml: string): { folder: string; yaml: string; csv: string } {
  const folder = join(WORK, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const csv = join(folder, 'tiny.csv');
  copyFileSync(join(ROOT, 'scenarios/tiny.csv'), csv);
  writeFileSync(join(folder, 'scenario.yaml'), yaml);
  return { folder, yaml: join(folder, 'scenario.yaml'), csv };
}

const TINY_HEAD = `name: Tiny
candidates: tiny.csv
envelope: {total: 300000}
grant: {min: 40000, max: 120000, step: 1000}
criteria:
  - {column: utilite_sociale, scale: [0, 5]}
  - {column: emplois, scale: [0, 5]}
`;

requireBuild();

afterAll(() => {
  rmSync(WORK, { recursive: true, force: true });
});

describe('enveloppe solve scenarios/tiny.yaml', { timeout: 120_000 }, () => {
  it('exits 0 and the table lists the funded candidates, and only them', () => {
    const result = run(['solve', 'scenarios/tiny.yaml']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const rowOf = (id: string): string | undefined => lines.find((line) => new RegExp(`^\\s*\\d+\\s+${id}\\s`).test(line));
    for (const [id, grant] of Object.entries(TINY_GRANTS)) expect(rowOf(id), id).toMatch(new RegExp(`${grant} €\\s+100\\.0 %$`));
    expect(result.stdout).not.toMatch(/^\s*\d+\s+tiny-4\s/m);
    expect(result.stdout).not.toMatch(/^\s*\d+\s+tiny-5\s/m);
    expect(result.stdout).toContain('300 000 €');
    expect(result.stderr).toBe('');
  });

  it('--json prints the documented document', () => {
    const document = json(run(['solve', 'scenarios/tiny.yaml', '--json']));
    for (const key of ['status', 'scenario', 'policy', 'weights', 'objective', 'envelope', 'spent', 'allocations', 'rules']) expect(document).toHaveProperty(key);
    expect(document.status).toBe('optimal');
    expect(document['policy']).toBe('social');
    expect(document['weights']).toEqual({ utilite_sociale: 0.75, emplois: 0.25 });
    expect(document.objective).toBe(21_650_000);
    expect(document['envelope']).toEqual({ total: 300_000, years: {} });
    expect(document['spent']).toBe(300_000);
    expect(document.allocations).toHaveLength(5);
    for (const allocation of document.allocations) {
      for (const key of ['id', 'name', 'region', 'score', 'rank', 'funded', 'grant', 'years', 'request']) expect(allocation).toHaveProperty(key);
      expect(Object.keys(allocation).filter((key) => !['id', 'name', 'region', 'score', 'rank', 'funded', 'grant', 'years', 'request', 'lock', 'eligible'].includes(key))).toEqual([]);
    }
    expect(Object.fromEntries(document.allocations.map((entry) => [entry.id, entry.grant]))).toEqual({ 'tiny-1': 120_000, 'tiny-2': 100_000, 'tiny-3': 80_000, 'tiny-4': 0, 'tiny-5': 0 });
    const rules = document['rules'] as Record<string, unknown>[];
    expect(rules).toHaveLength(1);
    for (const key of ['label', 'group', 'value', 'bound', 'binding']) expect(rules[0]).toHaveProperty(key);
    expect(rules[0]).toMatchObject({ group: 'rural', value: 200_000, bound: { min: 90_000, max: null }, binding: false });
  });

  it('prints byte-identical stdout when run twice (table and --json)', () => {
    for (const extra of [[], ['--json']]) {
      const first = run(['solve', 'scenarios/tiny.yaml', ...extra]);
      const second = run(['solve', 'scenarios/tiny.yaml', ...extra]);
      expect(first.status).toBe(0);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  it('--weights utilite_sociale=3,emplois=1 gives the same allocation as --policy social', () => {
    const policy = json(run(['solve', 'scenarios/tiny.yaml', '--policy', 'social', '--json']));
    // From the other policy, so that the weights are not merely the default's.
    const weights = json(run(['solve', 'scenarios/tiny.yaml', '--policy', 'emploi', '--weights', 'utilite_sociale=3,emplois=1', '--json']));
    expect(weights.allocations).toEqual(policy.allocations);
    expect(weights.objective).toBe(policy.objective);
    const emploi = json(run(['solve', 'scenarios/tiny.yaml', '--weights', 'utilite_sociale=1,emplois=3', '--json']));
    expect(emploi.allocations).toEqual(json(run(['solve', 'scenarios/tiny.yaml', '--policy', 'emploi', '--json'])).allocations);
    expect(emploi.allocations).not.toEqual(policy.allocations);
  });
});

describe('files written by solve', { timeout: 120_000 }, () => {
  function excelTable(file: string): { bytes: Buffer; rows: Record<string, string>[]; header: string[] } {
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n'), 'ends with CRLF').toBe(true);
    expect(text.replaceAll('\r\n', ''), 'every line ends with CRLF').not.toMatch(/[\r\n]/);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.delimiter).toBe(';');
    return { bytes, rows: parsed.data, header: parsed.meta.fields ?? [] };
  }
  const euros = (text: string | undefined): number => Number((text ?? '').replace(',', '.'));

  it('--csv FILE --excel writes BOM, ;, CRLF, and a total row equal to the sum of the grants', () => {
    const file = join(WORK, 'tiny-excel.csv');
    const result = run(['solve', 'scenarios/tiny.yaml', '--csv', file, '--excel']);
    expect(result.status, result.stderr).toBe(0);
    const { rows, header } = excelTable(file);
    expect(header).toContain('Subvention (€)');
    const total = rows.find((row) => row['Nom'] === 'Total');
    const grants = rows.filter((row) => row !== total);
    expect(grants.map((row) => row['Id']).sort()).toEqual(['tiny-1', 'tiny-2', 'tiny-3', 'tiny-4', 'tiny-5']);
    const sum = grants.reduce((acc, row) => acc + euros(row['Subvention (€)']), 0);
    expect(sum).toBe(300_000);
    expect(euros(total?.['Subvention (€)'])).toBe(sum);
    expect(grants.find((row) => row['Id'] === 'tiny-1')?.['Score']).toBe('77,5');
    // The message goes to stderr; the table still goes to stdout.
    expect(result.stderr).toContain(file);
    expect(result.stdout).toContain('tiny-1');
  });

  it('on ptce-2013 (two years), the total row equals the sum of each year column and of the grants', () => {
    const file = join(WORK, 'ptce-2013.csv');
    const result = run(['solve', 'scenarios/ptce-2013.yaml', '--csv', file, '--excel', '--json']);
    const document = json(result);
    const { rows, header } = excelTable(file);
    expect(header).toEqual(expect.arrayContaining(['Subvention 2013 (€)', 'Subvention 2014 (€)', 'Subvention (€)']));
    const total = rows.find((row) => row['Nom'] === 'Total');
    const grants = rows.filter((row) => row !== total);
    expect(grants).toHaveLength(130);
    for (const column of ['Subvention 2013 (€)', 'Subvention 2014 (€)', 'Subvention (€)']) {
      expect(euros(total?.[column]), column).toBe(grants.reduce((acc, row) => acc + euros(row[column]), 0));
    }
    expect(euros(total?.['Subvention (€)'])).toBe(document['spent']);
  });

  it('--lp FILE writes the LP model: on tiny, the committed fixture', () => {
    const file = join(WORK, 'tiny.lp');
    const result = run(['solve', 'scenarios/tiny.yaml', '--lp', file]);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(ROOT, 'test/fixtures/engine/tiny.lp'), 'utf8'));
    expect(result.stderr).toContain(file);
  });

  it('--json with --csv keeps stdout pure JSON: the message goes to stderr', () => {
    const file = join(WORK, 'tiny-plain.csv');
    const result = run(['solve', 'scenarios/tiny.yaml', '--json', '--csv', file]);
    expect(() => JSON.parse(result.stdout) as unknown).not.toThrow();
    expect(result.stderr).toMatch(/Wrote/);
    const plain = readFileSync(file, 'utf8');
    expect(plain.startsWith('\ufeff')).toBe(false);
    expect(plain.split('\n')[0]).toMatch(/^rank,id,name,region,score,grant_eur,/);
  });

  it('--csv pointing at the scenario\'s own CSV is refused (exit 2) and the input is unchanged', () => {
    const { folder, yaml, csv } = scenarioFolder('own-csv', `${TINY_HEAD}`);
    const before = readFileSync(csv);
    const result = run(['solve', yaml, '--csv', csv, '--excel']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/input/);
    noStackTrace(result.stderr);
    expect(readFileSync(csv).equals(before)).toBe(true);
    // The same file under another spelling of its path.
    const again = run(['solve', 'scenario.yaml', '--csv', './sub/../tiny.csv'], folder);
    expect(again.status).toBe(2);
    expect(readFileSync(csv).equals(before)).toBe(true);
    const lp = run(['solve', yaml, '--lp', yaml]);
    expect(lp.status).toBe(2);
    expect(readFileSync(yaml, 'utf8')).toBe(TINY_HEAD);
  });
});

describe('mistakes and exit codes', { timeout: 120_000 }, () => {
  it('--policy nope exits 2 naming the policy, with a hint', () => {
    const result = run(['solve', 'scenarios/tiny.yaml', '--policy', 'nope']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("'nope'");
    expect(result.stderr).toMatch(/social, emploi/);
    expect(result.stdout).toBe('');
    noStackTrace(result.stderr);
  });

  it('an unknown flag exits 2', () => {
    const result = run(['solve', 'scenarios/tiny.yaml', '--frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--frobnicate');
    expect(result.stdout).toBe('');
  });

  it('a missing scenario file exits 2 with the path in the message', () => {
    const result = run(['solve', 'scenarios/nowhere-2031.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('scenarios/nowhere-2031.yaml');
    expect(result.stdout).toBe('');
    noStackTrace(result.stderr);
  });

  it('--version and --help exit 0', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const version = run(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(manifest.version);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: enveloppe/);
    expect(help.stdout).toMatch(/solve/);
    const solveHelp = run(['solve', '--help']);
    expect(solveHelp.status).toBe(0);
    expect(solveHelp.stdout).toMatch(/--policy/);
  });

  it('validate scenarios/ptce-2013.yaml exits 0', () => {
    const result = run(['validate', 'scenarios/ptce-2013.yaml']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('130');
  });

  it.each([
    ['laureates-min', 'laureates min 5 (tiny-5 asks less than the floor)', `${TINY_HEAD}laureates: {min: 5}\n`],
    ['rural-share', '90 % for rural candidates, who ask 200 000 € in all', `${TINY_HEAD}rules:\n  - {label: Rural, group: {column: territory, in: [rural]}, share: {min: 0.9}}\n`],
  ])('an infeasible scenario (%s: %s) exits 3, a message on stderr, nothing on stdout (JSON with --json)', (folder, _why, yaml) => {
    const scenario = scenarioFolder(`infeasible-${folder}`, yaml);
    const result = run(['solve', scenario.yaml]);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/infeasible/);
    noStackTrace(result.stderr);
    // --json prints the outcome as a value a script can read (why, and what would repair it),
    // and --lp still writes the model (README: "written even when the model is infeasible").
    const lp = join(scenario.folder, 'infeasible.lp');
    const asJson = run(['solve', scenario.yaml, '--json', '--lp', lp]);
    expect(asJson.status).toBe(3);
    const document = JSON.parse(asJson.stdout) as { status: string; conflicts: { label: string }[]; repairs: string[]; sums: string[] };
    expect(document.status).toBe('infeasible');
    expect(document.conflicts.length + document.sums.length).toBeGreaterThan(0);
    if (document.conflicts.length > 0) expect(document.repairs.length).toBeGreaterThan(0);
    expect(readFileSync(lp, 'utf8')).toMatch(/^Maximize$[\s\S]*^End$/m);
  });

  it('solve ptce-2013 --json | head -c 100 neither hangs nor prints a stack trace', () => {
    // pipefail is off: the pipeline's status is head's; the point is what enveloppe does when head leaves.
    const result = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} solve scenarios/ptce-2013.yaml --json | head -c 100`], { cwd: ROOT, timeout: 120_000 });
    expect(result.error).toBeUndefined();
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout.length, 'bytes').toBe(100);
    expect(result.stdout.toString('utf8').startsWith('{\n  "status": "optimal"')).toBe(true);
    expect(result.stderr.toString('utf8')).toBe('');
    // A reader that is gone before the first write: enveloppe meets EPIPE and must leave quietly.
    const gone = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} solve scenarios/ptce-2013.yaml --json | true; echo "enveloppe exit \${PIPESTATUS[0]}" >&2`], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(gone.signal).toBeNull();
    expect(gone.stderr).toBe('enveloppe exit 0\n');
  });
});

describe('fixed bugs stay fixed', { timeout: 120_000 }, () => {
  it('a score formula calling toString(1) is refused with a message, not a TypeError stack trace', () => {
    const scenario = scenarioFolder('formula-prototype', `${TINY_HEAD}policies:\n  f: {score: "toString(1)"}\n`);
    const result = run(['solve', scenario.yaml]);
    noStackTrace(result.stderr);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/toString.*not allowed/);
  });
});
