/**
 * Calls of any size with the 2013 rules scaled up, for the benchmark: a seeded generator, so
 * every run measures the same models. Envelope, laureates and per-region counts grow with the
 * number of candidates; the floors, the region share cap and the territory quota stay as in 2013.
 */
import type { Candidate, Criterion, Scenario } from '../src/domain/types.js';
import { seededRandom } from '../src/domain/random.js';

const REGIONS = ['Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse', 'Franche-Comté', 'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées', 'Nord-Pas-de-Calais', 'Pays de la Loire', 'Picardie', 'Poitou-Charentes', "Provence-Alpes-Côte d'Azur", 'Rhône-Alpes', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];
const TERRITORIES = ['qpv', 'desindustrialise', 'rural', 'urbain'];
const CRITERIA = ['perimetre_geographique', 'objectifs', 'calendrier', 'financement', 'evaluation', 'politiques_publiques', 'perennite_emplois', 'utilite_sociale', 'implication_citoyenne'];

export function scaledCall(count: number, seed = 2013): Scenario {
  const random = seededRandom(seed + count);
  const factor = count / 130;
  const criteria: Criterion[] = CRITERIA.map((column) => ({ column, label: column, scale: [0, 5], better: 'higher' }));
  const candidates: Candidate[] = Array.from({ length: count }, (_, index) => {
    const quality = random();
    const marks: Record<string, number> = {};
    for (const column of CRITERIA) marks[column] = Math.round(Math.min(5, Math.max(0, 5 * (0.6 * quality + 0.4 * random()))) * 10) / 10;
    const request = Math.round((60_000 + random() * 400_000) / 50) * 50;
    const first = Math.round(request * (0.4 + random() * 0.2));
    const region = REGIONS[Math.floor(random() * REGIONS.length)] ?? 'Centre';
    const territory = TERRITORIES[Math.floor(random() * TERRITORIES.length)] ?? 'rural';
    const id = `c-${String(index + 1).padStart(5, '0')}`;
    return {
      id,
      name: `Pôle ${index + 1}`,
      region,
      request,
      requestByYear: { '2013': first, '2014': request - first },
      criteria: marks,
      attributes: { id, name: `Pôle ${index + 1}`, region, territory },
      line: index + 2,
    };
  });
  const total = Math.round(3_000_000 * factor);
  return {
    name: `Appel à ${count} candidats (règles 2013)`,
    description: '',
    file: '',
    candidatesFile: '',
    candidates,
    envelope: { total, years: [{ year: '2013', ceiling: total / 2 }, { year: '2014', ceiling: total / 2 }] },
    grant: { min: 72_000, max: 290_000, step: 1000 },
    laureates: { min: 0, max: Math.round(23 * factor) },
    criteria,
    policies: [{ name: 'equilibre', label: 'Équilibrée', weights: Object.fromEntries(CRITERIA.map((column) => [column, 1])), returns: [] }],
    rules: [
      { label: 'Pas plus de 20 % par région', group: { column: 'region' }, share: { max: 0.2 } },
      { label: '40 % au moins pour les territoires en difficulté', group: { column: 'territory', in: ['qpv', 'desindustrialise', 'rural'] }, share: { min: 0.4 } },
      { label: 'Lauréats par région', group: { column: 'region' }, count: { max: Math.max(4, Math.round(4 * factor)) } },
    ],
    locks: {},
  };
}
