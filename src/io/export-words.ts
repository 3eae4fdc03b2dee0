/**
 * The words of the exported files, by language and by kind of file: the `--excel` CSV and the
 * workbook speak to people (`Subvention (€)`), the plain CSV to programs (`grant_eur`). Without a
 * language, each file keeps the words it always had: French for Excel and the workbook, English
 * for the plain CSV.
 */
import type { Lang } from '../domain/lang.js';

/** The headers and cells of the allocation table. */
export interface AllocationWords {
  readonly rank: string;
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly score: string;
  readonly grantOf: (year: string) => string;
  readonly grant: string;
  readonly request: string;
  readonly share: string;
  readonly funded: string;
  readonly yes: string;
  readonly no: string;
  readonly total: string;
}

const EXCEL: Readonly<Record<Lang, AllocationWords>> = {
  fr: {
    rank: 'Rang',
    id: 'Id',
    name: 'Nom',
    region: 'Région',
    score: 'Score',
    grantOf: (year) => `Subvention ${year} (€)`,
    grant: 'Subvention (€)',
    request: 'Demande (€)',
    share: 'Part de la demande (%)',
    funded: 'Lauréat',
    yes: 'oui',
    no: 'non',
    total: 'Total',
  },
  en: {
    rank: 'Rank',
    id: 'Id',
    name: 'Name',
    region: 'Region',
    score: 'Score',
    grantOf: (year) => `Grant ${year} (€)`,
    grant: 'Grant (€)',
    request: 'Request (€)',
    share: 'Share of request (%)',
    funded: 'Laureate',
    yes: 'yes',
    no: 'no',
    total: 'Total',
  },
};

const PLAIN: Readonly<Record<Lang, AllocationWords>> = {
  en: {
    rank: 'rank',
    id: 'id',
    name: 'name',
    region: 'region',
    score: 'score',
    grantOf: (year) => `grant_${year}_eur`,
    grant: 'grant_eur',
    request: 'request_eur',
    share: 'share_of_request_pct',
    funded: 'funded',
    yes: 'yes',
    no: 'no',
    total: 'total',
  },
  fr: {
    rank: 'rang',
    id: 'id',
    name: 'nom',
    region: 'region',
    score: 'score',
    grantOf: (year) => `subvention_${year}_eur`,
    grant: 'subvention_eur',
    request: 'demande_eur',
    share: 'part_de_la_demande_pct',
    funded: 'laureat',
    yes: 'oui',
    no: 'non',
    total: 'total',
  },
};

/** The allocation table's words: for Excel (French by default) or for programs (English by default). */
export function allocationWords(excel: boolean, lang: Lang | undefined): AllocationWords {
  return excel ? EXCEL[lang ?? 'fr'] : PLAIN[lang ?? 'en'];
}

/** The workbook's sheet names, headers and labels. */
export interface WorkbookWords {
  readonly allocation: string;
  readonly regionsAndRules: string;
  readonly parameters: string;
  readonly what: string;
  readonly group: string;
  readonly amount: string;
  readonly laureates: string;
  readonly floor: string;
  readonly ceiling: string;
  readonly binding: string;
  readonly regionRow: string;
  readonly ruleRow: (label: string) => string;
  readonly binds: string;
  readonly free: string;
  readonly parameter: string;
  readonly value: string;
  readonly scenario: string;
  readonly scenarioFile: string;
  readonly candidatesFile: string;
  readonly scenarioHash: string;
  readonly candidatesHash: string;
  readonly policy: string;
  readonly formula: string;
  readonly weight: (label: string) => string;
  readonly envelope: string;
  readonly granted: string;
  readonly optimum: string;
  readonly engine: string;
  readonly date: string;
  readonly rerun: string;
}

const WORKBOOK: Readonly<Record<Lang, WorkbookWords>> = {
  fr: {
    allocation: 'Répartition',
    regionsAndRules: 'Régions et règles',
    parameters: 'Paramètres',
    what: 'Quoi',
    group: 'Groupe',
    amount: 'Montant (€)',
    laureates: 'Lauréats',
    floor: 'Plancher (€ ou lauréats)',
    ceiling: 'Plafond (€ ou lauréats)',
    binding: 'Saturée',
    regionRow: 'Région',
    ruleRow: (label) => `Règle : ${label}`,
    binds: 'oui (saturée)',
    free: 'non',
    parameter: 'Paramètre',
    value: 'Valeur',
    scenario: 'Scénario',
    scenarioFile: 'Fichier du scénario',
    candidatesFile: 'Fichier des candidats',
    scenarioHash: 'SHA-256 du scénario',
    candidatesHash: 'SHA-256 des candidats',
    policy: 'Politique',
    formula: 'Formule du score',
    weight: (label) => `Poids normalisé : ${label}`,
    envelope: 'Enveloppe (€)',
    granted: 'Attribué (€)',
    optimum: 'Optimum (Σ score × €)',
    engine: 'Moteur',
    date: 'Date',
    rerun: 'Rejouer et vérifier',
  },
  en: {
    allocation: 'Allocation',
    regionsAndRules: 'Regions and rules',
    parameters: 'Parameters',
    what: 'What',
    group: 'Group',
    amount: 'Amount (€)',
    laureates: 'Laureates',
    floor: 'Floor (€ or laureates)',
    ceiling: 'Ceiling (€ or laureates)',
    binding: 'Binding',
    regionRow: 'Region',
    ruleRow: (label) => `Rule: ${label}`,
    binds: 'yes (binding)',
    free: 'no',
    parameter: 'Parameter',
    value: 'Value',
    scenario: 'Scenario',
    scenarioFile: 'Scenario file',
    candidatesFile: 'Candidates file',
    scenarioHash: 'SHA-256 of the scenario',
    candidatesHash: 'SHA-256 of the candidates',
    policy: 'Policy',
    formula: 'Score formula',
    weight: (label) => `Normalised weight: ${label}`,
    envelope: 'Envelope (€)',
    granted: 'Granted (€)',
    optimum: 'Optimum (Σ score × €)',
    engine: 'Engine',
    date: 'Date',
    rerun: 'Re-run and verify',
  },
};

/** The workbook's words (French by default). */
export function workbookWords(lang: Lang | undefined): WorkbookWords {
  return WORKBOOK[lang ?? 'fr'];
}
