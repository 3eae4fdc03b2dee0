/** The report's sections on the funding line: the ties at the optimum, then who sits either side of the line and why. */
import { fundingLine, tiesAcrossLine, type LineEntry, type LineReason } from './funding-line.js';
import { escapeHtml as e } from './html.js';
import { ruleBound, ruleValue, type Context, type Section } from './render-parts.js';

export function tiesSection(ctx: Context): Section {
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
    out.push(`<h3>${e(l.tiebreak)}</h3>`, `<p>${e(l.lotteryDrawn(lottery.seed, lottery.band, n.decimal(lottery.line, 2), lottery.tickets.length))}</p>`);
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

export function lineSection(ctx: Context, around: number): Section {
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
