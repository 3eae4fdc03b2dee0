/** Every key of the simulator, once, by view: the help screen (`?`) lists them. */

export interface KeyHelp {
  readonly keys: string;
  readonly does: string;
}

export interface KeyGroup {
  readonly title: string;
  readonly keys: readonly KeyHelp[];
}

/** One paragraph per group: its title, then one key per line, `keys | what they do`. */
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

/** A paragraph of the table as a group. */
function groupOf(paragraph: string): KeyGroup {
  const [title = '', ...rows] = paragraph.split('\n');
  return {
    title,
    keys: rows.map((row) => {
      const [keys = '', does = ''] = row.split(' | ');
      return { keys, does };
    }),
  };
}

export const KEY_GROUPS: readonly KeyGroup[] = KEY_TABLE.trim().split('\n\n').map(groupOf);
