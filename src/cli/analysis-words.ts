/**
 * The words of the five analyses (compare, sweep, tipping, budget-sweep, robustness): one interface,
 * and a catalogue for each language typed against it (analysis-words-fr.ts, analysis-words-en.ts),
 * so that a text missing in either language is a compile error. English is the historical text,
 * byte for byte; the numbers come from the command line's formats (words.ts).
 */
import type { Bilingual, Lang } from '../domain/lang.js';
import type { FundingClass } from '../analysis/robustness.js';
import { en } from './analysis-words-en.js';
import { fr } from './analysis-words-fr.js';

export interface AnalysisWords {
  // Messages on stderr
  readonly wroteCsv: (file: string, excel: boolean) => string;
  readonly wroteWorkbook: (file: string, policy: string, sheet: string) => string;
  readonly noOptimum: (policy: string, status: string) => string;
  // compare
  readonly id: string;
  readonly name: string;
  readonly change: string;
  readonly spread: string;
  readonly rank: string;
  readonly totals: string;
  readonly laureates: string;
  readonly pair: (a: string, b: string, common: number, moved: string) => string;
  readonly enter: (ids: string) => string;
  readonly leave: (ids: string) => string;
  readonly byGroup: string;
  readonly entering: string;
  readonly leaving: string;
  readonly inOut: string;
  // sweep
  readonly sweepTitle: (scenario: string, policy: string, criterion: string, share: string) => string;
  readonly sweepHead: string;
  readonly shares: string;
  // tipping
  readonly tippingTitle: (scenario: string, policy: string, solves: number) => string;
  readonly stays: (candidate: string, funded: boolean, criterion: string, from: string, to: string, now: string) => string;
  readonly noTipping: string;
  // budget-sweep
  readonly budgetTitle: (scenario: string, policy: string, from: string, to: string) => string;
  readonly budgetColumns: { readonly envelope: string; readonly spent: string; readonly laureates: string; readonly objective: string; readonly perEuro: string };
  readonly status: (status: string) => string;
  readonly perEuroLegend: string;
  // robustness
  readonly band: (low: string, high: string) => string;
  readonly weightsUniform: string;
  readonly weightsAround: (policy: string, spread: number) => string;
  readonly marksDrawn: (aggregate: string, severity: boolean, policy: string) => string;
  readonly both: (weights: string, marks: string) => string;
  readonly robustnessTitle: (scenario: string, solved: number, drawn: string, seed: number) => string;
  readonly robustnessColumns: { readonly funded: string; readonly meanGrant: string; readonly range: string; readonly rank: string; readonly class: string };
  readonly fundingClass: Readonly<Record<FundingClass, string>>;
  readonly toDiscuss: string;
  readonly neverFunded: (count: number) => string;
  readonly nothingToDiscuss: (band: string) => string;
  readonly discuss: (band: string, ids: string) => string;
}

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
export const ANALYSIS_WORDS: Readonly<Record<Lang, AnalysisWords>> = { fr, en };
