/**
 * The sentences of "why not us?" (explain.ts), in both languages: one interface, one catalogue per
 * language typed against it. English is the historical text, byte for byte; French uses the
 * officers' words (lauréat, subvention, montant demandé, note, verrou) and French numbers.
 */
import type { Lang } from '../domain/lang.js';
import { formatEuros } from '../domain/money.js';
import { frenchPoints, numberFormats } from '../domain/numbers.js';

export interface ExplainWords {
  readonly euros: (value: number) => string;
  /** A score or a number of points, to 0.01. */
  readonly points: (value: number) => string;
  readonly noId: (id: string) => string;
  readonly noOptimum: (status: string) => string;
  readonly funded: (id: string, grant: string, request: string, score: string, rank: number) => string;
  readonly lastFunded: (line: string, score: string) => string;
  readonly lineIs: (line: string, score: string) => string;
  readonly lockedInKeeps: string;
  readonly ruleKeeps: string;
  readonly wouldLose: (change: number, score: string) => string;
  readonly notFunded: (id: string, score: string, rank: number, request: string) => string;
  readonly sameScore: string;
  readonly below: (points: number, id: string) => string;
  readonly above: (points: number, id: string) => string;
  readonly lineGets: (line: string, score: string, versus: string, grant: string) => string;
  readonly lockedOut: string;
  readonly cannot: (conflicts: readonly string[]) => string;
  readonly nobodyLeaves: string;
  readonly leave: (list: string) => string;
  readonly leaver: (id: string, grant: string) => string;
  readonly drop: (id: string, from: string, to: string) => string;
  /** The drops after the leavers: '' when none. */
  readonly cuts: (drops: readonly string[]) => string;
  readonly costsNothing: string;
  readonly costs: (loss: number) => string;
  readonly fundingIt: (grant: string, cost: string, leaving: string, cuts: string) => string;
  readonly holdsBack: (binding: readonly string[]) => string;
  readonly scoreFunds: (score: string, change: number, grant: string) => string;
  readonly noScore: string;
  readonly requestFunds: (request: string, cut: string, grant: string) => string;
  readonly noCut: string;
  // What holds a candidate back, in the allocation with it locked in
  readonly ruleHolds: (rule: string, group: string, value: string) => string;
  readonly envelopeSpent: (total: string) => string;
  readonly atMost: (laureates: number) => string;
}

const en: ExplainWords = {
  euros: formatEuros,
  points: (value) => value.toFixed(2),
  noId: (id) => `no candidate has the id '${id}'`,
  noOptimum: (status) => `the scenario has no optimal allocation (${status})`,
  funded: (id, grant, request, score, rank) => `${id} is funded: ${grant} of the ${request} it asked for, with a score of ${score} (rank ${rank}).`,
  lastFunded: (line, score) => `It is the last funded candidate: the next lowest laureate, ${line}, scores ${score}.`,
  lineIs: (line, score) => `The last funded candidate, ${line}, scores ${score}.`,
  lockedInKeeps: 'It is locked in: no score would take its grant away.',
  ruleKeeps: 'Even with a score of 0 it would keep a grant: a rule requires it.',
  wouldLose: (change, score) => `It would lose its grant if its score fell by ${change.toFixed(2)} points, to ${score}.`,
  notFunded: (id, score, rank, request) => `${id} is not funded: its score is ${score} (rank ${rank}); it asked for ${request}.`,
  sameScore: 'the same score',
  below: (points, id) => `${points.toFixed(2)} points below ${id}`,
  above: (points, id) => `${points.toFixed(2)} points above ${id}`,
  lineGets: (line, score, versus, grant) => `The last funded candidate, ${line}, scores ${score} (${versus}) and gets ${grant}.`,
  lockedOut: 'It is locked out by the scenario.',
  cannot: (conflicts) => `It cannot be funded under the rules: ${conflicts.join('; ')}.`,
  nobodyLeaves: 'nobody would leave',
  leave: (list) => `${list} would leave`,
  leaver: (id, grant) => `${id} (${grant})`,
  drop: (id, from, to) => `${id} would drop from ${from} to ${to}`,
  cuts: (drops) => (drops.length === 0 ? '' : `; ${drops.join(', ')}`),
  costsNothing: 'would cost nothing (the two allocations are tied)',
  costs: (loss) => `would cost ${(loss * 100).toFixed(3)} % of the objective`,
  fundingIt: (grant, cost, leaving, cuts) => `Funding it (${grant}) ${cost}: ${leaving}${cuts}.`,
  holdsBack: (binding) => `What holds it back: ${binding.join('; ')}.`,
  scoreFunds: (score, change, grant) => `A score of ${score} (+${change.toFixed(2)} points) would fund it with ${grant}.`,
  noScore: 'No score alone would fund it.',
  requestFunds: (request, cut, grant) => `Asking for ${request} instead (−${cut}) would fund it with ${grant}.`,
  noCut: 'No cut of its request alone would fund it.',
  ruleHolds: (rule, group, value) => `${rule} (${group}: ${value})`,
  envelopeSpent: (total) => `the envelope (${total}, all spent)`,
  atMost: (laureates) => `at most ${laureates} laureates`,
};

const french = (): ReturnType<typeof numberFormats> => numberFormats('fr');

const STATUS: Readonly<Record<string, string>> = { infeasible: 'infaisable', timedout: 'temps dépassé', unbounded: 'non borné', feasible: 'faisable' };

const fr: ExplainWords = {
  euros: (value) => french().euros(value),
  points: (value) => french().decimal(value, 2),
  noId: (id) => `aucun candidat n’a l’identifiant '${id}'`,
  noOptimum: (status) => `le scénario n’a pas de répartition optimale (${STATUS[status] ?? status})`,
  funded: (id, grant, request, score, rank) => `${id} est financé\u00a0: ${grant} sur les ${request} demandés, avec une note de ${score} (rang ${rank}).`,
  lastFunded: (line, score) => `C’est le dernier candidat financé\u00a0: le lauréat classé juste devant lui, ${line}, a une note de ${score}.`,
  lineIs: (line, score) => `Le dernier candidat financé, ${line}, a une note de ${score}.`,
  lockedInKeeps: 'Il est retenu d’office (verrou)\u00a0: aucune note ne lui retirerait sa subvention.',
  ruleKeeps: 'Même avec une note de 0, il garderait une subvention\u00a0: une règle l’exige.',
  wouldLose: (change, score) => `Il perdrait sa subvention si sa note baissait de ${frenchPoints(change)}, à ${score}.`,
  notFunded: (id, score, rank, request) => `${id} n’est pas financé\u00a0: sa note est de ${score} (rang ${rank})\u00a0; montant demandé\u00a0: ${request}.`,
  sameScore: 'la même note',
  below: (points, id) => `${frenchPoints(points)} de moins que ${id}`,
  above: (points, id) => `${frenchPoints(points)} de plus que ${id}`,
  lineGets: (line, score, versus, grant) => `Le dernier candidat financé, ${line}, a une note de ${score} (${versus}) et reçoit ${grant}.`,
  lockedOut: 'Il est écarté d’office par le scénario (verrou).',
  cannot: (conflicts) => `Il ne peut pas être financé sous les règles\u00a0: ${conflicts.join('\u00a0; ')}.`,
  nobodyLeaves: 'personne ne sortirait',
  leave: (list) => `sortie de ${list}`,
  leaver: (id, grant) => `${id} (${grant})`,
  drop: (id, from, to) => `${id} passerait de ${from} à ${to}`,
  cuts: (drops) => (drops.length === 0 ? '' : `\u00a0; ${drops.join(', ')}`),
  costsNothing: 'ne coûterait rien (les deux répartitions sont ex aequo)',
  costs: (loss) => `coûterait ${french().decimal(loss * 100, 3)}\u00a0% de l’objectif`,
  fundingIt: (grant, cost, leaving, cuts) => `Le financer (${grant}) ${cost}\u00a0: ${leaving}${cuts}.`,
  holdsBack: (binding) => `Ce qui le retient\u00a0: ${binding.join('\u00a0; ')}.`,
  scoreFunds: (score, change, grant) => `Une note de ${score} (+${frenchPoints(change)}) le financerait à hauteur de ${grant}.`,
  noScore: 'Aucune note seule ne le financerait.',
  requestFunds: (request, cut, grant) => `Un montant demandé de ${request} (−${cut}) le financerait à hauteur de ${grant}.`,
  noCut: 'Aucune baisse de son montant demandé seule ne le financerait.',
  ruleHolds: (rule, group, value) => `${rule} (${group}\u00a0: ${value})`,
  envelopeSpent: (total) => `l’enveloppe (${total}, toute dépensée)`,
  atMost: (laureates) => `au plus ${laureates} ${french().plural(laureates, { one: 'lauréat', other: 'lauréats' })}`,
};

/** The catalogue of each language. */
export const EXPLAIN_WORDS: Readonly<Record<Lang, ExplainWords>> = { en, fr };
