/**
 * Every key of the simulator, once, by view, as the help screen (`?`) lists them, in both languages.
 * One paragraph per group: its title, then one key per line, `keys | what they do`.
 */
import type { Bilingual } from '../domain/lang.js';

export const KEY_TABLE: Bilingual = {
  en: `
Everywhere
1 2 3 4, Tab | Allocation, Weights, Budget, Summary
5 6 7 8 | Compare, Sweep, Tipping, Robustness
p / P | next / previous policy
c | compare with this allocation
C | compare with the previous solve
s | save the weights as a new policy
e | export the allocation to CSV
u | undo the last edit
< > | scroll the conflict panel
? | this list of keys
q, Ctrl-C | quit

Allocation
↑ ↓ PgUp PgDn | move in the table
Home End | first, last row
/ | filter by name, region or id
Esc | clear the filter
Enter | a candidate's detail (Esc: back)
PgUp PgDn | scroll a candidate's detail
Space | lock: free → funded → excluded

Weights
↑ ↓ | choose a criterion
← → | −/+ 1 point (Shift: 5 points)
0 | weight 0 for this criterion
r | reset to the policy's weights
PgUp PgDn | scroll when the view is taller

Budget
↑ ↓ | choose a value
Enter | type it: 2,5 M€, 2 500 000, 750 k€

Summary and this list
↑ ↓ PgUp PgDn | scroll

Compare
↑ ↓ PgUp PgDn | scroll
← → | the policy the change is measured to
m | every policy ↔ the reference (set with c)

Sweep and Tipping
← → | choose a criterion
↑ ↓ PgUp PgDn | scroll the candidates

Robustness
+ / - | more / fewer weightings drawn
[ / ] | spread −/+ 0.05 (0: the weights as set)
U | draw uniformly ↔ around the weights
o | draw the weights, the reviewers' marks, or both
↑ ↓ PgUp PgDn | scroll

While an analysis runs (5–8)
Esc | stop it (other views stay usable)
Enter | run it again after Esc or a failure

When typing
Enter / Esc | accept / cancel
Ctrl-U | clear the line
Tab | export: French Excel ↔ plain CSV
`,
  fr: `
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
Échap | effacer le filtre
Entrée | la fiche d’un candidat (Échap : retour)
PgUp PgDn | faire défiler la fiche d’un candidat
Espace | verrou : libre → financé → exclu

Pondération
↑ ↓ | choisir un critère
← → | −/+ 1 point (Shift : 5 points)
0 | poids 0 pour ce critère
r | revenir aux poids de la pondération
PgUp PgDn | faire défiler si la vue dépasse

Budget
↑ ↓ | choisir une valeur
Entrée | la saisir : 2,5 M€, 2 500 000, 750 k€

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
Échap | l’arrêter (les autres vues restent utilisables)
Entrée | la relancer après Échap ou un échec

Pendant une saisie
Entrée / Échap | valider / annuler
Ctrl-U | effacer la ligne
Tab | pour exporter : Excel français ↔ CSV simple
`,
};
