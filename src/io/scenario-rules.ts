/**
 * The rules and locks of a scenario, checked against the candidates read: every column, value
 * and id they name must exist, every bound must make sense. One UserError per mistake.
 */
import type { Lock, Rule, Scenario } from '../domain/types.js';
import { closest } from '../domain/names.js';
import { didYouMean, fr, frenchNumber as num } from './bilingual.js';
import type { ScenarioFile } from './scenario-schema.js';
import { fail, type LineOf, type Path } from './scenario-errors.js';
import { checkGroupIn, lockTable } from './scenario-guards.js';
import { canonicalName } from './text.js';

/** The scenario's rules, each grouping by a column of the file with bounds that make sense. */
export function resolveRules(spec: ScenarioFile, columns: ReadonlySet<string>, candidates: Scenario['candidates'], file: string, at: LineOf): Rule[] {
  return (spec.rules ?? []).map((rule, index) => {
    const where: Path = ['rules', index];
    const field = `rules[${index}]`;
    if (!columns.has(rule.group.column)) {
      const guess = closest(rule.group.column, [...columns]);
      const hint = guess === undefined ? { en: `Columns: ${[...columns].join(', ')}.`, fr: fr`Colonnes : ${[...columns].join(', ')}.` } : didYouMean(guess);
      fail({ en: `the column '${rule.group.column}' is not in the candidates CSV`, fr: fr`la colonne « ${rule.group.column} » n’est pas dans le CSV des candidats` }, file, at([...where, 'group', 'column']), `${field}.group.column`, hint);
    }
    const values = [...new Set(candidates.map((candidate) => candidate.attributes[rule.group.column] ?? ''))];
    checkGroupIn(rule.group.in, file, at([...where, 'group', 'in']), `${field}.group.in`);
    const listed = rule.group.in?.map(String);
    for (const value of listed ?? []) {
      if (!values.includes(value)) {
        const guess = closest(value, values);
        const hint = guess === undefined ? { en: `Values found: ${values.slice(0, 12).join(', ')}.`, fr: fr`Valeurs trouvées : ${values.slice(0, 12).join(', ')}.` } : didYouMean(guess);
        fail({ en: `no candidate has '${value}' in column '${rule.group.column}'`, fr: fr`aucun candidat n’a « ${value} » dans la colonne « ${rule.group.column} »` }, file, at([...where, 'group', 'in']), `${field}.group.in`, hint);
      }
    }
    if (rule.share === undefined && rule.amount === undefined && rule.count === undefined) {
      fail({ en: 'a rule needs share, amount or count bounds', fr: 'une règle demande des bornes share, amount ou count' }, file, at(where), field, { en: 'e.g. share: {max: 0.2}.', fr: 'Par exemple share: {max: 0.2}.' });
    }
    const check = (measure: 'share' | 'amount' | 'count', bounds: { min?: number | undefined; max?: number | undefined } | undefined): void => {
      if (bounds === undefined) return;
      const { min, max } = bounds;
      for (const [side, value] of [['min', min], ['max', max]] as const) {
        if (value === undefined) continue;
        const place = [file, at([...where, measure, side]), `${field}.${measure}.${side}`] as const;
        if (!(value >= 0)) fail({ en: `${measure}.${side} must be 0 or more, not ${value}`, fr: `${measure}.${side} doit valoir 0 ou plus, et non ${num(value)}` }, ...place);
        if (measure === 'share' && value > 1) {
          const message = { en: `share.${side} is a fraction of the envelope between 0 and 1, not ${value}`, fr: `share.${side} est une part de l’enveloppe entre 0 et 1, et non ${num(value)}` };
          fail(message, ...place, { en: `For ${value} %, write ${value / 100}.`, fr: fr`Pour ${num(value)} %, écrivez ${value / 100}.` });
        }
        if (measure === 'count' && !Number.isInteger(value)) fail({ en: `count.${side} must be a whole number, not ${value}`, fr: `count.${side} doit être un nombre entier, et non ${num(value)}` }, ...place);
      }
      if (min !== undefined && max !== undefined && min > max) {
        fail({ en: `${measure}.min (${min}) is above ${measure}.max (${max})`, fr: `${measure}.min (${num(min)}) est supérieur à ${measure}.max (${num(max)})` }, file, at([...where, measure]), `${field}.${measure}`);
      }
    };
    check('share', rule.share);
    check('amount', rule.amount);
    check('count', rule.count);
    return {
      label: rule.label,
      group: listed === undefined ? { column: rule.group.column } : { column: rule.group.column, in: listed },
      ...(rule.share === undefined ? {} : { share: rule.share }),
      ...(rule.amount === undefined ? {} : { amount: rule.amount }),
      ...(rule.count === undefined ? {} : { count: rule.count }),
    };
  });
}

/** Locks by id, every id a candidate's. */
export function resolveLocks(spec: ScenarioFile, candidates: Scenario['candidates'], file: string, at: LineOf): Record<string, Lock> {
  const ids = candidates.map((candidate) => candidate.id);
  const known = new Set(ids);
  const locks = lockTable();
  for (const [named, lock] of Object.entries(spec.locks ?? {})) {
    const id = canonicalName(named);
    if (!known.has(id)) {
      const guess = closest(id, ids);
      const hint = guess === undefined ? { en: 'Lock candidates by their id column.', fr: 'Verrouillez les candidats par leur colonne id.' } : didYouMean(guess);
      fail({ en: `no candidate has the id '${id}'`, fr: fr`aucun candidat n’a l’identifiant « ${id} »` }, file, at(['locks', id]), `locks.${id}`, hint);
    }
    locks[id] = lock;
  }
  return locks;
}
