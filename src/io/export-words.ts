/**
 * The words of the exported files, by language and by kind of file: the `--excel` CSV and the
 * workbook speak to people (`Subvention (€)`), the plain CSV to programs (`grant_eur`). Without a
 * language, each file keeps the words it always had: French for Excel and the workbook, English
 * for the plain CSV. Each table is written once with both languages side by side, and the words'
 * types come from it: a text missing in either language does not compile.
 */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../domain/lang.js';

/** The headers and cells of the allocation table, for people and for programs. */
const ALLOCATION = {
  rank: { people: { en: 'Rank', fr: 'Rang' }, programs: { en: 'rank', fr: 'rang' } },
  id: { people: { en: 'Id', fr: 'Id' }, programs: { en: 'id', fr: 'id' } },
  name: { people: { en: 'Name', fr: 'Nom' }, programs: { en: 'name', fr: 'nom' } },
  region: { people: { en: 'Region', fr: 'Région' }, programs: { en: 'region', fr: 'region' } },
  score: { people: { en: 'Score', fr: 'Score' }, programs: { en: 'score', fr: 'score' } },
  grantOf: { people: { en: (year: string) => `Grant ${year} (€)`, fr: (year: string) => `Subvention ${year} (€)` }, programs: { en: (year: string) => `grant_${year}_eur`, fr: (year: string) => `subvention_${year}_eur` } },
  grant: { people: { en: 'Grant (€)', fr: 'Subvention (€)' }, programs: { en: 'grant_eur', fr: 'subvention_eur' } },
  request: { people: { en: 'Request (€)', fr: 'Demande (€)' }, programs: { en: 'request_eur', fr: 'demande_eur' } },
  share: { people: { en: 'Share of request (%)', fr: 'Part de la demande (%)' }, programs: { en: 'share_of_request_pct', fr: 'part_de_la_demande_pct' } },
  funded: { people: { en: 'Laureate', fr: 'Lauréat' }, programs: { en: 'funded', fr: 'laureat' } },
  yes: { people: { en: 'yes', fr: 'oui' }, programs: { en: 'yes', fr: 'oui' } },
  no: { people: { en: 'no', fr: 'non' }, programs: { en: 'no', fr: 'non' } },
  total: { people: { en: 'Total', fr: 'Total' }, programs: { en: 'total', fr: 'total' } },
} satisfies Readonly<Record<string, { readonly people: InBoth[string]; readonly programs: InBoth[string] }>>;

/** The headers and cells of the allocation table in one language, for people or for programs. */
export type AllocationWords = WordsOf<{ readonly [Key in keyof typeof ALLOCATION]: (typeof ALLOCATION)[Key]['people'] }>;

/** The allocation table's words: for Excel (French by default) or for programs (English by default). */
export function allocationWords(excel: boolean, lang: Lang | undefined): AllocationWords {
  const audience = excel ? 'people' : 'programs';
  const table = Object.fromEntries(Object.entries(ALLOCATION).map(([key, entry]) => [key, entry[audience]]));
  return inLanguage(table, lang ?? (excel ? 'fr' : 'en')) as AllocationWords;
}

/** The workbook's sheet names, headers and labels. */
const WORKBOOK = {
  allocation: { en: 'Allocation', fr: 'Répartition' },
  regionsAndRules: { en: 'Regions and rules', fr: 'Régions et règles' },
  parameters: { en: 'Parameters', fr: 'Paramètres' },
  what: { en: 'What', fr: 'Quoi' },
  group: { en: 'Group', fr: 'Groupe' },
  amount: { en: 'Amount (€)', fr: 'Montant (€)' },
  laureates: { en: 'Laureates', fr: 'Lauréats' },
  floor: { en: 'Floor (€ or laureates)', fr: 'Plancher (€ ou lauréats)' },
  ceiling: { en: 'Ceiling (€ or laureates)', fr: 'Plafond (€ ou lauréats)' },
  binding: { en: 'Binding', fr: 'Saturée' },
  regionRow: { en: 'Region', fr: 'Région' },
  ruleRow: { en: (label: string) => `Rule: ${label}`, fr: (label: string) => `Règle : ${label}` },
  binds: { en: 'yes (binding)', fr: 'oui (saturée)' },
  free: { en: 'no', fr: 'non' },
  parameter: { en: 'Parameter', fr: 'Paramètre' },
  value: { en: 'Value', fr: 'Valeur' },
  scenario: { en: 'Scenario', fr: 'Scénario' },
  scenarioFile: { en: 'Scenario file', fr: 'Fichier du scénario' },
  candidatesFile: { en: 'Candidates file', fr: 'Fichier des candidats' },
  scenarioHash: { en: 'SHA-256 of the scenario', fr: 'SHA-256 du scénario' },
  candidatesHash: { en: 'SHA-256 of the candidates', fr: 'SHA-256 des candidats' },
  policy: { en: 'Policy', fr: 'Politique' },
  formula: { en: 'Score formula', fr: 'Formule du score' },
  weight: { en: (label: string) => `Normalised weight: ${label}`, fr: (label: string) => `Poids normalisé : ${label}` },
  envelope: { en: 'Envelope (€)', fr: 'Enveloppe (€)' },
  granted: { en: 'Granted (€)', fr: 'Attribué (€)' },
  optimum: { en: 'Optimum (Σ score × €)', fr: 'Optimum (Σ score × €)' },
  engine: { en: 'Engine', fr: 'Moteur' },
  date: { en: 'Date', fr: 'Date' },
  rerun: { en: 'Re-run and verify', fr: 'Rejouer et vérifier' },
} satisfies InBoth;

/** The workbook's words in one language. */
export type WorkbookWords = WordsOf<typeof WORKBOOK>;

/** The workbook's words (French by default). */
export function workbookWords(lang: Lang | undefined): WorkbookWords {
  return inLanguage(WORKBOOK, lang ?? 'fr');
}
