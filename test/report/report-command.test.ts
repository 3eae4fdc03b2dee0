/**
 * `enveloppe report` run as a user runs it (the BUILT program): a mistake gets one message, exit 2
 * and no file; a good command writes one HTML file, the same bytes each time.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { noStackTrace, requireBuild, runBuilt } from '../cli/built.js';

const WORK = mkdtempSync(join(tmpdir(), 'enveloppe-report-cli-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

describe('enveloppe report', () => {
  requireBuild();

  const mistakes: [string, string[], RegExp][] = [
    ['no --out', ['report', 'scenarios/tiny.yaml'], /required option '--out <file>' not specified/],
    ['a folder that does not exist', ['report', 'scenarios/tiny.yaml', '--out', join(WORK, 'missing/rapport.html')], /missing\/rapport\.html: could not write the report: the folder does not exist; nothing was written\. Create .*missing first/],
    ['the scenario as output', ['report', 'scenarios/tiny.yaml', '--out', 'scenarios/tiny.yaml'], /scenarios\/tiny\.yaml: refusing to write the report over an input file/],
    ['an unknown policy to compare', ['report', 'scenarios/tiny.yaml', '--compare', 'social,emplois', '--out', join(WORK, 'x.html')], /--policy: unknown policy 'emplois'\. Did you mean 'emploi'\?/],
    ['--seed without --robustness', ['report', 'scenarios/tiny.yaml', '--seed', '3', '--out', join(WORK, 'x.html')], /--seed: --seed sets the robustness draws, and no --robustness was given\. Add --robustness 200\./],
    ['a bad number of draws', ['report', 'scenarios/tiny.yaml', '--robustness', 'many', '--out', join(WORK, 'x.html')], /--robustness: 'many' is not a whole number from 1 to 100000/],
    ['robustness around a formula policy', ['report', 'scenarios/ptce-2013.yaml', '--policy', 'solidite', '--robustness', '5', '--out', join(WORK, 'x.html')], /--robustness: the policy 'solidite' scores with a formula, and robustness draws weights around a weighted policy\. Choose a weighted policy with --policy, or give --weights\./],
    ['an unknown language', ['report', 'scenarios/tiny.yaml', '--lang', 'de', '--out', join(WORK, 'x.html')], /--lang: unknown language 'de'\. Choose fr or en\./],
  ];
  for (const [what, args, message] of mistakes) {
    it(`refuses ${what} with one message, exit 2 and no file`, () => {
      const before = statSync('scenarios/tiny.yaml').mtimeMs;
      const result = runBuilt(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      noStackTrace(result.stderr);
      expect(existsSync(join(WORK, 'x.html'))).toBe(false);
      expect(statSync('scenarios/tiny.yaml').mtimeMs).toBe(before);
    }, 30_000);
  }

  it('writes one self-contained HTML file, the same bytes each time', () => {
    const first = join(WORK, 'a.html');
    const second = join(WORK, 'b.html');
    for (const out of [first, second]) {
      const result = runBuilt(['report', 'scenarios/tiny.yaml', '--compare', 'social,emploi', '--solver', 'highs', '--out', out]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(`Wrote the report to ${out} (3 laureates, ${readFileSync(out, 'utf8').length.toLocaleString('en')} characters); open it in a browser and print it to PDF.\n`);
    }
    const html = readFileSync(first, 'utf8');
    expect(readFileSync(second, 'utf8')).toBe(html);
    for (const [id, grant] of [['tiny-1', '120\u00a0000\u00a0€'], ['tiny-2', '100\u00a0000\u00a0€'], ['tiny-3', '80\u00a0000\u00a0€']] as const) {
      expect(html).toMatch(new RegExp(`<td class="id">${id}</td>.*?<td class="n">${grant}</td>`));
    }
    expect(html).toContain('<pre>enveloppe solve scenarios/tiny.yaml --policy social --solver highs --record decision.json\nenveloppe verify decision.json</pre>');
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*(?!["']?#)|url\(\s*(?!["']?#)|@import|https?:/i);
  }, 60_000);

  it('writes the decision record beside it, and verify reproduces it', () => {
    const out = join(WORK, 'r.html');
    const record = join(WORK, 'decision.json');
    const result = runBuilt(['report', 'scenarios/tiny.yaml', '--record', record, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    const date = (JSON.parse(readFileSync(record, 'utf8')) as { date: string }).date;
    expect(html).toContain(date);
    expect(html).toContain(`<pre>enveloppe verify ${record}</pre>`);
    const verified = runBuilt(['verify', record]);
    expect(verified.status, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('reproduced byte for byte');
  }, 60_000);
});
