/**
 * The messages under the screen (edits, the reference, saving and exporting) and the prompts' words,
 * in English (the simulator's historical text) and in French; a missing one does not compile.
 */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../domain/lang.js';

const WORDS = {
  onePolicy: {
    en: (edited: boolean) => `This scenario has one policy only.${edited ? ' r resets the weights to it.' : ''}`,
    fr: (edited: boolean) => `Ce scénario n’a qu’une pondération.${edited ? ' r y ramène les poids.' : ''}`,
  },
  policySwitched: {
    en: (name: string, label: string, restored: boolean) => `Policy ${name}: ${label}${restored ? ', with the weights you had edited (r resets them)' : ''}.`,
    fr: (name: string, label: string, restored: boolean) => `Pondération ${name} : ${label}${restored ? ', avec les poids que vous aviez modifiés (r les rétablit)' : ''}.`,
  },
  editedKept: {
    en: (policy: string) => `Your edited weights of '${policy}' are kept: back on it, they return.`,
    fr: (policy: string) => `Vos poids modifiés de « ${policy} » sont gardés : ils reviennent avec elle.`,
  },
  nothingToUndo: { en: 'Nothing to undo.', fr: 'Rien à annuler.' },
  undone: { en: 'Undone.', fr: 'Annulé.' },
  noAllocationToCompare: { en: 'No allocation to compare with yet.', fr: 'Pas encore de répartition à laquelle comparer.' },
  referenceSet: {
    en: (reference: string) => `The change column now compares with this allocation (${reference}). C goes back to the last solve.`,
    fr: (reference: string) => `La colonne des écarts compare désormais à cette répartition (${reference}). C revient au calcul précédent.`,
  },
  referenceCleared: { en: 'The change column compares with the previous solve.', fr: 'La colonne des écarts compare au calcul précédent.' },
  /** `policy ptce, 3 000 000 €, 23 laureates`: an allocation named in a message or a title. */
  referenceName: {
    en: (policy: string, spent: string, laureates: number) => `policy ${policy}, ${spent}, ${laureates} laureates`,
    fr: (policy: string, spent: string, laureates: number) => `pondération ${policy}, ${spent}, ${laureates} ${laureates <= 1 ? 'lauréat' : 'lauréats'}`,
  },
  formulaNoWeights: {
    en: (policy: string) => `'${policy}' scores by a formula: there are no weights to save.`,
    fr: (policy: string) => `« ${policy} » note par une formule : il n’y a pas de poids à enregistrer.`,
  },
  noFile: { en: 'This scenario has no file to save into.', fr: 'Ce scénario n’a pas de fichier où enregistrer.' },
  nothingToExport: { en: 'Nothing to export yet: the first solve is not finished.', fr: 'Rien à exporter : le premier calcul n’est pas terminé.' },
  staleExport: {
    en: 'The current edits have no allocation to export. Undo the last edit (u) first.',
    fr: 'Les modifications en cours n’ont pas de répartition à exporter. Annulez d’abord la dernière (u).',
  },
  unusableName: { en: (name: string) => `'${name}' is not a usable name: use a-z, 0-9, _ and -.`, fr: (name: string) => `« ${name} » ne convient pas comme nom : utilisez a-z, 0-9, _ et -.` },
  policyExists: { en: (name: string) => `The scenario already has a policy named '${name}'.`, fr: (name: string) => `Le scénario a déjà une pondération nommée « ${name} ».` },
  /** The label of a saved policy: its base's, adjusted. */
  adjusted: { en: (label: string) => `${label}, adjusted`, fr: (label: string) => `${label}, ajustée` },
  saving: { en: (name: string) => `Saving policy '${name}'…`, fr: (name: string) => `Enregistrement de la pondération « ${name} »…` },
  noFileName: { en: 'Give a file name for the CSV.', fr: 'Donnez un nom de fichier pour le CSV.' },
  writing: { en: (path: string) => `Writing ${path}…`, fr: (path: string) => `Écriture de ${path}…` },
  saved: {
    en: (name: string, file: string) => `Saved policy '${name}' to ${file}; it is now the active policy.`,
    fr: (name: string, file: string) => `Pondération « ${name} » enregistrée dans ${file} ; c’est désormais la pondération active.`,
  },
  wroteReport: {
    en: (path: string) => `Wrote the committee's report to ${path}; open it in a browser and print it to PDF.`,
    fr: (path: string) => `Rapport au comité écrit dans ${path} ; ouvrez-le dans un navigateur et imprimez-le en PDF.`,
  },
  wroteCsv: {
    en: (rows: number, total: string, path: string, excel: boolean) => `Wrote ${rows} rows + total (${total}) to ${path} (${excel ? 'French Excel' : 'plain CSV'}).`,
    fr: (rows: number, total: string, path: string, excel: boolean) => `${rows} lignes + total (${total}) écrites dans ${path} (${excel ? 'Excel français' : 'CSV simple'}).`,
  },
  failed: { en: (reason: string) => `Failed: ${reason}`, fr: (reason: string) => `Échec : ${reason}` },
  // The prompts: what each asks, and its keys besides Enter and Esc
  filterLabel: { en: 'Filter (name, region, id): ', fr: 'Filtrer (nom, région, id) : ' },
  filterAfter: { en: '  Enter keep · Esc clear', fr: '  Entrée garder · Échap effacer' },
  budgetLabel: { en: (label: string, now: string) => `${label} (now ${now}): `, fr: (label: string, now: string) => `${label} (actuellement ${now}) : ` },
  budgetAfter: { en: '  Enter apply · Esc cancel', fr: '  Entrée appliquer · Échap annuler' },
  saveLabel: { en: 'Save the weights as policy (a-z 0-9 _ -): ', fr: 'Enregistrer les poids comme pondération (a-z 0-9 _ -) : ' },
  saveAfter: { en: '  Enter save · Esc cancel', fr: '  Entrée enregistrer · Échap annuler' },
  exportLabel: { en: 'Export CSV to: ', fr: 'Exporter le CSV dans : ' },
  exportAfter: {
    en: (excel: boolean) => `  [${excel ? 'French Excel' : 'plain CSV'}] Tab switches · Enter · Esc`,
    fr: (excel: boolean) => `  [${excel ? 'Excel français' : 'CSV simple'}] Tab bascule · Entrée · Échap`,
  },
} satisfies InBoth;

export type MessageWords = WordsOf<typeof WORDS>;

/** The messages in a language. */
export const MESSAGES: Readonly<Record<Lang, MessageWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
