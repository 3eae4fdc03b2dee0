import type { Scenario } from './types.js';

/** Groups of a rule: one per distinct value of the column, or the listed values together. */
export function ruleGroups(scenario: Scenario, ruleIndex: number): { label: string; members: number[] }[] {
  const rule = scenario.rules[ruleIndex];
  if (rule === undefined) return [];
  const { column } = rule.group;
  const listed = rule.group.in;
  if (listed !== undefined) {
    const wanted = new Set(listed);
    const members = scenario.candidates.flatMap((candidate, index) => (wanted.has(candidate.attributes[column] ?? '') ? [index] : []));
    return [{ label: listed.join(' + '), members }];
  }
  const byValue = new Map<string, number[]>();
  scenario.candidates.forEach((candidate, index) => {
    const value = candidate.attributes[column] ?? '';
    const members = byValue.get(value);
    if (members === undefined) byValue.set(value, [index]);
    else members.push(index);
  });
  // Code-point order, not locale order: the model text must not depend on the machine's locale.
  return [...byValue.keys()].sort().map((label) => ({ label, members: byValue.get(label) ?? [] }));
}
