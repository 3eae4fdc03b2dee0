/** The analyses' words in French, as officers say them (lauréat, enveloppe, pondération, subvention). */
import { numberFormats } from '../domain/numbers.js';
import { frenchNumber } from '../io/bilingual.js';
import type { AnalysisWords } from './analysis-words.js';
import { fr as cli } from './words-fr.js';

/** `1 candidat`, `2 candidats`: French counts 0 and 1 in the singular. */
function count(value: number, one: string, many = `${one}s`): string {
  return `${value} ${numberFormats('fr').plural(value, { one, other: many })}`;
}

const STATUS: Readonly<Record<string, string>> = { infeasible: 'infaisable', timedout: 'temps dépassé', unbounded: 'non borné', failed: 'échec', feasible: 'faisable', optimal: 'optimal' };

export const fr: AnalysisWords = {
  wroteCsv: (file, excel) => `Fichier ${file} écrit${excel ? ' pour Excel en français' : ''}.`,
  wroteWorkbook: (file, policy, sheet) => `Classeur écrit dans ${file} (répartition sous la pondération ${policy}, régions et règles, paramètres, feuille «\u00a0${sheet}\u00a0»).`,
  noOptimum: (policy, status) => `aucune répartition optimale sous la pondération '${policy}' (${STATUS[status] ?? status}).`,
  id: 'Id',
  name: 'Nom',
  change: 'Écart',
  spread: 'Étendue',
  rank: 'Rang',
  totals: 'Totaux',
  laureates: 'Lauréats',
  pair: (a, b, common, moved) => `${a} → ${b}\u00a0: ${count(common, 'lauréat')} en commun, ${moved} déplacés`,
  enter: (ids) => `entrent\u00a0: ${ids}`,
  leave: (ids) => `sortent\u00a0: ${ids}`,
  byGroup: 'Par région et groupe de règle',
  entering: 'entre',
  leaving: 'sort',
  inOut: 'entre/sort',
  sweepTitle: (scenario, policy, criterion, share) => `${scenario} — pondération ${policy}\u00a0: part de «\u00a0${criterion}\u00a0» de 0 à 100\u00a0% (pondération\u00a0: ${share})`,
  sweepHead: 'financé au fil du balayage (0\u00a0% → 100\u00a0%\u00a0; █ financé, · non)',
  shares: 'Parts\u00a0: ',
  tippingTitle: (scenario, policy, solves) => `${scenario} — points de bascule autour de la pondération ${policy} (${count(solves, 'calcul')})`,
  stays: (candidate, funded, criterion, from, to, now) => `${candidate} ${funded ? 'reste financé' : 'reste écarté'} tant que ${criterion} pèse entre ${from} et ${to} de la pondération (aujourd’hui ${now})`,
  noTipping: 'Aucun candidat ne change de statut, quelle que soit la part d’un seul critère.',
  budgetTitle: (scenario, policy, from, to) => `${scenario} — pondération ${policy}\u00a0: enveloppe de ${from} à ${to}`,
  budgetColumns: { envelope: 'Enveloppe', spent: 'Dépensé', laureates: 'Lauréats', objective: 'Objectif', perEuro: 'Par € en +' },
  status: (status) => STATUS[status] ?? status,
  perEuroLegend: 'Par € en +\u00a0: points de note qu’achètent les euros suivants (gain de l’objectif par euro depuis l’enveloppe précédente).',
  band: (low, high) => `${low} à ${high}`,
  weightsUniform: 'pondérations tirées uniformément',
  weightsAround: (policy, spread) => `pondérations autour de la pondération ${policy} (écart ${frenchNumber(spread)})`,
  marksDrawn: (aggregate, severity, policy) => `notes tirées en rééchantillonnant avec remise les rapporteurs de chaque candidat hors conflit d’intérêts (${cli.aggregate(aggregate)}${severity ? ', corrigée de la sévérité' : ''}), pondération ${policy}`,
  both: (weights, marks) => `${weights}, et ${marks}`,
  robustnessTitle: (scenario, solved, drawn, seed) => `${scenario} — ${count(solved, 'tirage')}\u00a0: ${drawn}\u00a0; graine ${seed}`,
  robustnessColumns: { funded: 'Financé', meanGrant: 'Subv. moy.', range: '5–95\u00a0%', rank: 'Rang (5–95\u00a0%)', class: 'Classe' },
  fundingClass: { always: 'toujours', often: 'souvent', sometimes: 'parfois', never: 'jamais' },
  toDiscuss: ' · à discuter',
  neverFunded: (never) => `${count(never, 'candidat n’est', 'candidats ne sont')} jamais ${never > 1 ? 'financés' : 'financé'}. Classes\u00a0: toujours = à chaque tirage, souvent ≥ 50\u00a0%, parfois > 0.`,
  nothingToDiscuss: (band) => `Aucun candidat n’est financé dans ${band} des tirages\u00a0: rien à discuter.`,
  discuss: (band, ids) => `À discuter (financés dans ${band} des tirages\u00a0; une bande naturelle pour un tirage au sort)\u00a0: ${ids}.`,
};
