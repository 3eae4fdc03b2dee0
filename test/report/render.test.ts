/**
 * The report's HTML as a pure function of its data: every laureate and its grant, the totals, no
 * external reference, user text escaped, the same bytes for the same data, and the tie fields
 * rendered when the solve provides them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate } from '../../src/analysis/pipeline.js';
import type { Allocation } from '../../src/domain/allocation.js';
import { lineUp } from '../../src/analysis/compare.js';
import { classify, type Robustness } from '../../src/analysis/robustness.js';
import type { Scenario } from '../../src/domain/types.js';
import { loadScenario } from '../../src/io/scenario.js';
import { numberFormats } from '../../src/domain/numbers.js';
import { renderReportHtml } from '../../src/report/render.js';
import type { ReportInput } from '../../src/report/types.js';

const NBSP = '\u00a0';
let scenario: Scenario;
let equilibre: Allocation;
let emploi: Allocation;

async function solved(policy: string): Promise<Allocation> {
  const outcome = await allocate(scenario, { policy }, { engine: 'highs' });
  if (outcome.status !== 'optimal') throw new Error(`ptce-2013 under ${policy}: ${outcome.status}`);
  return outcome.allocation;
}

beforeAll(async () => {
  scenario = await loadScenario('scenarios/ptce-2013.yaml');
  equilibre = await solved('equilibre');
  emploi = await solved('emploi');
}, 60_000);

const TRACE: ReportInput['trace'] = {
  enveloppe: '0.1.0',
  engines: { highs: '1.15.3' },
  inputs: [
    { role: 'scenario', path: 'scenarios/ptce-2013.yaml', sha256: 'a'.repeat(64) },
    { role: 'candidates', path: 'scenarios/ptce-2013.csv', sha256: 'b'.repeat(64) },
  ],
  allocationSha256: 'c'.repeat(64),
  solveCommand: 'enveloppe solve scenarios/ptce-2013.yaml --policy equilibre',
};

/** Robustness figures made from the allocation itself: a report test needs the shape, not the solves. */
function robustnessOf(allocation: Allocation): Robustness {
  return {
    policy: allocation.policy,
    samples: 10,
    solved: 10,
    candidates: allocation.candidates.map((candidate) => {
      const probability = candidate.funded ? (candidate.rank % 2 === 0 ? 1 : 0.6) : 0;
      return { id: candidate.id, name: candidate.name, region: candidate.region, probability, meanGrant: candidate.grant, p5: 0, p95: candidate.grant, class: classify(probability) };
    }),
  };
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return { scenario, allocation: equilibre, selection: { policy: 'equilibre' }, trace: TRACE, ...overrides };
}

describe('numbers in French and in English', () => {
  it('groups with no-break spaces and writes decimal commas', () => {
    const fr = numberFormats('fr');
    expect(fr.euros(3_000_000)).toBe(`3${NBSP}000${NBSP}000${NBSP}€`);
    expect(fr.decimal(84, 2)).toBe('84,00');
    expect(fr.percent(0.898)).toBe(`89,8${NBSP}%`);
    expect(fr.euroChange(-12_000)).toBe(`−12${NBSP}000${NBSP}€`);
    expect(fr.euros(1234)).not.toContain('\u202f');
    const en = numberFormats('en');
    expect(en.euros(3_000_000)).toBe('€3,000,000');
    expect(en.decimal(84, 2)).toBe('84.00');
  });
});

describe('the report HTML', () => {
  it('holds every laureate with its formatted grant, and the totals', () => {
    const html = renderReportHtml(input());
    const fr = numberFormats('fr');
    const laureates = equilibre.candidates.filter((candidate) => candidate.funded);
    expect(laureates.length).toBe(equilibre.laureates);
    for (const laureate of laureates) {
      const row = new RegExp(`<tr class="funded"><td class="n">${laureate.rank}</td><td class="id">${laureate.id}</td>.*?</tr>`).exec(html)?.[0] ?? '';
      expect(row, laureate.id).toContain(`>${fr.euros(laureate.grant)}<`);
      expect(row).toContain(`>${fr.decimal(laureate.score, 2)}<`);
    }
    expect(html).toContain(`${fr.euros(3_000_000)} sur ${fr.euros(3_000_000)}`);
    expect(html).toContain(`<td>Total</td>`);
    expect(html).toContain(`Lauréats (${equilibre.laureates})`);
    // Every candidate is in the table: laureates first, then the others.
    for (const candidate of equilibre.candidates) expect(html).toContain(`<td class="id">${candidate.id}</td>`);
    const firstOut = html.indexOf('Dossiers non financés');
    for (const laureate of laureates) expect(html.indexOf(`<td class="id">${laureate.id}</td>`)).toBeLessThan(firstOut);
  });

  it('refers to nothing outside itself', () => {
    const html = renderReportHtml(input({ comparison: lineUp(['equilibre', 'emploi'], [equilibre, emploi]), robustness: { result: robustnessOf(equilibre), options: { samples: 10, spread: 0.2, seed: 1, uniform: false } } }));
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*(?!["']?#)/i);
    expect(html).not.toMatch(/url\(\s*(?!["']?#)/i);
    expect(html).toContain('href="#line"');
    expect(html).not.toMatch(/@import|<link\b|<script\b|<iframe\b|<img\b/i);
    expect(html).not.toMatch(/https?:|\bftp:|\/\/[a-z]/i);
    // Charts are inline SVG, hatched so that they read in black and white.
    expect(html.match(/<svg viewBox/g)?.length).toBe(2);
    expect(html).toContain('<pattern id="hatch-region"');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('counter(page)');
  });

  it('gives the same bytes for the same data, with no date unless the record has one', () => {
    const data = input({ comparison: lineUp(['equilibre', 'emploi'], [equilibre, emploi]) });
    const first = renderReportHtml(data);
    expect(renderReportHtml(data)).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    const dated = renderReportHtml(input({ trace: { ...TRACE, record: { path: 'decision.json', sha256: 'd'.repeat(64), date: '2013-11-20T10:00:00.000Z' } } }));
    expect(dated).toContain('2013-11-20T10:00:00.000Z');
    expect(dated).toContain('<pre>enveloppe verify decision.json</pre>');
    expect(first).toContain('enveloppe solve scenarios/ptce-2013.yaml --policy equilibre --record decision.json\nenveloppe verify decision.json');
  });

  it('escapes user text, in the page and in the running header', () => {
    const evil = '<script>alert("x")</script> & Cie';
    const renamed: Allocation = { ...equilibre, scenario: `Appel </style><b>`, candidates: equilibre.candidates.map((candidate, index) => (index === 0 ? { ...candidate, name: evil } : candidate)) };
    const html = renderReportHtml(input({ allocation: renamed }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie');
    expect(html.match(/<\/style>/g)?.length).toBe(1);
    expect(html).toContain('Appel \\3c /style\\3e \\3c b\\3e ');
    expect(html).toContain('<h1>Appel &lt;/style&gt;&lt;b&gt;</h1>');
  });

  it('states the tie-break rule, the tie band the solve found, and the lottery when one was drawn', () => {
    const html = renderReportHtml(input());
    expect(html).toContain('Règle de départage, appliquée dans le modèle\u00a0: parmi les répartitions optimales, la note la plus haute d’abord, puis la demande la plus faible');
    // ptce-074 and ptce-096 both score 78.00 under equal weights; the rule funds ptce-074 (smaller request).
    expect(html).toContain('ptce-096 et ptce-074 sont ex aequo\u00a0: une autre répartition de même valeur financerait ptce-096 à la place de ptce-074\u00a0; la règle finance ptce-074.');
    expect(html).toContain('Même note (78,00) de part et d’autre de la ligne\u00a0: ptce-074 financé, ptce-096 non.');
    expect(html).not.toContain('Tirage au sort, graine');
    const lottery = { seed: 'comité <2013>', band: 0, line: 78, tickets: [{ id: 'ptce-096', score: 78, ticket: 'a'.repeat(64) }, { id: 'ptce-074', score: 78, ticket: 'b'.repeat(64) }] };
    const drawn = renderReportHtml(input({ allocation: { ...equilibre, tiebreak: { rule: 'lottery', lottery } } }));
    expect(drawn).toContain('Tirage au sort, graine «\u00a0comité &lt;2013&gt;\u00a0», bande de 0,00\u00a0point autour de la ligne (note 78,00)\u00a0: 2 candidats dans le tirage');
    expect(drawn).toContain(`<td>ptce-096</td><td class="num">78,00</td><td class="hash">${'a'.repeat(64)}</td><td>non financé</td>`);
  });

  it("shows each candidate's reviewers, the spread of their scores and the disagreement flag, with a legend", () => {
    const html = renderReportHtml(input());
    const flagged = equilibre.candidates.filter((candidate) => candidate.review?.disagree === true);
    expect(flagged.length, 'the shipped 2013 reviews flag some candidates').toBeGreaterThan(0);
    for (const candidate of equilibre.candidates.filter((entry) => entry.review !== undefined).slice(0, 20)) {
      const review = candidate.review;
      if (review === undefined) continue;
      const range = review.scoreRange.toFixed(1).replace('.', ',');
      expect(html, candidate.id).toContain(`<small>${review.reviewers} rapp. · écart ${range}${review.disagree ? ' ⚑' : ''}</small>`);
    }
    expect(html).toContain('Sous la note\u00a0: le nombre de rapporteurs (hors conflit d’intérêts)');
  });

  it('explains the candidates nearest the funding line, and takes explain sentences when given', () => {
    const html = renderReportHtml(input());
    const section = html.slice(html.indexOf('<section id="line"'), html.indexOf('</section>', html.indexOf('<section id="line"')));
    const funded = equilibre.candidates.filter((candidate) => candidate.funded).sort((a, b) => a.rank - b.rank);
    const out = equilibre.candidates.filter((candidate) => !candidate.funded).sort((a, b) => a.rank - b.rank);
    const last = funded.at(-1);
    expect(section).toContain(`Le dernier financé est ${last?.id ?? '?'}`);
    for (const candidate of [...funded.slice(-5), ...out.slice(0, 5)]) expect(section).toContain(`<td class="id">${candidate.id}</td>`);
    expect(section.match(/<td class="id">/g)?.length).toBe(10);
    // ptce-058 (Île-de-France) scores above the last laureate and is held out by the region's count rule.
    expect(section).toMatch(/ptce-058[\s\S]*?règle saturée « 4 lauréats au plus par région » \(Île-de-France\)/);
    const explained = renderReportHtml(input({ explanations: new Map([['ptce-058', ['il faudrait 0,5 point de plus']]]) }));
    expect(explained).toContain('<li>il faudrait 0,5 point de plus</li>');
  });

  it('adds the comparison and the robustness only when asked, and reads in English too', () => {
    const plain = renderReportHtml(input());
    expect(plain).not.toContain('Comparaison des pondérations');
    expect(plain).not.toContain('Robustesse des décisions');
    const full = renderReportHtml(input({ comparison: lineUp(['equilibre', 'emploi'], [equilibre, emploi]), robustness: { result: robustnessOf(equilibre), options: { samples: 10, spread: 0.2, seed: 1, uniform: false } } }));
    expect(full).toContain('Comparaison des pondérations');
    expect(full).toMatch(/De equilibre à emploi\u00a0: \d+ lauréats en commun/);
    expect(full).toContain('Robustesse des décisions');
    expect(full).toContain('graine 1');
    const english = renderReportHtml(input(), { lang: 'en' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('€3,000,000 of €3,000,000');
    expect(english).toContain('Report to the steering committee');
  });
});
