/** The simulator's words in English: its historical text, byte for byte. */
import { formatEuroChange, formatEuros, formatPercent, groupDigits } from '../domain/money.js';
import { compactEuros, shareText } from './text.js';
import type { TuiWords } from './words.js';

/** Every key of the simulator, once, by view, as the help screen (`?`) lists them. One paragraph per group: its title, then one key per line, `keys | what they do`. */
const KEY_TABLE = `
Everywhere
1 2 3 4, Tab | Allocation, Weights, Budget, Summary
5 6 7 8 | Compare, Sweep, Tipping, Robustness
p / P | next / previous policy
c | compare with this allocation
C | compare with the previous solve
s | save the weights as a new policy
e | export the allocation to CSV
u | undo the last edit
< > | scroll the conflict panel
? | this list of keys
q, Ctrl-C | quit

Allocation
↑ ↓ PgUp PgDn | move in the table
Home End | first, last row
/ | filter by name, region or id
Esc | clear the filter
Enter | a candidate's detail (Esc: back)
PgUp PgDn | scroll a candidate's detail
Space | lock: free → funded → excluded

Weights
↑ ↓ | choose a criterion
← → | −/+ 1 point (Shift: 5 points)
0 | weight 0 for this criterion
r | reset to the policy's weights
PgUp PgDn | scroll when the view is taller

Budget
↑ ↓ | choose a value
Enter | type it: 2,5 M€, 2 500 000, 750 k€

Summary and this list
↑ ↓ PgUp PgDn | scroll

Compare
↑ ↓ PgUp PgDn | scroll
← → | the policy the change is measured to
m | every policy ↔ the reference (set with c)

Sweep and Tipping
← → | choose a criterion
↑ ↓ PgUp PgDn | scroll the candidates

Robustness
+ / - | more / fewer weightings drawn
[ / ] | spread −/+ 0.05 (0: the weights as set)
U | draw uniformly ↔ around the weights
o | draw the weights, the reviewers' marks, or both
↑ ↓ PgUp PgDn | scroll

While an analysis runs (5–8)
Esc | stop it (other views stay usable)
Enter | run it again after Esc or a failure

When typing
Enter / Esc | accept / cancel
Ctrl-U | clear the line
Tab | export: French Excel ↔ plain CSV
`;

export const en: TuiWords = {
  n: {
    euros: formatEuros,
    euroChange: formatEuroChange,
    percent: formatPercent,
    decimal: (value, digits) => value.toFixed(digits),
    integer: (value) => groupDigits(Math.round(value)),
    share: shareText,
    compact: compactEuros,
    mark: (value) => String(Number(value.toFixed(2))),
    plural: (count, one, other) => (count === 1 ? one : other),
  },
  changeNew: 'new',
  changeOut: 'out',
  lock: { free: 'free', funded: 'locked in (funded)', excluded: 'locked out (excluded)' },
  locked: (name, lock) => `${name}: ${lock}.`,
  editPolicy: (policy) => `policy ${policy}`,
  editWeight: (criterion, from, to) => `${criterion} ${(from * 100).toFixed(1)} % → ${(to * 100).toFixed(1)} %`,
  editReset: (policy) => `weights reset to '${policy}'`,
  solverStopped: (reason) => `the solver stopped: ${reason}`,
  status: {
    solving: 'solving…',
    optimal: 'optimal',
    within: (gap) => `within ${(gap * 100).toPrecision(2)} %`,
    infeasible: 'infeasible',
    timedout: 'timed out',
    unbounded: 'unbounded',
    failed: 'failed',
  },
  policyText: (policy, label, edited) => ` · policy ${policy}${edited ? '*' : ''} (${label}${edited ? ', edited' : ''})`,
  spent: 'Spent ',
  laureates: 'Laureates ',
  laureatesShort: 'Laur. ',
  lastFeasible: ' (last feasible)',
  money: {
    euros: formatEuros,
    thousands: (value) => groupDigits(Math.round(value / 1000)),
    thousandsUnit: ' k€',
    millions: (value) => (value / 1e6).toFixed(2).replace('.', ','),
    millionsUnit: ' M€',
  },
  tooSmall: (columns, rows, minColumns, minRows) => `enveloppe needs at least ${minColumns}×${minRows} (this terminal is ${columns}×${rows}). q quits.`,
  viewTitles: {
    allocation: 'Allocation',
    weights: 'Weights',
    budget: 'Budget',
    summary: 'Summary',
    compare: 'Compare',
    sweep: 'Sweep',
    tipping: 'Tipping',
    robustness: 'Robustness',
  },
  viewHints: {
    allocation: ['↑↓ move', 'Enter detail', 'Space lock', '/ filter', 'PgUp/PgDn page'],
    detail: ['Esc back', '↑↓ next candidate', 'PgUp/PgDn scroll', 'Space lock'],
    weights: ['↑↓ criterion', '←→ ±1 pt', 'Shift ±5', '0 zero', 'r reset', 'PgUp/PgDn scroll'],
    budget: ['↑↓ value', 'Enter edit', 'amounts: 2,5 M€ · 2 500 000 · 750 k€'],
    summary: ['↑↓ scroll', 'PgUp/PgDn page'],
    compare: ['↑↓ scroll', '←→ change vs', 'm policies/reference', 'c set reference', 'Esc stop'],
    sweep: ['←→ criterion', '↑↓ scroll', 'Esc stop', 'Enter run again'],
    tipping: ['←→ criterion', '↑↓ scroll', 'Esc stop', 'Enter run again'],
    robustness: ['+/- samples', '[ ] spread', 'U uniform', '↑↓ scroll', 'Esc stop', 'Enter run again'],
  },
  globalHints: ['p policy', 'c compare', 's save', 'e export', 'u undo', '? keys', 'q quit'],
  helpHints: ['↑↓ scroll', 'Esc or ? close'],
  versusPrevious: 'Δ vs previous solve',
  versusReference: (policy) => `Δ vs reference (${policy})`,
  filterHint: (filter) => `filter “${filter}” (Esc clears)`,
  keysTitle: 'Keys',
  keysNote: '  (Esc or ? closes; ↑ ↓ scroll)',
  keyTable: KEY_TABLE,
};
