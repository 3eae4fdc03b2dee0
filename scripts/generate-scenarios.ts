/**
 * Writes the candidate CSVs of the sample scenarios in `scenarios/`, deterministically.
 *
 * What is real (counts, envelopes, grant ranges, regions, the named poles) comes from
 * `DOMAIN.md` and the press seeds; what is not public (jury scores, requests, the invented
 * poles) is drawn here from a seeded generator, so that running this script twice gives
 * byte-identical files. `test/scenarios-generated.test.ts` checks the committed files against
 * {@link generateAll}: edit this script, never the CSVs.
 *
 * Run: `npx tsx scripts/generate-scenarios.ts`
 */
import { seededRandom, type Random } from '../src/domain/random.js';
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { formatCsv, type CsvTableOut } from '../src/io/csv-write.js';

/** Master seed: the day the 23 laureates of the 2013 call were announced (10 January 2014). */
export const SEED = 20140110;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** FNV-1a hash, so that each scenario has its own stream and adding one does not shift others. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function streamFor(scenario: string): Random {
  return seededRandom((SEED ^ fnv1a(scenario)) >>> 0);
}

/** Standard normal draw (Box–Muller). */
function gaussian(random: Random): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function uniformInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Fisher–Yates shuffle into a new array. */
function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
const roundTo = (value: number, step: number): number => Math.round(value / step) * step;
/** A jury mark on 0–5 with one decimal. */
const mark = (value: number): number => Math.round(clamp(value, 0, 5) * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Geography (regions of 2013, before the 2016 merger)

type Territory = 'qpv' | 'desindustrialise' | 'rural' | 'urbain';
type Stage = 'emergence' | 'consolidation';

/** A local territory an invented pole can be named after: `bare|article|department|territory`. */
interface Place {
  readonly bare: string;
  /** How French says "of <bare>": du, de la, des, de l', de, d'. */
  readonly article: string;
  readonly department: string;
  readonly territory: Territory;
}

function places(lines: readonly string[]): Place[] {
  return lines.map((line) => {
    const [bare, article, department, territory] = line.split('|');
    if (bare === undefined || article === undefined || department === undefined || territory === undefined) {
      throw new Error(`bad place ${line}`);
    }
    return { bare, article, department, territory: territory as Territory };
  });
}

/** Places per region, for invented poles. Territory classes are our reading, not an official list. */
const PLACES: Readonly<Record<string, readonly Place[]>> = {
  Alsace: places([
    'Neuhof|du|Bas-Rhin|qpv',
    'Bassin potassique|du|Haut-Rhin|desindustrialise',
    "Alsace centrale|de l'|Bas-Rhin|urbain",
    'Vallée de la Thur|de la|Haut-Rhin|desindustrialise',
    "Eurométropole de Strasbourg|de l'|Bas-Rhin|urbain",
    'Colmar|de|Haut-Rhin|urbain',
  ]),
  Aquitaine: places([
    'Rive droite bordelaise|de la|Gironde|qpv',
    'Médoc|du|Gironde|rural',
    'Pays basque intérieur|du|Pyrénées-Atlantiques|rural',
    'Bassin de Lacq|du|Pyrénées-Atlantiques|desindustrialise',
    'Périgord vert|du|Dordogne|rural',
    'Haute Lande|de la|Landes|rural',
    'Villeneuvois|du|Lot-et-Garonne|rural',
    'Vallée du Lot|de la|Lot-et-Garonne|desindustrialise',
    'Bordeaux Métropole|de|Gironde|urbain',
    'Pays de Pau|du|Pyrénées-Atlantiques|urbain',
    "Agglomération d'Agen|de l'|Lot-et-Garonne|urbain",
  ]),
  Auvergne: places([
    'Livradois-Forez|du|Puy-de-Dôme|rural',
    'Bassin de Montluçon|du|Allier|desindustrialise',
    'Brivadois|du|Haute-Loire|rural',
    "Pays d'Aurillac|du|Cantal|rural",
    'Quartiers Nord de Clermont-Ferrand|des|Puy-de-Dôme|qpv',
    'Clermont Communauté|de|Puy-de-Dôme|urbain',
    "Vichy Val d'Allier|de|Allier|urbain",
  ]),
  'Basse-Normandie': places([
    'Bocage virois|du|Calvados|rural',
    'Cotentin|du|Manche|urbain',
    "Pays d'Alençon|du|Orne|rural",
    "Hérouville-Saint-Clair|d'|Calvados|qpv",
    'Caen la mer|de|Calvados|urbain',
  ]),
  Bourgogne: places([
    'Creusot-Montceau|du|Saône-et-Loire|desindustrialise',
    'Morvan|du|Nièvre|rural',
    'Grésilles|des|Côte-d\'Or|qpv',
    'Puisaye|de la|Yonne|rural',
    "Grand Dijon|du|Côte-d'Or|urbain",
    "Auxerrois|de l'|Yonne|urbain",
  ]),
  Bretagne: places([
    'Pays de Redon|du|Ille-et-Vilaine|rural',
    'Trégor|du|Côtes-d\'Armor|urbain',
    'Centre Bretagne|de|Morbihan|rural',
    'Pays de Morlaix|du|Finistère|rural',
    'Maurepas|de|Ille-et-Vilaine|qpv',
    'Pays de Lorient|du|Morbihan|urbain',
    'Centre Ouest Bretagne|du|Finistère|rural',
    'Pays de Fougères|du|Ille-et-Vilaine|desindustrialise',
    'Rennes Métropole|de|Ille-et-Vilaine|urbain',
    'Pays de Brest|du|Finistère|urbain',
  ]),
  Centre: places([
    'Pays de Vierzon|du|Cher|desindustrialise',
    'Boischaut Sud|du|Indre|rural',
    "Orléans La Source|d'|Loiret|qpv",
    'Vendômois|du|Loir-et-Cher|rural',
    'Perche|du|Eure-et-Loir|rural',
    'Chinonais|du|Indre-et-Loire|rural',
    "Agglomération tourangelle|de l'|Indre-et-Loire|urbain",
    "Agglomération chartraine|de l'|Eure-et-Loir|urbain",
  ]),
  'Champagne-Ardenne': places([
    'Vallée de la Meuse ardennaise|de la|Ardennes|desindustrialise',
    'Reims Croix-Rouge|de|Marne|qpv',
    'Pays de Langres|du|Haute-Marne|rural',
    "Pays d'Othe|du|Aube|rural",
    "Agglomération troyenne|de l'|Aube|urbain",
  ]),
  Corse: places(['Centre Corse|du|Haute-Corse|rural', 'Pays ajaccien|du|Corse-du-Sud|urbain', 'Pays bastiais|du|Haute-Corse|urbain']),
  'Franche-Comté': places([
    'Haut-Doubs|du|Doubs|rural',
    'Pays de Montbéliard|du|Doubs|desindustrialise',
    'Haut-Jura|du|Jura|rural',
    'Vosges saônoises|des|Haute-Saône|rural',
    'Grand Besançon|du|Doubs|urbain',
  ]),
  'Haute-Normandie': places([
    'Vallée de la Bresle|de la|Seine-Maritime|desindustrialise',
    'Hauts de Rouen|des|Seine-Maritime|qpv',
    'Pays de Bray|du|Seine-Maritime|rural',
    "Vallée de l'Andelle|de la|Eure|desindustrialise",
    "Agglomération havraise|de l'|Seine-Maritime|urbain",
    "Évreux|d'|Eure|urbain",
  ]),
  'Île-de-France': places([
    'Vallée de la Bièvre|de la|Val-de-Marne|urbain',
    'Plaine Commune|de|Seine-Saint-Denis|qpv',
    'Clichy-Montfermeil|de|Seine-Saint-Denis|qpv',
    'Grigny – Viry-Châtillon|de|Essonne|qpv',
    'Mantois|du|Yvelines|qpv',
    'Seine-Amont|de|Val-de-Marne|desindustrialise',
    "Est Ensemble|d'|Seine-Saint-Denis|qpv",
    'Cergy-Pontoise|de|Val-d\'Oise|urbain',
    'Val de France|du|Val-d\'Oise|qpv',
    'Provinois|du|Seine-et-Marne|rural',
    'Gâtinais français|du|Essonne|rural',
    'Vexin français|du|Val-d\'Oise|rural',
    'Marne-la-Vallée|de|Seine-et-Marne|urbain',
    'Belleville|de|Paris|qpv',
    'Boucle Nord de Seine|de la|Hauts-de-Seine|desindustrialise',
    'Centre Essonne|du|Essonne|urbain',
    'Sénart|de|Seine-et-Marne|urbain',
    'Pays de Meaux|du|Seine-et-Marne|urbain',
  ]),
  'Languedoc-Roussillon': places([
    'Cévennes|des|Gard|rural',
    "Bassin d'Alès|du|Gard|desindustrialise",
    "Cœur d'Hérault|de|Hérault|rural",
    'Mosson|de la|Hérault|qpv',
    'Carcassonnais|du|Aude|urbain',
    'Pyrénées catalanes|des|Pyrénées-Orientales|rural',
    'Margeride|de la|Lozère|rural',
    'Montpellier Agglomération|de|Hérault|urbain',
    'Nîmes Métropole|de|Gard|urbain',
  ]),
  Limousin: places([
    'Plateau de Millevaches|du|Corrèze|rural',
    "Val de l'Aurence|du|Haute-Vienne|qpv",
    'Pays de Guéret|du|Creuse|rural',
    'Limoges Métropole|de|Haute-Vienne|urbain',
  ]),
  Lorraine: places([
    'Vallée de la Fensch|de la|Moselle|desindustrialise',
    'Pays-Haut|du|Meurthe-et-Moselle|desindustrialise',
    'Déodatie|de la|Vosges|rural',
    'Plateau de Haye|du|Meurthe-et-Moselle|qpv',
    'Pays de Verdun|du|Meuse|rural',
    'Bassin houiller lorrain|du|Moselle|desindustrialise',
    'Metz Métropole|de|Moselle|urbain',
    'Grand Nancy|du|Meurthe-et-Moselle|urbain',
  ]),
  'Midi-Pyrénées': places([
    'Pays de Figeac|du|Lot|rural',
    'Bassin de Decazeville|du|Aveyron|desindustrialise',
    'Couserans|du|Ariège|rural',
    'Mirail|du|Haute-Garonne|qpv',
    'Albigeois|de l\'|Tarn|urbain',
    'Carmausin|du|Tarn|desindustrialise',
    "Pays d'Armagnac|du|Gers|rural",
    'Plateau de Lannemezan|du|Hautes-Pyrénées|desindustrialise',
    'Pays Midi-Quercy|du|Tarn-et-Garonne|rural',
    'Toulouse Nord|de|Haute-Garonne|urbain',
    'Grand Rodez|du|Aveyron|urbain',
  ]),
  'Nord-Pas-de-Calais': places([
    'Bassin minier|du|Pas-de-Calais|desindustrialise',
    'Roubaix-Tourcoing|de|Nord|qpv',
    'Val de Sambre|du|Nord|desindustrialise',
    "Avesnois|de l'|Nord|rural",
    'Calaisis|du|Pas-de-Calais|desindustrialise',
    'Boulonnais|du|Pas-de-Calais|urbain',
    'Dunkerquois|du|Nord|desindustrialise',
    'Ternois|du|Pas-de-Calais|rural',
    'Lille Sud|de|Nord|qpv',
    'Valenciennois|du|Nord|desindustrialise',
    'Métropole lilloise|de la|Nord|urbain',
    "Arrageois|de l'|Pas-de-Calais|urbain",
  ]),
  'Pays de la Loire': places([
    'Estuaire de la Loire|de l\'|Loire-Atlantique|urbain',
    'Île de Nantes|de l\'|Loire-Atlantique|urbain',
    'Mauges|des|Maine-et-Loire|rural',
    'Monplaisir|de|Maine-et-Loire|qpv',
    'Haut-Anjou|du|Maine-et-Loire|rural',
    'Sud-Mayenne|du|Mayenne|rural',
    'Sablons|des|Sarthe|qpv',
    'Pays de Fontenay-le-Comte|du|Vendée|rural',
    'Pays de Châteaubriant|du|Loire-Atlantique|rural',
    'Le Mans Métropole|du|Sarthe|urbain',
    "Angers Loire Métropole|d'|Maine-et-Loire|urbain",
    'La Roche-sur-Yon|de|Vendée|urbain',
  ]),
  Picardie: places([
    'Saint-Quentinois|du|Aisne|desindustrialise',
    'Thiérache|de la|Aisne|rural',
    "Amiens Nord|d'|Somme|qpv",
    'Vimeu|du|Somme|desindustrialise',
    'Bassin creillois|du|Oise|qpv',
    "Amiens Métropole|d'|Somme|urbain",
    'Compiégnois|du|Oise|urbain',
  ]),
  'Poitou-Charentes': places([
    'Pays rochefortais|du|Charente-Maritime|urbain',
    'Châtelleraudais|du|Vienne|desindustrialise',
    'Charente limousine|de la|Charente|rural',
    'Pays mellois|du|Deux-Sèvres|rural',
    'Grand Poitiers|du|Vienne|urbain',
    "Agglomération rochelaise|de l'|Charente-Maritime|urbain",
  ]),
  "Provence-Alpes-Côte d'Azur": places([
    'Quartiers Nord de Marseille|des|Bouches-du-Rhône|qpv',
    "Pays d'Aubagne et de l'Étoile|du|Bouches-du-Rhône|urbain",
    "Étang de Berre|de l'|Bouches-du-Rhône|desindustrialise",
    'Haut-Var Verdon|du|Var|rural',
    'La Seyne-sur-Mer|de|Var|desindustrialise',
    'Pays de Forcalquier|du|Alpes-de-Haute-Provence|rural',
    'Briançonnais|du|Hautes-Alpes|rural',
    "Pays d'Apt Luberon|du|Vaucluse|rural",
    'Grand Avignon|du|Vaucluse|qpv',
    "Nice Est – L'Ariane|de|Alpes-Maritimes|qpv",
    'Pays de Grasse|du|Alpes-Maritimes|urbain',
    "Pays d'Aix|du|Bouches-du-Rhône|urbain",
    'Toulon Provence Méditerranée|de|Var|urbain',
  ]),
  'Rhône-Alpes': places([
    'Monts du Lyonnais|des|Rhône|rural',
    "Ouest lyonnais|de l'|Rhône|urbain",
    'Vaulx-en-Velin|de|Rhône|qpv',
    'Vénissieux Minguettes|de|Rhône|qpv',
    'Vallée du Gier|de la|Loire|desindustrialise',
    'Roannais|du|Loire|desindustrialise',
    'Monts du Forez|des|Loire|rural',
    'Maurienne|de la|Savoie|desindustrialise',
    "Avant-Pays savoyard|de l'|Savoie|rural",
    'Tarentaise|de la|Savoie|rural',
    'Chablais|du|Haute-Savoie|rural',
    "Vallée de l'Arve|de la|Haute-Savoie|urbain",
    'Trièves|du|Isère|rural',
    'Villeneuve de Grenoble|de la|Isère|qpv',
    'Nord-Isère|du|Isère|urbain',
    'Bugey|du|Ain|rural',
    'Pays de Gex|du|Ain|urbain',
    'Val de Drôme|du|Drôme|rural',
    'Diois|du|Drôme|rural',
    "Ardèche méridionale|de l'|Ardèche|rural",
    'Lyon Confluence|de|Rhône|urbain',
    'Grenoble-Alpes Métropole|de|Isère|urbain',
    'Chambéry métropole|de|Savoie|urbain',
    'Bassin annécien|du|Haute-Savoie|urbain',
    "Agglomération valentinoise|de l'|Drôme|urbain",
    'Saint-Étienne Métropole|de|Loire|urbain',
  ]),
  Guadeloupe: places([
    'Nord Basse-Terre|du|Guadeloupe|rural',
    'Pointe-à-Pitre – Les Abymes|de|Guadeloupe|qpv',
    'Marie-Galante|de|Guadeloupe|rural',
    'Baie-Mahault|de|Guadeloupe|urbain',
  ]),
  Martinique: places([
    'Nord Caraïbe|du|Martinique|rural',
    'Fort-de-France|de|Martinique|qpv',
    'Sud Martinique|du|Martinique|rural',
    'Le Lamentin|du|Martinique|urbain',
  ]),
  Guyane: places(["Ouest guyanais|de l'|Guyane|rural", 'Cayenne|de|Guyane|qpv', 'Kourou|de|Guyane|urbain']),
  'La Réunion': places([
    'Le Chaudron|du|La Réunion|qpv',
    "Hauts de l'Ouest|des|La Réunion|rural",
    'Sud sauvage|du|La Réunion|rural',
    'Le Port|du|La Réunion|desindustrialise',
    'Saint-Pierre|de|La Réunion|urbain',
  ]),
  Mayotte: places(['Petite-Terre|de|Mayotte|rural', 'Mamoudzou|de|Mayotte|urbain']),
};

/** "of <place>" in French: du Trégor, de la Thiérache, de l'Avesnois, d'Est Ensemble. */
function ofPlace(place: Place): string {
  if (place.article === "de l'" || place.article === "d'") return `${place.article}${place.bare}`;
  if (place.article === 'du' && place.bare.startsWith('Le ')) return `du ${place.bare.slice(3)}`;
  return `${place.article} ${place.bare}`;
}

/** Activities a pole may be named after, by kind of territory (a bois-énergie pole is rural). */
const THEMES: Readonly<Record<Territory, readonly string[]>> = {
  rural: ['bois-énergie', 'circuits courts', 'tourisme solidaire', 'alimentation durable', 'éco-construction', 'services à la personne'],
  desindustrialise: ['réemploi', 'économie circulaire', 'éco-construction', 'textile solidaire', 'services mutualisés', 'mobilité solidaire'],
  qpv: ['réemploi', 'services à la personne', 'numérique solidaire', 'mobilité solidaire', 'alimentation durable', 'textile solidaire'],
  urbain: ['économie circulaire', 'services mutualisés', 'numérique solidaire', 'réemploi', 'mobilité solidaire', 'éco-construction'],
};

/** A plausible French name for an invented pole. */
function inventName(random: Random, place: Place): string {
  const of = ofPlace(place);
  const patterns: readonly (() => string)[] = [
    () => `PTCE ${place.bare}`,
    () => `Pôle coopératif ${of}`,
    () => `Pôle territorial de coopération économique ${of}`,
    () => `Pôle ESS ${of}`,
    () => `Pôle ${pick(random, THEMES[place.territory])} ${of}`,
    () => `Coopérative de territoire ${of}`,
    () => `Cluster solidaire ${of}`,
  ];
  // "Trégor Solidaire" reads well; "Agglomération havraise Solidaire" does not.
  const shortName = !/^(Agglomération|Quartiers)|Métropole|Communauté|Ensemble| et /.test(place.bare);
  return pick(random, shortName ? [...patterns, () => `${place.bare} Solidaire`] : patterns)();
}

// ---------------------------------------------------------------------------------------------
// Poles

interface Pole {
  readonly name: string;
  readonly region: string;
  readonly department: string;
  readonly territory: Territory;
  readonly stage: Stage;
  readonly jobs: number;
  readonly source: 'réel' | 'fictif';
  /** Known laureate of the 2013 call (DOMAIN.md, seed 004): drawn with a better latent quality. */
  readonly laureate2013: boolean;
  /** Jobs the pole plans to create, when a source says so (Centre Isère: about 100 in 3 years). */
  readonly plannedJobs?: number;
}

/**
 * The real poles named in DOMAIN.md and the seeds. Region always from the sources; department,
 * territory class, stage and jobs from the sources where they give them (see scenarios/README.md),
 * otherwise our illustrative reading.
 */
export const REAL_POLES: readonly Pole[] = [
  real('Le Phares (L\'Île-Saint-Denis)', 'Île-de-France', 'Seine-Saint-Denis', 'qpv', 'consolidation', 60, true),
  real("Goutte d'Or de la mode et du design", 'Île-de-France', 'Paris', 'qpv', 'emergence', 35, true),
  real('Appui – Coallia – Taf et Maffé', 'Île-de-France', 'Paris', 'urbain', 'emergence', 45, true),
  real('La Verrière', 'Île-de-France', 'Yvelines', 'qpv', 'emergence', 30, true),
  real('Pôle Sud (Groupe Archer)', 'Rhône-Alpes', 'Drôme', 'desindustrialise', 'consolidation', 120, true),
  {
    ...real('PTCE Centre Isère (Entrepreneurs solidaires du Centre Isère)', 'Rhône-Alpes', 'Isère', 'rural', 'emergence', 70, true),
    plannedJobs: 100,
  },
  real(
    'Pôle déchets des Alpilles (La Courte Echelle)',
    "Provence-Alpes-Côte d'Azur",
    'Bouches-du-Rhône',
    'rural',
    'emergence',
    107,
    true,
  ),
  real('Val Horizon – PTCE Val de Saône Dombes', 'Rhône-Alpes', 'Ain', 'rural', 'consolidation', 150, false),
  real('PTCE Niortais', 'Poitou-Charentes', 'Deux-Sèvres', 'desindustrialise', 'consolidation', 55, false),
  real('SMAC 07 (Annonay)', 'Rhône-Alpes', 'Ardèche', 'desindustrialise', 'consolidation', 65, false),
  real('Initiatives et Cité', 'Nord-Pas-de-Calais', 'Nord', 'urbain', 'consolidation', 80, false),
  real('Pôle ESS Ramonville-Saint-Agne – Sicoval', 'Midi-Pyrénées', 'Haute-Garonne', 'urbain', 'consolidation', 50, false),
];

function real(
  name: string,
  region: string,
  department: string,
  territory: Territory,
  stage: Stage,
  jobs: number,
  laureate2013: boolean,
): Pole {
  return { name, region, department, territory, stage, jobs, source: 'réel', laureate2013 };
}

/** Draws `count` invented poles of a region, each on a different local territory. */
function inventPoles(random: Random, region: string, count: number, taken: Set<string>): Pole[] {
  const available = shuffled(random, PLACES[region] ?? []);
  if (available.length < count) throw new Error(`not enough places in ${region} for ${count} poles`);
  const out: Pole[] = [];
  for (const place of available.slice(0, count)) {
    let name = inventName(random, place);
    while (taken.has(name)) name = inventName(random, place);
    taken.add(name);
    out.push(inventPole(random, place, region, name));
  }
  return out;
}

function inventPole(random: Random, place: Place, region: string, name: string): Pole {
  const stage: Stage = random() < 0.55 ? 'emergence' : 'consolidation';
  const jobs = stage === 'emergence' ? uniformInt(random, 20, 70) : uniformInt(random, 45, 150);
  return {
    name,
    region,
    department: place.department,
    territory: place.territory,
    stage,
    jobs,
    source: 'fictif',
    laureate2013: false,
  };
}

/** Latent quality of a dossier on the 0–5 jury scale; jury marks scatter around it. */
function latentQuality(random: Random, pole: Pole): number {
  const drawn = 2.9 + 0.6 * gaussian(random) + (pole.stage === 'consolidation' ? 0.25 : 0);
  // A known laureate was, by definition, among the best dossiers: keep it in the upper band.
  return pole.laureate2013 ? Math.max(drawn, 3.9 + 0.25 * gaussian(random)) : drawn;
}

const inDifficulty = (territory: Territory): boolean => territory !== 'urbain';

/**
 * A request in whole euros: log-normal around a median that grows with the stage, kept within
 * [floor, 1.6 × ceiling] (by redrawing) and rounded to `round` euros.
 */
function drawRequest(
  random: Random,
  pole: Pole,
  call: { floor: number; ceiling: number; median: number; round: number },
): number {
  const median = call.median * (pole.stage === 'consolidation' ? 1.3 : 0.8);
  // Redraw rather than clamp, so that no heap of requests sits exactly on a bound.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const value = roundTo(median * Math.exp(0.4 * gaussian(random)), call.round);
    if (value >= call.floor && value <= 1.6 * call.ceiling) return value;
  }
  return roundTo(median, call.round);
}

/** Sets a few requests just below the grant floor: such dossiers are admissible but cannot be funded. */
function pushBelowFloor(random: Random, requests: number[], poles: readonly Pole[], count: number, floor: number): void {
  const fictive = shuffled(
    random,
    poles.map((pole, index) => ({ pole, index })).filter(({ pole }) => pole.source === 'fictif'),
  );
  for (const { index } of fictive.slice(0, count)) {
    requests[index] = roundTo(floor * (0.8 + 0.18 * random()), 50);
  }
}

/** Splits a request over years, each year's share in [0.4, 0.6], rounded to 50 €. */
function splitOverTwoYears(random: Random, request: number): [number, number] {
  const first = roundTo(request * (0.4 + 0.2 * random()), 50);
  return [first, request - first];
}

// ---------------------------------------------------------------------------------------------
// ptce-2013: the interministerial call (€3M, 130 admissible dossiers, 23 laureates)

/** Admissible dossiers per region; Île-de-France and Rhône-Alpes denser, every 2013 region present. */
const REGIONS_2013: Readonly<Record<string, number>> = {
  'Île-de-France': 18,
  'Rhône-Alpes': 16,
  "Provence-Alpes-Côte d'Azur": 9,
  'Nord-Pas-de-Calais': 8,
  'Midi-Pyrénées': 6,
  Bretagne: 6,
  'Pays de la Loire': 6,
  Aquitaine: 6,
  'Languedoc-Roussillon': 5,
  Lorraine: 5,
  'Poitou-Charentes': 4,
  Centre: 4,
  Alsace: 3,
  Auvergne: 3,
  Bourgogne: 3,
  'Basse-Normandie': 3,
  'Haute-Normandie': 3,
  Picardie: 3,
  'Champagne-Ardenne': 3,
  'Franche-Comté': 3,
  Limousin: 3,
  Corse: 1,
  Guadeloupe: 2,
  Martinique: 2,
  Guyane: 1,
  'La Réunion': 3,
  Mayotte: 1,
};

/** An invented name with a `;` and quotes, to exercise CSV quoting. */
const QUOTED_POLE_NAME = 'Coopérative "Bois & Bocage"; Limousin';

const CRITERIA_2013 = [
  'perimetre_geographique',
  'objectifs',
  'calendrier',
  'financement',
  'evaluation',
  'politiques_publiques',
  'perennite_emplois',
  'utilite_sociale',
  'implication_citoyenne',
] as const;

function scores2013(random: Random, pole: Pole): number[] {
  const q = latentQuality(random, pole);
  const consolidated = pole.stage === 'consolidation' ? 1 : -1;
  const bias: Record<(typeof CRITERIA_2013)[number], number> = {
    perimetre_geographique: 0,
    objectifs: 0.1,
    calendrier: 0.1 * consolidated,
    financement: 0.3 * consolidated,
    evaluation: -0.2,
    politiques_publiques: inDifficulty(pole.territory) ? 0.3 : -0.1,
    perennite_emplois: 0.4 * ((pole.jobs - 80) / 70),
    utilite_sociale: pole.territory === 'qpv' || pole.territory === 'rural' ? 0.25 : 0,
    implication_citoyenne: -0.2 * consolidated,
  };
  return CRITERIA_2013.map((criterion) => mark(q + bias[criterion] + 0.55 * gaussian(random)));
}

function poles2013(random: Random): Pole[] {
  const taken = new Set<string>(REAL_POLES.map((pole) => pole.name));
  taken.add(QUOTED_POLE_NAME);
  const poles: Pole[] = [];
  for (const [region, count] of Object.entries(REGIONS_2013)) {
    const realHere = REAL_POLES.filter((pole) => pole.region === region);
    poles.push(...realHere);
    let invented = count - realHere.length;
    if (region === 'Limousin') {
      poles.push({
        name: QUOTED_POLE_NAME,
        region,
        department: 'Corrèze',
        territory: 'rural',
        stage: 'emergence',
        jobs: 28,
        source: 'fictif',
        laureate2013: false,
      });
      invented -= 1;
    }
    poles.push(...inventPoles(random, region, invented, taken));
  }
  assertCount('ptce-2013', poles.length, 130);
  return shuffled(random, poles);
}

function assertCount(scenario: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${scenario}: ${actual} candidates, the call had ${expected}`);
}

function ptce2013(): CsvTableOut {
  const random = streamFor('ptce-2013');
  const poles = poles2013(random);
  const call = { floor: 72_000, ceiling: 290_000, median: 190_000, round: 50 };
  const requests = poles.map((pole) => drawRequest(random, pole, call));
  pushBelowFloor(random, requests, poles, 4, call.floor);
  const rows = poles.map((pole, index) => {
    const request = requests[index] ?? 0;
    const [y2013, y2014] = splitOverTwoYears(random, request);
    return [
      `ptce-${String(index + 1).padStart(3, '0')}`,
      pole.name,
      pole.region,
      pole.department,
      pole.territory,
      pole.stage,
      pole.jobs,
      pole.source,
      request,
      y2013,
      y2014,
      ...scores2013(random, pole),
    ];
  });
  return {
    columns: [
      'id',
      'name',
      'region',
      'department',
      'territory',
      'stage',
      'jobs',
      'source',
      'request',
      'request_2013',
      'request_2014',
      ...CRITERIA_2013,
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// ptce-2015: the second call (€2.75M, 85 eligible dossiers, 14 laureates)

const REGIONS_2015: Readonly<Record<string, number>> = {
  'Île-de-France': 12,
  'Rhône-Alpes': 10,
  "Provence-Alpes-Côte d'Azur": 5,
  'Nord-Pas-de-Calais': 5,
  'Midi-Pyrénées': 4,
  Bretagne: 4,
  'Pays de la Loire': 4,
  Aquitaine: 4,
  'Languedoc-Roussillon': 3,
  Lorraine: 3,
  'Poitou-Charentes': 3,
  Centre: 3,
  Alsace: 2,
  Auvergne: 2,
  Bourgogne: 2,
  'Basse-Normandie': 2,
  'Haute-Normandie': 2,
  Picardie: 2,
  'Champagne-Ardenne': 2,
  'Franche-Comté': 2,
  Limousin: 2,
  Corse: 1,
  Guadeloupe: 1,
  Martinique: 1,
  Guyane: 1,
  'La Réunion': 2,
  Mayotte: 1,
};

const CRITERIA_2015 = [
  'nouvelles_activites',
  'mutualisation',
  'cooperation_inter_entreprises',
  'autofinancement_an3',
  'impact_territorial',
  'innovation',
] as const;

/** Jury marks 0–5, except `autofinancement_an3`: the share (%) of the year-3 budget self-financed. */
function scores2015(random: Random, pole: Pole): number[] {
  const q = latentQuality(random, pole);
  const consolidated = pole.stage === 'consolidation';
  return CRITERIA_2015.map((criterion) => {
    switch (criterion) {
      case 'autofinancement_an3':
        // Consolidated poles sell more of their services; quality helps too.
        return Math.round(clamp((consolidated ? 38 : 20) + 6 * (q - 3) + 9 * gaussian(random), 3, 85));
      case 'mutualisation':
        return mark(q + (consolidated ? 0.3 : 0) + 0.55 * gaussian(random));
      case 'nouvelles_activites':
        return mark(q + (consolidated ? -0.1 : 0.3) + 0.55 * gaussian(random));
      case 'impact_territorial':
        return mark(q + (inDifficulty(pole.territory) ? 0.3 : -0.2) + 0.55 * gaussian(random));
      case 'innovation':
        return mark(q - 0.1 + 0.7 * gaussian(random));
      case 'cooperation_inter_entreprises':
        return mark(q + 0.55 * gaussian(random));
    }
  });
}

const NBSP = '\u00a0';

/**
 * Euros as French Excel shows a currency cell: `185 000 €`, with no-break spaces (U+00A0), which
 * Windows-1252 holds: the narrow U+202F of recent Windows would become `?` in an Excel CSV.
 */
export function excelEuros(amount: number): string {
  const digits = String(Math.round(amount));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${grouped}${NBSP}€`;
}

function ptce2015(): CsvTableOut {
  const random = streamFor('ptce-2015');
  const taken = new Set<string>();
  const poles = shuffled(
    random,
    Object.entries(REGIONS_2015).flatMap(([region, count]) => inventPoles(random, region, count, taken)),
  );
  assertCount('ptce-2015', poles.length, 85);
  const call = { floor: 26_000, ceiling: 290_000, median: 150_000, round: 500 };
  const requests = poles.map((pole) => drawRequest(random, pole, call));
  pushBelowFloor(random, requests, poles, 3, call.floor);
  const rows = poles.map((pole, index) => [
    `ptce15-${String(index + 1).padStart(3, '0')}`,
    pole.name,
    pole.region,
    pole.department,
    pole.territory,
    pole.stage,
    pole.jobs,
    pole.source,
    excelEuros(requests[index] ?? 0),
    ...scores2015(random, pole),
  ]);
  return {
    columns: ['id', 'name', 'region', 'department', 'territory', 'stage', 'jobs', 'source', 'request', ...CRITERIA_2015],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// rhone-alpes: a regional council's own (hypothetical) call, 12 poles, 2014–2015

/** Invented Rhône-Alpes poles, two per department at most, names with typographic apostrophes. */
const RHONE_ALPES_INVENTED: readonly { readonly place: string; readonly name: string; readonly note: string }[] = [
  { place: 'Ardèche méridionale', name: 'Pôle coopératif de l’Ardèche méridionale', note: '' },
  { place: 'Villeneuve de Grenoble', name: 'Les Ateliers solidaires de la Villeneuve', note: 'Cofinancement Ville de Grenoble : 15 000 €' },
  { place: 'Vallée du Gier', name: 'PTCE Vallée du Gier', note: 'Cofinancement FSE acquis : 40 000 €' },
  { place: 'Monts du Forez', name: 'Ressourcerie des Monts du Forez', note: '' },
  { place: 'Vaulx-en-Velin', name: 'Vaulx Coopère', note: 'Locaux mis à disposition par la commune' },
  { place: 'Ouest lyonnais', name: 'Pôle d’économie solidaire de l’Ouest lyonnais', note: '' },
  { place: 'Avant-Pays savoyard', name: 'Coopérative de territoire de l’Avant-Pays savoyard', note: 'Loyer annuel : 6 000 €' },
  { place: 'Chablais', name: 'Chablais Solidaire', note: '' },
];

const CRITERIA_RHONE_ALPES = ['ancrage_territorial', 'cooperation', 'utilite_sociale', 'cout_par_emploi'] as const;
/** Upper end of the declared `cout_par_emploi` scale (euros of grant asked per planned job). */
export const RHONE_ALPES_COST_SCALE = 40_000;

const RA_DEPARTMENT_ORDER = ['Ain', 'Ardèche', 'Drôme', 'Isère', 'Loire', 'Rhône', 'Savoie', 'Haute-Savoie'];

function rhoneAlpes(): CsvTableOut {
  const random = streamFor('rhone-alpes');
  const raPlaces = PLACES['Rhône-Alpes'] ?? [];
  const invented = RHONE_ALPES_INVENTED.map(({ place: bare, name, note }) => {
    const place = raPlaces.find((candidate) => candidate.bare === bare);
    if (place === undefined) throw new Error(`unknown place ${bare}`);
    return { pole: inventPole(random, place, 'Rhône-Alpes', name), note };
  });
  const reals = REAL_POLES.filter((pole) => pole.region === 'Rhône-Alpes').map((pole) => ({
    pole,
    note: pole.name.startsWith('Pôle Sud') ? 'La Région finance déjà la structure porteuse (Groupe Archer)' : '',
  }));
  const entries = [...reals, ...invented].sort(
    (a, b) =>
      RA_DEPARTMENT_ORDER.indexOf(a.pole.department) - RA_DEPARTMENT_ORDER.indexOf(b.pole.department) ||
      a.pole.name.localeCompare(b.pole.name, 'fr'),
  );
  const call = { floor: 20_000, ceiling: 90_000, median: 65_000, round: 50 };
  const requests = entries.map(({ pole }) => drawRequest(random, pole, call));
  pushBelowFloor(
    random,
    requests,
    entries.map(({ pole }) => pole),
    1,
    call.floor,
  );
  const rows = entries.map(({ pole, note }, index) => {
    const request = requests[index] ?? 0;
    const [y2014, y2015] = splitOverTwoYears(random, request);
    const minJobs = Math.ceil(request / RHONE_ALPES_COST_SCALE);
    const planned = pole.plannedJobs ?? Math.max(minJobs, Math.round(clamp(4 + pole.jobs / 12 + 3 * gaussian(random), 3, 30)));
    const q = latentQuality(random, pole);
    return [
      `ra-${String(index + 1).padStart(2, '0')}`,
      pole.name,
      pole.region,
      pole.department,
      pole.territory,
      pole.stage,
      pole.jobs,
      planned,
      pole.source,
      request,
      y2014,
      y2015,
      mark(q + (inDifficulty(pole.territory) ? 0.3 : 0) + 0.5 * gaussian(random)),
      mark(q + 0.5 * gaussian(random)),
      mark(q + 0.5 * gaussian(random)),
      Math.round(request / planned),
      note,
    ];
  });
  return {
    columns: [
      'id',
      'name',
      'region',
      'department',
      'territory',
      'stage',
      'jobs',
      'emplois_prevus',
      'source',
      'request',
      'request_2014',
      'request_2015',
      ...CRITERIA_RHONE_ALPES,
      'commentaire',
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// tiny: five hand-set candidates for the README walkthrough (no randomness)

function tiny(): CsvTableOut {
  return {
    columns: ['id', 'name', 'region', 'territory', 'source', 'request', 'utilite_sociale', 'emplois'],
    rows: [
      ['tiny-1', 'Pôle coopératif du Pays de Redon', 'Bretagne', 'rural', 'fictif', 120000, 4.5, 2],
      ['tiny-2', 'PTCE Vallée de la Bièvre', 'Île-de-France', 'urbain', 'fictif', 100000, 3, 4.5],
      ['tiny-3', 'Ressourcerie des Monts du Forez', 'Rhône-Alpes', 'rural', 'fictif', 80000, 3.5, 3.5],
      ['tiny-4', 'Quartiers Nord Solidaires', "Provence-Alpes-Côte d'Azur", 'qpv', 'fictif', 110000, 2.5, 4],
      ['tiny-5', 'Cluster solidaire du Val de Sambre', 'Nord-Pas-de-Calais', 'desindustrialise', 'fictif', 35000, 5, 5],
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// ptce-2013-notes: the reviewers' marks of the 2013 call (illustrative)

/**
 * Reviewers (rapporteurs) of the 2013 call: instructors of the State services, of the Caisse des
 * Dépôts, and outside experts. Invented codes; each has a severity (a mean offset of their marks).
 */
const REVIEWERS_2013 = ['etat-01', 'etat-02', 'etat-03', 'etat-04', 'etat-05', 'etat-06', 'cdc-01', 'cdc-02', 'cdc-03', 'cdc-04', 'expert-01', 'expert-02', 'expert-03', 'expert-04'] as const;

/**
 * n marks in tenths whose sum is exactly n × target (so their mean is the candidates file's mark),
 * each within 0–50: the reviewers' offsets plus noise, centred, rounded, then the rounding
 * residual given back one tenth at a time to reviewers with room.
 */
function marksAround(random: Random, target: number, offsets: readonly number[], spread: number): number[] {
  const tenths = Math.round(target * 10);
  const raw = offsets.map((offset) => offset + spread * gaussian(random));
  const centre = raw.reduce((sum, value) => sum + value, 0) / raw.length;
  const marks = raw.map((value) => clamp(Math.round(tenths + (value - centre) * 10), 0, 50));
  let residual = tenths * marks.length - marks.reduce((sum, value) => sum + value, 0);
  for (let turn = 0; residual !== 0; turn = (turn + 1) % marks.length) {
    const current = marks[turn] ?? 0;
    const next = current + Math.sign(residual);
    if (next < 0 || next > 50) continue;
    marks[turn] = next;
    residual -= Math.sign(residual);
  }
  return marks.map((value) => value / 10);
}

/**
 * Two to four reviewers per candidate whose mean mark, on every criterion, is the mark of
 * ptce-2013.csv (so the scenario's figures do not change with `aggregate: mean`), with each
 * reviewer's severity, a disagreement that varies by dossier (strong on about one in eight), a few
 * marks left out, and a few reviewers who declared a conflict of interest and did not mark.
 */
function ptce2013Notes(): CsvTableOut {
  const random = streamFor('ptce-2013-notes');
  const candidates = ptce2013();
  const severity = new Map(REVIEWERS_2013.map((reviewer) => [reviewer, 0.3 * gaussian(random)]));
  const rows: (string | number)[][] = [];
  let conflicts = 0;
  for (const row of candidates.rows) {
    const id = String(row[0]);
    const marks = CRITERIA_2013.map((_, index) => {
      const text = row[11 + index];
      return typeof text === 'number' ? text : Number(text);
    });
    const draw = random();
    const count = draw < 0.35 ? 2 : draw < 0.8 ? 3 : 4;
    const panel = shuffled(random, REVIEWERS_2013);
    const reviewers = panel.slice(0, count);
    const strong = random() < 0.12;
    const spread = strong ? 0.9 + 0.4 * random() : 0.15 + 0.35 * random();
    const byReviewer = new Map<string, (number | '')[]>(reviewers.map((reviewer) => [reviewer, []]));
    marks.forEach((target) => {
      // With three reviewers or more, one of them sometimes leaves this criterion blank.
      const blank = count >= 3 && random() < 0.04 ? uniformInt(random, 0, count - 1) : -1;
      const marking = reviewers.filter((_, index) => index !== blank);
      const drawn = marksAround(random, target, marking.map((reviewer) => severity.get(reviewer) ?? 0), spread);
      reviewers.forEach((reviewer, index) => {
        const list = byReviewer.get(reviewer) ?? [];
        list.push(index === blank ? '' : drawn[marking.indexOf(reviewer)] ?? '');
        byReviewer.set(reviewer, list);
      });
    });
    const conflicted = conflicts < 6 && random() < 0.06 ? panel[count] : undefined;
    const lines: (string | number)[][] = reviewers.map((reviewer) => [id, reviewer, '', ...(byReviewer.get(reviewer) ?? [])]);
    if (conflicted !== undefined) {
      conflicts += 1;
      lines.splice(uniformInt(random, 0, lines.length), 0, [id, conflicted, 'oui', ...CRITERIA_2013.map(() => '')]);
    }
    rows.push(...lines);
  }
  return { columns: ['id', 'reviewer', 'conflict', ...CRITERIA_2013], rows };
}

// ---------------------------------------------------------------------------------------------
// Files

/** Windows-1252 with `;` and CRLF, as an older Excel on Windows saves "CSV (séparateur : point-virgule)". */
function win1252Csv(table: CsvTableOut): Buffer {
  const utf8 = formatCsv(table, { excel: true });
  const text = utf8.subarray(3).toString('utf8'); // drop the UTF-8 BOM: Windows-1252 has none
  const bytes = iconv.encode(text, 'win1252');
  if (iconv.decode(bytes, 'win1252') !== text) throw new Error('rhone-alpes.csv has a character outside Windows-1252');
  return bytes;
}

/** Every generated candidates file, by file name in `scenarios/`. */
export function generateAll(): Record<string, Buffer> {
  return {
    'ptce-2013.csv': formatCsv(ptce2013(), { excel: true }),
    'ptce-2013-notes.csv': formatCsv(ptce2013Notes(), { excel: true }),
    'ptce-2015.csv': formatCsv(ptce2015(), { excel: true }),
    'rhone-alpes.csv': win1252Csv(rhoneAlpes()),
    'tiny.csv': formatCsv(tiny(), { excel: false }),
  };
}

/** Directory the files are written to. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios/', import.meta.url));

// ---------------------------------------------------------------------------------------------
// ptce-2015.xlsx: the same candidates as a grant portal exports them (scenarios/ptce-2015-portail.yaml)

/** The portal's label for each column of ptce-2015.csv. */
export const PORTAL_2015: Readonly<Record<string, string>> = {
  id: 'Numéro de dossier',
  name: 'Nom du projet',
  region: 'Région',
  department: 'Département',
  territory: 'Type de territoire',
  stage: 'Stade de développement',
  jobs: 'Emplois (ETP)',
  source: 'Source',
  request: 'Montant demandé (€)',
  nouvelles_activites: 'Nouvelles activités',
  mutualisation: 'Mutualisation',
  cooperation_inter_entreprises: 'Coopération inter-entreprises',
  autofinancement_an3: 'Autofinancement an 3 (%)',
  impact_territorial: 'Impact territorial',
  innovation: 'Innovation',
};

/** The jury's marks sit under one merged heading, as a portal's "Instruction" columns do. */
const JURY_HEADING = 'Notes du jury (sur 5, autofinancement en %)';

/**
 * ptce-2015.csv as a workbook exported by a grant portal: a "Lisez-moi" sheet first, then
 * "Candidatures" with a merged title banner, a two-row header (the jury's marks under one merged
 * heading), amounts and marks typed as numbers, amounts shown `# ##0 €`. Fixed dates: same bytes.
 */
export async function ptce2015Workbook(): Promise<Buffer> {
  const { setZipDates } = await import('../src/io/xlsx.js');
  const { default: ExcelJS } = await import('exceljs');
  const table = ptce2015();
  const date = new Date(Date.UTC(2015, 5, 30, 9, 0, 0));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Portail des subventions (export)';
  workbook.created = date;
  workbook.modified = date;
  const readme = workbook.addWorksheet('Lisez-moi');
  readme.addRow(['Export des candidatures de l’appel à projets PTCE 2015 (fictif : voir scenarios/README.md).']);
  readme.addRow(['Les dossiers sont sur la feuille « Candidatures ».']);
  const sheet = workbook.addWorksheet('Candidatures', { views: [{ state: 'frozen', ySplit: 3 }] });
  const width = table.columns.length;
  const jury = table.columns.indexOf(CRITERIA_2015[0]) + 1;
  sheet.addRow(['Appel à projets PTCE 2015 — export du 30/06/2015']);
  sheet.mergeCells(1, 1, 1, width);
  sheet.addRow(table.columns.map((column, i) => (i + 1 >= jury ? (i + 1 === jury ? JURY_HEADING : null) : PORTAL_2015[column] ?? column)));
  sheet.addRow(table.columns.map((column, i) => (i + 1 >= jury ? PORTAL_2015[column] ?? column : null)));
  for (let column = 1; column < jury; column++) sheet.mergeCells(2, column, 3, column);
  sheet.mergeCells(2, jury, 2, width);
  for (const row of table.rows) {
    sheet.addRow(row.map((cell, i) => (table.columns[i] === 'request' ? Number(String(cell).replace(/\D/g, '')) : cell)));
  }
  sheet.getColumn(table.columns.indexOf('request') + 1).numFmt = '#,##0\\ "€"';
  sheet.columns.forEach((column, i) => {
    column.width = i < 2 ? 44 : 16;
  });
  for (const row of [1, 2, 3]) sheet.getRow(row).font = { bold: true };
  return setZipDates(Buffer.from(await workbook.xlsx.writeBuffer()), date);
}

async function main(): Promise<void> {
  for (const [file, bytes] of Object.entries(generateAll())) {
    writeFileSync(`${SCENARIOS_DIR}${file}`, bytes);
    console.log(`wrote scenarios/${file} (${bytes.length} bytes)`);
  }
  const workbook = await ptce2015Workbook();
  writeFileSync(`${SCENARIOS_DIR}ptce-2015.xlsx`, workbook);
  console.log(`wrote scenarios/ptce-2015.xlsx (${workbook.length} bytes)`);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  await main();
}
