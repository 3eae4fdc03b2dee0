/**
 * Every command of `enveloppe` and its options, declared once: the parser, the help in both
 * languages, the defaults (read from domain/defaults.ts) and the flags' types all come from here.
 * The bare command (the simulator) takes the options of `solve`, so that both faces read the same flags.
 */
import {
  DEFAULT_ANALYSIS_ENGINE,
  DEFAULT_ENGINE,
  DEFAULT_LOTTERY_BAND,
  DEFAULT_RELATIVE_GAP,
  DEFAULT_REPORT_LANG,
  DEFAULT_ROBUSTNESS_OVER,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  DEFAULT_SPREAD,
  DEFAULT_SWEEP_STEPS,
  DEFAULT_TIME_LIMIT_SECONDS,
  DEFAULT_TIPPING_STEPS,
} from '../domain/defaults.js';
import type { ArgumentSpec, CommandSpec, FlagsOf, OptionSpec } from './schema.js';

/** `--lang fr|en` on every command: the language of its words and numbers (the locale's by default). */
const LANG = { flags: '--lang <code>', help: { en: 'fr or en (default: from the locale)', fr: 'fr ou en (par défaut : selon la locale)' } } as const satisfies OptionSpec;

const SCENARIO: ArgumentSpec = { name: '<scenario>', help: { en: 'scenario file (YAML)', fr: 'fichier du scénario (YAML)' } };

const POLICY = { flags: '--policy <name>', help: { en: "weighting policy of the scenario (default: the scenario's first)", fr: 'pondération du scénario (par défaut : la première du scénario)' } } as const;
const WEIGHTS = { flags: '--weights <list>', help: { en: "weights replacing the policy's, e.g. utilite_sociale=3,perennite_emplois=2 (others get 0)", fr: 'poids remplaçant ceux de la pondération, p. ex. utilite_sociale=3,perennite_emplois=2 (les autres critères reçoivent 0)' } } as const;
const SOLVER = { flags: '--solver <engine>', help: { en: 'jslp, highs or auto', fr: 'jslp, highs ou auto' }, default: DEFAULT_ENGINE } as const;
const TIME_LIMIT = { flags: '--time-limit <seconds>', help: { en: 'stop after this many seconds; the best allocation found is shown with its proven gap', fr: 'arrêter après ce nombre de secondes ; la meilleure répartition trouvée est affichée avec son écart prouvé' }, default: String(DEFAULT_TIME_LIMIT_SECONDS) } as const;
const LOTTERY = { flags: '--lottery <seed>', help: { en: "settle ties at the funding line by a public draw from this seed (replaces the scenario's)", fr: 'départager les ex aequo à la ligne de financement par un tirage au sort public de cette graine (remplace celle du scénario)' } } as const;
const LOTTERY_BAND = { flags: '--lottery-band <points>', help: { en: `with a lottery: score points either side of the funding line that count as equal (default ${DEFAULT_LOTTERY_BAND}: exact ties)`, fr: `avec un tirage au sort : points de note de part et d’autre de la ligne de financement comptés comme égaux (par défaut ${DEFAULT_LOTTERY_BAND} : ex aequo exacts)` } } as const;
const JSON_RESULT = { flags: '--json', help: { en: 'print the result as JSON', fr: 'afficher le résultat en JSON' } } as const;
const SIGN = { flags: '--sign <key.pem>', help: { en: 'with --record: sign the record with this Ed25519 private key (PEM)', fr: 'avec --record : signer le procès-verbal avec cette clé privée Ed25519 (PEM)' } } as const;
/** `--time-limit` where several solves run: each one gives up after it. */
const GIVE_UP = { flags: '--time-limit <seconds>', help: { en: 'give up on one solve after this many seconds', fr: 'abandonner une résolution après ce nombre de secondes' } } as const;
const XLSX_ANALYSIS = { flags: '--xlsx <file>', help: { en: 'write a workbook: the allocation, regions and rules, parameters and this table', fr: 'écrire un classeur : la répartition, régions et règles, paramètres et ce tableau' } } as const;

/** The options of `solve` the bare command (the simulator) shares, in the order of the help. */
export const SIMULATOR_OPTIONS = {
  policy: POLICY,
  weights: WEIGHTS,
  json: { flags: '--json', help: { en: 'print the allocation as JSON', fr: 'afficher la répartition en JSON' } },
  csv: { flags: '--csv <file>', help: { en: 'write the allocation table to a CSV file', fr: 'écrire le tableau de la répartition dans un fichier CSV' } },
  excel: { flags: '--excel', help: { en: 'with --csv: French Excel format (;, decimal comma, UTF-8 BOM, CRLF)', fr: 'avec --csv : format Excel français (;, virgule décimale, BOM UTF-8, CRLF)' } },
  xlsx: { flags: '--xlsx <file>', help: { en: 'write a workbook: allocation, regions and rules, parameters', fr: 'écrire un classeur : répartition, régions et règles, paramètres' } },
  lp: { flags: '--lp <file>', help: { en: 'write the model in CPLEX LP format, for any other solver', fr: 'écrire le modèle au format CPLEX LP, pour tout autre solveur' } },
  solver: SOLVER,
  timeLimit: TIME_LIMIT,
  gap: {
    flags: '--gap <gap>',
    help: {
      en: `relative optimality gap to prove, e.g. 0.01% (default ${DEFAULT_RELATIVE_GAP}: the exact optimum, which the tie-break needs to name the same laureates on every engine)`,
      fr: `écart relatif à l’optimum à prouver, p. ex. 0.01% (par défaut ${DEFAULT_RELATIVE_GAP} : l’optimum exact, dont le départage a besoin pour nommer les mêmes lauréats avec chaque moteur)`,
    },
    default: String(DEFAULT_RELATIVE_GAP),
  },
  all: { flags: '--all', help: { en: 'list the candidates that get nothing too', fr: 'lister aussi les candidats qui ne reçoivent rien' } },
  record: { flags: '--record <file>', help: { en: "write a decision record (inputs' SHA-256, scenario, weights, engine, optimum, allocation)", fr: 'écrire un procès-verbal de décision (SHA-256 des entrées, scénario, poids, moteur, optimum, répartition)' } },
  check: { flags: '--check', help: { en: 'solve with both engines and refuse to answer if their allocations differ', fr: 'résoudre avec les deux moteurs et refuser de répondre si leurs répartitions diffèrent' } },
  lottery: LOTTERY,
  lotteryBand: LOTTERY_BAND,
  near: { flags: '--near <share>', help: { en: 'also show near-optimal allocations within this share of the optimum, e.g. 0.1%', fr: 'montrer aussi les répartitions quasi optimales à cette part de l’optimum, p. ex. 0.1%' } },
  lang: LANG,
} as const;

/** `solve` is the simulator's options and `--sign`, which signs the record only `solve` writes. */
const SOLVE_OPTIONS = { ...SIMULATOR_OPTIONS, sign: SIGN } as const;

const EXPLAIN_OPTIONS = {
  policy: POLICY,
  weights: WEIGHTS,
  json: { flags: '--json', help: { en: 'print the explanation as JSON', fr: 'afficher l’explication en JSON' } },
  solver: SOLVER,
  timeLimit: TIME_LIMIT,
  lottery: LOTTERY,
  lotteryBand: LOTTERY_BAND,
  lang: LANG,
} as const;

const REPORT_OPTIONS = {
  out: { flags: '--out <file>', help: { en: 'the HTML file to write, e.g. rapport.html', fr: 'le fichier HTML à écrire, p. ex. rapport.html' }, required: true },
  policy: POLICY,
  weights: { flags: '--weights <list>', help: { en: "weights replacing the policy's, e.g. utilite_sociale=3,perennite_emplois=2", fr: 'poids remplaçant ceux de la pondération, p. ex. utilite_sociale=3,perennite_emplois=2' } },
  compare: { flags: '--compare <list>', help: { en: 'add a comparison of these policies, e.g. equilibre,emploi', fr: 'ajouter une comparaison de ces pondérations, p. ex. equilibre,emploi' } },
  robustness: { flags: '--robustness <n>', help: { en: 'add the robustness of each decision over n weightings drawn around the policy', fr: 'ajouter la robustesse de chaque décision sur n pondérations tirées autour de celle choisie' } },
  seed: { flags: '--seed <n>', help: { en: `with --robustness: seed of the draws (default: ${DEFAULT_SEED})`, fr: `avec --robustness : graine des tirages (par défaut : ${DEFAULT_SEED})` } },
  spread: { flags: '--spread <s>', help: { en: `with --robustness: how far weightings stray from the policy (default: ${DEFAULT_SPREAD})`, fr: `avec --robustness : jusqu’où les pondérations tirées s’écartent de celle choisie (par défaut : ${DEFAULT_SPREAD})` } },
  record: { flags: '--record <file>', help: { en: 'also write the decision record, and print its hashes in the report', fr: 'écrire aussi le procès-verbal de décision, et imprimer ses empreintes dans le rapport' } },
  lang: { flags: '--lang <code>', help: { en: 'fr or en', fr: 'fr ou en' }, default: DEFAULT_REPORT_LANG },
  solver: { flags: '--solver <engine>', help: { en: `jslp, highs or auto (default: ${DEFAULT_ENGINE}; ${DEFAULT_ANALYSIS_ENGINE} for robustness)`, fr: `jslp, highs ou auto (par défaut : ${DEFAULT_ENGINE} ; ${DEFAULT_ANALYSIS_ENGINE} pour la robustesse)` } },
  timeLimit: GIVE_UP,
} as const;

/** What every analysis command takes. */
const ANALYSIS_OPTIONS = {
  policy: { flags: '--policy <name>', help: { en: "weighting policy (default: the scenario's first)", fr: 'pondération (par défaut : la première du scénario)' } },
  json: JSON_RESULT,
  csv: { flags: '--csv <file>', help: { en: 'write the result table to a CSV file', fr: 'écrire le tableau du résultat dans un fichier CSV' } },
  excel: { flags: '--excel', help: { en: 'with --csv: French Excel format', fr: 'avec --csv : format Excel français' } },
  solver: { ...SOLVER, default: DEFAULT_ANALYSIS_ENGINE },
  timeLimit: { ...GIVE_UP, default: String(DEFAULT_TIME_LIMIT_SECONDS) },
  lang: LANG,
} as const;

const COMPARE_OPTIONS = {
  ...ANALYSIS_OPTIONS,
  policies: { flags: '--policies <list>', help: { en: 'policies to compare, e.g. equilibre,emploi (default: all)', fr: 'pondérations à comparer, p. ex. equilibre,emploi (par défaut : toutes)' } },
  xlsx: XLSX_ANALYSIS,
} as const;

const SWEEP_OPTIONS = {
  ...ANALYSIS_OPTIONS,
  criterion: { flags: '--criterion <column>', help: { en: 'the criterion to sweep', fr: 'le critère à faire varier' } },
  steps: { flags: '--steps <n>', help: { en: 'number of points', fr: 'nombre de points' }, default: String(DEFAULT_SWEEP_STEPS) },
} as const;

const TIPPING_OPTIONS = {
  ...ANALYSIS_OPTIONS,
  steps: { flags: '--steps <n>', help: { en: 'sweep points per criterion before narrowing', fr: 'points par critère avant l’affinage' }, default: String(DEFAULT_TIPPING_STEPS) },
} as const;

const BUDGET_SWEEP_OPTIONS = {
  ...ANALYSIS_OPTIONS,
  from: { flags: '--from <euros>', help: { en: "smallest envelope (default: half the scenario's)", fr: 'plus petite enveloppe (par défaut : la moitié de celle du scénario)' } },
  to: { flags: '--to <euros>', help: { en: "largest envelope (default: 1.5 times the scenario's)", fr: 'plus grande enveloppe (par défaut : 1,5 fois celle du scénario)' } },
  steps: { flags: '--steps <n>', help: { en: 'number of envelopes', fr: 'nombre d’enveloppes' }, default: String(DEFAULT_SWEEP_STEPS) },
  xlsx: XLSX_ANALYSIS,
} as const;

const ROBUSTNESS_OPTIONS = {
  ...ANALYSIS_OPTIONS,
  samples: { flags: '--samples <n>', help: { en: 'number of weightings', fr: 'nombre de pondérations tirées' }, default: String(DEFAULT_SAMPLES) },
  spread: { flags: '--spread <s>', help: { en: 'how far weightings stray from the policy (0 = not at all)', fr: 'jusqu’où les pondérations tirées s’écartent de celle choisie (0 = pas du tout)' }, default: String(DEFAULT_SPREAD) },
  seed: { flags: '--seed <n>', help: { en: 'seed of the draws: the same seed gives the same result', fr: 'graine des tirages : la même graine donne le même résultat' }, default: String(DEFAULT_SEED) },
  uniform: { flags: '--uniform', help: { en: 'draw uniformly over all weightings instead', fr: 'tirer plutôt uniformément parmi toutes les pondérations' } },
  over: { flags: '--over <what>', help: { en: "draw the weights, the reviewers' marks (resampled), or both: weights|marks|both", fr: 'tirer les poids, les notes des rapporteurs (rééchantillonnées), ou les deux : weights|marks|both' }, default: DEFAULT_ROBUSTNESS_OVER },
  xlsx: XLSX_ANALYSIS,
} as const;

/** The commands, in the order of `enveloppe --help`. */
export const COMMANDS = {
  solve: { description: { en: 'compute the allocation of a scenario and print it', fr: 'calculer la répartition d’un scénario et l’afficher' }, arguments: [SCENARIO], options: SOLVE_OPTIONS },
  validate: { description: { en: 'check a scenario and its candidates file, and that some allocation satisfies the rules', fr: 'vérifier un scénario et son fichier de candidats, et qu’une répartition respecte les règles' }, arguments: [SCENARIO], options: { lang: LANG } },
  explain: {
    description: { en: 'why a candidate is or is not funded, and what would change it (each figure re-solved)', fr: 'pourquoi un candidat est financé ou non, et ce qui le changerait (chaque chiffre recalculé)' },
    arguments: [SCENARIO, { name: '<id>', help: { en: "the candidate's id", fr: 'l’identifiant du candidat' } }],
    options: EXPLAIN_OPTIONS,
  },
  report: { description: { en: "write the committee's report: one self-contained HTML file to print (A4)", fr: 'écrire le rapport au comité : un fichier HTML autonome à imprimer (A4)' }, arguments: [SCENARIO], options: REPORT_OPTIONS },
  verify: {
    description: { en: 're-run a decision record and say whether it reproduces byte for byte', fr: 'rejouer un procès-verbal de décision et dire s’il se reproduit à l’octet près' },
    arguments: [{ name: '<record>', help: { en: 'file written by solve --record', fr: 'fichier écrit par solve --record' } }],
    options: { key: { flags: '--key <public.pem>', help: { en: 'require a signature by this Ed25519 public key (PEM)', fr: 'exiger une signature par cette clé publique Ed25519 (PEM)' } }, lang: LANG },
  },
  compare: { description: { en: 'compare weighting policies side by side', fr: 'comparer des pondérations côte à côte' }, arguments: [SCENARIO], options: COMPARE_OPTIONS },
  sweep: { description: { en: "move one criterion's share of the weight from 0 to 100 %", fr: 'faire varier la part du poids d’un critère de 0 à 100 %' }, arguments: [SCENARIO], options: SWEEP_OPTIONS },
  tipping: { description: { en: "the weight shares at which each candidate's funded status changes", fr: 'les parts de poids auxquelles chaque candidat gagne ou perd sa subvention' }, arguments: [SCENARIO], options: TIPPING_OPTIONS },
  'budget-sweep': { description: { en: 'the allocation as the envelope shrinks or grows, and what one more euro buys', fr: 'la répartition quand l’enveloppe diminue ou augmente, et ce que rapporte un euro de plus' }, arguments: [SCENARIO], options: BUDGET_SWEEP_OPTIONS },
  robustness: {
    description: { en: "how often each candidate is funded over weightings drawn around a policy, or over the reviewers' marks", fr: 'combien de fois chaque candidat est financé sur des pondérations tirées autour de celle choisie, ou sur les notes des rapporteurs' },
    arguments: [SCENARIO],
    options: ROBUSTNESS_OPTIONS,
  },
} as const satisfies Readonly<Record<string, CommandSpec>>;

/** The bare `enveloppe [scenario]`: the simulator. */
export const PROGRAM = {
  description: { en: 'Share a budget envelope among candidate projects by linear optimisation weighted by selection criteria.', fr: 'Répartir une enveloppe entre les projets candidats par optimisation linéaire pondérée par les critères de sélection.' },
  arguments: [{ name: '[scenario]', help: { en: 'scenario file (default: the 2013 PTCE call)', fr: 'fichier du scénario (par défaut : l’appel PTCE de 2013)' } }],
  options: SIMULATOR_OPTIONS,
} as const satisfies CommandSpec;

export type CommandName = keyof typeof COMMANDS;
export type SolveFlags = FlagsOf<typeof SOLVE_OPTIONS>;
export type ExplainFlags = FlagsOf<typeof EXPLAIN_OPTIONS>;
export type ReportFlags = FlagsOf<typeof REPORT_OPTIONS>;
export type VerifyFlags = FlagsOf<(typeof COMMANDS)['verify']['options']>;
/** One flags type for the five analyses: each reads its own and the shared ones. */
export type AnalysisFlags = FlagsOf<typeof COMPARE_OPTIONS & typeof SWEEP_OPTIONS & typeof TIPPING_OPTIONS & typeof BUDGET_SWEEP_OPTIONS & typeof ROBUSTNESS_OPTIONS>;
