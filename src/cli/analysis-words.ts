/**
 * The words of the five analyses (compare, sweep, tipping, budget-sweep, robustness): one table with
 * both languages side by side, so that a text missing in either language is a compile error.
 * English is the historical text, byte for byte; French uses the officers' words (lauréat,
 * enveloppe, pondération, subvention); the numbers come from the command line's formats (words.ts).
 */
import { inLanguage, type Bilingual, type InBoth, type Lang, type WordsOf } from '../domain/lang.js';
import { frenchNumber } from '../io/bilingual.js';
import { frenchCount } from '../domain/numbers.js';
import { WORDS } from './words.js';

/** The solver's statuses, as a French message names them. */
const STATUS: Readonly<Record<string, string>> = { infeasible: 'infaisable', timedout: 'temps dépassé', unbounded: 'non borné', failed: 'échec', feasible: 'faisable', optimal: 'optimal' };

const ANALYSIS_IN_BOTH = {
  // Messages on stderr
  wroteCsv: { en: (file: string, excel: boolean) => `Wrote ${file}${excel ? ' for French Excel' : ''}.`, fr: (file: string, excel: boolean) => `Fichier ${file} écrit${excel ? ' pour Excel en français' : ''}.` },
  wroteWorkbook: { en: (file: string, policy: string, sheet: string) => `Wrote the workbook ${file} (allocation under ${policy}, regions and rules, parameters, sheet '${sheet}').`, fr: (file: string, policy: string, sheet: string) => `Classeur écrit dans ${file} (répartition sous la pondération ${policy}, régions et règles, paramètres, feuille «\u00a0${sheet}\u00a0»).` },
  noOptimum: { en: (policy: string, status: string) => `no optimal allocation under '${policy}' (${status}).`, fr: (policy: string, status: string) => `aucune répartition optimale sous la pondération '${policy}' (${STATUS[status] ?? status}).` },
  // compare
  id: { en: 'Id', fr: 'Id' },
  name: { en: 'Name', fr: 'Nom' },
  change: { en: 'Change', fr: 'Écart' },
  spread: { en: 'Spread', fr: 'Étendue' },
  rank: { en: 'Rank', fr: 'Rang' },
  totals: { en: 'Totals', fr: 'Totaux' },
  laureates: { en: 'Laureates', fr: 'Lauréats' },
  pair: { en: (a: string, b: string, common: number, moved: string) => `${a} → ${b}: ${common} laureates in common, ${moved} moved`, fr: (a: string, b: string, common: number, moved: string) => `${a} → ${b}\u00a0: ${frenchCount(common, 'lauréat')} en commun, ${moved} déplacés` },
  enter: { en: (ids: string) => `enter: ${ids}`, fr: (ids: string) => `entrent\u00a0: ${ids}` },
  leave: { en: (ids: string) => `leave: ${ids}`, fr: (ids: string) => `sortent\u00a0: ${ids}` },
  byGroup: { en: 'By region and rule group', fr: 'Par région et groupe de règle' },
  entering: { en: 'new', fr: 'entre' },
  leaving: { en: 'out', fr: 'sort' },
  inOut: { en: 'in/out', fr: 'entre/sort' },
  // sweep
  sweepTitle: { en: (scenario: string, policy: string, criterion: string, share: string) => `${scenario} — policy ${policy}: share of '${criterion}' from 0 to 100 % (policy: ${share})`, fr: (scenario: string, policy: string, criterion: string, share: string) => `${scenario} — pondération ${policy}\u00a0: part de «\u00a0${criterion}\u00a0» de 0 à 100\u00a0% (pondération\u00a0: ${share})` },
  sweepHead: { en: 'funded along the sweep (0 % → 100 %; █ funded, · not)', fr: 'financé au fil du balayage (0\u00a0% → 100\u00a0%\u00a0; █ financé, · non)' },
  shares: { en: 'Shares: ', fr: 'Parts\u00a0: ' },
  // tipping
  tippingTitle: { en: (scenario: string, policy: string, solves: number) => `${scenario} — tipping points around policy ${policy} (${solves} solves)`, fr: (scenario: string, policy: string, solves: number) => `${scenario} — points de bascule autour de la pondération ${policy} (${frenchCount(solves, 'calcul')})` },
  stays: { en: (candidate: string, funded: boolean, criterion: string, from: string, to: string, now: string) => `${candidate} ${funded ? 'stays funded' : 'stays out'} while ${criterion} has between ${from} and ${to} of the weight (now ${now})`, fr: (candidate: string, funded: boolean, criterion: string, from: string, to: string, now: string) => `${candidate} ${funded ? 'reste financé' : 'reste écarté'} tant que ${criterion} pèse entre ${from} et ${to} de la pondération (aujourd’hui ${now})` },
  noTipping: { en: 'No candidate changes status whatever the share of any single criterion.', fr: 'Aucun candidat ne change de statut, quelle que soit la part d’un seul critère.' },
  // budget-sweep
  budgetTitle: { en: (scenario: string, policy: string, from: string, to: string) => `${scenario} — policy ${policy}: envelope from ${from} to ${to}`, fr: (scenario: string, policy: string, from: string, to: string) => `${scenario} — pondération ${policy}\u00a0: enveloppe de ${from} à ${to}` },
  budgetColumns: { en: { envelope: 'Envelope', spent: 'Spent', laureates: 'Laureates', objective: 'Objective', perEuro: 'Per extra €' }, fr: { envelope: 'Enveloppe', spent: 'Dépensé', laureates: 'Lauréats', objective: 'Objectif', perEuro: 'Par € en +' } },
  status: { en: (status: string) => status, fr: (status: string) => STATUS[status] ?? status },
  perEuroLegend: { en: "Per extra €: score points the next euros buy (the objective's gain per euro since the previous envelope).", fr: 'Par € en +\u00a0: points de note qu’achètent les euros suivants (gain de l’objectif par euro depuis l’enveloppe précédente).' },
  // robustness
  band: { en: (low: string, high: string) => `${low} and ${high}`, fr: (low: string, high: string) => `${low} à ${high}` },
  weightsUniform: { en: 'weightings drawn uniformly', fr: 'pondérations tirées uniformément' },
  weightsAround: { en: (policy: string, spread: number) => `weightings around policy ${policy} (spread ${spread})`, fr: (policy: string, spread: number) => `pondérations autour de la pondération ${policy} (écart ${frenchNumber(spread)})` },
  marksDrawn: { en: (aggregate: string, severity: boolean, policy: string) => `marks drawn by resampling each candidate's reviewers not in conflict, with replacement (${aggregate}${severity ? ', severity-corrected' : ''}), policy ${policy}`, fr: (aggregate: string, severity: boolean, policy: string) => `notes tirées en rééchantillonnant avec remise les rapporteurs de chaque candidat hors conflit d’intérêts (${WORDS.fr.aggregate(aggregate)}${severity ? ', corrigée de la sévérité' : ''}), pondération ${policy}` },
  both: { en: (weights: string, marks: string) => `${weights}, and ${marks}`, fr: (weights: string, marks: string) => `${weights}, et ${marks}` },
  robustnessTitle: { en: (scenario: string, solved: number, drawn: string, seed: number) => `${scenario} — ${solved} draws: ${drawn}; seed ${seed}`, fr: (scenario: string, solved: number, drawn: string, seed: number) => `${scenario} — ${frenchCount(solved, 'tirage')}\u00a0: ${drawn}\u00a0; graine ${seed}` },
  robustnessColumns: { en: { funded: 'Funded', meanGrant: 'Mean grant', range: '5–95 %', rank: 'Rank (5–95 %)', class: 'Class' }, fr: { funded: 'Financé', meanGrant: 'Subv. moy.', range: '5–95\u00a0%', rank: 'Rang (5–95\u00a0%)', class: 'Classe' } },
  fundingClass: { en: { always: 'always', often: 'often', sometimes: 'sometimes', never: 'never' }, fr: { always: 'toujours', often: 'souvent', sometimes: 'parfois', never: 'jamais' } },
  toDiscuss: { en: ' · to discuss', fr: ' · à discuter' },
  neverFunded: { en: (count: number) => `${count} candidates are never funded. Classes: always = every draw, often ≥ 50 %, sometimes > 0.`, fr: (never: number) => `${frenchCount(never, 'candidat n’est', 'candidats ne sont')} jamais ${never > 1 ? 'financés' : 'financé'}. Classes\u00a0: toujours = à chaque tirage, souvent ≥ 50\u00a0%, parfois > 0.` },
  nothingToDiscuss: { en: (band: string) => `No candidate is funded in between ${band} of the draws: nothing to discuss.`, fr: (band: string) => `Aucun candidat n’est financé dans ${band} des tirages\u00a0: rien à discuter.` },
  discuss: { en: (band: string, ids: string) => `To discuss (funded in between ${band} of the draws; a natural band for a lottery): ${ids}.`, fr: (band: string, ids: string) => `À discuter (financés dans ${band} des tirages\u00a0; une bande naturelle pour un tirage au sort)\u00a0: ${ids}.` },
} satisfies InBoth;

/** The analyses' words in one language. */
export type AnalysisWords = WordsOf<typeof ANALYSIS_IN_BOTH>;

/** The mistakes of the analyses' flags, each in both languages (the UserError says the user's). */
export const ANALYSIS_ERRORS = {
  excelWithoutCsv: { en: '--excel formats the --csv file, and no --csv was given', fr: '--excel met en forme le fichier --csv, et aucun --csv n’est donné' },
  addCsv: { en: 'Add --csv FILE.', fr: 'Ajoutez --csv FICHIER.' },
  notWholeNumber: (text: string, min: number, max: number): Bilingual => ({ en: `'${text}' is not a whole number from ${min} to ${max}`, fr: `'${text}' n’est pas un nombre entier de ${min} à ${max}` }),
  notAmount: (text: string): Bilingual => ({ en: `'${text}' is not an amount of euros above 0`, fr: `'${text}' n’est pas un montant en euros supérieur à 0` }),
  amountHint: { en: 'Write it in euros, e.g. 2000000.', fr: 'Écrivez-le en euros, par exemple 2000000.' },
  noWorkbook: (policy: string, status: string): Bilingual => ({ en: `no optimal allocation under '${policy}' (${status}); the workbook was not written`, fr: `aucune répartition optimale sous la pondération '${policy}' (${status})\u00a0; le classeur n’a pas été écrit` }),
  noPolicy: { en: 'name at least one policy', fr: 'nommez au moins une pondération' },
  whichCriterion: { en: 'which criterion? ', fr: 'il manque le critère' },
  giveCriterion: (columns: string): Bilingual => ({ en: `Give --criterion with one of: ${columns}.`, fr: `Donnez --criterion avec l’un de\u00a0: ${columns}.` }),
  notCriterion: (text: string): Bilingual => ({ en: `'${text}' is not a criterion of this scenario`, fr: `'${text}' n’est pas un critère de ce scénario` }),
  criteriaAre: (columns: string): Bilingual => ({ en: `Criteria: ${columns}.`, fr: `Critères\u00a0: ${columns}.` }),
  notOver: (text: string): Bilingual => ({ en: `'${text}' is not something robustness can draw`, fr: `robustness ne sait pas tirer au sort '${text}'` }),
  chooseOver: (guess: string | undefined): Bilingual => ({
    en: `${guess === undefined ? '' : `Did you mean '${guess}'? `}Choose weights, marks or both.`,
    fr: `${guess === undefined ? '' : `Vouliez-vous dire '${guess}'\u00a0? `}Choisissez weights (pondérations), marks (notes) ou both (les deux).`,
  }),
  noMarks: (over: string): Bilingual => ({ en: `--over ${over} draws the reviewers' marks, and this scenario has none`, fr: `--over ${over} tire les notes des rapporteurs, et ce scénario n’en a pas` }),
  nameReviews: { en: 'Name a reviews file in the scenario (reviews: {file: notes.csv}), or use --over weights.', fr: 'Nommez un fichier de notes dans le scénario (reviews: {file: notes.csv}), ou prenez --over weights.' },
  notSpread: (text: string): Bilingual => ({ en: `'${text}' is not a spread of 0 or more`, fr: `'${text}' n’est pas un écart de 0 ou plus` }),
} as const;

/** The catalogue of each language. */
export const ANALYSIS_WORDS: Readonly<Record<Lang, AnalysisWords>> = { fr: inLanguage(ANALYSIS_IN_BOTH, 'fr'), en: inLanguage(ANALYSIS_IN_BOTH, 'en') };
