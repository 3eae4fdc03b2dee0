/** The command line's words in French, as officers say them, with French numbers (`84,00`, `89,8 %`, `3 000 000 €`). */
import { numberFormats, type NumberFormats } from '../domain/numbers.js';
import { solveNoteIn } from '../domain/solve-notes.js';
import type { CliWords } from './words.js';

/** The French formats, made on first use: Intl's locale data would slow the start of every run, English ones too. */
const n = (): NumberFormats => numberFormats('fr');

/** `0 règle`, `1 règle`, `2 règles`: French counts 0 and 1 in the singular. */
function count(value: number, one: string, many = `${one}s`): string {
  return `${value} ${n().plural(value, { one, other: many })}`;
}

/** How the marks make a criterion. */
const AGGREGATES: Readonly<Record<string, string>> = { mean: 'moyenne', median: 'médiane', 'trimmed-mean': 'moyenne tronquée' };

/** The solver's statuses, as a message names them. */
const STATUS: Readonly<Record<string, string>> = { infeasible: 'infaisable', timedout: 'temps dépassé', unbounded: 'non borné', feasible: 'faisable', optimal: 'optimal' };

/** Commander's errors, sentence by sentence; one it does not know stays as Commander wrote it. */
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

export const fr: CliWords = {
  n: { euros: (value) => n().euros(value), euroChange: (value) => n().euroChange(value), percent: (fraction, digits) => n().percent(fraction, digits), decimal: (value, digits) => n().decimal(value, digits) },
  helpTitles: { 'Usage:': 'Utilisation\u00a0:', 'Arguments:': 'Arguments\u00a0:', 'Options:': 'Options\u00a0:', 'Commands:': 'Commandes\u00a0:' },
  byDefault: 'par défaut\u00a0: ',
  helpSwitch: 'afficher l’aide de la commande',
  helpCommand: 'afficher l’aide d’une commande',
  versionSwitch: 'afficher le numéro de version',
  commanderError: (text) => {
    for (const [pattern, french] of COMMANDER) if (pattern.test(text)) return text.replace(pattern, french);
    return text;
  },
  seeHelp: "Voir 'enveloppe --help'.",
  unknownCommand: (word) => `commande inconnue '${word}'`,
  commandsAre: (names) => `Commandes\u00a0: ${names}. Voir 'enveloppe --help'.`,
  didYouMean: (guess) => `Vouliez-vous dire '${guess}'\u00a0?`,
  cancelled: 'interrompu\u00a0; rien n’a été écrit',
  note: 'remarque',
  warning: 'attention',
  tableNote: 'Remarque\u00a0: ',
  wroteModel: (file) => `Modèle écrit dans ${file} (format CPLEX LP).`,
  timeLimitStopped: (limit, gap, longer) =>
    `la limite de temps (${n().integer(limit)}\u00a0s) a arrêté la recherche avant que l’écart n’atteigne sa cible\u00a0: cette répartition respecte toutes les règles et se trouve à moins de ${gap} du meilleur possible (prouvé). Essayez --time-limit ${longer} pour une preuve plus serrée.`,
  noAllocationShown: 'aucune répartition n’est affichée',
  checkUnconfirmed: (engine, status) => `--check\u00a0: ${engine} n’a pas confirmé la répartition (${STATUS[status] ?? status})`,
  checkGrant: (id, engine, grant, other, theirs) => `--check\u00a0: les moteurs sont en désaccord sur ${id}\u00a0: ${engine} accorde ${grant}, ${other} ${theirs}`,
  checkOptimum: (engine, optimum, other, theirs) => `--check\u00a0: les moteurs sont en désaccord\u00a0: ${engine} trouve un optimum de ${n().decimal(optimum, 2)}, ${other} ${n().decimal(theirs, 2)}`,
  solveNote: (note) => solveNoteIn(note, 'fr'),
  wroteRecord: (file) => `Procès-verbal de décision écrit dans ${file}\u00a0; 'enveloppe verify ${file}' le rejoue.`,
  wroteCsv: (rows, total, file, excel) => `${count(rows, 'ligne')} et leur total (${total}) écrits dans ${file}${excel ? ' pour Excel en français' : ''}.`,
  wroteWorkbook: (file) => `Classeur écrit dans ${file} (répartition, régions et règles, paramètres).`,
  noOptimumUnder: (policy, status) => `aucune répartition optimale sous la pondération '${policy}' (${STATUS[status] ?? status})`,
  solveEnded: (status) => `le calcul s’est terminé ainsi\u00a0: ${STATUS[status] ?? status}`,
  noReport: (why) => `${why}\u00a0; aucun rapport n’a été écrit.`,
  wroteReport: (file, laureates, characters) => `Rapport écrit dans ${file} (${count(laureates, 'lauréat')}, ${n().integer(characters)} caractères)\u00a0; ouvrez-le dans un navigateur et imprimez-le en PDF.`,
  infeasible: 'aucune répartition ne respecte toutes les règles de ce scénario (infaisable)',
  timedOut: 'le solveur a manqué de temps avant de trouver une répartition qui respecte toutes les règles. Essayez --time-limit 120 ou --solver highs',
  unbounded: 'le modèle est non borné, ce qu’un modèle de répartition ne devrait jamais être\u00a0; merci de le signaler',
  noOptimumInTime: 'le solveur a manqué de temps avant de prouver un optimum',
  isUnbounded: 'le modèle est non borné',
  impossibleOnPaper: 'Impossible déjà sur le papier\u00a0:',
  conflictHeading: (conflicts) => `${conflicts === 1 ? 'Cette contrainte ne peut pas être respectée' : 'Ces contraintes sont incompatibles'}${conflicts > 1 ? ' (en retirer une seule suffit pour respecter les autres)' : ''}\u00a0:`,
  toFix: 'Pour y remédier, au choix\u00a0:',
  unknownDistance: 'une distance inconnue',
  policyHead: (name, label) => `pondération ${name}${label === undefined ? '' : ` (${label})`}`,
  customWeights: (policy) => `poids de --weights (à la place de ceux de la ${policy})`,
  weights: 'Poids\u00a0: ',
  formula: 'Formule de la note\u00a0: ',
  optimumBy: (proven, engine, meanScore) => `${proven ? 'Optimum prouvé' : 'Optimum'} par ${engine}${meanScore === undefined ? '' : `\u00a0; note moyenne pondérée par les euros\u00a0: ${meanScore}`}`,
  columns: { rank: 'Rang', id: 'Id', name: 'Nom', region: 'Région', score: 'Note', grant: 'Subvention', shareOfRequest: '% dem.', note: 'Remarque', reviews: 'Rapporteurs' },
  nothingFor: (others) => `(${count(others, 'candidat ne reçoit', 'candidats ne reçoivent')} rien\u00a0; --all les liste)`,
  reviewsLegend: 'Rapporteurs\u00a0: nombre de rapporteurs, ↕ écart entre leurs propres notes finales en points, ⚑ au-delà du seuil de désaccord du scénario, ⊘ conflits d’intérêts exclus.',
  envelope: (spent, total, allSpent) => `Enveloppe  ${spent} sur ${total}${allSpent ? '  ● toute dépensée' : ''}`,
  yearSpent: (spent, ceiling) => `${spent} sur ${ceiling}`,
  laureates: (laureates, max) => `Lauréats   ${laureates} sur ${max} au plus`,
  gap: (gap, formatted) => `Écart      ${gap === 0 ? '0\u00a0% (optimum prouvé)' : `à moins de ${formatted} du meilleur objectif possible (prouvé)`}`,
  byRegion: 'Par région',
  regionLaureates: (laureates) => count(laureates, 'lauréat'),
  rulesHeading: 'Règles (● saturée\u00a0: la règle retient la répartition)',
  quietRules: (groups) => `(${count(groups, 'autre groupe respecte', 'autres groupes respectent')} sa règle avec de la marge et ne reçoi${groups > 1 ? 'vent' : 't'} rien)`,
  lockedIn: 'retenu d’office',
  lockedOut: 'écarté d’office',
  belowFloor: 'demande < plancher',
  ties: (rule) => `Ex aequo\u00a0: ${rule}.`,
  noOtherOptimum: 'Aucune autre répartition optimale ne finance un autre candidat.',
  lottery: (seed, band, line, drawn) =>
    `Tirage au sort\u00a0: graine «\u00a0${seed}\u00a0», bande de ${n().decimal(band, 2)} point(s) autour de la ligne de financement (note ${n().decimal(line, 2)})\u00a0; ${count(drawn, 'candidat')} au tirage, dans l’ordre tiré\u00a0:`,
  ticket: (score, ticket, funded) => `note ${n().decimal(score, 2)}  ticket ${ticket}…  ${funded ? 'financé' : 'non financé'}`,
  moreTickets: (more) => `(${more} de plus\u00a0; --json les liste tous)`,
  valid: (path) => `${path}\u00a0: le scénario et son fichier de candidats sont valides`,
  candidatesFrom: (candidates, file) => `${count(candidates, 'candidat')} lus dans ${file}`,
  envelopeLine: (total, years) => `enveloppe ${total}${years}`,
  yearCeiling: (year, ceiling) => `${year}\u00a0: ${ceiling}`,
  aggregate: (rule) => AGGREGATES[rule] ?? rule,
  grantsLine: (min, max, step, laureatesMin, laureatesMax) => `subventions de ${min} (plancher) à ${max} (plafond) par pas de ${step}\u00a0; de ${laureatesMin} à ${laureatesMax} lauréats`,
  criteriaLine: (criteria, names) => `${count(criteria, 'critère')}\u00a0: ${names}`,
  policiesLine: (policies, names) => `${count(policies, 'pondération')}\u00a0: ${names}`,
  rulesLine: (rules, locks) => `${count(rules, 'règle')}, ${count(locks, 'verrou')}`,
  reviewsLine: (reviews, reviewers, file, conflicts, aggregate, severity) =>
    `${count(reviews, 'note')} de ${count(reviewers, 'rapporteur')} lues dans ${file} (${count(conflicts, 'conflit')} d’intérêts ${n().plural(conflicts, { one: 'exclu', other: 'exclus' })})\u00a0; critères = ${aggregate}${severity ? ' corrigée de la sévérité' : ''} des notes`,
  feasible: 'faisable\u00a0: une répartition respecte toutes les règles',
  feasibilityUnknown: (status) => `faisabilité inconnue (${STATUS[status] ?? status})`,
};
