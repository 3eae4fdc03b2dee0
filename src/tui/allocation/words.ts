/** The allocation table's words, in English (its historical text) and in French; a missing one does not compile. */
import type { Lang } from '../../domain/lang.js';

export interface AllocationWords {
  readonly rank: string;
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly score: string;
  readonly grant: string;
  readonly shareOfRequest: string;
  readonly versusPrevious: string;
  readonly versusReference: string;
  readonly solvingFirst: string;
  readonly noMatch: (filter: string) => string;
  readonly noneShown: string;
  readonly rows: (first: number, last: number, count: number) => string;
  readonly funded: (funded: number, count: number) => string;
  readonly filter: (filter: string) => string;
  readonly locks: (count: number) => string;
  readonly belowFloor: string;
}

const en: AllocationWords = {
  rank: 'Rank',
  id: 'Id',
  name: 'Name',
  region: 'Region',
  score: 'Score',
  grant: 'Grant',
  shareOfRequest: '% req',
  versusPrevious: 'Δ previous',
  versusReference: 'Δ reference',
  solvingFirst: 'Solving the first allocation…',
  noMatch: (filter) => `  No candidate matches “${filter}”. Esc clears the filter.`,
  noneShown: 'none shown',
  rows: (first, last, count) => `rows ${first}–${last} of ${count}`,
  funded: (funded, count) => `${funded} funded of ${count}`,
  filter: (filter) => `filter “${filter}”`,
  locks: (count) => `${count} lock${count === 1 ? '' : 's'} (✓ in, ✗ out)`,
  belowFloor: '“·” asks less than the grant floor',
};

const fr: AllocationWords = {
  rank: 'Rang',
  id: 'Id',
  name: 'Nom',
  region: 'Région',
  score: 'Note',
  grant: 'Subvention',
  shareOfRequest: '% dem.',
  versusPrevious: 'Δ précédent',
  versusReference: 'Δ référence',
  solvingFirst: 'Calcul de la première répartition…',
  noMatch: (filter) => `  Aucun candidat ne correspond à « ${filter} ». Esc efface le filtre.`,
  noneShown: 'aucune ligne affichée',
  rows: (first, last, count) => `lignes ${first}–${last} sur ${count}`,
  funded: (funded, count) => `${funded} ${funded <= 1 ? 'financé' : 'financés'} sur ${count}`,
  filter: (filter) => `filtre « ${filter} »`,
  locks: (count) => `${count} ${count <= 1 ? 'verrou' : 'verrous'} (✓ financé, ✗ exclu)`,
  belowFloor: '« · » demande moins que le plancher de subvention',
};

/** The table's words in a language. */
export const ALLOCATION_WORDS: Readonly<Record<Lang, AllocationWords>> = { en, fr };
