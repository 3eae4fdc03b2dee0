/**
 * Beside the last feasible allocation when the current edits have none: what would fix it first,
 * then why (the bounds that conflict, the same bound over many groups said once), then the sums.
 * Amounts never break across lines; the panel scrolls with < and >.
 */
import type { ConflictItem, ConflictReport } from '../../analysis/conflicts.js';
import { formatEuros } from '../../domain/money.js';
import type { Scenario } from '../../domain/types.js';
import type { TuiState } from '../state.js';
import { keepAmountsWhole, NBSP, wrapText } from '../text.js';
import type { Line, Segment } from '../lines.js';

/** The panel's words, in one place. */
const WORDS = {
  infeasible: 'No allocation satisfies every rule.',
  timedout: 'The solver ran out of time before finding an allocation.',
  unbounded: 'The model is unbounded, which should never happen; please report it.',
  failed: 'No allocation could be computed:',
  after: (edit: string) => `After: ${edit}.`,
  looking: 'looking for the rules that conflict…',
  explainFailed: (reason: string) => `Could not find the conflicting rules: ${reason}`,
  fixTitle: 'What would fix it (any one):',
  whyTitle: 'Why:',
  conflictTitle: 'These cannot all hold:',
  sumsTitle: 'Sums:',
  nothingSmaller: 'No smaller set of conflicting rules was found: loosen a rule, a lock, the grant floor or the number of laureates.',
  lastFeasible: 'The last feasible allocation is shown dimmed. u undoes the last edit.',
  groups: (count: number, column: string) => (column === 'region' ? `${count} regions` : `${count} groups of ${column}`),
  belowFloor: (groups: string, max: string, floor: string, rule: string) => `${groups}: each may receive at most ${max} (${rule}), but any grant is at least ${floor} (the grant floor): no laureate can be funded there.`,
  groupedBound: (rule: string, sign: string, value: string, groups: string, names: string) => `${rule}: ${sign} ${value} in each of ${groups} (${names})`,
  groupedFix: (side: 'lower' | 'upper', rule: string, sign: string, value: string, groups: string) => `${side === 'lower' ? 'lower' : 'raise'} the bound of '${rule}' (now ${sign} ${value}) in one of the ${groups}`,
  scroll: (first: number, last: number, total: number) => `< > scroll · ${first}–${last} of ${total}`,
} as const;

/** Conflicting items with the same bound of the same rule over several groups said once. */
export interface ConflictEntry {
  readonly label: string;
  readonly fix: string;
  readonly items: readonly ConflictItem[];
}

/** Groups the bounds a rule sets, one per group, when they are the same over several groups. */
export function groupConflicts(report: ConflictReport, scenario: Scenario): ConflictEntry[] {
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
    const groups = WORDS.groups(members.length, column);
    const sign = bound.side === 'lower' ? '≥' : '≤';
    const value = amountOf(bound);
    const names = members.map((member) => member.bound?.group ?? '').filter((name) => name !== '');
    const shown = names.length > 4 ? `${names.slice(0, 3).join(', ')}, … ${names[names.length - 1] ?? ''}` : names.join(', ');
    entries.push({ label: WORDS.groupedBound(bound.label, sign, value, groups, shown), fix: WORDS.groupedFix(bound.side, bound.label, sign, value, groups), items: members });
  }
  return entries;
}

function amountOf(bound: NonNullable<ConflictItem['bound']>): string {
  return bound.measure === 'count' ? `${bound.value} laureate${bound.value === 1 ? '' : 's'}` : formatEuros(bound.value);
}

/** Plain reasons read off the conflicting bounds: groups whose ceiling is below the grant floor. */
function reasons(entries: readonly ConflictEntry[], report: ConflictReport, scenario: Scenario): string[] {
  if (!report.conflicting.some((item) => item.kind === 'floor')) return [];
  const out: string[] = [];
  for (const entry of entries) {
    const bound = entry.items[0]?.bound;
    if (bound === undefined || bound.side !== 'upper' || bound.measure !== 'euros' || bound.value >= scenario.grant.min) continue;
    const column = scenario.rules[bound.rule]?.group.column ?? 'group';
    const groups = entry.items.length > 1 ? WORDS.groups(entry.items.length, column) : bound.group;
    out.push(WORDS.belowFloor(groups, formatEuros(bound.value), formatEuros(scenario.grant.min), bound.label));
  }
  return out;
}

/** Every line of the panel, before scrolling. */
export function conflictLines(state: TuiState, width: number, spinner: string): Line[] {
  const status = state.status;
  if (status === undefined || status.kind === 'optimal' || status.kind === 'feasible') return [];
  const inner = Math.max(8, width);
  const wrap = (text: string, style: Omit<Segment, 'text'> = {}, indent = ''): Line[] =>
    // Amounts are held together while wrapping, then drawn with plain spaces (what terminals and copies expect).
    wrapText(keepAmountsWhole(text), inner - indent.length).map((part, index) => [{ text: `${index === 0 ? indent : ' '.repeat(indent.length)}${part.replaceAll(NBSP, ' ')}`, ...style }]);
  const lines: Line[] = [];
  const edit = state.lastEdit === undefined ? [] : wrap(WORDS.after(state.lastEdit), { dim: true });
  switch (status.kind) {
    case 'infeasible':
      lines.push(...wrap(WORDS.infeasible, { bold: true, color: 'red' }), ...edit);
      break;
    case 'timedout':
      lines.push(...wrap(WORDS.timedout, { bold: true, color: 'yellow' }), ...edit);
      break;
    case 'unbounded':
      lines.push(...wrap(WORDS.unbounded, { bold: true, color: 'red' }));
      break;
    case 'failed':
      lines.push(...wrap(WORDS.failed, { bold: true, color: 'red' }), ...wrap(status.reason), ...edit);
      break;
  }
  const conflicts = state.conflicts;
  if (status.kind === 'infeasible') {
    if (conflicts === undefined || conflicts.kind === 'pending') {
      lines.push([], [{ text: `${spinner} ${WORDS.looking}`, color: 'cyan' }]);
    } else if (conflicts.kind === 'failed') {
      lines.push([], ...wrap(WORDS.explainFailed(conflicts.reason), { color: 'yellow' }));
    } else {
      const { report } = conflicts;
      const entries = groupConflicts(report, state.scenario);
      // The fixes first: what the officer can do is never below the fold.
      const fixes = entries.length > 0 ? entries.map((entry) => entry.fix) : report.fixes;
      if (fixes.length > 0) {
        lines.push([], [{ text: WORDS.fixTitle, bold: true, color: 'green' }]);
        for (const fix of fixes) lines.push(...wrap(fix, { color: 'green' }, '• '));
      }
      const why = reasons(entries, report, state.scenario);
      if (why.length > 0) {
        lines.push([], [{ text: WORDS.whyTitle, bold: true }]);
        for (const reason of why) lines.push(...wrap(reason, {}, '• '));
      }
      if (entries.length > 0) {
        lines.push([], [{ text: WORDS.conflictTitle, bold: true }]);
        for (const entry of entries) lines.push(...wrap(entry.label, {}, '• '));
      }
      if (report.sums.length > 0) {
        lines.push([], [{ text: WORDS.sumsTitle, bold: true }]);
        for (const sum of report.sums) lines.push(...wrap(sum, {}, '• '));
      }
      if (entries.length === 0 && report.sums.length === 0 && fixes.length === 0) lines.push([], ...wrap(WORDS.nothingSmaller));
    }
  }
  lines.push([], ...wrap(WORDS.lastFeasible, { dim: true }));
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
export function conflictWindow(lines: readonly Line[], top: number, room: number): Line[] {
  if (lines.length <= room) return [...lines];
  const rows = Math.max(1, room - 1);
  const start = conflictStart(top, lines.length, rows);
  const shown = lines.slice(start, start + rows);
  return [...shown, [{ text: WORDS.scroll(start + 1, start + shown.length, lines.length), color: 'cyan' }]];
}
