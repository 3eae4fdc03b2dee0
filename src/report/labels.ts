/**
 * The report's words: one table with both languages side by side, French (the default: officers'
 * words, lauréat, enveloppe, plafond, règle) and English. The words' type comes from the table, so
 * that a text missing in either language is a compile error.
 */
import { inLanguage, type InBoth, type WordsOf } from '../domain/lang.js';
import type { Lock } from '../domain/types.js';
import { frenchPoints } from '../domain/numbers.js';

const ENGINES: Readonly<Record<string, string>> = { jslp: 'javascript-lp-solver', highs: 'HiGHS' };

/** An engine's name as printed: `javascript-lp-solver`, `HiGHS`. */
export function engineName(engine: string): string {
  return ENGINES[engine] ?? engine;
}

const LABELS = {
  title: { en: 'Report to the steering committee', fr: 'Rapport au comité de pilotage' },
  running: { en: 'Report to the committee', fr: 'Rapport au comité' },
  page: { en: 'Page', fr: 'Page' },
  of: { en: 'of', fr: 'sur' },
  generated: { en: (version: string) => `Prepared with enveloppe ${version}.`, fr: (version: string) => `Établi avec enveloppe ${version}.` },
  contents: { en: 'Contents', fr: 'Sommaire' },
  // The call
  call: { en: 'The call for projects and its envelope', fr: "L'appel à projets et son enveloppe" },
  envelope: { en: 'Envelope', fr: 'Enveloppe totale' },
  yearCeiling: { en: (year: string) => `Ceiling for ${year}`, fr: (year: string) => `Plafond de l'exercice ${year}` },
  grantFloor: { en: 'Smallest grant (floor)', fr: 'Subvention minimale (plancher)' },
  grantCap: { en: 'Largest grant (cap)', fr: 'Subvention maximale (plafond)' },
  grantStep: { en: 'Grant step', fr: 'Pas des subventions' },
  grantNote: { en: 'A grant never exceeds the amount requested; an application asking less than the floor cannot be funded.', fr: 'Une subvention ne dépasse jamais le montant demandé\u00a0; un dossier dont la demande est sous le plancher ne peut pas être financé.' },
  laureates: { en: 'Laureates', fr: 'Lauréats' },
  laureateBounds: { en: (min: number, max: number) => (min > 0 ? `${min} to ${max}` : `at most ${max}`), fr: (min: number, max: number) => (min > 0 ? `de ${min} à ${max}` : `${max} au plus`) },
  candidates: { en: 'Admissible applications', fr: 'Dossiers recevables' },
  locks: { en: 'Decisions imposed', fr: 'Décisions imposées' },
  lock: { en: (lock: Lock): string => (lock === 'funded' ? 'locked in' : 'locked out'), fr: (lock: Lock): string => (lock === 'funded' ? 'retenu d’office' : 'écarté d’office') },
  noLock: { en: 'none', fr: 'aucune' },
  // The policy
  policy: { en: 'The weighting', fr: 'La pondération' },
  criterion: { en: 'Criterion', fr: 'Critère' },
  column: { en: 'Column', fr: 'Colonne' },
  scale: { en: 'Scale', fr: 'Barème' },
  rawWeight: { en: 'Weight given', fr: 'Poids donné' },
  weight: { en: 'Normalised weight', fr: 'Poids normalisé' },
  replacedWeights: { en: "This policy's weights were replaced (--weights or the simulator): the weights below apply.", fr: 'Les poids de cette politique ont été remplacés (option --weights ou simulateur)\u00a0: ce sont les poids ci-dessous qui s’appliquent.' },
  formula: { en: 'Score formula', fr: 'Formule de note' },
  returns: { en: 'Diminishing returns', fr: 'Rendements décroissants' },
  returnTier: { en: (share: string, value: string) => `up to ${share} of the request: ${value} per euro`, fr: (share: string, value: string) => `jusqu’à ${share} de la demande\u00a0: ${value} par euro` },
  noReturns: { en: 'every euro counts the same', fr: 'chaque euro compte autant' },
  // Summary
  summary: { en: 'The result at a glance', fr: 'Le résultat en bref' },
  spent: { en: 'Granted', fr: 'Montant attribué' },
  spentOf: { en: (spent: string, total: string) => `${spent} of ${total}`, fr: (spent: string, total: string) => `${spent} sur ${total}` },
  left: { en: 'Left over', fr: 'Reste non attribué' },
  laureateCount: { en: (count: number, max: number) => `${count} (at most ${max})`, fr: (count: number, max: number) => `${count} (au plus ${max})` },
  optimum: { en: 'Optimum', fr: 'Optimum' },
  optimumText: { en: (engine: string, objective: string) => `proven by ${engine}; objective ${objective} (sum of score × euros granted)`, fr: (engine: string, objective: string) => `prouvé par ${engine}\u00a0; valeur de l’objectif ${objective} (somme des notes × euros attribués)` },
  notes: { en: 'Notes from the solve', fr: 'Remarques du calcul' },
  // Allocation table
  allocation: { en: 'The allocation', fr: 'La répartition' },
  allocationIntro: { en: 'Laureates first, by grant, then the other applications by score. The rank is the rank of the score.', fr: 'Lauréats d’abord, par montant attribué, puis les autres dossiers par note. Le rang est celui de la note.' },
  rank: { en: 'Rank', fr: 'Rang' },
  id: { en: 'Id', fr: 'Id' },
  name: { en: 'Name', fr: 'Nom' },
  region: { en: 'Region', fr: 'Région' },
  score: { en: 'Score', fr: 'Note' },
  grant: { en: 'Grant', fr: 'Subvention' },
  request: { en: 'Request', fr: 'Demande' },
  shareOfRequest: { en: 'Share of request', fr: 'Part de la demande' },
  total: { en: 'Total', fr: 'Total' },
  laureatesHeading: { en: (count: number) => `Laureates (${count})`, fr: (count: number) => `Lauréats (${count})` },
  othersHeading: { en: (count: number) => `Not funded (${count})`, fr: (count: number) => `Dossiers non financés (${count})` },
  belowFloorTag: { en: 'asks < floor', fr: 'demande < plancher' },
  // Charts
  charts: { en: 'Spend by region and by year', fr: 'Dépenses par région et par exercice' },
  byRegion: { en: 'Granted by region', fr: 'Montant attribué par région' },
  byYear: { en: 'Granted by year', fr: 'Montant attribué par exercice' },
  granted: { en: 'granted', fr: 'attribué' },
  ceiling: { en: "the year's ceiling", fr: 'plafond de l’exercice' },
  ruleMax: { en: 'cap set by a rule', fr: 'plafond fixé par une règle' },
  regionText: { en: (amount: string, laureates: number) => `${amount} (${laureates} laureate${laureates > 1 ? 's' : ''})`, fr: (amount: string, laureates: number) => `${amount} (${laureates} lauréat${laureates > 1 ? 's' : ''})` },
  yearText: { en: (spent: string, ceiling: string) => `${spent} of ${ceiling}`, fr: (spent: string, ceiling: string) => `${spent} sur ${ceiling}` },
  otherRegions: { en: (count: number) => `${count} other region${count > 1 ? 's' : ''}: no laureate.`, fr: (count: number) => `${count} autre${count > 1 ? 's' : ''} région${count > 1 ? 's' : ''}\u00a0: aucun lauréat.` },
  // Rules
  rules: { en: "The funder's rules", fr: 'Les règles du financeur' },
  rulesIntro: { en: 'A rule binds when its group sits exactly on one of its bounds: it then holds the allocation back.', fr: 'Une règle est saturée quand le groupe atteint exactement une de ses bornes\u00a0: elle retient alors la répartition.' },
  rule: { en: 'Rule', fr: 'Règle' },
  group: { en: 'Group', fr: 'Groupe' },
  measure: { en: (measure: 'share' | 'amount' | 'count') => ({ share: 'share of the envelope', amount: 'amount', count: 'laureates' })[measure], fr: (measure: 'share' | 'amount' | 'count') => ({ share: 'part de l’enveloppe', amount: 'montant', count: 'nombre de lauréats' })[measure] },
  measureHeading: { en: 'Measure', fr: 'Mesure' },
  bound: { en: 'Bound', fr: 'Borne' },
  value: { en: 'Value', fr: 'Valeur' },
  binds: { en: 'Binds', fr: 'Saturée' },
  binding: { en: '● yes', fr: '● oui' },
  notBinding: { en: 'no', fr: 'non' },
  noRules: { en: 'The scenario sets no rule.', fr: 'Le scénario ne fixe aucune règle.' },
  // Ties
  ties: { en: 'Ties and lottery', fr: 'Ex aequo et tirage au sort' },
  tieBand: { en: 'Tie band', fr: 'Bande d’égalité' },
  tiebreak: { en: 'Tie-break', fr: 'Départage' },
  noTie: { en: 'No tie at the funding line.', fr: 'Aucun ex aequo à la ligne de financement.' },
  noTieFields: { en: 'The solve reports no tie band and no lottery.', fr: 'Le calcul ne signale pas de bande d’égalité ni de tirage au sort.' },
  sameScore: { en: (score: string, funded: string, out: string) => `Same score (${score}) on both sides of the line: ${funded} funded, ${out} not.`, fr: (score: string, funded: string, out: string) => `Même note (${score}) de part et d’autre de la ligne\u00a0: ${funded} financé${funded.includes(',') ? 's' : ''}, ${out} non.` },
  tieRule: {
    en: (lottery: boolean): string =>
      lottery
        ? 'Tie-break rule, applied inside the model: among optimal allocations, the higher score first, then the order of the lottery (ticket = SHA-256 of "seed:id", lower first).'
        : 'Tie-break rule, applied inside the model: among optimal allocations, the higher score first, then the smaller request, then the earlier row of the candidates file.',
    fr: (lottery: boolean): string =>
      lottery
        ? 'Règle de départage, appliquée dans le modèle\u00a0: parmi les répartitions optimales, la note la plus haute d’abord, puis l’ordre du tirage au sort (ticket = SHA-256 de «\u00a0graine:id\u00a0», le plus petit d’abord).'
        : 'Règle de départage, appliquée dans le modèle\u00a0: parmi les répartitions optimales, la note la plus haute d’abord, puis la demande la plus faible, puis la ligne la plus haute du fichier des candidats.',
  },
  tieExact: { en: (gains: string, loses: string) => `${gains} and ${loses} are tied: another allocation of the same value would fund ${gains} instead of ${loses}; the rule funds ${loses}.`, fr: (gains: string, loses: string) => `${gains} et ${loses} sont ex aequo\u00a0: une autre répartition de même valeur financerait ${gains} à la place de ${loses}\u00a0; la règle finance ${loses}.` },
  tieNear: { en: (gains: string, loses: string, loss: string) => `${gains} could be funded instead of ${loses} for ${loss} less value; the optimum funds ${loses}.`, fr: (gains: string, loses: string, loss: string) => `${gains} pourrait être financé à la place de ${loses} pour ${loss} de valeur en moins\u00a0; l’optimum finance ${loses}.` },
  lotteryDrawn: { en: (seed: string, band: number, line: string, count: number) => `Lottery, seed "${seed}", band of ${band.toFixed(2)} point(s) around the line (score ${line}): ${count} candidate${count > 1 ? 's' : ''} in the draw, in drawn order.`, fr: (seed: string, band: number, line: string, count: number) => `Tirage au sort, graine «\u00a0${seed}\u00a0», bande de ${frenchPoints(band)} autour de la ligne (note ${line})\u00a0: ${count} candidat${count > 1 ? 's' : ''} dans le tirage, dans l’ordre tiré.` },
  ticket: { en: 'Ticket', fr: 'Ticket' },
  reviewsUnder: { en: (count: number, range: string, flag: boolean) => `${count} rev. · range ${range}${flag ? ' ⚑' : ''}`, fr: (count: number, range: string, flag: boolean) => `${count} rapp. · écart ${range}${flag ? ' ⚑' : ''}` },
  reviewsLegend: { en: (threshold: string) => `Under the score: the number of reviewers (not in conflict of interest) and the range of their own final scores, in points; ⚑ marks a strong disagreement (a range above ${threshold} points).`, fr: (threshold: string) => `Sous la note\u00a0: le nombre de rapporteurs (hors conflit d’intérêts) et l’écart entre leurs propres notes finales, en points\u00a0; ⚑ signale un désaccord fort (écart de plus de ${threshold} points).` },
  fundedWord: { en: 'funded', fr: 'financé' },
  notFundedWord: { en: 'not funded', fr: 'non financé' },
  // Funding line
  line: { en: 'Near the funding line', fr: 'Au voisinage de la ligne de financement' },
  lineIntro: { en: (last: string, score: string) => `The last funded and the first left out, by score. The last funded is ${last} (score ${score}).`, fr: (last: string, score: string) => `Les derniers financés et les premiers non financés, par note. Le dernier financé est ${last} (note ${score}).` },
  noLaureate: { en: 'No application is funded.', fr: 'Aucun dossier n’est financé.' },
  gap: { en: 'Gap', fr: 'Écart' },
  status: { en: 'Status', fr: 'Statut' },
  fundedStatus: { en: 'funded', fr: 'financé' },
  outStatus: { en: 'not funded', fr: 'non financé' },
  why: { en: 'Why', fr: 'Pourquoi' },
  reasonLocked: { en: (lock: Lock): string => (lock === 'funded' ? 'locked in by the scenario' : 'locked out by the scenario'), fr: (lock: Lock): string => (lock === 'funded' ? 'retenu d’office par le scénario' : 'écarté d’office par le scénario') },
  reasonFloor: { en: (request: string, floor: string) => `asks ${request}, below the floor of ${floor}: cannot be funded`, fr: (request: string, floor: string) => `demande ${request}, sous le plancher de ${floor}\u00a0: ne peut pas être financé` },
  reasonScore: { en: (gap: string, above: boolean, last: string, many: boolean) => `score ${gap} point${many ? 's' : ''} ${above ? 'above' : 'below'} ${last}, the last funded`, fr: (gap: string, above: boolean, last: string, many: boolean) => `note ${above ? 'supérieure' : 'inférieure'} de ${gap} point${many ? 's' : ''} à celle de ${last}, dernier financé` },
  reasonSameScore: { en: (last: string) => `same score as ${last}, the last funded (a tie)`, fr: (last: string) => `même note que ${last}, dernier financé (ex aequo)` },
  reasonRule: { en: (label: string, group: string, value: string, bound: string) => `binding rule "${label}" (${group}): ${value}, bound ${bound}`, fr: (label: string, group: string, value: string, bound: string) => `règle saturée « ${label} » (${group})\u00a0: ${value}, borne ${bound}` },
  reasonEnvelope: { en: (left: string) => `envelope spent: ${left} left, less than the floor`, fr: (left: string) => `enveloppe épuisée\u00a0: reste ${left}, moins que le plancher` },
  reasonLaureates: { en: (max: number) => `the most laureates allowed (${max}) are funded`, fr: (max: number) => `nombre maximal de lauréats atteint (${max})` },
  reasonPartial: { en: (share: string) => `funded at ${share} of its request`, fr: (share: string) => `financé à ${share} de sa demande` },
  reasonLast: { en: 'the last funded: the line passes below it', fr: 'dernier financé\u00a0: la ligne passe sous ce dossier' },
  reasonTradeOff: { en: 'the optimum prefers other applications: each euro is worth score × euro there, under the rules above', fr: 'l’optimum préfère d’autres dossiers\u00a0: chaque euro y vaut note × euro, et les règles ci-dessus s’appliquent' },
  // Comparison
  comparison: { en: 'The weightings compared', fr: 'Comparaison des pondérations' },
  comparisonIntro: { en: (policies: string) => `The same envelope shared under ${policies}. Only applications funded at least once are listed.`, fr: (policies: string) => `La même enveloppe répartie selon ${policies}. Seuls les dossiers financés au moins une fois sont listés.` },
  change: { en: 'Change', fr: 'Écart' },
  rankChange: { en: 'Rank', fr: 'Rang' },
  newcomer: { en: 'enters', fr: 'entre' },
  leaver: { en: 'leaves', fr: 'sort' },
  pair: { en: (a: string, b: string, common: number, moved: string) => `From ${a} to ${b}: ${common} laureates in common, ${moved} change hands.`, fr: (a: string, b: string, common: number, moved: string) => `De ${a} à ${b}\u00a0: ${common} lauréats en commun, ${moved} changent de main.` },
  enter: { en: 'Enter', fr: 'Entrent' },
  leave: { en: 'Leave', fr: 'Sortent' },
  unchanged: { en: (count: number) => `${count} application${count > 1 ? 's are' : ' is'} funded under no weighting.`, fr: (count: number) => `${count} dossier${count > 1 ? 's' : ''} ne sont financés par aucune pondération.` },
  // Robustness
  robustness: { en: 'How robust each decision is', fr: 'Robustesse des décisions' },
  robustnessIntro: { en: (solved: number, samples: number, policy: string, spread: string, seed: number, uniform: boolean) => `${solved} of ${samples} weightings drawn ${uniform ? 'uniformly' : `around "${policy}" (spread ${spread})`}, seed ${seed}: the same seed gives the same draws. For each application, the share of draws that fund it.`, fr: (solved: number, samples: number, policy: string, spread: string, seed: number, uniform: boolean) => `${solved} pondérations sur ${samples} tirées ${uniform ? 'uniformément' : `autour de « ${policy} » (dispersion ${spread})`}, graine ${seed}\u00a0: la même graine redonne les mêmes tirages. Pour chaque dossier, la part des tirages où il est financé.` },
  probability: { en: 'Funded', fr: 'Financé' },
  meanGrant: { en: 'Mean grant', fr: 'Subvention moyenne' },
  range: { en: '5 % to 95 %', fr: 'De 5 % à 95 %' },
  fundingClass: { en: 'Class', fr: 'Classe' },
  classes: { en: { always: 'always', often: 'often', sometimes: 'sometimes', never: 'never' }, fr: { always: 'toujours', often: 'souvent', sometimes: 'parfois', never: 'jamais' } },
  classNote: { en: 'always = in every draw; often = in half of them or more; sometimes = at least once.', fr: 'toujours = dans chaque tirage\u00a0; souvent = dans la moitié au moins\u00a0; parfois = au moins une fois.' },
  never: { en: (count: number) => `${count} application${count > 1 ? 's are' : ' is'} never funded.`, fr: (count: number) => `${count} dossier${count > 1 ? 's ne sont' : ' n’est'} jamais financé${count > 1 ? 's' : ''}.` },
  // Trace
  trace: { en: 'Traceability: the decision record', fr: 'Traçabilité\u00a0: le registre de décision' },
  traceIntro: { en: 'The SHA-256 fingerprints of the input files and of the allocation tie this report to its data.', fr: 'Les empreintes SHA-256 des fichiers d’entrée et de la répartition permettent de vérifier que ce rapport correspond à ces données.' },
  file: { en: 'File', fr: 'Fichier' },
  role: { en: (role: 'scenario' | 'candidates'): string => (role === 'scenario' ? 'scenario' : 'applications (CSV)'), fr: (role: 'scenario' | 'candidates'): string => (role === 'scenario' ? 'scénario' : 'dossiers (CSV)') },
  allocationHash: { en: 'Allocation (the solve --json document)', fr: 'Répartition (document JSON de solve --json)' },
  record: { en: 'Decision record', fr: 'Registre de décision' },
  recordDate: { en: 'Date of the record', fr: 'Date du registre' },
  verifyWith: { en: 'To check that the record reproduces byte for byte:', fr: 'Pour vérifier que le registre se reproduit octet pour octet :' },
  makeRecord: { en: 'To write the decision record of this allocation, then check it:', fr: 'Pour écrire le registre de décision de cette répartition, puis le vérifier :' },
  fromSimulator: { en: 'Written from the simulator: the fingerprints describe the files as saved; a change to the envelope, the rules or the locks made in the simulator and not saved is not in them, and the command below does not reproduce it.', fr: 'Rapport établi depuis le simulateur\u00a0: les empreintes décrivent les fichiers tels qu’ils sont enregistrés\u00a0; une modification de l’enveloppe, des règles ou des verrouillages faite dans le simulateur et non enregistrée n’y figure pas, et la commande ci-dessous ne la reproduit pas.' },
  versions: { en: 'Versions', fr: 'Versions' },
  signature: { en: 'SHA-256', fr: 'Empreinte SHA-256' },
  engineName: { en: (engine: string) => engineName(engine), fr: (engine: string) => engineName(engine) },
} satisfies InBoth;

/** The report's words in one language. */
export type Labels = WordsOf<typeof LABELS>;

/** The report's words in English. */
export const en: Labels = inLanguage(LABELS, 'en');
/** The report's words in French, the default. */
export const fr: Labels = inLanguage(LABELS, 'fr');
