/**
 * The hard call of issue 15, as files a user would have: a scenario (YAML) and its candidates (CSV),
 * from a seed. Requests run from €40k to €320k and a quarter of them end in 250 or 500 €; grants
 * go from €50k to €290k in steps of €1,000; the envelope is €40k per candidate over two equal year
 * ceilings; at most n·23/130 laureates; no region above 12 % of the envelope (26 regions); at least
 * 40 % to territories in difficulty; six criteria, one of them `better: lower`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/domain/random.js';

const REGIONS = ['Alsace', 'Aquitaine', 'Auvergne', 'Basse-Normandie', 'Bourgogne', 'Bretagne', 'Centre', 'Champagne-Ardenne', 'Corse', 'Franche-Comté', 'Haute-Normandie', 'Île-de-France', 'Languedoc-Roussillon', 'Limousin', 'Lorraine', 'Midi-Pyrénées', 'Nord-Pas-de-Calais', 'Pays de la Loire', 'Picardie', 'Poitou-Charentes', "Provence-Alpes-Côte d'Azur", 'Rhône-Alpes', 'Guadeloupe', 'Martinique', 'Guyane', 'La Réunion'];
const TERRITORIES = ['qpv', 'desindustrialise', 'rural', 'urbain'];
/** Five marks out of 5 (higher is better) and a cost per job created, in k€ (lower is better). */
const MARKS = ['cooperation', 'utilite_sociale', 'perennite_emplois', 'financement', 'innovation'];

export interface HardCallFiles {
  readonly scenario: string;
  readonly candidates: string;
}

/** The scenario's YAML and CSV text for `count` candidates; the same seed gives the same bytes. */
export function hardCall(count: number, seed = 15): HardCallFiles {
  const random = seededRandom(seed * 100_003 + count);
  const header = ['id', 'name', 'region', 'territory', 'request', 'request_2013', 'request_2014', ...MARKS, 'cout_par_emploi'];
  const rows = [header.join(',')];
  for (let index = 0; index < count; index++) {
    const quality = random();
    const thousands = 40 + Math.floor(random() * 280);
    const odd = random();
    // A quarter of requests end in 250 or 500 €, the rest on whole thousands.
    const request = thousands * 1000 + (odd < 0.125 ? 250 : odd < 0.25 ? 500 : 0);
    const first = Math.round(request * (0.35 + random() * 0.3));
    const marks = MARKS.map(() => (Math.round(Math.min(5, Math.max(0, 5 * (0.55 * quality + 0.45 * random()))) * 10) / 10).toFixed(1));
    const cost = (20 + Math.round(random() * 800) / 10).toFixed(1);
    const region = REGIONS[Math.floor(random() * REGIONS.length)] ?? 'Centre';
    const territory = TERRITORIES[Math.floor(random() * TERRITORIES.length)] ?? 'rural';
    rows.push([`h-${String(index + 1).padStart(5, '0')}`, `Pôle ${index + 1}`, region, territory, request, first, request - first, ...marks, cost].join(','));
  }
  const total = 40_000 * count;
  const scenario = [
    `name: Appel difficile à ${count} candidats (issue 15)`,
    'description: Seeded hard call for the benchmark (bench/hard-call.ts).',
    'candidates: candidates.csv',
    'envelope:',
    `  total: ${total}`,
    `  years: {2013: ${total / 2}, 2014: ${total / 2}}`,
    'grant: {min: 50000, max: 290000, step: 1000}',
    `laureates: {min: 0, max: ${Math.floor((count * 23) / 130)}}`,
    'criteria:',
    ...MARKS.map((column) => `  - {column: ${column}, label: ${column}, scale: [0, 5]}`),
    '  - {column: cout_par_emploi, label: Coût par emploi (k€), scale: [20, 100], better: lower}',
    'policies:',
    '  equilibre:',
    '    label: Équilibrée',
    `    weights: {${[...MARKS, 'cout_par_emploi'].map((column) => `${column}: 1`).join(', ')}}`,
    'rules:',
    '  - {label: Pas plus de 12 % par région, group: {column: region}, share: {max: 0.12}}',
    '  - {label: 40 % au moins pour les territoires en difficulté, group: {column: territory, in: [qpv, desindustrialise, rural]}, share: {min: 0.40}}',
    '',
  ].join('\n');
  return { scenario, candidates: `${rows.join('\n')}\n` };
}

/** Writes the call into `folder` (scenario.yaml, candidates.csv) and returns the scenario's path. */
export function writeHardCall(folder: string, count: number, seed = 15): string {
  return writeCall(folder, hardCall(count, seed));
}

/** Writes a generated call's files into `folder` (scenario.yaml, candidates.csv) and returns the scenario's path. */
export function writeCall(folder: string, files: HardCallFiles): string {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'candidates.csv'), files.candidates);
  const path = join(folder, 'scenario.yaml');
  writeFileSync(path, files.scenario);
  return path;
}
