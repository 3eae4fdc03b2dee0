/** The simulator's words in French, as officers say them, with French numbers (`84,00`, `89,8 %`, `3 000 000 €`). */
import { numberFormats, type NumberFormats } from '../domain/numbers.js';
import type { TuiWords } from './words.js';

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

/** Every key of the simulator, once, by view: the help screen (`?`) lists them. */
const KEY_TABLE = `
Partout
1 2 3 4, Tab | Répartition, Pondération, Budget, Synthèse
5 6 7 8 | Comparer, Balayage, Bascule, Robustesse
p / P | pondération suivante / précédente
c | comparer à cette répartition
C | comparer au calcul précédent
s | enregistrer les poids comme nouvelle pondération
e | exporter la répartition en CSV
u | annuler la dernière modification
< > | faire défiler le panneau des conflits
? | cette liste de touches
q, Ctrl-C | quitter

Répartition
↑ ↓ PgUp PgDn | se déplacer dans le tableau
Home End | première, dernière ligne
/ | filtrer par nom, région ou identifiant
Esc | effacer le filtre
Enter | la fiche d’un candidat (Esc : retour)
PgUp PgDn | faire défiler la fiche d’un candidat
Space | verrou : libre → financé → exclu

Pondération
↑ ↓ | choisir un critère
← → | −/+ 1 point (Shift : 5 points)
0 | poids 0 pour ce critère
r | revenir aux poids de la pondération
PgUp PgDn | faire défiler si la vue dépasse

Budget
↑ ↓ | choisir une valeur
Enter | la saisir : 2,5 M€, 2 500 000, 750 k€

Synthèse et cette liste
↑ ↓ PgUp PgDn | faire défiler

Comparer
↑ ↓ PgUp PgDn | faire défiler
← → | la pondération à laquelle l’écart se mesure
m | toutes les pondérations ↔ la référence (fixée avec c)

Balayage et Bascule
← → | choisir un critère
↑ ↓ PgUp PgDn | faire défiler les candidats

Robustesse
+ / - | plus / moins de pondérations tirées
[ / ] | dispersion −/+ 0,05 (0 : les poids tels quels)
U | tirage uniforme ↔ autour des poids
o | tirer les poids, les notes des rapporteurs, ou les deux
↑ ↓ PgUp PgDn | faire défiler

Pendant une analyse (5–8)
Esc | l’arrêter (les autres vues restent utilisables)
Enter | la relancer après Esc ou un échec

Pendant une saisie
Enter / Esc | valider / annuler
Ctrl-U | effacer la ligne
Tab | pour exporter : Excel français ↔ CSV simple
`;

export const fr: TuiWords = {
  n: {
    euros: (value) => n().euros(value),
    euroChange: (value) => n().euroChange(value),
    percent: (fraction, digits) => n().percent(fraction, digits),
    decimal: (value, digits) => n().decimal(value, digits),
    integer: (value) => n().integer(value),
    share,
    compact,
    mark: (value) => String(Number(value.toFixed(2))).replace('.', ','),
    plural: (count, one, other) => n().plural(count, { one, other }),
  },
  changeNew: 'entre',
  changeOut: 'sort',
  lock: { free: 'libre', funded: 'verrouillé (financé)', excluded: 'verrouillé (exclu)' },
  locked: (name, lock) => `${name} : ${lock}.`,
  editPolicy: (policy) => `pondération ${policy}`,
  editWeight: (criterion, from, to) => `${criterion} ${share(from)} → ${share(to)}`,
  editReset: (policy) => `poids rétablis à ceux de « ${policy} »`,
  solverStopped: (reason) => `le solveur s’est arrêté : ${reason}`,
  status: {
    solving: 'calcul…',
    optimal: 'optimal',
    within: (gap) => `à ${n().decimal(gap * 100, gap * 100 >= 10 ? 0 : 1)}\u00a0% près`,
    infeasible: 'sans solution',
    timedout: 'temps écoulé',
    unbounded: 'non borné',
    failed: 'échec',
  },
  policyText: (policy, label, edited) => ` · pondération ${policy}${edited ? '*' : ''} (${label}${edited ? ', modifiée' : ''})`,
  spent: 'Dépensé ',
  laureates: 'Lauréats ',
  laureatesShort: 'Laur. ',
  lastFeasible: ' (dernière réalisable)',
  money: {
    euros: (value) => n().euros(value),
    thousands: (value) => n().integer(value / 1000),
    thousandsUnit: '\u00a0k€',
    millions: (value) => n().decimal(value / 1e6, 2),
    millionsUnit: '\u00a0M€',
  },
  tooSmall: (columns, rows, minColumns, minRows) => `enveloppe demande au moins ${minColumns}×${minRows} (ce terminal fait ${columns}×${rows}). q pour quitter.`,
  viewTitles: {
    allocation: 'Répartition',
    weights: 'Pondération',
    budget: 'Budget',
    summary: 'Synthèse',
    compare: 'Comparer',
    sweep: 'Balayage',
    tipping: 'Bascule',
    robustness: 'Robustesse',
  },
  viewHints: {
    allocation: ['↑↓ ligne', 'Enter fiche', 'Space verrou', '/ filtrer', 'PgUp/PgDn page'],
    detail: ['Esc retour', '↑↓ candidat suivant', 'PgUp/PgDn défiler', 'Space verrou'],
    weights: ['↑↓ critère', '←→ ±1 pt', 'Shift ±5', '0 zéro', 'r rétablir', 'PgUp/PgDn défiler'],
    budget: ['↑↓ valeur', 'Enter modifier', 'montants : 2,5 M€ · 2 500 000 · 750 k€'],
    summary: ['↑↓ défiler', 'PgUp/PgDn page'],
    compare: ['↑↓ défiler', '←→ écart par rapport à', 'm pondérations/référence', 'c fixer la référence', 'Esc arrêter'],
    sweep: ['←→ critère', '↑↓ défiler', 'Esc arrêter', 'Enter relancer'],
    tipping: ['←→ critère', '↑↓ défiler', 'Esc arrêter', 'Enter relancer'],
    robustness: ['+/- tirages', '[ ] dispersion', 'U uniforme', '↑↓ défiler', 'Esc arrêter', 'Enter relancer'],
  },
  globalHints: ['p pondération', 'c comparer', 's enregistrer', 'e exporter', 'u annuler', '? touches', 'q quitter'],
  helpHints: ['↑↓ défiler', 'Esc ou ? fermer'],
  versusPrevious: 'Δ par rapport au calcul précédent',
  versusReference: (policy) => `Δ par rapport à la référence (${policy})`,
  filterHint: (filter) => `filtre « ${filter} » (Esc l’efface)`,
  keysTitle: 'Touches',
  keysNote: '  (Esc ou ? ferme ; ↑ ↓ défiler)',
  keyTable: KEY_TABLE,
};
