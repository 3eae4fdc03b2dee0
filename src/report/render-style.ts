/** The report's stylesheet: A4 pages, running header and page numbers, tables that print. */
import { cssString } from './html.js';
import type { Context } from './render-parts.js';

export function stylesheet(ctx: Context): string {
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
