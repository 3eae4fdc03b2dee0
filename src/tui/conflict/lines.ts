/**
 * Beside the last feasible allocation when the current edits have none: what would fix it first,
 * then why (the bounds that conflict, the same bound over many groups said once), then the sums.
 * Amounts never break across lines; the panel scrolls with < and >.
 */
import type { ConflictItem, ConflictReport } from '../../analysis/conflicts.js';
import type { Lang } from '../../domain/lang.js';
import { solveNoteIn } from '../../domain/solve-notes.js';
import type { Scenario } from '../../domain/types.js';
import type { TuiState } from '../state.js';
import { keepAmountsWhole, NBSP, wrapText } from '../text.js';
import type { Line, Segment } from '../lines.js';
import { wordsOf } from '../words.js';
import { CONFLICT_WORDS } from './words.js';

/** Conflicting items with the same bound of the same rule over several groups said once. */
export interface ConflictEntry {
  readonly label: string;
  readonly fix: string;
  readonly items: readonly ConflictItem[];
}

/** Groups the bounds a rule sets, one per group, when they are the same over several groups. */
export function groupConflicts(report: ConflictReport, scenario: Scenario, lang: Lang = 'en'): ConflictEntry[] {
  const words = CONFLICT_WORDS[lang];
  const entries: ConflictEntry[] = [];
  const grouped = new Map<string, ConflictItem[]>();
  for (const item of report.conflicting) {
    const bound = item.bound;
    if (bound === undefined) continue;
    const key = `${bound.rule}|${bound.side}|${bound.measure}|${bound.value}`;
    grouped.set(key, [...(grouped.get(key) ?? []), item]);
  }
  const said = new Set<string>();
  for (const item of report.conflicting) {
    const bound = item.bound;
    const key = bound === undefined ? undefined : `${bound.rule}|${bound.side}|${bound.measure}|${bound.value}`;
    const members = key === undefined ? undefined : grouped.get(key);
    if (bound === undefined || key === undefined || members === undefined || members.length < 2) {
      entries.push({ label: item.label, fix: item.fix, items: [item] });
      continue;
    }
    if (said.has(key)) continue;
    said.add(key);
    const column = scenario.rules[bound.rule]?.group.column ?? 'group';
    const groups = words.groups(members.length, column);
    const sign = bound.side === 'lower' ? '≥' : '≤';
    const value = amountOf(bound, lang);
    const names = members.map((member) => member.bound?.group ?? '').filter((name) => name !== '');
    const shown = names.length > 4 ? `${names.slice(0, 3).join(', ')}, … ${names[names.length - 1] ?? ''}` : names.join(', ');
    entries.push({ label: words.groupedBound(bound.label, sign, value, groups, shown), fix: words.groupedFix(bound.side, bound.label, sign, value, groups), items: members });
  }
  return entries;
}

function amountOf(bound: NonNullable<ConflictItem['bound']>, lang: Lang): string {
  return bound.measure === 'count' ? CONFLICT_WORDS[lang].laureates(bound.value) : wordsOf(lang).n.euros(bound.value);
}

/** Plain reasons read off the conflicting bounds: groups whose ceiling is below the grant floor. */
function reasons(entries: readonly ConflictEntry[], report: ConflictReport, scenario: Scenario, lang: Lang): string[] {
  const words = CONFLICT_WORDS[lang];
  const { n } = wordsOf(lang);
  if (!report.conflicting.some((item) => item.kind === 'floor')) return [];
  const out: string[] = [];
  for (const entry of entries) {
    const bound = entry.items[0]?.bound;
    if (bound === undefined || bound.side !== 'upper' || bound.measure !== 'euros' || bound.value >= scenario.grant.min) continue;
    const column = scenario.rules[bound.rule]?.group.column ?? 'group';
    const groups = entry.items.length > 1 ? words.groups(entry.items.length, column) : bound.group;
    out.push(words.belowFloor(groups, n.euros(bound.value), n.euros(scenario.grant.min), bound.label));
  }
  return out;
}

/** Every line of the panel, before scrolling. */
export function conflictLines(state: TuiState, width: number, spinner: string): Line[] {
  const status = state.status;
  if (status === undefined || status.kind === 'optimal' || status.kind === 'feasible') return [];
  const words = CONFLICT_WORDS[state.lang];
  const inner = Math.max(8, width);
  const wrap = (text: string, style: Omit<Segment, 'text'> = {}, indent = ''): Line[] =>
    // Amounts are held together while wrapping, then drawn with plain spaces (what terminals and copies expect).
    wrapText(keepAmountsWhole(text), inner - indent.length).map((part, index) => [{ text: `${index === 0 ? indent : ' '.repeat(indent.length)}${part.replaceAll(NBSP, ' ')}`, ...style }]);
  const lines: Line[] = [];
  const edit = state.lastEdit === undefined ? [] : wrap(words.after(state.lastEdit), { dim: true });
  switch (status.kind) {
    case 'infeasible':
      lines.push(...wrap(words.infeasible, { bold: true, color: 'red' }), ...edit);
      break;
    case 'timedout':
      lines.push(...wrap(words.timedout, { bold: true, color: 'yellow' }), ...edit);
      break;
    case 'unbounded':
      lines.push(...wrap(words.unbounded, { bold: true, color: 'red' }));
      break;
    case 'failed':
      lines.push(...wrap(words.failed, { bold: true, color: 'red' }), ...wrap(solveNoteIn(status.reason, state.lang)), ...edit);
      break;
  }
  const conflicts = state.conflicts;
  if (status.kind === 'infeasible') {
    if (conflicts === undefined || conflicts.kind === 'pending') {
      lines.push([], [{ text: `${spinner} ${words.looking}`, color: 'cyan' }]);
    } else if (conflicts.kind === 'failed') {
      lines.push([], ...wrap(words.explainFailed(conflicts.reason), { color: 'yellow' }));
    } else {
      const { report } = conflicts;
      const entries = groupConflicts(report, state.scenario, state.lang);
      // The fixes first: what the officer can do is never below the fold.
      const fixes = entries.length > 0 ? entries.map((entry) => entry.fix) : report.fixes;
      if (fixes.length > 0) {
        lines.push([], [{ text: words.fixTitle, bold: true, color: 'green' }]);
        for (const fix of fixes) lines.push(...wrap(fix, { color: 'green' }, '• '));
      }
      const why = reasons(entries, report, state.scenario, state.lang);
      if (why.length > 0) {
        lines.push([], [{ text: words.whyTitle, bold: true }]);
        for (const reason of why) lines.push(...wrap(reason, {}, '• '));
      }
      if (entries.length > 0) {
        lines.push([], [{ text: words.conflictTitle, bold: true }]);
        for (const entry of entries) lines.push(...wrap(entry.label, {}, '• '));
      }
      if (report.sums.length > 0) {
        lines.push([], [{ text: words.sumsTitle, bold: true }]);
        for (const sum of report.sums) lines.push(...wrap(sum, {}, '• '));
      }
      if (entries.length === 0 && report.sums.length === 0 && fixes.length === 0) lines.push([], ...wrap(words.nothingSmaller));
    }
  }
  lines.push([], ...wrap(words.lastFeasible, { dim: true }));
  return lines;
}

/** Lines of text the panel holds inside its border, from the body's height. */
export function conflictRoom(height: number): number {
  return Math.max(1, height - 2);
}

/** First line shown: the panel's scroll position, kept within the lines. */
export function conflictStart(top: number, total: number, room: number): number {
  return Math.max(0, Math.min(top, total - room));
}

/** The lines the panel shows in `room` lines: a window over them and, when they do not fit, where it is. */
export function conflictWindow(lines: readonly Line[], top: number, room: number, lang: Lang = 'en'): Line[] {
  if (lines.length <= room) return [...lines];
  const rows = Math.max(1, room - 1);
  const start = conflictStart(top, lines.length, rows);
  const shown = lines.slice(start, start + rows);
  return [...shown, [{ text: CONFLICT_WORDS[lang].scroll(start + 1, start + shown.length, lines.length), color: 'cyan' }]];
}
