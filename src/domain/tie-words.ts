/**
 * The tie sentences in both languages: what the tie band found (another allocation of the same, or
 * nearly the same, value) and the rule that settled it. The pipeline keeps the facts on each Tie;
 * each face says them in its user's language. English is the historical text, byte for byte.
 */
import type { Lang } from './lang.js';
import { formatEuros } from './money.js';
import { frenchPoints, numberFormats } from './numbers.js';

/** The lottery as the rule names it. */
export interface TieLottery {
  readonly seed: string;
  readonly band: number;
}

/** What a tie sentence says, in no language. */
export type TieFacts =
  /** Another allocation within `near` of the optimum funds `id` instead of `loses`. */
  | { readonly kind: 'near'; readonly id: string; readonly score: number; readonly loses: readonly string[]; readonly loss: number }
  /** Two candidates tied for the last place; `why` says what of the rule decided for `other`. */
  | {
      readonly kind: 'pair';
      readonly id: string;
      readonly other: string;
      readonly score: number;
      /** The other's score when it differs. */
      readonly otherScore: number | undefined;
      /** The other's grant now, and what `id` would get in its place. */
      readonly theirs: number;
      readonly mine: number;
      readonly lottery: TieLottery | undefined;
      readonly why: { readonly kind: 'asked-less'; readonly theirs: number; readonly mine: number } | { readonly kind: 'earlier-row' } | undefined;
    }
  /** Another optimal allocation funds `id` instead of several. */
  | { readonly kind: 'many'; readonly id: string; readonly score: number; readonly loses: readonly string[]; readonly lottery: TieLottery | undefined };

/** The words of the tie band: one interface, and one catalogue per language typed against it. */
interface TieWords {
  readonly score: (value: number) => string;
  readonly euros: (value: number) => string;
  readonly nobody: string;
  readonly near: (id: string, score: string, names: string, percent: string) => string;
  readonly shortRule: (lottery: TieLottery | undefined) => string;
  readonly rule: (lottery: TieLottery | undefined) => string;
  readonly sameScore: (score: string) => string;
  readonly scores: (theirs: string, mine: string) => string;
  readonly sameGrant: (grant: string) => string;
  readonly grants: (theirs: string, mine: string) => string;
  readonly askedLess: (theirs: string, mine: string) => string;
  readonly earlierRow: string;
  readonly pair: (id: string, other: string, what: string, rule: string, why: string) => string;
  readonly many: (id: string, score: string, names: string, rule: string) => string;
  /** A relative loss (0.00125) as a percentage with at most three decimals: `0.125`, `0,125`. */
  readonly percent: (loss: number) => string;
}

const en: TieWords = {
  score: (value) => value.toFixed(2),
  euros: formatEuros,
  nobody: 'nobody',
  near: (id, score, names, percent) => `${id} (score ${score}) could be funded instead of ${names} for ${percent} % less value; the optimum funds ${names}.`,
  shortRule: (lottery) => (lottery === undefined ? 'higher score, then smaller request, then earlier row' : `higher score, then the lottery drawn with seed "${lottery.seed}"`),
  rule: (lottery) => {
    if (lottery === undefined) return 'among optimal allocations, the higher score first, then the smaller request, then the earlier row of the candidates file';
    const band = lottery.band > 0 ? `; scores within ${lottery.band} points of the funding line count as equal` : '';
    return `among optimal allocations, the higher score first, then the lottery drawn with seed "${lottery.seed}" (ticket = SHA-256 of "seed:id", lower first)${band}`;
  },
  sameScore: (score) => `same score (${score})`,
  scores: (theirs, mine) => `scores ${theirs} and ${mine}`,
  sameGrant: (grant) => `same grant (${grant})`,
  grants: (theirs, mine) => `grants ${theirs} and ${mine}`,
  askedLess: (theirs, mine) => `, which asked for less (${theirs} against ${mine})`,
  earlierRow: ', which comes first in the candidates file',
  pair: (id, other, what, rule, why) => `${id} and ${other} are tied for the last place: ${what}; the rule (${rule}) funds ${other}${why}.`,
  many: (id, score, names, rule) => `${id} (score ${score}) could be funded instead of ${names} at the same optimum; the rule (${rule}) funds ${names}.`,
  percent: (loss) => (loss * 100).toFixed(3).replace(/\.?0+$/, ''),
};

const french = (): ReturnType<typeof numberFormats> => numberFormats('fr');

const fr: TieWords = {
  score: (value) => french().decimal(value, 2),
  euros: (value) => french().euros(value),
  nobody: 'personne',
  near: (id, score, names, percent) => `${id} (note ${score}) pourrait être financé à la place de ${names} pour ${percent}\u00a0% de valeur en moins\u00a0; l’optimum finance ${names}.`,
  shortRule: (lottery) => (lottery === undefined ? 'note la plus haute, puis demande la plus faible, puis ligne la plus haute du fichier' : `note la plus haute, puis tirage au sort de graine «\u00a0${lottery.seed}\u00a0»`),
  rule: (lottery) => {
    if (lottery === undefined) return 'parmi les répartitions optimales, la note la plus haute d’abord, puis le montant demandé le plus faible, puis la ligne la plus haute du fichier des candidats';
    const band = lottery.band > 0 ? `\u00a0; les notes à moins de ${frenchPoints(lottery.band, Number.isInteger(lottery.band) ? 0 : 2)} de la ligne de financement comptent comme ex aequo` : '';
    return `parmi les répartitions optimales, la note la plus haute d’abord, puis le tirage au sort de graine «\u00a0${lottery.seed}\u00a0» (ticket = SHA-256 de «\u00a0graine:id\u00a0», le plus petit d’abord)${band}`;
  },
  sameScore: (score) => `même note (${score})`,
  scores: (theirs, mine) => `notes ${theirs} et ${mine}`,
  sameGrant: (grant) => `même subvention (${grant})`,
  grants: (theirs, mine) => `subventions ${theirs} et ${mine}`,
  askedLess: (theirs, mine) => `, qui a demandé moins (${theirs} contre ${mine})`,
  earlierRow: ', qui vient en premier dans le fichier des candidats',
  pair: (id, other, what, rule, why) => `${id} et ${other} sont ex aequo pour la dernière place\u00a0: ${what}\u00a0; la règle (${rule}) finance ${other}${why}.`,
  many: (id, score, names, rule) => `${id} (note ${score}) pourrait être financé à la place de ${names} au même optimum\u00a0; la règle (${rule}) finance ${names}.`,
  percent: (loss) => {
    const text = en.percent(loss);
    return french().decimal(Number(text), (text.split('.')[1] ?? '').length);
  },
};

const WORDS: Readonly<Record<Lang, TieWords>> = { en, fr };

/** The tie-break rule in words, as the table, the JSON (English) and the report state it. */
export function tieRuleIn(lottery: TieLottery | undefined, lang: Lang = 'en'): string {
  return WORDS[lang].rule(lottery);
}

/** A tie in plain words, in `lang` (English by default: the JSON's `sentence`). */
export function tieSentenceIn(facts: TieFacts, lang: Lang = 'en'): string {
  const words = WORDS[lang];
  const score = words.score(facts.score);
  switch (facts.kind) {
    case 'near': {
      const names = facts.loses.length === 0 ? words.nobody : facts.loses.join(', ');
      return words.near(facts.id, score, names, words.percent(facts.loss));
    }
    case 'pair': {
      const what = [
        facts.otherScore === undefined ? words.sameScore(score) : words.scores(words.score(facts.otherScore), score),
        facts.theirs === facts.mine ? words.sameGrant(words.euros(facts.theirs)) : words.grants(words.euros(facts.theirs), words.euros(facts.mine)),
      ].join(', ');
      const why = facts.why === undefined ? '' : facts.why.kind === 'earlier-row' ? words.earlierRow : words.askedLess(words.euros(facts.why.theirs), words.euros(facts.why.mine));
      return words.pair(facts.id, facts.other, what, words.shortRule(facts.lottery), why);
    }
    case 'many': {
      const names = facts.loses.length === 0 ? words.nobody : facts.loses.join(', ');
      return words.many(facts.id, score, names, words.shortRule(facts.lottery));
    }
  }
}
