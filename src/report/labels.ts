/** The report's words in French (the default, for French funders) and in English. */
import type { FundingClass } from '../analysis/robustness.js';
import type { Lock } from '../domain/types.js';
import type { ReportLanguage } from './types.js';

export interface Labels {
  readonly title: string;
  readonly running: string;
  readonly page: string;
  readonly of: string;
  readonly generated: (version: string) => string;
  readonly contents: string;
  // The call
  readonly call: string;
  readonly envelope: string;
  readonly yearCeiling: (year: string) => string;
  readonly grantFloor: string;
  readonly grantCap: string;
  readonly grantStep: string;
  readonly grantNote: string;
  readonly laureates: string;
  readonly laureateBounds: (min: number, max: number) => string;
  readonly candidates: string;
  readonly locks: string;
  readonly lock: (lock: Lock) => string;
  readonly noLock: string;
  // The policy
  readonly policy: string;
  readonly criterion: string;
  readonly column: string;
  readonly scale: string;
  readonly rawWeight: string;
  readonly weight: string;
  readonly replacedWeights: string;
  readonly formula: string;
  readonly returns: string;
  readonly returnTier: (share: string, value: string) => string;
  readonly noReturns: string;
  // Summary
  readonly summary: string;
  readonly spent: string;
  readonly spentOf: (spent: string, total: string) => string;
  readonly left: string;
  readonly laureateCount: (count: number, max: number) => string;
  readonly optimum: string;
  readonly optimumText: (engine: string, objective: string) => string;
  readonly notes: string;
  // Allocation table
  readonly allocation: string;
  readonly allocationIntro: string;
  readonly rank: string;
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly score: string;
  readonly grant: string;
  readonly request: string;
  readonly shareOfRequest: string;
  readonly total: string;
  readonly laureatesHeading: (count: number) => string;
  readonly othersHeading: (count: number) => string;
  readonly belowFloorTag: string;
  // Charts
  readonly charts: string;
  readonly byRegion: string;
  readonly byYear: string;
  readonly granted: string;
  readonly ceiling: string;
  readonly ruleMax: string;
  readonly regionText: (amount: string, laureates: number) => string;
  readonly yearText: (spent: string, ceiling: string) => string;
  readonly otherRegions: (count: number) => string;
  // Rules
  readonly rules: string;
  readonly rulesIntro: string;
  readonly rule: string;
  readonly group: string;
  readonly measure: (measure: 'share' | 'amount' | 'count') => string;
  readonly measureHeading: string;
  readonly bound: string;
  readonly value: string;
  readonly binds: string;
  readonly binding: string;
  readonly notBinding: string;
  readonly noRules: string;
  // Ties
  readonly ties: string;
  readonly tieBand: string;
  readonly tiebreak: string;
  readonly noTie: string;
  readonly noTieFields: string;
  readonly sameScore: (score: string, funded: string, out: string) => string;
  readonly tieRule: (lottery: boolean) => string;
  readonly tieExact: (gains: string, loses: string) => string;
  readonly tieNear: (gains: string, loses: string, loss: string) => string;
  readonly lotteryDrawn: (seed: string, band: string, line: string, count: number) => string;
  readonly ticket: string;
  readonly reviewsUnder: (count: number, range: string, flag: boolean) => string;
  readonly reviewsLegend: (threshold: string) => string;
  readonly fundedWord: string;
  readonly notFundedWord: string;
  // Funding line
  readonly line: string;
  readonly lineIntro: (last: string, score: string) => string;
  readonly noLaureate: string;
  readonly gap: string;
  readonly status: string;
  readonly fundedStatus: string;
  readonly outStatus: string;
  readonly why: string;
  readonly reasonLocked: (lock: Lock) => string;
  readonly reasonFloor: (request: string, floor: string) => string;
  readonly reasonScore: (gap: string, above: boolean, last: string, many: boolean) => string;
  readonly reasonSameScore: (last: string) => string;
  readonly reasonRule: (label: string, group: string, value: string, bound: string) => string;
  readonly reasonEnvelope: (left: string) => string;
  readonly reasonLaureates: (max: number) => string;
  readonly reasonPartial: (share: string) => string;
  readonly reasonLast: string;
  readonly reasonTradeOff: string;
  // Comparison
  readonly comparison: string;
  readonly comparisonIntro: (policies: string) => string;
  readonly change: string;
  readonly rankChange: string;
  readonly newcomer: string;
  readonly leaver: string;
  readonly pair: (a: string, b: string, common: number, moved: string) => string;
  readonly enter: string;
  readonly leave: string;
  readonly unchanged: (count: number) => string;
  // Robustness
  readonly robustness: string;
  readonly robustnessIntro: (solved: number, samples: number, policy: string, spread: string, seed: number, uniform: boolean) => string;
  readonly probability: string;
  readonly meanGrant: string;
  readonly range: string;
  readonly fundingClass: string;
  readonly classes: Readonly<Record<FundingClass, string>>;
  readonly classNote: string;
  readonly never: (count: number) => string;
  // Trace
  readonly trace: string;
  readonly traceIntro: string;
  readonly file: string;
  readonly role: (role: 'scenario' | 'candidates') => string;
  readonly allocationHash: string;
  readonly record: string;
  readonly recordDate: string;
  readonly verifyWith: string;
  readonly makeRecord: string;
  readonly fromSimulator: string;
  readonly versions: string;
  readonly signature: string;
  readonly engineName: (engine: string) => string;
}

const ENGINES: Record<string, string> = { jslp: 'javascript-lp-solver', highs: 'HiGHS' };

const fr: Labels = {
  title: 'Rapport au comité de pilotage',
  running: 'Rapport au comité',
  page: 'Page',
  of: 'sur',
  generated: (version) => `Établi avec enveloppe ${version}.`,
  contents: 'Sommaire',
  call: "L'appel à projets et son enveloppe",
  envelope: 'Enveloppe totale',
  yearCeiling: (year) => `Plafond de l'exercice ${year}`,
  grantFloor: 'Subvention minimale (plancher)',
  grantCap: 'Subvention maximale (plafond)',
  grantStep: 'Pas des subventions',
  grantNote: 'Une subvention ne dépasse jamais le montant demandé\u00a0; un dossier dont la demande est sous le plancher ne peut pas être financé.',
  laureates: 'Lauréats',
  laureateBounds: (min, max) => (min > 0 ? `de ${min} à ${max}` : `${max} au plus`),
  candidates: 'Dossiers recevables',
  locks: 'Décisions imposées',
  lock: (lock) => (lock === 'funded' ? 'retenu d’office' : 'écarté d’office'),
  noLock: 'aucune',
  policy: 'La pondération',
  criterion: 'Critère',
  column: 'Colonne',
  scale: 'Barème',
  rawWeight: 'Poids donné',
  weight: 'Poids normalisé',
  replacedWeights: 'Les poids de cette politique ont été remplacés (option --weights ou simulateur)\u00a0: ce sont les poids ci-dessous qui s’appliquent.',
  formula: 'Formule de note',
  returns: 'Rendements décroissants',
  returnTier: (share, value) => `jusqu’à ${share} de la demande\u00a0: ${value} par euro`,
  noReturns: 'chaque euro compte autant',
  summary: 'Le résultat en bref',
  spent: 'Montant attribué',
  spentOf: (spent, total) => `${spent} sur ${total}`,
  left: 'Reste non attribué',
  laureateCount: (count, max) => `${count} (au plus ${max})`,
  optimum: 'Optimum',
  optimumText: (engine, objective) => `prouvé par ${engine}\u00a0; valeur de l’objectif ${objective} (somme des notes × euros attribués)`,
  notes: 'Remarques du calcul',
  allocation: 'La répartition',
  allocationIntro: 'Lauréats d’abord, par montant attribué, puis les autres dossiers par note. Le rang est celui de la note.',
  rank: 'Rang',
  id: 'Id',
  name: 'Nom',
  region: 'Région',
  score: 'Note',
  grant: 'Subvention',
  request: 'Demande',
  shareOfRequest: 'Part de la demande',
  total: 'Total',
  laureatesHeading: (count) => `Lauréats (${count})`,
  othersHeading: (count) => `Dossiers non financés (${count})`,
  belowFloorTag: 'demande < plancher',
  charts: 'Dépenses par région et par exercice',
  byRegion: 'Montant attribué par région',
  byYear: 'Montant attribué par exercice',
  granted: 'attribué',
  ceiling: 'plafond de l’exercice',
  ruleMax: 'plafond fixé par une règle',
  regionText: (amount, laureates) => `${amount} (${laureates} lauréat${laureates > 1 ? 's' : ''})`,
  yearText: (spent, ceiling) => `${spent} sur ${ceiling}`,
  otherRegions: (count) => `${count} autre${count > 1 ? 's' : ''} région${count > 1 ? 's' : ''}\u00a0: aucun lauréat.`,
  rules: 'Les règles du financeur',
  rulesIntro: 'Une règle est saturée quand le groupe atteint exactement une de ses bornes\u00a0: elle retient alors la répartition.',
  rule: 'Règle',
  group: 'Groupe',
  measure: (measure) => ({ share: 'part de l’enveloppe', amount: 'montant', count: 'nombre de lauréats' })[measure],
  measureHeading: 'Mesure',
  bound: 'Borne',
  value: 'Valeur',
  binds: 'Saturée',
  binding: '● oui',
  notBinding: 'non',
  noRules: 'Le scénario ne fixe aucune règle.',
  ties: 'Ex aequo et tirage au sort',
  tieBand: 'Bande d’égalité',
  tiebreak: 'Départage',
  noTie: 'Aucun ex aequo à la ligne de financement.',
  noTieFields: 'Le calcul ne signale pas de bande d’égalité ni de tirage au sort.',
  sameScore: (score, funded, out) => `Même note (${score}) de part et d’autre de la ligne\u00a0: ${funded} financé${funded.includes(',') ? 's' : ''}, ${out} non.`,
  tieRule: (lottery) =>
    lottery
      ? 'Règle de départage, appliquée dans le modèle\u00a0: parmi les répartitions optimales, la note la plus haute d’abord, puis l’ordre du tirage au sort (ticket = SHA-256 de «\u00a0graine:id\u00a0», le plus petit d’abord).'
      : 'Règle de départage, appliquée dans le modèle\u00a0: parmi les répartitions optimales, la note la plus haute d’abord, puis la demande la plus faible, puis la ligne la plus haute du fichier des candidats.',
  tieExact: (gains, loses) => `${gains} et ${loses} sont ex aequo\u00a0: une autre répartition de même valeur financerait ${gains} à la place de ${loses}\u00a0; la règle finance ${loses}.`,
  tieNear: (gains, loses, loss) => `${gains} pourrait être financé à la place de ${loses} pour ${loss} de valeur en moins\u00a0; l’optimum finance ${loses}.`,
  lotteryDrawn: (seed, band, line, count) => `Tirage au sort, graine «\u00a0${seed}\u00a0», bande de ${band} point(s) autour de la ligne (note ${line})\u00a0: ${count} candidat${count > 1 ? 's' : ''} dans le tirage, dans l’ordre tiré.`,
  ticket: 'Ticket',
  reviewsUnder: (count, range, flag) => `${count} rapp. · écart ${range}${flag ? ' ⚑' : ''}`,
  reviewsLegend: (threshold) => `Sous la note\u00a0: le nombre de rapporteurs (hors conflit d’intérêts) et l’écart entre leurs propres notes finales, en points\u00a0; ⚑ signale un désaccord fort (écart de plus de ${threshold} points).`,
  fundedWord: 'financé',
  notFundedWord: 'non financé',
  line: 'Au voisinage de la ligne de financement',
  lineIntro: (last, score) => `Les derniers financés et les premiers non financés, par note. Le dernier financé est ${last} (note ${score}).`,
  noLaureate: 'Aucun dossier n’est financé.',
  gap: 'Écart',
  status: 'Statut',
  fundedStatus: 'financé',
  outStatus: 'non financé',
  why: 'Pourquoi',
  reasonLocked: (lock) => (lock === 'funded' ? 'retenu d’office par le scénario' : 'écarté d’office par le scénario'),
  reasonFloor: (request, floor) => `demande ${request}, sous le plancher de ${floor}\u00a0: ne peut pas être financé`,
  reasonScore: (gap, above, last, many) => `note ${above ? 'supérieure' : 'inférieure'} de ${gap} point${many ? 's' : ''} à celle de ${last}, dernier financé`,
  reasonSameScore: (last) => `même note que ${last}, dernier financé (ex aequo)`,
  reasonRule: (label, group, value, bound) => `règle saturée « ${label} » (${group})\u00a0: ${value}, borne ${bound}`,
  reasonEnvelope: (left) => `enveloppe épuisée\u00a0: reste ${left}, moins que le plancher`,
  reasonLaureates: (max) => `nombre maximal de lauréats atteint (${max})`,
  reasonPartial: (share) => `financé à ${share} de sa demande`,
  reasonLast: 'dernier financé\u00a0: la ligne passe sous ce dossier',
  reasonTradeOff: 'l’optimum préfère d’autres dossiers\u00a0: chaque euro y vaut note × euro, et les règles ci-dessus s’appliquent',
  comparison: 'Comparaison des pondérations',
  comparisonIntro: (policies) => `La même enveloppe répartie selon ${policies}. Seuls les dossiers financés au moins une fois sont listés.`,
  change: 'Écart',
  rankChange: 'Rang',
  newcomer: 'entre',
  leaver: 'sort',
  pair: (a, b, common, moved) => `De ${a} à ${b}\u00a0: ${common} lauréats en commun, ${moved} changent de main.`,
  enter: 'Entrent',
  leave: 'Sortent',
  unchanged: (count) => `${count} dossier${count > 1 ? 's' : ''} ne sont financés par aucune pondération.`,
  robustness: 'Robustesse des décisions',
  robustnessIntro: (solved, samples, policy, spread, seed, uniform) => `${solved} pondérations sur ${samples} tirées ${uniform ? 'uniformément' : `autour de « ${policy} » (dispersion ${spread})`}, graine ${seed}\u00a0: la même graine redonne les mêmes tirages. Pour chaque dossier, la part des tirages où il est financé.`,
  probability: 'Financé',
  meanGrant: 'Subvention moyenne',
  range: 'De 5 % à 95 %',
  fundingClass: 'Classe',
  classes: { always: 'toujours', often: 'souvent', sometimes: 'parfois', never: 'jamais' },
  classNote: 'toujours = dans chaque tirage\u00a0; souvent = dans la moitié au moins\u00a0; parfois = au moins une fois.',
  never: (count) => `${count} dossier${count > 1 ? 's ne sont' : ' n’est'} jamais financé${count > 1 ? 's' : ''}.`,
  trace: 'Traçabilité\u00a0: le registre de décision',
  traceIntro: 'Les empreintes SHA-256 des fichiers d’entrée et de la répartition permettent de vérifier que ce rapport correspond à ces données.',
  file: 'Fichier',
  role: (role) => (role === 'scenario' ? 'scénario' : 'dossiers (CSV)'),
  allocationHash: 'Répartition (document JSON de solve --json)',
  record: 'Registre de décision',
  recordDate: 'Date du registre',
  verifyWith: 'Pour vérifier que le registre se reproduit octet pour octet :',
  makeRecord: 'Pour écrire le registre de décision de cette répartition, puis le vérifier :',
  fromSimulator: 'Rapport établi depuis le simulateur\u00a0: les empreintes décrivent les fichiers tels qu’ils sont enregistrés\u00a0; une modification de l’enveloppe, des règles ou des verrouillages faite dans le simulateur et non enregistrée n’y figure pas, et la commande ci-dessous ne la reproduit pas.',
  versions: 'Versions',
  signature: 'Empreinte SHA-256',
  engineName: (engine) => ENGINES[engine] ?? engine,
};

const en: Labels = {
  title: 'Report to the steering committee',
  running: 'Report to the committee',
  page: 'Page',
  of: 'of',
  generated: (version) => `Prepared with enveloppe ${version}.`,
  contents: 'Contents',
  call: 'The call for projects and its envelope',
  envelope: 'Envelope',
  yearCeiling: (year) => `Ceiling for ${year}`,
  grantFloor: 'Smallest grant (floor)',
  grantCap: 'Largest grant (cap)',
  grantStep: 'Grant step',
  grantNote: 'A grant never exceeds the amount requested; an application asking less than the floor cannot be funded.',
  laureates: 'Laureates',
  laureateBounds: (min, max) => (min > 0 ? `${min} to ${max}` : `at most ${max}`),
  candidates: 'Admissible applications',
  locks: 'Decisions imposed',
  lock: (lock) => (lock === 'funded' ? 'locked in' : 'locked out'),
  noLock: 'none',
  policy: 'The weighting',
  criterion: 'Criterion',
  column: 'Column',
  scale: 'Scale',
  rawWeight: 'Weight given',
  weight: 'Normalised weight',
  replacedWeights: "This policy's weights were replaced (--weights or the simulator): the weights below apply.",
  formula: 'Score formula',
  returns: 'Diminishing returns',
  returnTier: (share, value) => `up to ${share} of the request: ${value} per euro`,
  noReturns: 'every euro counts the same',
  summary: 'The result at a glance',
  spent: 'Granted',
  spentOf: (spent, total) => `${spent} of ${total}`,
  left: 'Left over',
  laureateCount: (count, max) => `${count} (at most ${max})`,
  optimum: 'Optimum',
  optimumText: (engine, objective) => `proven by ${engine}; objective ${objective} (sum of score × euros granted)`,
  notes: 'Notes from the solve',
  allocation: 'The allocation',
  allocationIntro: 'Laureates first, by grant, then the other applications by score. The rank is the rank of the score.',
  rank: 'Rank',
  id: 'Id',
  name: 'Name',
  region: 'Region',
  score: 'Score',
  grant: 'Grant',
  request: 'Request',
  shareOfRequest: 'Share of request',
  total: 'Total',
  laureatesHeading: (count) => `Laureates (${count})`,
  othersHeading: (count) => `Not funded (${count})`,
  belowFloorTag: 'asks < floor',
  charts: 'Spend by region and by year',
  byRegion: 'Granted by region',
  byYear: 'Granted by year',
  granted: 'granted',
  ceiling: "the year's ceiling",
  ruleMax: 'cap set by a rule',
  regionText: (amount, laureates) => `${amount} (${laureates} laureate${laureates > 1 ? 's' : ''})`,
  yearText: (spent, ceiling) => `${spent} of ${ceiling}`,
  otherRegions: (count) => `${count} other region${count > 1 ? 's' : ''}: no laureate.`,
  rules: "The funder's rules",
  rulesIntro: 'A rule binds when its group sits exactly on one of its bounds: it then holds the allocation back.',
  rule: 'Rule',
  group: 'Group',
  measure: (measure) => ({ share: 'share of the envelope', amount: 'amount', count: 'laureates' })[measure],
  measureHeading: 'Measure',
  bound: 'Bound',
  value: 'Value',
  binds: 'Binds',
  binding: '● yes',
  notBinding: 'no',
  noRules: 'The scenario sets no rule.',
  ties: 'Ties and lottery',
  tieBand: 'Tie band',
  tiebreak: 'Tie-break',
  noTie: 'No tie at the funding line.',
  noTieFields: 'The solve reports no tie band and no lottery.',
  sameScore: (score, funded, out) => `Same score (${score}) on both sides of the line: ${funded} funded, ${out} not.`,
  tieRule: (lottery) =>
    lottery
      ? 'Tie-break rule, applied inside the model: among optimal allocations, the higher score first, then the order of the lottery (ticket = SHA-256 of "seed:id", lower first).'
      : 'Tie-break rule, applied inside the model: among optimal allocations, the higher score first, then the smaller request, then the earlier row of the candidates file.',
  tieExact: (gains, loses) => `${gains} and ${loses} are tied: another allocation of the same value would fund ${gains} instead of ${loses}; the rule funds ${loses}.`,
  tieNear: (gains, loses, loss) => `${gains} could be funded instead of ${loses} for ${loss} less value; the optimum funds ${loses}.`,
  lotteryDrawn: (seed, band, line, count) => `Lottery, seed "${seed}", band of ${band} point(s) around the line (score ${line}): ${count} candidate${count > 1 ? 's' : ''} in the draw, in drawn order.`,
  ticket: 'Ticket',
  reviewsUnder: (count, range, flag) => `${count} rev. · range ${range}${flag ? ' ⚑' : ''}`,
  reviewsLegend: (threshold) => `Under the score: the number of reviewers (not in conflict of interest) and the range of their own final scores, in points; ⚑ marks a strong disagreement (a range above ${threshold} points).`,
  fundedWord: 'funded',
  notFundedWord: 'not funded',
  line: 'Near the funding line',
  lineIntro: (last, score) => `The last funded and the first left out, by score. The last funded is ${last} (score ${score}).`,
  noLaureate: 'No application is funded.',
  gap: 'Gap',
  status: 'Status',
  fundedStatus: 'funded',
  outStatus: 'not funded',
  why: 'Why',
  reasonLocked: (lock) => (lock === 'funded' ? 'locked in by the scenario' : 'locked out by the scenario'),
  reasonFloor: (request, floor) => `asks ${request}, below the floor of ${floor}: cannot be funded`,
  reasonScore: (gap, above, last, many) => `score ${gap} point${many ? 's' : ''} ${above ? 'above' : 'below'} ${last}, the last funded`,
  reasonSameScore: (last) => `same score as ${last}, the last funded (a tie)`,
  reasonRule: (label, group, value, bound) => `binding rule "${label}" (${group}): ${value}, bound ${bound}`,
  reasonEnvelope: (left) => `envelope spent: ${left} left, less than the floor`,
  reasonLaureates: (max) => `the most laureates allowed (${max}) are funded`,
  reasonPartial: (share) => `funded at ${share} of its request`,
  reasonLast: 'the last funded: the line passes below it',
  reasonTradeOff: 'the optimum prefers other applications: each euro is worth score × euro there, under the rules above',
  comparison: 'The weightings compared',
  comparisonIntro: (policies) => `The same envelope shared under ${policies}. Only applications funded at least once are listed.`,
  change: 'Change',
  rankChange: 'Rank',
  newcomer: 'enters',
  leaver: 'leaves',
  pair: (a, b, common, moved) => `From ${a} to ${b}: ${common} laureates in common, ${moved} change hands.`,
  enter: 'Enter',
  leave: 'Leave',
  unchanged: (count) => `${count} application${count > 1 ? 's are' : ' is'} funded under no weighting.`,
  robustness: 'How robust each decision is',
  robustnessIntro: (solved, samples, policy, spread, seed, uniform) => `${solved} of ${samples} weightings drawn ${uniform ? 'uniformly' : `around "${policy}" (spread ${spread})`}, seed ${seed}: the same seed gives the same draws. For each application, the share of draws that fund it.`,
  probability: 'Funded',
  meanGrant: 'Mean grant',
  range: '5 % to 95 %',
  fundingClass: 'Class',
  classes: { always: 'always', often: 'often', sometimes: 'sometimes', never: 'never' },
  classNote: 'always = in every draw; often = in half of them or more; sometimes = at least once.',
  never: (count) => `${count} application${count > 1 ? 's are' : ' is'} never funded.`,
  trace: 'Traceability: the decision record',
  traceIntro: 'The SHA-256 fingerprints of the input files and of the allocation tie this report to its data.',
  file: 'File',
  role: (role) => (role === 'scenario' ? 'scenario' : 'applications (CSV)'),
  allocationHash: 'Allocation (the solve --json document)',
  record: 'Decision record',
  recordDate: 'Date of the record',
  verifyWith: 'To check that the record reproduces byte for byte:',
  makeRecord: 'To write the decision record of this allocation, then check it:',
  fromSimulator: 'Written from the simulator: the fingerprints describe the files as saved; a change to the envelope, the rules or the locks made in the simulator and not saved is not in them, and the command below does not reproduce it.',
  versions: 'Versions',
  signature: 'SHA-256',
  engineName: (engine) => ENGINES[engine] ?? engine,
};

export const LABELS: Readonly<Record<ReportLanguage, Labels>> = { fr, en };
