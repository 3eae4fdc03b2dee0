/**
 * Bar charts as inline SVG, readable in black and white: bars are hatched, every bar carries its
 * figure as text, and a bound is a dashed line named in the legend. No colour carries meaning.
 */
import { escapeHtml } from './html.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The figure printed after the bar. */
  readonly text: string;
  /** A bound drawn as a dashed tick across the bar (a ceiling or a rule's maximum). */
  readonly limit?: number;
  /** Drawn as an empty frame behind the bar (e.g. the year's ceiling). */
  readonly frame?: number;
}

export interface BarChart {
  /** Unique in the document: it names the hatch pattern. */
  readonly id: string;
  readonly title: string;
  readonly bars: readonly Bar[];
  /** Legend entries for the hatch, the frame and the dashed tick; omitted when undefined. */
  readonly legend: { readonly bar: string; readonly frame?: string; readonly limit?: string };
}

const WIDTH = 680;
const LABEL = 190;
const TEXT = 150;
const ROW = 18;
const BAR = 11;

function round(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

/** One chart as an SVG element with its title and a text alternative. */
export function barChart(chart: BarChart): string {
  const top = Math.max(1, ...chart.bars.map((bar) => Math.max(bar.value, bar.limit ?? 0, bar.frame ?? 0)));
  const span = WIDTH - LABEL - TEXT;
  const x = (value: number): number => LABEL + (span * value) / top;
  const hatch = `hatch-${chart.id}`;
  const legendY = chart.bars.length * ROW + 14;
  const height = legendY + 16;
  const rows = chart.bars.map((bar, index) => {
    const y = index * ROW + 4;
    const parts = [`<text x="${LABEL - 6}" y="${round(y + BAR - 1.5)}" text-anchor="end">${escapeHtml(bar.label)}</text>`];
    if (bar.frame !== undefined) parts.push(`<rect x="${LABEL}" y="${y}" width="${round(x(bar.frame) - LABEL)}" height="${BAR}" fill="#fff" stroke="#000" stroke-width="0.8"/>`);
    if (bar.value > 0) parts.push(`<rect x="${LABEL}" y="${y}" width="${round(Math.max(0.8, x(bar.value) - LABEL))}" height="${BAR}" fill="url(#${hatch})" stroke="#000" stroke-width="0.8"/>`);
    if (bar.limit !== undefined) parts.push(`<line x1="${round(x(bar.limit))}" x2="${round(x(bar.limit))}" y1="${y - 3}" y2="${y + BAR + 3}" stroke="#000" stroke-width="1.4" stroke-dasharray="2 1.5"/>`);
    const end = Math.max(x(bar.value), bar.frame === undefined ? 0 : x(bar.frame), bar.limit === undefined ? 0 : x(bar.limit));
    parts.push(`<text x="${round(end + 5)}" y="${round(y + BAR - 1.5)}">${escapeHtml(bar.text)}</text>`);
    return `<g>${parts.join('')}</g>`;
  });
  const legend: string[] = [];
  let at = LABEL;
  const item = (swatch: string, text: string): void => {
    legend.push(`<g transform="translate(${at} ${legendY})">${swatch}<text x="18" y="9">${escapeHtml(text)}</text></g>`);
    at += 26 + text.length * 5.6;
  };
  item(`<rect width="14" height="10" fill="url(#${hatch})" stroke="#000" stroke-width="0.8"/>`, chart.legend.bar);
  if (chart.legend.frame !== undefined) item('<rect width="14" height="10" fill="#fff" stroke="#000" stroke-width="0.8"/>', chart.legend.frame);
  if (chart.legend.limit !== undefined) item('<line x1="7" x2="7" y1="-2" y2="12" stroke="#000" stroke-width="1.4" stroke-dasharray="2 1.5"/>', chart.legend.limit);
  const alternative = chart.bars.map((bar) => `${bar.label}: ${bar.text}`).join('; ');
  return [
    `<figure class="chart"><figcaption>${escapeHtml(chart.title)}</figcaption>`,
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${escapeHtml(`${chart.title}. ${alternative}`)}">`,
    `<defs><pattern id="${hatch}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/><line x1="0" y1="0" x2="0" y2="4" stroke="#000" stroke-width="1.6"/></pattern></defs>`,
    ...rows,
    ...legend,
    '</svg></figure>',
  ].join('\n');
}
