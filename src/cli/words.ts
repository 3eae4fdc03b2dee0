/**
 * The command line's own words: one table with both languages side by side, so that a text missing
 * in either language is a compile error. English is the command's historical text, byte for byte;
 * French uses the officers' words (lauréat, enveloppe, subvention, pondération, règle, plafond) and
 * French numbers (`84,00`, `89,8 %`, `3 000 000 €`).
 */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../domain/lang.js';
import { formatEuroChange, formatEuros, formatPercent } from '../domain/money.js';
import { frenchCount, frenchPoints, numberFormats, type NumberFormats } from '../domain/numbers.js';
import { solveNoteIn } from '../domain/solve-notes.js';

/** How the command line prints numbers: English keeps its historical `1 500 000 €`, `84.00`, `45.7 %`. */
export interface CliNumbers {
  readonly euros: (value: number) => string;
  readonly euroChange: (value: number) => string;
  readonly percent: (fraction: number, digits?: number) => string;
  readonly decimal: (value: number, digits: number) => string;
}

/** The French formats, made on first use: Intl's locale data would slow the start of every run, English ones too. */
const n = (): NumberFormats => numberFormats('fr');

const NUMBERS: Readonly<Record<Lang, CliNumbers>> = {
  en: { euros: formatEuros, euroChange: formatEuroChange, percent: formatPercent, decimal: (value, digits) => value.toFixed(digits) },
  fr: { euros: (value) => n().euros(value), euroChange: (value) => n().euroChange(value), percent: (fraction, digits) => n().percent(fraction, digits), decimal: (value, digits) => n().decimal(value, digits) },
};

/** Commander's help titles: English keeps Commander's own. */
const HELP_TITLES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {},
  fr: { 'Usage:': 'Utilisation\u00a0:', 'Arguments:': 'Arguments\u00a0:', 'Options:': 'Options\u00a0:', 'Commands:': 'Commandes\u00a0:' },
};

/** `1 policy`, `2 policies`. */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}


/** How the marks make a criterion, in French. */
const AGGREGATES: Readonly<Record<string, string>> = { mean: 'moyenne', median: 'médiane', 'trimmed-mean': 'moyenne tronquée' };

/** The solver's statuses, as a French message names them. */
const STATUS: Readonly<Record<string, string>> = { infeasible: 'infaisable', timedout: 'temps dépassé', unbounded: 'non borné', feasible: 'faisable', optimal: 'optimal' };

/** Commander's errors in French, sentence by sentence; one it does not know stays as Commander wrote it. */
const COMMANDER: readonly (readonly [RegExp, string])[] = [
  [/^unknown option '(.*)'$/, 'option inconnue $1'],
  [/^unknown command '(.*)'$/, 'commande inconnue $1'],
  [/^Did you mean (.*)\?$/, 'Vouliez-vous dire $1\u00a0?'],
  [/^missing required argument '(.*)'$/, 'argument obligatoire manquant\u00a0: $1'],
  [/^required option '(.*)' not specified$/, 'option obligatoire absente\u00a0: $1'],
  [/^option '(.*)' argument missing$/, 'l’option $1 attend une valeur'],
  [/^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.?$/, 'trop d’arguments pour $1\u00a0: $2 attendu(s), $3 donné(s).'],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\.?$/, 'trop d’arguments\u00a0: $1 attendu(s), $2 donné(s).'],
];

const WORDS_IN_BOTH = {
  n: NUMBERS,
  // Commander's words and the program's own messages
  helpTitles: HELP_TITLES,
  byDefault: { en: 'default: ', fr: 'par défaut\u00a0: ' },
  helpSwitch: { en: 'display help for command', fr: 'afficher l’aide de la commande' },
  helpCommand: { en: 'display help for command', fr: 'afficher l’aide d’une commande' },
  versionSwitch: { en: 'output the version number', fr: 'afficher le numéro de version' },
  /** Commander's error (`unknown option '--jsn'`) in this language. */
  commanderError: {
    en: (text: string) => text,
    fr: (text: string) => {
      for (const [pattern, french] of COMMANDER) if (pattern.test(text)) return text.replace(pattern, french);
      return text;
    },
  },
  seeHelp: { en: "See 'enveloppe --help'.", fr: "Voir 'enveloppe --help'." },
  unknownCommand: { en: (word: string) => `unknown command '${word}'`, fr: (word: string) => `commande inconnue '${word}'` },
  commandsAre: { en: (names: string) => `Commands: ${names}. See 'enveloppe --help'.`, fr: (names: string) => `Commandes\u00a0: ${names}. Voir 'enveloppe --help'.` },
  didYouMean: { en: (guess: string) => `Did you mean '${guess}'?`, fr: (guess: string) => `Vouliez-vous dire '${guess}'\u00a0?` },
  cancelled: { en: 'cancelled; nothing was written', fr: 'interrompu\u00a0; rien n’a été écrit' },
  // solve, explain, verify: messages on stderr
  /** `enveloppe: note: …` and `  note: …` of validate. */
  note: { en: 'note', fr: 'remarque' },
  warning: { en: 'warning', fr: 'attention' },
  /** `Note: ` before a note under the table's heading (`Weights: `, `Score formula: ` likewise). */
  tableNote: { en: 'Note: ', fr: 'Remarque\u00a0: ' },
  wroteModel: { en: (file: string) => `Wrote the model to ${file} (CPLEX LP format).`, fr: (file: string) => `Modèle écrit dans ${file} (format CPLEX LP).` },
  timeLimitStopped: {
    en: (limit: number, gap: string, longer: number) => `the time limit (${limit} s) stopped the search before the gap reached its target: this allocation passes every rule and is proven within ${gap} of the best possible. Try --time-limit ${longer} for a tighter proof.`,
    fr: (limit: number, gap: string, longer: number) =>
      `la limite de temps (${n().integer(limit)}\u00a0s) a arrêté la recherche avant que l’écart n’atteigne sa cible\u00a0: cette répartition respecte toutes les règles et se trouve à moins de ${gap} du meilleur possible (prouvé). Essayez --time-limit ${longer} pour une preuve plus serrée.`,
  },
  /** A refusal, then what the user sees of it (French sets a space before the semicolon). */
  noAllocationShown: { en: (why: string) => `${why}; no allocation is shown.`, fr: (why: string) => `${why}\u00a0; aucune répartition n’est affichée.` },
  /** --check: the other engine did not confirm, or disagrees on a grant or on the optimum. */
  checkUnconfirmed: { en: (engine: string, status: string) => `--check: ${engine} did not confirm the allocation (${status})`, fr: (engine: string, status: string) => `--check\u00a0: ${engine} n’a pas confirmé la répartition (${STATUS[status] ?? status})` },
  checkOutOfTime: {
    en: (engine: string, limit: number) => `--check: ${engine} ran out of time (${limit} s) before confirming the allocation`,
    fr: (engine: string, limit: number) => `--check\u00a0: ${engine} a manqué de temps (${n().decimal(limit, limit % 1 === 0 ? 0 : 1)}\u00a0s) avant de confirmer la répartition`,
  },
  checkOutOfTimeHint: {
    en: (engine: string, longer: number) => `${engine} is slow on large calls: give it longer with --time-limit ${longer}, or solve without --check (every allocation is checked against every rule either way).`,
    fr: (engine: string, longer: number) => `${engine} est lent sur les grands appels\u00a0: donnez-lui plus de temps avec --time-limit ${longer}, ou résolvez sans --check (toute répartition est vérifiée règle par règle dans tous les cas).`,
  },
  checkGrant: { en: (id: string, engine: string, grant: string, other: string, theirs: string) => `--check: the engines disagree on ${id}: ${engine} grants ${grant}, ${other} ${theirs}`, fr: (id: string, engine: string, grant: string, other: string, theirs: string) => `--check\u00a0: les moteurs sont en désaccord sur ${id}\u00a0: ${engine} accorde ${grant}, ${other} ${theirs}` },
  checkOptimum: { en: (engine: string, optimum: number, other: string, theirs: number) => `--check: the engines disagree: ${engine} finds an optimum of ${optimum}, ${other} ${theirs}`, fr: (engine: string, optimum: number, other: string, theirs: number) => `--check\u00a0: les moteurs sont en désaccord\u00a0: ${engine} trouve un optimum de ${n().decimal(optimum, 2)}, ${other} ${n().decimal(theirs, 2)}` },
  /** A note of the solve's (the tie-break stopped…), in this language. */
  solveNote: { en: (note: string) => note, fr: (note: string) => solveNoteIn(note, 'fr') },
  wroteRecord: { en: (file: string) => `Wrote the decision record to ${file}; 'enveloppe verify ${file}' re-runs it.`, fr: (file: string) => `Procès-verbal de décision écrit dans ${file}\u00a0; 'enveloppe verify ${file}' le rejoue.` },
  wroteCsv: { en: (rows: number, total: string, file: string, excel: boolean) => `Wrote ${rows} rows and their total (${total}) to ${file}${excel ? ' for French Excel' : ''}.`, fr: (rows: number, total: string, file: string, excel: boolean) => `${frenchCount(rows, 'ligne')} et leur total (${total}) écrits dans ${file}${excel ? ' pour Excel en français' : ''}.` },
  wroteWorkbook: { en: (file: string) => `Wrote the workbook ${file} (allocation, regions and rules, parameters).`, fr: (file: string) => `Classeur écrit dans ${file} (répartition, régions et règles, paramètres).` },
  // report: messages on the terminal
  noOptimumUnder: { en: (policy: string, status: string) => `no optimal allocation under '${policy}' (${status})`, fr: (policy: string, status: string) => `aucune répartition optimale sous la pondération '${policy}' (${STATUS[status] ?? status})` },
  solveEnded: { en: (status: string) => `the solve ended ${status}`, fr: (status: string) => `le calcul s’est terminé ainsi\u00a0: ${STATUS[status] ?? status}` },
  noReport: { en: (why: string) => `${why}; no report was written.`, fr: (why: string) => `${why}\u00a0; aucun rapport n’a été écrit.` },
  wroteReport: { en: (file: string, laureates: number, characters: number) => `Wrote the report to ${file} (${laureates} laureates, ${characters.toLocaleString('en')} characters); open it in a browser and print it to PDF.`, fr: (file: string, laureates: number, characters: number) => `Rapport écrit dans ${file} (${frenchCount(laureates, 'lauréat')}, ${n().integer(characters)} caractères)\u00a0; ouvrez-le dans un navigateur et imprimez-le en PDF.` },
  infeasible: { en: 'no allocation satisfies every rule of this scenario (infeasible)', fr: 'aucune répartition ne respecte toutes les règles de ce scénario (infaisable)' },
  timedOut: { en: 'the solver ran out of time before finding any allocation that passes every rule. Try --time-limit 120 or --solver highs', fr: 'le solveur a manqué de temps avant de trouver une répartition qui respecte toutes les règles. Essayez --time-limit 120 ou --solver highs' },
  unbounded: { en: 'the model is unbounded, which an allocation model should never be; please report it', fr: 'le modèle est non borné, ce qu’un modèle de répartition ne devrait jamais être\u00a0; merci de le signaler' },
  /** The stderr line beside a --json document: the solver stopped before an optimum; the model is unbounded. */
  noOptimumInTime: { en: 'the solver ran out of time before proving an optimum', fr: 'le solveur a manqué de temps avant de prouver un optimum' },
  isUnbounded: { en: 'the model is unbounded', fr: 'le modèle est non borné' },
  impossibleOnPaper: { en: 'Impossible on paper already:', fr: 'Impossible déjà sur le papier\u00a0:' },
  conflictHeading: { en: (count: number) => `${count === 1 ? 'This constraint cannot be met' : 'These constraints conflict'}${count > 1 ? ' (drop any one and the rest can be met)' : ''}:`, fr: (conflicts: number) => `${conflicts === 1 ? 'Cette contrainte ne peut pas être respectée' : 'Ces contraintes sont incompatibles'}${conflicts > 1 ? ' (en retirer une seule suffit pour respecter les autres)' : ''}\u00a0:` },
  toFix: { en: 'To fix it, one of:', fr: 'Pour y remédier, au choix\u00a0:' },
  unknownDistance: { en: 'an unknown distance', fr: 'une distance inconnue' },
  // The allocation table of `solve`
  policyHead: { en: (name: string, label: string | undefined) => `policy ${name}${label === undefined ? '' : ` (${label})`}`, fr: (name: string, label: string | undefined) => `pondération ${name}${label === undefined ? '' : ` (${label})`}` },
  customWeights: { en: (policy: string) => `weights from --weights (replacing those of ${policy})`, fr: (policy: string) => `poids de --weights (à la place de ceux de la ${policy})` },
  weights: { en: 'Weights: ', fr: 'Poids\u00a0: ' },
  formula: { en: 'Score formula: ', fr: 'Formule de la note\u00a0: ' },
  optimumBy: { en: (proven: boolean, engine: string, meanScore: string | undefined) => `${proven ? 'Proven optimum' : 'Optimum'} by ${engine}${meanScore === undefined ? '' : `; mean score weighted by the euros: ${meanScore}`}`, fr: (proven: boolean, engine: string, meanScore: string | undefined) => `${proven ? 'Optimum prouvé' : 'Optimum'} par ${engine}${meanScore === undefined ? '' : `\u00a0; note moyenne pondérée par les euros\u00a0: ${meanScore}`}` },
  columns: { en: { rank: 'Rank', id: 'Id', name: 'Name', region: 'Region', score: 'Score', grant: 'Grant', shareOfRequest: '% req.', note: 'Note', reviews: 'Reviews' }, fr: { rank: 'Rang', id: 'Id', name: 'Nom', region: 'Région', score: 'Note', grant: 'Subvention', shareOfRequest: '% dem.', note: 'Remarque', reviews: 'Rapporteurs' } },
  nothingFor: { en: (count: number) => `(${count} candidates get nothing; --all lists them)`, fr: (others: number) => `(${frenchCount(others, 'candidat ne reçoit', 'candidats ne reçoivent')} rien\u00a0; --all les liste)` },
  reviewsLegend: { en: "Reviews: reviewers counted, ↕ range of their own final scores in points, ⚑ above the scenario's disagreement threshold, ⊘ conflicts excluded.", fr: 'Rapporteurs\u00a0: nombre de rapporteurs, ↕ écart entre leurs propres notes finales en points, ⚑ au-delà du seuil de désaccord du scénario, ⊘ conflits d’intérêts exclus.' },
  envelope: { en: (spent: string, total: string, allSpent: boolean) => `Envelope   ${spent} of ${total}${allSpent ? '  ● all spent' : ''}`, fr: (spent: string, total: string, allSpent: boolean) => `Enveloppe  ${spent} sur ${total}${allSpent ? '  ● toute dépensée' : ''}` },
  yearSpent: { en: (spent: string, ceiling: string) => `${spent} of ${ceiling}`, fr: (spent: string, ceiling: string) => `${spent} sur ${ceiling}` },
  laureates: { en: (count: number, max: number) => `Laureates  ${count} of ${max} at most`, fr: (laureates: number, max: number) => `Lauréats   ${laureates} sur ${max} au plus` },
  gap: { en: (gap: number, formatted: string) => `Gap        ${gap === 0 ? '0 % (proven optimum)' : `within ${formatted} of the best possible objective (proven)`}`, fr: (gap: number, formatted: string) => `Écart      ${gap === 0 ? '0\u00a0% (optimum prouvé)' : `à moins de ${formatted} du meilleur objectif possible (prouvé)`}` },
  byRegion: { en: 'By region', fr: 'Par région' },
  regionLaureates: { en: (count: number) => `${count} laureate${count === 1 ? '' : 's'}`, fr: (laureates: number) => frenchCount(laureates, 'lauréat') },
  rulesHeading: { en: 'Rules (● binding: the rule holds the allocation back)', fr: 'Règles (● saturée\u00a0: la règle retient la répartition)' },
  quietRules: { en: (count: number) => `(${count} more groups hold with room to spare and receive nothing)`, fr: (groups: number) => `(${frenchCount(groups, 'autre groupe respecte', 'autres groupes respectent')} sa règle avec de la marge et ne reçoi${groups > 1 ? 'vent' : 't'} rien)` },
  lockedIn: { en: 'locked in', fr: 'retenu d’office' },
  lockedOut: { en: 'locked out', fr: 'écarté d’office' },
  belowFloor: { en: 'asks < floor', fr: 'demande < plancher' },
  ties: { en: (rule: string) => `Ties: ${rule}.`, fr: (rule: string) => `Ex aequo\u00a0: ${rule}.` },
  noOtherOptimum: { en: 'No other optimal allocation funds another candidate.', fr: 'Aucune autre répartition optimale ne finance un autre candidat.' },
  lottery: {
    en: (seed: string, band: number, line: number, count: number) => `Lottery: seed "${seed}", band ${band} points around the funding line (score ${line.toFixed(2)}); ${count} candidate${count === 1 ? '' : 's'} in the draw, in drawn order:`,
    fr: (seed: string, band: number, line: number, drawn: number) =>
      `Tirage au sort\u00a0: graine «\u00a0${seed}\u00a0», bande de ${frenchPoints(band)} autour de la ligne de financement (note ${n().decimal(line, 2)})\u00a0; ${frenchCount(drawn, 'candidat')} au tirage, dans l’ordre tiré\u00a0:`,
  },
  ticket: { en: (score: number, ticket: string, funded: boolean) => `score ${score.toFixed(2)}  ticket ${ticket}…  ${funded ? 'funded' : 'not funded'}`, fr: (score: number, ticket: string, funded: boolean) => `note ${n().decimal(score, 2)}  ticket ${ticket}…  ${funded ? 'financé' : 'non financé'}` },
  moreTickets: { en: (count: number) => `(${count} more; --json lists them all)`, fr: (more: number) => `(${more} de plus\u00a0; --json les liste tous)` },
  // validate
  valid: { en: (path: string) => `${path}: the scenario and its candidates file are valid`, fr: (path: string) => `${path}\u00a0: le scénario et son fichier de candidats sont valides` },
  candidatesFrom: { en: (count: number, file: string) => `${count} candidates from ${file}`, fr: (candidates: number, file: string) => `${frenchCount(candidates, 'candidat')} lus dans ${file}` },
  envelopeLine: { en: (total: string, years: string) => `envelope ${total}${years}`, fr: (total: string, years: string) => `enveloppe ${total}${years}` },
  yearCeiling: { en: (year: string, ceiling: string) => `${year}: ${ceiling}`, fr: (year: string, ceiling: string) => `${year}\u00a0: ${ceiling}` },
  /** How the marks make a criterion: mean, median, trimmed-mean. */
  aggregate: { en: (rule: string) => rule, fr: (rule: string) => AGGREGATES[rule] ?? rule },
  grantsLine: { en: (min: string, max: string, step: string, laureatesMin: number, laureatesMax: number) => `grants ${min} to ${max} in steps of ${step}; laureates ${laureatesMin} to ${laureatesMax}`, fr: (min: string, max: string, step: string, laureatesMin: number, laureatesMax: number) => `subventions de ${min} (plancher) à ${max} (plafond) par pas de ${step}\u00a0; de ${laureatesMin} à ${laureatesMax} lauréats` },
  criteriaLine: { en: (count: number, names: string) => `${plural(count, 'criterion', 'criteria')}: ${names}`, fr: (criteria: number, names: string) => `${frenchCount(criteria, 'critère')}\u00a0: ${names}` },
  policiesLine: { en: (count: number, names: string) => `${plural(count, 'policy', 'policies')}: ${names}`, fr: (policies: number, names: string) => `${frenchCount(policies, 'pondération')}\u00a0: ${names}` },
  rulesLine: { en: (rules: number, locks: number) => `${plural(rules, 'rule')}, ${plural(locks, 'lock')}`, fr: (rules: number, locks: number) => `${frenchCount(rules, 'règle')}, ${frenchCount(locks, 'verrou')}` },
  reviewsLine: {
    en: (reviews: number, reviewers: number, file: string, conflicts: number, aggregate: string, severity: boolean) =>
      `${plural(reviews, 'review')} by ${plural(reviewers, 'reviewer')} from ${file} (${plural(conflicts, 'conflict')} of interest excluded); criteria = ${aggregate}${severity ? ' corrected for severity' : ''} of the marks`,
    fr: (reviews: number, reviewers: number, file: string, conflicts: number, aggregate: string, severity: boolean) =>
      `${frenchCount(reviews, 'note')} de ${frenchCount(reviewers, 'rapporteur')} lues dans ${file} (${frenchCount(conflicts, 'conflit')} d’intérêts ${n().plural(conflicts, { one: 'exclu', other: 'exclus' })})\u00a0; critères = ${aggregate}${severity ? ' corrigée de la sévérité' : ''} des notes`,
  },
  feasible: { en: 'feasible: an allocation satisfies every rule', fr: 'faisable\u00a0: une répartition respecte toutes les règles' },
  feasibilityUnknown: { en: (status: string) => `feasibility unknown (${status})`, fr: (status: string) => `faisabilité inconnue (${STATUS[status] ?? status})` },
} satisfies InBoth;

/** The command line's words in one language. */
export type CliWords = WordsOf<typeof WORDS_IN_BOTH>;

/** The catalogue of each language. */
export const WORDS: Readonly<Record<Lang, CliWords>> = { fr: inLanguage(WORDS_IN_BOTH, 'fr'), en: inLanguage(WORDS_IN_BOTH, 'en') };
