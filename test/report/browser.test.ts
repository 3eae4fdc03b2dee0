/**
 * The report as the committee gets it: the BUILT program writes the HTML, headless Chromium prints
 * it to PDF (as "Print to PDF" does), and the PDF's text holds every laureate's name and grant and
 * the totals. Skipped only when no Chromium is installed and CI is not set; in CI it must run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { requireBuild, runBuilt } from '../cli/built.js';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function onPath(name: string): string | undefined {
  for (const folder of (process.env['PATH'] ?? '').split(delimiter)) {
    const file = join(folder, name);
    if (folder !== '' && existsSync(file)) return file;
  }
  return undefined;
}

const browser = BROWSERS.map(onPath).find((file) => file !== undefined);
const required = process.env['CI'] !== undefined && process.env['CI'] !== '';
const WORK = mkdtempSync(join(tmpdir(), 'enveloppe-report-'));
afterAll(() => rmSync(WORK, { recursive: true, force: true }));

/** Whitespace of any kind (the report uses no-break spaces in amounts) as one plain space. */
function plain(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

function tool(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error !== undefined) throw result.error;
  expect(result.status, `${command} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

describe.skipIf(browser === undefined && !required)('the report printed by headless Chromium', () => {
  requireBuild();

  it('holds every laureate, its grant and the totals, on a plausible number of A4 pages', () => {
    expect(browser, `CI is set, so Chromium must be installed (tried ${BROWSERS.join(', ')})`).toBeDefined();
    const html = join(WORK, 'rapport.html');
    const pdf = join(WORK, 'r.pdf');
    const record = join(WORK, 'decision.json');
    const made = runBuilt(['report', 'scenarios/ptce-2013.yaml', '--compare', 'equilibre,emploi', '--robustness', '200', '--record', record, '--out', html]);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toContain(`Wrote the report to ${html}`);

    // The user's own profile folder would be locked by a running browser: use a fresh one.
    const printed = spawnSync(browser ?? 'chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${join(WORK, 'profile')}`, `--print-to-pdf=${pdf}`, `file://${html}`], { encoding: 'utf8', timeout: 90_000 });
    expect(printed.error).toBeUndefined();
    expect(existsSync(pdf), `Chromium wrote no PDF: ${printed.stderr.slice(-500)}`).toBe(true);

    const info = tool('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:.*\(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? '0');
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(25);

    const text = plain(tool('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
    // The laureates as solve publishes them, from the record written with the report.
    const allocation = JSON.parse((JSON.parse(readFileSync(record, 'utf8')) as { allocation: string }).allocation) as { allocations: { id: string; name: string; grant: number; funded: boolean }[]; spent: number };
    const laureates = allocation.allocations.filter((candidate) => candidate.funded);
    expect(laureates.length).toBeGreaterThan(10);
    const euros = (value: number): string => `${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} €`;
    for (const laureate of laureates) {
      expect(text, laureate.id).toContain(laureate.id);
      expect(text, laureate.name).toContain(plain(laureate.name));
      expect(text, `${laureate.id}'s grant`).toContain(`${laureate.id} ${plain(laureate.name)}`);
      expect(text, `${laureate.id}'s grant`).toContain(euros(laureate.grant));
    }
    expect(allocation.spent).toBe(3_000_000);
    expect(text).toContain('3 000 000 € sur 3 000 000 €');
    // The table's total row: pdftotext may glue adjacent cells.
    expect(text).toMatch(/Total 1 500 000 € ?1 500 000 € ?3 000 000 €/);
    // Page numbers from the @page margin boxes, and the sections asked for.
    expect(text).toContain(`Page 1 sur ${pages}`);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    for (const heading of ['Comparaison des pondérations', 'Robustesse des décisions', 'Traçabilité', 'enveloppe verify']) expect(text).toContain(heading);
  }, 180_000);
});
