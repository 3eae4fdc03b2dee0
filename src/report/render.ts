/**
 * The committee's report as one self-contained HTML page: no script, no external file, fonts from
 * the system, charts as inline SVG, laid out for A4 (page margins, page numbers, table headers
 * repeated on each page). A pure function of its data: the same input gives the same bytes.
 */
import type { CandidateResult, RuleResult } from '../analysis/allocation.js';
import { barChart, type Bar } from './charts.js';
import { numberFormats, type NumberFormats } from '../domain/numbers.js';
import { fundingLine, tiesAcrossLine, type LineEntry, type LineReason } from './funding-line.js';
import { cssString, escapeHtml as e, shellWord } from './html.js';
import { LABELS, type Labels } from './labels.js';
import type { ReportInput, ReportLanguage, ReportOptions } from './types.js';

interface Context {
  readonly input: ReportInput;
  readonly l: Labels;
  readonly n: NumberFormats;
  readonly lang: ReportLanguage;
}

/** The whole report as an HTML document. */
export function renderReportHtml(input: ReportInput, options: ReportOptions = {}): string {
  const lang = options.lang ?? 'fr';
  const ctx: Context = { input, l: LABELS[lang], n: numberFormats(lang), lang };
  const { allocation } = input;
  const sections = [
    callSection(ctx),
    summarySection(ctx),
    policySection(ctx),
    allocationSection(ctx),
    chartsSection(ctx),
    rulesSection(ctx),
    tiesSection(ctx),
    lineSection(ctx, options.around ?? 5),
    ...(input.comparison === undefined ? [] : [comparisonSection(ctx)]),
    ...(input.robustness === undefined ? [] : [robustnessSection(ctx)]),
    traceSection(ctx),
  ];
  const numbered = sections.map((section, index) => ({ ...section, number: index + 1 }));
  const title = `${ctx.l.title} — ${allocation.scenario}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${stylesheet(ctx)}</style>`,
    '</head>',
    '<body>',
    '<header class="cover">',
    `<p class="kicker">${e(ctx.l.title)}</p>`,
    `<h1>${e(allocation.scenario)}</h1>`,
    input.scenario.description === '' ? '' : `<p class="lead">${e(input.scenario.description).replace(/(\d) (?=[kM]?€)/g, '$1\u00a0')}</p>`,
    `<p class="meta">${e(ctx.l.policy)}${colon(ctx)}<strong>${e(allocation.policy)}</strong>${allocation.policyLabel === allocation.policy ? '' : ` — ${e(allocation.policyLabel)}`}. ${e(ctx.l.generated(input.trace.enveloppe))}${input.trace.record === undefined ? '' : ` ${e(ctx.l.recordDate)}${colon(ctx)}${e(input.trace.record.date)}.`}</p>`,
    `<nav><h2 class="toc">${e(ctx.l.contents)}</h2><ol>${numbered.map((section) => `<li><a href="#${section.id}">${e(section.title)}</a></li>`).join('')}</ol></nav>`,
    '</header>',
    ...numbered.map((section) => `<section id="${section.id}" class="${section.id}">\n<h2><span class="num">${section.number}.</span> ${e(section.title)}</h2>\n${section.body}\n</section>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** French puts a no-break space before a colon. */
function colon(ctx: Context): string {
  return ctx.lang === 'fr' ? '\u00a0: ' : ': ';
}

interface Section {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

function stylesheet(ctx: Context): string {
  const running = `${ctx.l.running} — ${ctx.input.allocation.scenario}`;
  return `
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @top-left { content: ${cssString(running)}; font: 8pt ${FONTS}; color: #333; }
  @bottom-right { content: ${cssString(`${ctx.l.page} `)} counter(page) ${cssString(` ${ctx.l.of} `)} counter(pages); font: 8pt ${FONTS}; color: #333; }
}
* { box-sizing: border-box; }
html { font: 9.5pt/1.35 ${FONTS}; color: #000; background: #fff; }
body { margin: 0 auto; max-width: 182mm; padding: 0; }
h1 { font-size: 20pt; margin: 0 0 3mm; line-height: 1.15; }
h2 { font-size: 13pt; margin: 7mm 0 2.5mm; border-bottom: 1.2pt solid #000; padding-bottom: 1mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 9pt; margin: 0 0 1mm; }
.lead { font-size: 10.5pt; }
.meta { color: #222; }
nav ol { columns: 2; margin: 1mm 0 0; padding-left: 6mm; }
nav a { color: inherit; text-decoration: none; }
h2.toc { font-size: 10.5pt; border: 0; margin: 4mm 0 0; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; font-size: 8pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { padding: 0.7mm 1.4mm; vertical-align: top; text-align: left; border-bottom: 0.4pt solid #999; }
th { border-bottom: 1pt solid #000; font-weight: 600; }
td.n, th.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.n { white-space: normal; }
td.id { white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 7.5pt; }
tfoot td, tr.total td { border-top: 1pt solid #000; border-bottom: 0; font-weight: 600; }
tr.sub th { border-bottom: 0.6pt solid #000; padding-top: 2.5mm; font-size: 9pt; }
tr.funded td { font-weight: 500; }
.tag { font-size: 7.5pt; border: 0.5pt solid #000; border-radius: 1mm; padding: 0 0.8mm; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.8mm 5mm; margin: 2mm 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts.two { grid-template-columns: max-content 1fr max-content 1fr; }
.small { font-size: 8pt; color: #222; }
figure.chart { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; margin-bottom: 1mm; }
figure.chart svg { font: 8.5px ${FONTS}; display: block; }
svg.bar { vertical-align: middle; }
pre, code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 8pt; }
pre { white-space: pre-wrap; word-break: break-all; border: 0.5pt solid #000; padding: 1.5mm 2mm; margin: 1.5mm 0; break-inside: avoid; }
td.hash { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; }
ul.reasons { margin: 0; padding-left: 3.5mm; }
table.allocation, table.line { table-layout: fixed; }
div.keep { break-inside: avoid; page-break-inside: avoid; }
.nw, table.rules td:nth-child(3) { white-space: nowrap; }
table.allocation td:nth-child(3), table.allocation td:nth-child(4) { overflow-wrap: break-word; }
dl.facts, pre, section.ties { break-inside: avoid; page-break-inside: avoid; }
section.allocation { break-before: page; page-break-before: always; }
@media screen { body { padding: 8mm 4mm 20mm; } }
td.none { color: #444; }
`;
}

/** System font stacks only: the report loads nothing. */
const FONTS = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

function facts(rows: readonly (readonly [string, string])[], columns: 1 | 2 = 1): string {
  return `<dl class="facts${columns === 2 ? ' two' : ''}">${rows.map(([term, value]) => `<dt>${e(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

function callSection(ctx: Context): Section {
  const { scenario } = ctx.input;
  const { l, n } = ctx;
  const locks = Object.entries(scenario.locks).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Two facts a row: the envelope beside the number of applications, year beside year, floor beside cap.
  const rows: [string, string][] = [
    [l.envelope, e(n.euros(scenario.envelope.total))],
    [l.candidates, e(n.integer(scenario.candidates.length))],
    ...scenario.envelope.years.map((entry): [string, string] => [l.yearCeiling(entry.year), e(n.euros(entry.ceiling))]),
    ...(scenario.envelope.years.length % 2 === 1 ? [['', ''] as [string, string]] : []),
    [l.grantFloor, e(n.euros(scenario.grant.min))],
    [l.grantCap, e(n.euros(scenario.grant.max))],
    [l.grantStep, e(n.euros(scenario.grant.step))],
    [l.laureates, e(l.laureateBounds(scenario.laureates.min, scenario.laureates.max))],
    [l.locks, locks.length === 0 ? e(l.noLock) : locks.map(([id, lock]) => `${e(id)} (${e(l.lock(lock))})`).join(', ')],
  ];
  return { id: 'call', title: l.call, body: `${facts(rows, 2)}\n<p class="small">${e(l.grantNote)}</p>` };
}

function policySection(ctx: Context): Section {
  const { scenario, allocation, selection } = ctx.input;
  const { l, n } = ctx;
  const policy = scenario.policies.find((entry) => entry.name === allocation.policy);
  const out: string[] = [`<p><strong>${e(allocation.policy)}</strong>${allocation.policyLabel === allocation.policy ? '' : ` — ${e(allocation.policyLabel)}`}</p>`];
  if (selection.weights !== undefined) out.push(`<p>${e(l.replacedWeights)}</p>`);
  const raw = selection.weights ?? policy?.weights ?? {};
  if (allocation.weights !== undefined) {
    const weights = allocation.weights;
    out.push('<table class="weights"><thead><tr>');
    out.push(`<th>${e(l.criterion)}</th><th>${e(l.column)}</th><th class="n">${e(l.scale)}</th><th class="n">${e(l.rawWeight)}</th><th class="n">${e(l.weight)}</th><th>&nbsp;</th></tr></thead><tbody>`);
    for (const criterion of scenario.criteria) {
      const weight = weights[criterion.column] ?? 0;
      out.push(`<tr><td>${e(criterion.label)}</td><td class="id">${e(criterion.column)}</td><td class="n">${e(`${n.decimal(criterion.scale[0], 0)}–${n.decimal(criterion.scale[1], 0)}`)}${criterion.better === 'lower' ? ' ↓' : ''}</td><td class="n">${e(formatRaw(n, raw[criterion.column] ?? 0))}</td><td class="n">${e(n.percent(weight))}</td><td>${meter(weight)}</td></tr>`);
    }
    out.push('</tbody></table>');
  } else if (allocation.formula !== undefined) {
    out.push(facts([[l.formula, `<code>${e(allocation.formula)}</code>`]]));
  }
  const returns = policy?.returns ?? [];
  out.push(facts([[l.returns, returns.length === 0 ? e(l.noReturns) : returns.map((tier) => e(l.returnTier(n.percent(tier.share, 0), n.decimal(tier.value, 1)))).join(ctx.lang === 'fr' ? '\u00a0; ' : '; ')]]));
  return { id: 'policy', title: l.policy, body: out.join('\n') };
}

/**
 * A small bar for a fraction 0..1: a black bar in an outlined track, so its length reads without
 * colour. Inline SVG, not a CSS background: browsers leave backgrounds out of prints by default.
 */
function meter(fraction: number): string {
  const width = 60;
  const filled = Math.max(0, Math.min(width, fraction * width));
  return `<svg class="bar" width="${width}" height="8" viewBox="0 0 ${width} 8" aria-hidden="true"><rect x="0.25" y="0.75" width="${width - 0.5}" height="6.5" fill="none" stroke="#000" stroke-width="0.5"/><rect x="0.25" y="0.75" width="${(Math.round(filled * 10) / 10).toString()}" height="6.5" fill="#000"/></svg>`;
}

function formatRaw(n: NumberFormats, value: number): string {
  return Number.isInteger(value) ? n.integer(value) : n.decimal(value, 2);
}

function summarySection(ctx: Context): Section {
  const { allocation } = ctx.input;
  const { l, n } = ctx;
  const rows: [string, string][] = [
    [l.spent, e(l.spentOf(n.euros(allocation.spent), n.euros(allocation.total)))],
    [l.laureates, e(l.laureateCount(allocation.laureates, allocation.laureatesMax))],
    ...allocation.years.map((entry): [string, string] => [entry.year, e(l.spentOf(n.euros(entry.spent), n.euros(entry.ceiling)))]),
    [l.left, e(n.euros(allocation.total - allocation.spent))],
  ];
  const after: [string, string][] = [[l.optimum, e(l.optimumText(l.engineName(allocation.engine), n.decimal(allocation.objective, 2)))]];
  if (allocation.notes.length > 0) after.push([l.notes, allocation.notes.map((note) => e(note)).join('<br>')]);
  return { id: 'summary', title: l.summary, body: `${facts(rows, 2)}\n${facts(after)}` };
}

function allocationSection(ctx: Context): Section {
  const { allocation } = ctx.input;
  const { l, n } = ctx;
  const years = allocation.years.map((entry) => entry.year);
  const funded = allocation.candidates.filter((candidate) => candidate.grant > 0);
  const others = allocation.candidates.filter((candidate) => candidate.grant === 0).sort((a, b) => a.rank - b.rank);
  const width = 7 + years.length;
  const row = (candidate: CandidateResult): string => {
    const tags = [
      candidate.lock === undefined ? '' : `<span class="tag">${e(l.lock(candidate.lock))}</span>`,
      candidate.eligible ? '' : `<span class="tag">${e(l.belowFloorTag)}</span>`,
    ].filter((tag) => tag !== '').join(' ');
    return `<tr${candidate.grant > 0 ? ' class="funded"' : ''}><td class="n">${candidate.rank}</td><td class="id">${e(candidate.id)}</td><td>${e(candidate.name)}${tags === '' ? '' : ` ${tags}`}</td><td>${e(candidate.region)}</td><td class="n">${e(n.decimal(candidate.score, 2))}${candidate.review === undefined ? '' : `<br><small>${e(l.reviewsUnder(candidate.review.reviewers, n.decimal(candidate.review.scoreRange, 1), candidate.review.disagree))}</small>`}</td>${years.map((year) => (candidate.grant > 0 ? `<td class="n">${e(n.euros(candidate.years[year] ?? 0))}</td>` : '<td class="n none">—</td>')).join('')}<td class="n">${e(n.euros(candidate.grant))}</td><td class="n">${candidate.grant > 0 ? e(n.percent(candidate.shareOfRequest)) : '—'}</td></tr>`;
  };
  const head = `<thead><tr><th class="n">${e(l.rank)}</th><th>${e(l.id)}</th><th>${e(l.name)}</th><th>${e(l.region)}</th><th class="n">${e(l.score)}</th>${years.map((year) => `<th class="n">${e(year)}</th>`).join('')}<th class="n">${e(l.grant)}</th><th class="n">${e(l.shareOfRequest)}</th></tr></thead>`;
  // Fixed widths for the figures; the name and the region share what is left (A4 portrait, 182 mm).
  const fixed = 10 + 16 + 11 + 18 * years.length + 19 + 16;
  const free = Math.max(40, 182 - fixed);
  const widths = [10, 16, Math.round(free * 0.62), Math.round(free * 0.38), 11, ...years.map(() => 18), 19, 16];
  const columns = `<colgroup>${widths.map((width) => `<col style="width:${width}mm">`).join('')}</colgroup>`;
  const yearTotals = allocation.years.map((entry) => `<td class="n">${e(n.euros(entry.spent))}</td>`).join('');
  const requested = funded.reduce((sum, candidate) => sum + candidate.request, 0);
  const body = [
    `<p>${e(l.allocationIntro)}</p>`,
    `<table class="allocation">${columns}${head}<tbody>`,
    `<tr class="sub"><th colspan="${width}">${e(l.laureatesHeading(funded.length))}</th></tr>`,
    ...funded.map(row),
    `<tr class="total"><td></td><td></td><td>${e(l.total)}</td><td></td><td></td>${yearTotals}<td class="n">${e(n.euros(allocation.spent))}</td><td class="n">${e(n.percent(requested > 0 ? allocation.spent / requested : 0))}</td></tr>`,
    ...(others.length === 0 ? [] : [`<tr class="sub"><th colspan="${width}">${e(l.othersHeading(others.length))}</th></tr>`, ...others.map(row)]),
    '</tbody></table>',
  ];
  const reviews = ctx.input.scenario.reviews;
  if (reviews !== undefined) body.push(`<p class="note">${e(l.reviewsLegend(n.decimal(reviews.settings.disagreement, 0)))}</p>`);
  return { id: 'allocation', title: l.allocation, body: body.join('\n') };
}

function chartsSection(ctx: Context): Section {
  const { allocation } = ctx.input;
  const { l, n } = ctx;
  const caps = new Map<string, number>();
  for (const rule of allocation.rules) {
    if (rule.measure === 'count' || rule.max === undefined) continue;
    caps.set(rule.group, Math.min(caps.get(rule.group) ?? Infinity, rule.max));
  }
  const regions = allocation.regions.filter((region) => region.amount > 0);
  const bars: Bar[] = regions.map((region) => {
    const cap = caps.get(region.region);
    return { label: region.region, value: region.amount, text: l.regionText(n.euros(region.amount), region.laureates), ...(cap === undefined ? {} : { limit: cap }) };
  });
  const anyCap = bars.some((bar) => bar.limit !== undefined);
  const out = [barChart({ id: 'region', title: l.byRegion, bars, legend: { bar: l.granted, ...(anyCap ? { limit: l.ruleMax } : {}) } })];
  const quiet = allocation.regions.length - regions.length;
  if (quiet > 0) out.push(`<p class="small">${e(l.otherRegions(quiet))}</p>`);
  if (allocation.years.length > 0) {
    const yearBars: Bar[] = allocation.years.map((entry) => ({ label: entry.year, value: entry.spent, frame: entry.ceiling, text: l.yearText(n.euros(entry.spent), n.euros(entry.ceiling)) }));
    out.push(barChart({ id: 'year', title: l.byYear, bars: yearBars, legend: { bar: l.granted, frame: l.ceiling } }));
  }
  return { id: 'charts', title: l.charts, body: out.join('\n') };
}

function ruleBound(ctx: Context, rule: RuleResult): string {
  const show = (value: number): string => (rule.measure === 'count' ? ctx.n.integer(value) : ctx.n.euros(value));
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`≥ ${show(rule.min)}`);
  if (rule.max !== undefined) parts.push(`≤ ${show(rule.max)}`);
  return parts.join(', ');
}

function ruleValue(ctx: Context, rule: RuleResult): string {
  return rule.measure === 'count' ? ctx.n.integer(rule.value) : ctx.n.euros(rule.value);
}

function rulesSection(ctx: Context): Section {
  const { allocation } = ctx.input;
  const { l } = ctx;
  if (allocation.rules.length === 0) return { id: 'rules', title: l.rules, body: `<p>${e(l.noRules)}</p>` };
  const out = [`<p>${e(l.rulesIntro)}</p>`];
  out.push(`<table class="rules"><thead><tr><th>${e(l.rule)}</th><th>${e(l.group)}</th><th>${e(l.measureHeading)}</th><th class="n">${e(l.bound)}</th><th class="n">${e(l.value)}</th><th>${e(l.binds)}</th></tr></thead><tbody>`);
  for (const rule of allocation.rules) {
    out.push(`<tr><td>${e(rule.label)}</td><td>${e(rule.group)}</td><td>${e(l.measure(rule.measure))}</td><td class="n">${e(ruleBound(ctx, rule))}</td><td class="n">${e(ruleValue(ctx, rule))}</td><td>${rule.binding ? `<strong>${e(l.binding)}</strong>` : e(l.notBinding)}</td></tr>`);
  }
  out.push('</tbody></table>');
  return { id: 'rules', title: l.rules, body: out.join('\n') };
}

function tiesSection(ctx: Context): Section {
  const { allocation } = ctx.input;
  const { l, n } = ctx;
  const lottery = allocation.tiebreak.lottery;
  const out: string[] = [`<p>${e(l.tieRule(lottery !== undefined))}</p>`];
  if (allocation.ties.length === 0) out.push(`<p>${e(l.noTieFields)}</p>`);
  else {
    out.push(`<h3>${e(l.tieBand)}</h3>`, '<ul>');
    for (const tie of allocation.ties) {
      const loses = tie.loses.join(', ');
      out.push(`<li>${e(tie.kind === 'exact' ? l.tieExact(tie.gains, loses) : l.tieNear(tie.gains, loses, n.percent(tie.loss, 3)))}</li>`);
    }
    out.push('</ul>');
  }
  if (lottery !== undefined) {
    const funded = new Set(allocation.candidates.filter((candidate) => candidate.funded).map((candidate) => candidate.id));
    out.push(`<h3>${e(l.tiebreak)}</h3>`, `<p>${e(l.lotteryDrawn(lottery.seed, n.decimal(lottery.band, 2), n.decimal(lottery.line, 2), lottery.tickets.length))}</p>`);
    out.push('<table class="data"><thead><tr><th>Id</th><th>Note</th><th>' + e(l.ticket) + '</th><th></th></tr></thead><tbody>');
    for (const entry of lottery.tickets) {
      out.push(`<tr><td>${e(entry.id)}</td><td class="num">${e(n.decimal(entry.score, 2))}</td><td class="hash">${e(entry.ticket)}</td><td>${e(funded.has(entry.id) ? l.fundedWord : l.notFundedWord)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  const ties = tiesAcrossLine(allocation);
  if (ties.length === 0) out.push(`<p>${e(l.noTie)}</p>`);
  for (const group of ties) {
    const ids = (funded: boolean): string => group.filter((candidate) => candidate.funded === funded).map((candidate) => candidate.id).join(', ');
    out.push(`<p>${e(l.sameScore(n.decimal(group[0]?.score ?? 0, 2), ids(true), ids(false)))}</p>`);
  }
  return { id: 'ties', title: l.ties, body: out.join('\n') };
}

function reasonText(ctx: Context, reason: LineReason): string {
  const { l, n } = ctx;
  switch (reason.kind) {
    case 'locked':
      return l.reasonLocked(reason.lock);
    case 'below-floor':
      return l.reasonFloor(n.euros(reason.request), n.euros(reason.floor));
    case 'score':
      if (Math.abs(reason.gap) < 0.005) return l.reasonSameScore(reason.last);
      return l.reasonScore(n.decimal(Math.abs(reason.gap), 2), reason.gap > 0, reason.last, Math.abs(reason.gap) >= 2);
    case 'rule':
      return l.reasonRule(reason.rule.label, reason.rule.group, ruleValue(ctx, reason.rule), ruleBound(ctx, reason.rule));
    case 'envelope-spent':
      return l.reasonEnvelope(n.euros(reason.left));
    case 'laureates-full':
      return l.reasonLaureates(reason.max);
    case 'partial':
      return l.reasonPartial(n.percent(reason.share));
  }
}

function lineReasons(ctx: Context, entry: LineEntry, lastId: string | undefined): string[] {
  const explained = ctx.input.explanations?.get(entry.candidate.id) ?? [];
  const reasons = entry.reasons.map((reason) => reasonText(ctx, reason));
  if (entry.candidate.id === lastId) reasons.unshift(ctx.l.reasonLast);
  // What would change its place, re-solved (explain), after the facts read from the allocation.
  if (explained.length > 0) return [...reasons, ...explained];
  // Out with a better score than a laureate, and no rule of its own binding: the optimum traded it off.
  const blocked = entry.reasons.some((reason) => reason.kind !== 'score' && reason.kind !== 'partial');
  if (!entry.candidate.funded && (entry.gap ?? 0) > 0 && !blocked) reasons.push(ctx.l.reasonTradeOff);
  return reasons;
}

function lineSection(ctx: Context, around: number): Section {
  const { scenario, allocation } = ctx.input;
  const { l, n } = ctx;
  const line = fundingLine(scenario, allocation, around);
  if (line.last === undefined) return { id: 'line', title: l.line, body: `<p>${e(l.noLaureate)}</p>` };
  const out = [`<p>${e(l.lineIntro(line.last.id, n.decimal(line.last.score, 2)))}</p>`];
  const widths = [10, 16, 44, 11, 12, 19, 70];
  out.push(`<table class="line"><colgroup>${widths.map((width) => `<col style="width:${width}mm">`).join('')}</colgroup><thead><tr><th class="n">${e(l.rank)}</th><th>${e(l.id)}</th><th>${e(l.name)}</th><th class="n">${e(l.score)}</th><th class="n">${e(l.gap)}</th><th class="n">${e(l.grant)}</th><th>${e(l.why)}</th></tr></thead><tbody>`);
  for (const entry of line.entries) {
    const { candidate } = entry;
    const gap = entry.gap === undefined ? '' : entry.gap === 0 ? n.decimal(0, 2) : `${entry.gap > 0 ? '+' : '−'}${n.decimal(Math.abs(entry.gap), 2)}`;
    const reasons = lineReasons(ctx, entry, line.last.id);
    out.push(`<tr${candidate.funded ? ' class="funded"' : ''}><td class="n">${candidate.rank}</td><td class="id">${e(candidate.id)}</td><td>${e(candidate.name)}<br><span class="small">${e(candidate.funded ? l.fundedStatus : l.outStatus)}</span></td><td class="n">${e(n.decimal(candidate.score, 2))}</td><td class="n">${e(gap)}</td><td class="n">${e(n.euros(candidate.grant))}</td><td><ul class="reasons">${reasons.map((reason) => `<li>${e(reason)}</li>`).join('')}</ul></td></tr>`);
  }
  out.push('</tbody></table>');
  return { id: 'line', title: l.line, body: out.join('\n') };
}

function comparisonSection(ctx: Context): Section {
  const comparison = ctx.input.comparison;
  const { l, n } = ctx;
  if (comparison === undefined) return { id: 'comparison', title: l.comparison, body: '' };
  const policies = comparison.policies;
  const many = policies.length > 1;
  const out = [`<p>${e(l.comparisonIntro(policies.join(', ')))}</p>`];
  out.push(`<table class="comparison"><thead><tr><th>${e(l.id)}</th><th>${e(l.name)}</th>${policies.map((policy) => `<th class="n">${e(policy)}</th>`).join('')}${many ? `<th class="n">${e(l.change)}</th><th class="n">${e(l.rankChange)}</th>` : ''}</tr></thead><tbody>`);
  const shown = comparison.candidates.filter((candidate) => candidate.grants.some((grant) => grant > 0));
  for (const candidate of shown) {
    const first = candidate.grants[0] ?? 0;
    const last = candidate.grants.at(-1) ?? 0;
    const change = first === 0 && last > 0 ? l.newcomer : first > 0 && last === 0 ? l.leaver : last === first ? '' : n.euroChange(last - first);
    const ranks = `${candidate.ranks[0] ?? ''}→${candidate.ranks.at(-1) ?? ''}`;
    out.push(`<tr><td class="id">${e(candidate.id)}</td><td>${e(candidate.name)}</td>${candidate.grants.map((grant) => `<td class="n">${e(n.euros(grant))}</td>`).join('')}${many ? `<td class="n">${e(change)}</td><td class="n">${e(ranks)}</td>` : ''}</tr>`);
  }
  const spent = comparison.allocations.map((allocation) => `<td class="n">${e(n.euros(allocation.spent))}</td>`).join('');
  const laureates = comparison.allocations.map((allocation) => `<td class="n">${e(n.integer(allocation.laureates))}</td>`).join('');
  out.push(`<tr class="total"><td></td><td>${e(l.total)}</td>${spent}${many ? '<td></td><td></td>' : ''}</tr>`);
  out.push(`<tr><td></td><td>${e(l.laureates)}</td>${laureates}${many ? '<td></td><td></td>' : ''}</tr>`);
  out.push('</tbody></table>');
  const never = comparison.candidates.length - shown.length;
  if (never > 0) out.push(`<p class="small">${e(l.unchanged(never))}</p>`);
  for (const pair of comparison.pairs) {
    out.push(`<p>${e(l.pair(pair.a, pair.b, pair.common, n.euros(pair.moved)))}</p>`);
    const lists: [string, readonly string[]][] = [[l.enter, pair.entering], [l.leave, pair.leaving]];
    const rows = lists.filter(([, ids]) => ids.length > 0).map(([term, ids]): [string, string] => [term, ids.map((id) => `<span class="nw">${e(id)}</span>`).join(', ')]);
    if (rows.length > 0) out.push(facts(rows));
  }
  return { id: 'comparison', title: l.comparison, body: out.join('\n') };
}

function robustnessSection(ctx: Context): Section {
  const robustness = ctx.input.robustness;
  const { l, n } = ctx;
  if (robustness === undefined) return { id: 'robustness', title: l.robustness, body: '' };
  const { result, options } = robustness;
  const out = [`<p>${e(l.robustnessIntro(result.solved, result.samples, result.policy, n.decimal(options.spread, 2), options.seed, options.uniform))}</p>`];
  out.push(`<table class="robustness"><thead><tr><th>${e(l.id)}</th><th>${e(l.name)}</th><th class="n">${e(l.probability)}</th><th></th><th class="n">${e(l.meanGrant)}</th><th class="n">${e(l.range)}</th><th>${e(l.fundingClass)}</th></tr></thead><tbody>`);
  const shown = result.candidates.filter((candidate) => candidate.class !== 'never');
  for (const candidate of shown) {
    out.push(`<tr><td class="id">${e(candidate.id)}</td><td>${e(candidate.name)}</td><td class="n">${e(n.percent(candidate.probability, 0))}</td><td>${meter(candidate.probability)}</td><td class="n">${e(n.euros(candidate.meanGrant))}</td><td class="n">${e(`${n.euros(candidate.p5)} – ${n.euros(candidate.p95)}`)}</td><td>${e(l.classes[candidate.class])}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push(`<p class="small">${e(l.classNote)} ${e(l.never(result.candidates.length - shown.length))}</p>`);
  return { id: 'robustness', title: l.robustness, body: out.join('\n') };
}

function traceSection(ctx: Context): Section {
  const { trace } = ctx.input;
  const { l } = ctx;
  const out = [`<p>${e(l.traceIntro)}</p>`];
  if (trace.origin === 'simulator') out.push(`<p><strong>${e(l.fromSimulator)}</strong></p>`);
  out.push(`<table class="hashes"><thead><tr><th>${e(l.file)}</th><th></th><th>${e(l.signature)}</th></tr></thead><tbody>`);
  for (const input of trace.inputs) out.push(`<tr><td>${e(l.role(input.role))}</td><td class="id">${e(input.path)}</td><td class="hash">${e(input.sha256)}</td></tr>`);
  out.push(`<tr><td colspan="2">${e(l.allocationHash)}</td><td class="hash">${e(trace.allocationSha256)}</td></tr>`);
  if (trace.record !== undefined) out.push(`<tr><td>${e(l.record)}</td><td class="id">${e(trace.record.path)}</td><td class="hash">${e(trace.record.sha256)}</td></tr>`);
  out.push('</tbody></table>');
  if (trace.record !== undefined) {
    out.push(facts([[l.recordDate, e(trace.record.date)]]));
    out.push(`<div class="keep"><p>${e(l.verifyWith)}</p><pre>enveloppe verify ${e(shellWord(trace.record.path))}</pre></div>`);
  } else {
    out.push(`<div class="keep"><p>${e(l.makeRecord)}</p><pre>${e(`${trace.solveCommand} --record decision.json`)}\nenveloppe verify decision.json</pre></div>`);
  }
  const engines = Object.entries(trace.engines).map(([name, version]) => `${name} ${version}`).join(', ');
  out.push(`<p class="small">${e(l.versions)}${colon(ctx)}enveloppe ${e(trace.enveloppe)}${engines === '' ? '' : `, ${e(engines)}`}.</p>`);
  return { id: 'trace', title: l.trace, body: out.join('\n') };
}
