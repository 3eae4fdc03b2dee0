/**
 * The messages under the screen (edits, the reference, saving and exporting) and the prompts' words,
 * in English (the simulator's historical text) and in French; a missing one does not compile.
 */
import type { Lang } from '../domain/lang.js';

export interface MessageWords {
  readonly onePolicy: (edited: boolean) => string;
  readonly policySwitched: (name: string, label: string, restored: boolean) => string;
  readonly editedKept: (policy: string) => string;
  readonly nothingToUndo: string;
  readonly undone: string;
  readonly noAllocationToCompare: string;
  readonly referenceSet: (reference: string) => string;
  readonly referenceCleared: string;
  /** `policy ptce, 3 000 000 €, 23 laureates`: an allocation named in a message or a title. */
  readonly referenceName: (policy: string, spent: string, laureates: number) => string;
  readonly formulaNoWeights: (policy: string) => string;
  readonly noFile: string;
  readonly nothingToExport: string;
  readonly staleExport: string;
  readonly unusableName: (name: string) => string;
  readonly policyExists: (name: string) => string;
  /** The label of a saved policy: its base's, adjusted. */
  readonly adjusted: (label: string) => string;
  readonly saving: (name: string) => string;
  readonly noFileName: string;
  readonly writing: (path: string) => string;
  readonly saved: (name: string, file: string) => string;
  readonly wroteReport: (path: string) => string;
  readonly wroteCsv: (rows: number, total: string, path: string, excel: boolean) => string;
  readonly failed: (reason: string) => string;
  // The prompts: what each asks, and its keys besides Enter and Esc
  readonly filterLabel: string;
  readonly filterAfter: string;
  readonly budgetLabel: (label: string, now: string) => string;
  readonly budgetAfter: string;
  readonly saveLabel: string;
  readonly saveAfter: string;
  readonly exportLabel: string;
  readonly exportAfter: (excel: boolean) => string;
}

const en: MessageWords = {
  onePolicy: (edited) => `This scenario has one policy only.${edited ? ' r resets the weights to it.' : ''}`,
  policySwitched: (name, label, restored) => `Policy ${name}: ${label}${restored ? ', with the weights you had edited (r resets them)' : ''}.`,
  editedKept: (policy) => `Your edited weights of '${policy}' are kept: back on it, they return.`,
  nothingToUndo: 'Nothing to undo.',
  undone: 'Undone.',
  noAllocationToCompare: 'No allocation to compare with yet.',
  referenceSet: (reference) => `The change column now compares with this allocation (${reference}). C goes back to the last solve.`,
  referenceCleared: 'The change column compares with the previous solve.',
  referenceName: (policy, spent, laureates) => `policy ${policy}, ${spent}, ${laureates} laureates`,
  formulaNoWeights: (policy) => `'${policy}' scores by a formula: there are no weights to save.`,
  noFile: 'This scenario has no file to save into.',
  nothingToExport: 'Nothing to export yet: the first solve is not finished.',
  staleExport: 'The current edits have no allocation to export. Undo the last edit (u) first.',
  unusableName: (name) => `'${name}' is not a usable name: use a-z, 0-9, _ and -.`,
  policyExists: (name) => `The scenario already has a policy named '${name}'.`,
  adjusted: (label) => `${label}, adjusted`,
  saving: (name) => `Saving policy '${name}'…`,
  noFileName: 'Give a file name for the CSV.',
  writing: (path) => `Writing ${path}…`,
  saved: (name, file) => `Saved policy '${name}' to ${file}; it is now the active policy.`,
  wroteReport: (path) => `Wrote the committee's report to ${path}; open it in a browser and print it to PDF.`,
  wroteCsv: (rows, total, path, excel) => `Wrote ${rows} rows + total (${total}) to ${path} (${excel ? 'French Excel' : 'plain CSV'}).`,
  failed: (reason) => `Failed: ${reason}`,
  filterLabel: 'Filter (name, region, id): ',
  filterAfter: '  Enter keep · Esc clear',
  budgetLabel: (label, now) => `${label} (now ${now}): `,
  budgetAfter: '  Enter apply · Esc cancel',
  saveLabel: 'Save the weights as policy (a-z 0-9 _ -): ',
  saveAfter: '  Enter save · Esc cancel',
  exportLabel: 'Export CSV to: ',
  exportAfter: (excel) => `  [${excel ? 'French Excel' : 'plain CSV'}] Tab switches · Enter · Esc`,
};

const fr: MessageWords = {
  onePolicy: (edited) => `Ce scénario n’a qu’une pondération.${edited ? ' r y ramène les poids.' : ''}`,
  policySwitched: (name, label, restored) => `Pondération ${name} : ${label}${restored ? ', avec les poids que vous aviez modifiés (r les rétablit)' : ''}.`,
  editedKept: (policy) => `Vos poids modifiés de « ${policy} » sont gardés : ils reviennent avec elle.`,
  nothingToUndo: 'Rien à annuler.',
  undone: 'Annulé.',
  noAllocationToCompare: 'Pas encore de répartition à laquelle comparer.',
  referenceSet: (reference) => `La colonne des écarts compare désormais à cette répartition (${reference}). C revient au calcul précédent.`,
  referenceCleared: 'La colonne des écarts compare au calcul précédent.',
  referenceName: (policy, spent, laureates) => `pondération ${policy}, ${spent}, ${laureates} ${laureates <= 1 ? 'lauréat' : 'lauréats'}`,
  formulaNoWeights: (policy) => `« ${policy} » note par une formule : il n’y a pas de poids à enregistrer.`,
  noFile: 'Ce scénario n’a pas de fichier où enregistrer.',
  nothingToExport: 'Rien à exporter : le premier calcul n’est pas terminé.',
  staleExport: 'Les modifications en cours n’ont pas de répartition à exporter. Annulez d’abord la dernière (u).',
  unusableName: (name) => `« ${name} » ne convient pas comme nom : utilisez a-z, 0-9, _ et -.`,
  policyExists: (name) => `Le scénario a déjà une pondération nommée « ${name} ».`,
  adjusted: (label) => `${label}, ajustée`,
  saving: (name) => `Enregistrement de la pondération « ${name} »…`,
  noFileName: 'Donnez un nom de fichier pour le CSV.',
  writing: (path) => `Écriture de ${path}…`,
  saved: (name, file) => `Pondération « ${name} » enregistrée dans ${file} ; c’est désormais la pondération active.`,
  wroteReport: (path) => `Rapport au comité écrit dans ${path} ; ouvrez-le dans un navigateur et imprimez-le en PDF.`,
  wroteCsv: (rows, total, path, excel) => `${rows} lignes + total (${total}) écrites dans ${path} (${excel ? 'Excel français' : 'CSV simple'}).`,
  failed: (reason) => `Échec : ${reason}`,
  filterLabel: 'Filtrer (nom, région, id) : ',
  filterAfter: '  Enter garder · Esc effacer',
  budgetLabel: (label, now) => `${label} (actuellement ${now}) : `,
  budgetAfter: '  Enter appliquer · Esc annuler',
  saveLabel: 'Enregistrer les poids comme pondération (a-z 0-9 _ -) : ',
  saveAfter: '  Enter enregistrer · Esc annuler',
  exportLabel: 'Exporter le CSV dans : ',
  exportAfter: (excel) => `  [${excel ? 'Excel français' : 'CSV simple'}] Tab bascule · Enter · Esc`,
};

/** The messages in a language. */
export const MESSAGES: Readonly<Record<Lang, MessageWords>> = { en, fr };
