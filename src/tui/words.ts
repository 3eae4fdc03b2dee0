/**
 * The simulator's own words, in English and in French, side by side in one table, so that a text
 * missing in either language is a compile error. English is the simulator's historical text, byte
 * for byte; French uses the officers' words (lauréat, enveloppe, pondération, critère, verrou) and
 * French numbers (`84,00`, `89,8 %`, `3 000 000 €`).
 */
import { inLanguage, type InBoth, type Lang, type WordsOf } from '../domain/lang.js';
import { formatEuroChange, formatEuros, formatPercent, groupDigits } from '../domain/money.js';
import { numberFormats, type NumberFormats } from '../domain/numbers.js';
import { KEY_TABLE } from './key-table.js';
import { compactEuros, shareText } from './text.js';

/** The French formats, made on first use: Intl's locale data would slow an English start too. */
const n = (): NumberFormats => numberFormats('fr');

/** French amounts in `width` cells: `3 000 000 €`, `3 000 k€`, `3,0 M€`. */
function compact(euros: number, width: number): string {
  const full = n().euros(euros);
  if ([...full].length <= width) return full;
  const thousands = `${n().integer(euros / 1000)}\u00a0k€`;
  if ([...thousands].length <= width) return thousands;
  return `${n().decimal(euros / 1e6, 1)}\u00a0M€`;
}

/** `25 %`, `58,3 %`: one decimal only when needed. */
function share(fraction: number): string {
  const percent = Math.round(fraction * 1000) / 10;
  return n().percent(percent / 100, Number.isInteger(percent) ? 0 : 1);
}

/** A candidate's lock, as the table's Space sets it. */
export type LockWord = 'free' | 'funded' | 'excluded';

/** The keys each view's footer lists (the detail's too). */
const VIEW_HINTS = {
  allocation: { en: ['↑↓ move', 'Enter detail', 'Space lock', '/ filter', 'PgUp/PgDn page'], fr: ['↑↓ ligne', 'Entrée fiche', 'Espace verrou', '/ filtrer', 'PgUp/PgDn page'] },
  detail: { en: ['Esc back', '↑↓ next candidate', 'PgUp/PgDn scroll', 'Space lock'], fr: ['Échap retour', '↑↓ candidat suivant', 'PgUp/PgDn défiler', 'Espace verrou'] },
  weights: { en: ['↑↓ criterion', '←→ ±1 pt', 'Shift ±5', '0 zero', 'r reset', 'PgUp/PgDn scroll'], fr: ['↑↓ critère', '←→ ±1 pt', 'Shift ±5', '0 zéro', 'r rétablir', 'PgUp/PgDn défiler'] },
  budget: { en: ['↑↓ value', 'Enter edit', 'amounts: 2,5 M€ · 2 500 000 · 750 k€'], fr: ['↑↓ valeur', 'Entrée modifier', 'montants : 2,5 M€ · 2 500 000 · 750 k€'] },
  summary: { en: ['↑↓ scroll', 'PgUp/PgDn page'], fr: ['↑↓ défiler', 'PgUp/PgDn page'] },
  compare: {
    en: ['↑↓ scroll', '←→ change vs', 'm policies/reference', 'c set reference', 'Esc stop'],
    fr: ['↑↓ défiler', '←→ écart par rapport à', 'm pondérations/référence', 'c fixer la référence', 'Échap arrêter'],
  },
  sweep: { en: ['←→ criterion', '↑↓ scroll', 'Esc stop', 'Enter run again'], fr: ['←→ critère', '↑↓ défiler', 'Échap arrêter', 'Entrée relancer'] },
  tipping: { en: ['←→ criterion', '↑↓ scroll', 'Esc stop', 'Enter run again'], fr: ['←→ critère', '↑↓ défiler', 'Échap arrêter', 'Entrée relancer'] },
  robustness: {
    en: ['+/- samples', '[ ] spread', 'U uniform', '↑↓ scroll', 'Esc stop', 'Enter run again'],
    fr: ['+/- tirages', '[ ] dispersion', 'U uniforme', '↑↓ défiler', 'Échap arrêter', 'Entrée relancer'],
  },
} satisfies InBoth;


const BOTH = {
  n: {
    en: {
      euros: formatEuros,
      euroChange: formatEuroChange,
      percent: formatPercent,
      decimal: (value: number, digits: number) => value.toFixed(digits),
      integer: (value: number) => groupDigits(Math.round(value)),
      share: shareText,
      compact: compactEuros,
      mark: (value: number) => String(Number(value.toFixed(2))),
      plural: (count: number, one: string, other: string) => (count === 1 ? one : other),
    },
    fr: {
      euros: (value: number) => n().euros(value),
      euroChange: (value: number) => n().euroChange(value),
      percent: (fraction: number, digits?: number) => n().percent(fraction, digits),
      decimal: (value: number, digits: number) => n().decimal(value, digits),
      integer: (value: number) => n().integer(value),
      share,
      compact,
      mark: (value: number) => String(Number(value.toFixed(2))).replace('.', ','),
      plural: (count: number, one: string, other: string) => n().plural(count, { one, other }),
    },
  },
  /** The change column's words for a candidate that enters or leaves the laureates. */
  changeNew: { en: 'new', fr: 'entre' },
  changeOut: { en: 'out', fr: 'sort' },
  /** `free`, `locked in (funded)`, `locked out (excluded)`. */
  lock: { en: { free: 'free', funded: 'locked in (funded)', excluded: 'locked out (excluded)' } satisfies Readonly<Record<LockWord, string>>, fr: { free: 'libre', funded: 'verrouillé (financé)', excluded: 'verrouillé (exclu)' } },
  /** The message after Space: `Pôle Sud: locked in (funded).`. */
  locked: { en: (name: string, lock: string) => `${name}: ${lock}.`, fr: (name: string, lock: string) => `${name} : ${lock}.` },
  /** What the last edit was, as the conflict panel recalls it. */
  editPolicy: { en: (policy: string) => `policy ${policy}`, fr: (policy: string) => `pondération ${policy}` },
  editWeight: {
    en: (criterion: string, from: number, to: number) => `${criterion} ${(from * 100).toFixed(1)} % → ${(to * 100).toFixed(1)} %`,
    fr: (criterion: string, from: number, to: number) => `${criterion} ${share(from)} → ${share(to)}`,
  },
  editReset: { en: (policy: string) => `weights reset to '${policy}'`, fr: (policy: string) => `poids rétablis à ceux de « ${policy} »` },
  /** Why a solve failed when the solver itself stopped. */
  solverStopped: { en: (reason: string) => `the solver stopped: ${reason}`, fr: (reason: string) => `le solveur s’est arrêté : ${reason}` },
  status: {
    en: {
      solving: 'solving…',
      optimal: 'optimal',
      within: (gap: number) => `within ${(gap * 100).toPrecision(2)} %`,
      infeasible: 'infeasible',
      timedout: 'timed out',
      unbounded: 'unbounded',
      failed: 'failed',
    },
    fr: {
      solving: 'calcul…',
      optimal: 'optimal',
      within: (gap: number) => `à ${n().decimal(gap * 100, gap * 100 >= 10 ? 0 : 1)}\u00a0% près`,
      infeasible: 'sans solution',
      timedout: 'temps écoulé',
      unbounded: 'non borné',
      failed: 'échec',
    },
  },
  /** ` · policy ptce*  (label, edited)`. */
  policyText: {
    en: (policy: string, label: string, edited: boolean) => ` · policy ${policy}${edited ? '*' : ''} (${label}${edited ? ', edited' : ''})`,
    fr: (policy: string, label: string, edited: boolean) => ` · pondération ${policy}${edited ? '*' : ''} (${label}${edited ? ', modifiée' : ''})`,
  },
  /** The spend line's words: `Spent `, the laureates' full and short word, and the stale note. */
  spent: { en: 'Spent ', fr: 'Dépensé ' },
  laureates: { en: 'Laureates ', fr: 'Lauréats ' },
  laureatesShort: { en: 'Laur. ', fr: 'Laur. ' },
  lastFeasible: { en: ' (last feasible)', fr: ' (dernière réalisable)' },
  /** Amounts on the spend line: whole euros, then thousands and millions (digits only, the unit written once) to fit. */
  money: {
    en: {
      euros: formatEuros,
      thousands: (value: number) => groupDigits(Math.round(value / 1000)),
      thousandsUnit: ' k€',
      millions: (value: number) => (value / 1e6).toFixed(2).replace('.', ','),
      millionsUnit: ' M€',
    },
    fr: {
      euros: (value: number) => n().euros(value),
      thousands: (value: number) => n().integer(value / 1000),
      thousandsUnit: '\u00a0k€',
      millions: (value: number) => n().decimal(value / 1e6, 2),
      millionsUnit: '\u00a0M€',
    },
  },
  tooSmall: {
    en: (columns: number, rows: number, minColumns: number, minRows: number) => `enveloppe needs at least ${minColumns}×${minRows} (this terminal is ${columns}×${rows}). q quits.`,
    fr: (columns: number, rows: number, minColumns: number, minRows: number) => `enveloppe demande au moins ${minColumns}×${minRows} (ce terminal fait ${columns}×${rows}). q pour quitter.`,
  },
  // The footer
  /** Each view's name in the footer's tabs. */
  viewTitles: {
    en: { allocation: 'Allocation', weights: 'Weights', budget: 'Budget', summary: 'Summary', compare: 'Compare', sweep: 'Sweep', tipping: 'Tipping', robustness: 'Robustness' },
    fr: { allocation: 'Répartition', weights: 'Pondération', budget: 'Budget', summary: 'Synthèse', compare: 'Comparer', sweep: 'Balayage', tipping: 'Bascule', robustness: 'Robustesse' },
  },
  viewHints: { en: inLanguage(VIEW_HINTS, 'en'), fr: inLanguage(VIEW_HINTS, 'fr') },
  globalHints: {
    en: ['p policy', 'c compare', 's save', 'e export', 'u undo', '? keys', 'q quit'],
    fr: ['p pondération', 'c comparer', 's enregistrer', 'e exporter', 'u annuler', '? touches', 'q quitter'],
  },
  helpHints: { en: ['↑↓ scroll', 'Esc or ? close'], fr: ['↑↓ défiler', 'Échap ou ? fermer'] },
  versusPrevious: { en: 'Δ vs previous solve', fr: 'Δ par rapport au calcul précédent' },
  versusReference: { en: (policy: string) => `Δ vs reference (${policy})`, fr: (policy: string) => `Δ par rapport à la référence (${policy})` },
  filterHint: { en: (filter: string) => `filter “${filter}” (Esc clears)`, fr: (filter: string) => `filtre « ${filter} » (Échap l’efface)` },
  // The help (`?`)
  keysTitle: { en: 'Keys', fr: 'Touches' },
  keysNote: { en: '  (Esc or ? closes; ↑ ↓ scroll)', fr: '  (Échap ou ? ferme ; ↑ ↓ défiler)' },
  /** One paragraph per group: its title, then one key per line, `keys | what they do`. */
  keyTable: { en: KEY_TABLE.en, fr: KEY_TABLE.fr },
} satisfies InBoth;

/** The simulator's words in one language. */
export type TuiWords = WordsOf<typeof BOTH>;

/** How every screen prints numbers: English keeps its historical `1 500 000 €`, `84.00`, `45.7 %`. */
export type TuiNumbers = TuiWords['n'];

/** The solve status at the right of the header, without its time. */
export type StatusWords = TuiWords['status'];

/** Both catalogues, by language. */
export const WORDS: Readonly<Record<Lang, TuiWords>> = { en: inLanguage(BOTH, 'en'), fr: inLanguage(BOTH, 'fr') };

/** The words of a language. */
export function wordsOf(lang: Lang): TuiWords {
  return WORDS[lang];
}
