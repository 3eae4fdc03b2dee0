/**
 * The committee's report as one self-contained HTML page: no script, no external file, fonts from
 * the system, charts as inline SVG, laid out for A4 (page margins, page numbers, table headers
 * repeated on each page). A pure function of its data: the same input gives the same bytes.
 * Each section is drawn in render-sections.ts, render-line.ts and render-analyses.ts.
 */
import { numberFormats } from '../domain/numbers.js';
import { escapeHtml as e } from './html.js';
import { en, fr, type Labels } from './labels.js';
import { comparisonSection, robustnessSection, traceSection } from './render-analyses.js';
import { lineSection, tiesSection } from './render-line.js';
import { colon, type Context } from './render-parts.js';
import { allocationSection, callSection, chartsSection, policySection, rulesSection, summarySection } from './render-sections.js';
import { stylesheet } from './render-style.js';
import type { ReportInput, ReportLanguage, ReportOptions } from './types.js';

const LABELS: Readonly<Record<ReportLanguage, Labels>> = { fr, en };

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
