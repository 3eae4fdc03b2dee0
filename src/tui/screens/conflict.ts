/** Beside the last feasible allocation when the current edits have none: what conflicts and what would fix it. */
import type { TuiState } from '../state.js';
import { wrapText } from '../text.js';
import type { Line } from '../lines.js';

export function conflictLines(state: TuiState, width: number, spinner: string): Line[] {
  const status = state.status;
  if (status === undefined || status.kind === 'optimal' || status.kind === 'feasible') return [];
  const inner = Math.max(8, width);
  const wrap = (text: string, style: Omit<Line[number], 'text'> = {}, indent = ''): Line[] =>
    wrapText(text, inner - indent.length).map((part, index) => [{ text: `${index === 0 ? indent : ' '.repeat(indent.length)}${part}`, ...style }]);
  const lines: Line[] = [];
  const edit = state.lastEdit === undefined ? [] : wrap(`After: ${state.lastEdit}.`, { dim: true });
  switch (status.kind) {
    case 'infeasible':
      lines.push(...wrap('No allocation satisfies every rule.', { bold: true, color: 'red' }), ...edit);
      break;
    case 'timedout':
      lines.push(...wrap('The solver ran out of time before finding an allocation.', { bold: true, color: 'yellow' }), ...edit);
      break;
    case 'unbounded':
      lines.push(...wrap('The model is unbounded, which should never happen; please report it.', { bold: true, color: 'red' }));
      break;
    case 'failed':
      lines.push(...wrap('No allocation could be computed:', { bold: true, color: 'red' }), ...wrap(status.reason), ...edit);
      break;
  }
  const conflicts = state.conflicts;
  if (status.kind === 'infeasible') {
    if (conflicts === undefined || conflicts.kind === 'pending') {
      lines.push([], [{ text: `${spinner} looking for the rules that conflict…`, color: 'cyan' }]);
    } else if (conflicts.kind === 'failed') {
      lines.push([], ...wrap(`Could not find the conflicting rules: ${conflicts.reason}`, { color: 'yellow' }));
    } else {
      const { report } = conflicts;
      if (report.conflicting.length > 0) {
        lines.push([], [{ text: 'These cannot all hold:', bold: true }]);
        for (const item of report.conflicting) lines.push(...wrap(item.label, {}, '• '));
      }
      if (report.sums.length > 0) {
        lines.push([], [{ text: 'Sums:', bold: true }]);
        for (const sum of report.sums) lines.push(...wrap(sum, {}, '• '));
      }
      if (report.fixes.length > 0) {
        lines.push([], [{ text: 'What would fix it:', bold: true, color: 'green' }]);
        for (const fix of report.fixes) lines.push(...wrap(fix, { color: 'green' }, '• '));
      }
      if (report.conflicting.length === 0 && report.sums.length === 0 && report.fixes.length === 0) {
        lines.push([], ...wrap('No smaller set of conflicting rules was found: loosen a rule, a lock, the grant floor or the number of laureates.'));
      }
    }
  }
  lines.push([], ...wrap('The last feasible allocation is shown dimmed. u undoes the last edit.', { dim: true }));
  return lines;
}
