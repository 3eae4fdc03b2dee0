/** The report's first sections: the call, the summary, the policy, the allocation, its charts, its rules. */
import type { CandidateResult } from '../domain/allocation.js';
import { solveNoteIn } from '../domain/solve-notes.js';
import { barChart, type Bar } from './charts.js';
import { escapeHtml as e } from './html.js';
import { facts, formatRaw, meter, ruleBound, ruleValue, type Context, type Section } from './render-parts.js';

export function callSection(ctx: Context): Section {
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

export function policySection(ctx: Context): Section {
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

export function summarySection(ctx: Context): Section {
  const { allocation } = ctx.input;
  const { l, n } = ctx;
  const rows: [string, string][] = [
    [l.spent, e(l.spentOf(n.euros(allocation.spent), n.euros(allocation.total)))],
    [l.laureates, e(l.laureateCount(allocation.laureates, allocation.laureatesMax))],
    ...allocation.years.map((entry): [string, string] => [entry.year, e(l.spentOf(n.euros(entry.spent), n.euros(entry.ceiling)))]),
    [l.left, e(n.euros(allocation.total - allocation.spent))],
  ];
  const after: [string, string][] = [[l.optimum, e(l.optimumText(l.engineName(allocation.engine), n.decimal(allocation.objective, 2)))]];
  if (allocation.notes.length > 0) after.push([l.notes, allocation.notes.map((note) => e(solveNoteIn(note, ctx.lang))).join('<br>')]);
  return { id: 'summary', title: l.summary, body: `${facts(rows, 2)}\n${facts(after)}` };
}

export function allocationSection(ctx: Context): Section {
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

export function chartsSection(ctx: Context): Section {
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

export function rulesSection(ctx: Context): Section {
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
