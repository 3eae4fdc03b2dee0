/**
 * The bench's own earlier generator (bench/generate.ts until 683b1f3), kept beside the hard call so
 * that the table shows both (issue 15): the 2013 call scaled up. Envelope, laureates and the count
 * per region grow with the number of candidates; the €72k floor, the 20 % region cap and the 40 %
 * quota for territories in difficulty stay as in 2013; nine criteria marked 0–5; requests from €60k
 * to €460k on whole fifties. Easier than the hard call: its relaxation is nearly integral.
 */
import { seededRandom } from '../src/domain/random.js';
import { writeCall, type HardCallFiles } from './hard-call.js';

const REGIONS = ['Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse', 'Franche-Comté', 'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées', 'Nord-Pas-de-Calais', 'Pays de la Loire', 'Picardie', 'Poitou-Charentes', "Provence-Alpes-Côte d'Azur", 'Rhône-Alpes', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];
const TERRITORIES = ['qpv', 'desindustrialise', 'rural', 'urbain'];
const CRITERIA = ['perimetre_geographique', 'objectifs', 'calendrier', 'financement', 'evaluation', 'politiques_publiques', 'perennite_emplois', 'utilite_sociale', 'implication_citoyenne'];

/** The scaled call's YAML and CSV text for `count` candidates; the same seed gives the same bytes (the draws of bench/generate.ts). */
export function scaledCall(count: number, seed = 2013): HardCallFiles {
  const random = seededRandom(seed + count);
  const factor = count / 130;
  const rows = [['id', 'name', 'region', 'territory', 'request', 'request_2013', 'request_2014', ...CRITERIA].join(',')];
  for (let index = 0; index < count; index++) {
    const quality = random();
    const marks = CRITERIA.map(() => Math.round(Math.min(5, Math.max(0, 5 * (0.6 * quality + 0.4 * random()))) * 10) / 10);
    const request = Math.round((60_000 + random() * 400_000) / 50) * 50;
    const first = Math.round(request * (0.4 + random() * 0.2));
    const region = REGIONS[Math.floor(random() * REGIONS.length)] ?? 'Centre';
    const territory = TERRITORIES[Math.floor(random() * TERRITORIES.length)] ?? 'rural';
    rows.push([`c-${String(index + 1).padStart(5, '0')}`, `Pôle ${index + 1}`, region, territory, request, first, request - first, ...marks].join(','));
  }
  const total = Math.round(3_000_000 * factor);
  const scenario = [
    `name: Appel à ${count} candidats (règles 2013)`,
    'description: The 2013 call scaled up, for the benchmark (bench/scaled-call.ts).',
    'candidates: candidates.csv',
    'envelope:',
    `  total: ${total}`,
    `  years: {2013: ${total / 2}, 2014: ${total / 2}}`,
    'grant: {min: 72000, max: 290000, step: 1000}',
    `laureates: {min: 0, max: ${Math.round(23 * factor)}}`,
    'criteria:',
    ...CRITERIA.map((column) => `  - {column: ${column}, label: ${column}, scale: [0, 5]}`),
    'policies:',
    '  equilibre:',
    '    label: Équilibrée',
    `    weights: {${CRITERIA.map((column) => `${column}: 1`).join(', ')}}`,
    'rules:',
    '  - {label: Pas plus de 20 % par région, group: {column: region}, share: {max: 0.20}}',
    '  - {label: 40 % au moins pour les territoires en difficulté, group: {column: territory, in: [qpv, desindustrialise, rural]}, share: {min: 0.40}}',
    `  - {label: Lauréats par région, group: {column: region}, count: {max: ${Math.max(4, Math.round(4 * factor))}}}`,
    '',
  ].join('\n');
  return { scenario, candidates: `${rows.join('\n')}\n` };
}

/** Writes the call into `folder` (scenario.yaml, candidates.csv) and returns the scenario's path. */
export function writeScaledCall(folder: string, count: number, seed = 2013): string {
  return writeCall(folder, scaledCall(count, seed));
}
