/** The report's closing sections: the comparison of policies, the robustness of each decision, the trace. */
import { escapeHtml as e, shellWord } from './html.js';
import { colon, facts, meter, type Context, type Section } from './render-parts.js';

export function comparisonSection(ctx: Context): Section {
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

export function robustnessSection(ctx: Context): Section {
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

export function traceSection(ctx: Context): Section {
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
