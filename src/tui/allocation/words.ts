/** The allocation table's words, in English (its historical text) and in French; a missing one does not compile. */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../../domain/lang.js';
import { en as reportEn, fr as reportFr } from '../../report/labels.js';

const report = { en: reportEn, fr: reportFr };

const WORDS = {
  // The column headers the committee's report writes too: said once, there.
  rank: { en: report.en.rank, fr: report.fr.rank },
  id: { en: report.en.id, fr: report.fr.id },
  name: { en: report.en.name, fr: report.fr.name },
  region: { en: report.en.region, fr: report.fr.region },
  score: { en: report.en.score, fr: report.fr.score },
  grant: { en: report.en.grant, fr: report.fr.grant },
  shareOfRequest: { en: '% req', fr: '% dem.' },
  versusPrevious: { en: 'Δ previous', fr: 'Δ précédent' },
  versusReference: { en: 'Δ reference', fr: 'Δ référence' },
  solvingFirst: { en: 'Solving the first allocation…', fr: 'Calcul de la première répartition…' },
  noMatch: { en: (filter: string) => `  No candidate matches “${filter}”. Esc clears the filter.`, fr: (filter: string) => `  Aucun candidat ne correspond à « ${filter} ». Échap efface le filtre.` },
  noneShown: { en: 'none shown', fr: 'aucune ligne affichée' },
  rows: { en: (first: number, last: number, count: number) => `rows ${first}–${last} of ${count}`, fr: (first: number, last: number, count: number) => `lignes ${first}–${last} sur ${count}` },
  funded: { en: (funded: number, count: number) => `${funded} funded of ${count}`, fr: (funded: number, count: number) => `${funded} ${funded <= 1 ? 'financé' : 'financés'} sur ${count}` },
  filter: { en: (filter: string) => `filter “${filter}”`, fr: (filter: string) => `filtre « ${filter} »` },
  locks: { en: (count: number) => `${count} lock${count === 1 ? '' : 's'} (✓ in, ✗ out)`, fr: (count: number) => `${count} ${count <= 1 ? 'verrou' : 'verrous'} (✓ financé, ✗ exclu)` },
  belowFloor: { en: '“·” asks less than the grant floor', fr: '« · » demande moins que le plancher de subvention' },
} satisfies InBoth;

export type AllocationWords = WordsOf<typeof WORDS>;

/** The table's words in a language. */
export const ALLOCATION_WORDS: Readonly<Record<Lang, AllocationWords>> = { en: inLanguage(WORDS, 'en'), fr: inLanguage(WORDS, 'fr') };
