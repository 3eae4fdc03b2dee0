/**
 * Command-line values checked at the edge: policies, weights, engines. Each mistake is a usage error (exit 2).
 * Shared by both faces: `enveloppe solve` (cli/) and the simulator (tui/) read the same flags.
 */
import { UserError } from '../domain/errors.js';
import type { Scenario } from '../domain/types.js';
import { closest } from '../domain/names.js';
import type { Weights } from '../domain/weights.js';
import type { EngineChoice } from '../domain/engines.js';
import { DEFAULT_ENGINE } from '../domain/defaults.js';

/** The flags of `enveloppe solve`, which the simulator reads too; derived from their schema (options/commands.ts). */
export type { SolveFlags } from './commands.js';

/** Where messages and data go; the process's streams in real use, buffers in tests. */
export interface Console {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export const EXIT = { ok: 0, error: 1, usage: 2, infeasible: 3, interrupted: 130 } as const;

/** The policy named by `--policy`, or the scenario's first. */
export function policyName(scenario: Scenario, requested: string | undefined): string {
  const names = scenario.policies.map((policy) => policy.name);
  if (requested === undefined) return names[0] ?? '';
  if (names.includes(requested)) return requested;
  const guess = closest(requested, names);
  throw new UserError({ en: `unknown policy '${requested}'`, fr: `pondération inconnue '${requested}'` }, {
    field: '--policy',
    hint: {
      en: guess === undefined ? `The scenario's policies are: ${names.join(', ')}.` : `Did you mean '${guess}'? The scenario's policies are: ${names.join(', ')}.`,
      fr: `${guess === undefined ? '' : `Vouliez-vous dire '${guess}'\u00a0? `}Les pondérations du scénario sont\u00a0: ${names.join(', ')}.`,
    },
    exitCode: EXIT.usage,
  });
}

/**
 * `--weights utilite_sociale=3,perennite_emplois=2`: the weighting to use instead of the policy's.
 * Criteria not named get weight 0; weights are divided by their sum.
 */
export function parseWeights(scenario: Scenario, text: string): Weights {
  const columns = scenario.criteria.map((criterion) => criterion.column);
  // No prototype: a criterion named `constructor` or `__proto__` is just a name.
  const weights = Object.create(null) as Record<string, number>;
  for (const part of text.split(',').map((item) => item.trim()).filter((item) => item !== '')) {
    const match = /^([^=]+)=(.+)$/.exec(part);
    if (match === null) throw new UserError({ en: `'${part}' is not criterion=weight`, fr: `'${part}' n’est pas de la forme critère=poids` }, { field: '--weights', hint: { en: 'Write --weights utilite_sociale=3,perennite_emplois=2.', fr: 'Écrivez --weights utilite_sociale=3,perennite_emplois=2.' }, exitCode: EXIT.usage });
    const column = (match[1] ?? '').trim();
    const weight = Number((match[2] ?? '').trim().replace(',', '.'));
    if (!columns.includes(column)) {
      const guess = closest(column, columns);
      throw new UserError({ en: `'${column}' is not a criterion of this scenario`, fr: `'${column}' n’est pas un critère de ce scénario` }, {
        field: '--weights',
        hint: guess === undefined ? { en: `Criteria: ${columns.join(', ')}.`, fr: `Critères\u00a0: ${columns.join(', ')}.` } : { en: `Did you mean '${guess}'?`, fr: `Vouliez-vous dire '${guess}'\u00a0?` },
        exitCode: EXIT.usage,
      });
    }
    if (!Number.isFinite(weight) || weight < 0) throw new UserError(
      { en: `the weight of '${column}' must be a number 0 or more, not '${match[2] ?? ''}'`, fr: `le poids de '${column}' doit être un nombre positif ou nul, pas '${match[2] ?? ''}'` },
      { field: '--weights', hint: { en: 'Write each weight as a number with a dot for decimals, e.g. --weights utilite_sociale=3,perennite_emplois=1.5.', fr: 'Écrivez chaque poids avec un point décimal, p. ex. --weights utilite_sociale=3,perennite_emplois=1.5.' }, exitCode: EXIT.usage },
    );
    weights[column] = weight;
  }
  if (!Object.values(weights).some((weight) => weight > 0)) {
    throw new UserError({ en: 'every weight is zero', fr: 'tous les poids sont nuls' }, { field: '--weights', hint: { en: 'Give at least one criterion a weight above 0.', fr: 'Donnez à au moins un critère un poids supérieur à 0.' }, exitCode: EXIT.usage });
  }
  return weights;
}

export function engineChoice(text: string): EngineChoice {
  if (text === 'jslp' || text === 'highs' || text === 'auto') return text;
  throw new UserError({ en: `unknown solver '${text}'`, fr: `solveur inconnu '${text}'` }, { field: '--solver', hint: { en: 'Choose jslp, highs or auto.', fr: 'Choisissez jslp, highs ou auto.' }, exitCode: EXIT.usage });
}

export function seconds(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UserError({ en: `'${text}' is not a number of seconds above 0`, fr: `'${text}' n’est pas un nombre de secondes supérieur à 0` }, { field: flag, exitCode: EXIT.usage });
  return value;
}

/** `--near 0.1%` (or `0.001`): the relative loss still called near-optimal. */
export function nearShare(text: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number(trimmed.replace(/%$/, '').trim().replace(',', '.'));
  const share = percent ? value / 100 : value;
  if (!Number.isFinite(share) || share < 0 || share >= 1) {
    throw new UserError({ en: `'${text}' is not a share of the optimum between 0 and 100 %`, fr: `'${text}' n’est pas une part de l’optimum entre 0 et 100\u00a0%` }, { field: '--near', hint: { en: 'Write --near 0.1% (or --near 0.001).', fr: 'Écrivez --near 0.1% (ou --near 0.001).' }, exitCode: EXIT.usage });
  }
  return share;
}

/** `--lottery SEED [--lottery-band POINTS]`: a lottery replacing the scenario's, or the scenario's own. */
export function lotteryOf(scenario: Scenario, seed: string | undefined, band: string | undefined): Scenario['lottery'] {
  const points = band === undefined ? undefined : Number(band.replace(',', '.'));
  if (points !== undefined && (!Number.isFinite(points) || points < 0)) {
    throw new UserError(
      { en: `'${band ?? ''}' is not a number of score points 0 or more`, fr: `'${band ?? ''}' n’est pas un nombre de points de note positif ou nul` },
      { field: '--lottery-band', hint: { en: 'Write --lottery-band 0.5 for half a point either side of the funding line.', fr: 'Écrivez --lottery-band 0.5 pour un demi-point de part et d’autre de la ligne de financement.' }, exitCode: EXIT.usage },
    );
  }
  if (seed === undefined) {
    if (points === undefined || scenario.lottery === undefined) {
      if (points !== undefined) throw new UserError({ en: '--lottery-band needs a lottery', fr: '--lottery-band demande un tirage au sort' }, { field: '--lottery-band', hint: { en: 'Add --lottery SEED, or declare tiebreak.lottery in the scenario.', fr: 'Ajoutez --lottery GRAINE, ou déclarez tiebreak.lottery dans le scénario.' }, exitCode: EXIT.usage });
      return scenario.lottery;
    }
    return { seed: scenario.lottery.seed, band: points };
  }
  if (seed.trim() === '') throw new UserError({ en: 'the lottery seed is empty', fr: 'la graine du tirage au sort est vide' }, { field: '--lottery', hint: { en: 'Give the public number drawn in committee, e.g. --lottery 48213.', fr: 'Donnez le nombre public tiré en comité, par exemple --lottery 48213.' }, exitCode: EXIT.usage });
  return { seed, band: points ?? scenario.lottery?.band ?? 0 };
}

/** `--gap 0.01%` (or `0.0001`): the relative optimality gap at which a solve may stop. */
export function relativeGap(text: string, flag: string): number {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed) / (percent ? 100 : 1);
  if (trimmed === '' || trimmed === '%' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new UserError({ en: `'${text}' is not a relative gap from 0 to below 1`, fr: `'${text}' n’est pas un écart relatif de 0 à moins de 1` }, { field: flag, hint: { en: 'Give a fraction such as 0.0001 or a percentage such as 0.01%.', fr: 'Donnez une fraction comme 0.0001 ou un pourcentage comme 0.01%.' }, exitCode: EXIT.usage });
  }
  return value;
}

/** `--solver` and `--time-limit` as every command and the simulator read them: the engine, and the limit of one solve in milliseconds. */
export function solveChoice(flags: { readonly solver?: string | undefined; readonly timeLimit?: string | undefined }, fallback: EngineChoice = DEFAULT_ENGINE): { engine: EngineChoice; timeLimitMs?: number } {
  const engine = engineChoice(flags.solver ?? fallback);
  return flags.timeLimit === undefined ? { engine } : { engine, timeLimitMs: seconds(flags.timeLimit, '--time-limit') * 1000 };
}
