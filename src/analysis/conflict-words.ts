/**
 * The words of the conflict explanation (conflicts.ts): each constraint of the funder's as people
 * name it, what would relax it, and the sums that fail on paper. One interface, one catalogue per
 * language typed against it; English is the historical text, byte for byte.
 */
import type { Lang } from '../domain/lang.js';
import { formatEuros } from '../domain/money.js';
import { frenchCount, numberFormats } from '../domain/numbers.js';

export interface ConflictWords {
  readonly euros: (value: number) => string;
  /** A share 0..1 as a percentage, as many digits as it has. */
  readonly share: (share: number) => string;
  readonly envelope: { readonly label: (total: string) => string; readonly fix: (total: string) => string };
  readonly year: { readonly label: (year: string, ceiling: string) => string; readonly fix: (year: string, ceiling: string) => string };
  readonly atLeast: { readonly label: (count: number) => string; readonly fix: (count: number) => string };
  readonly atMost: { readonly label: (count: number) => string; readonly fix: (count: number) => string };
  readonly floor: { readonly label: (floor: string) => string; readonly fix: (floor: string) => string };
  readonly cap: { readonly label: (cap: string) => string; readonly fix: (cap: string) => string };
  readonly lock: { readonly label: (id: string, out: boolean) => string; readonly fix: (id: string) => string };
  readonly rule: { readonly label: (rule: string, group: string, bound: string) => string; readonly fix: (lower: boolean, rule: string, group: string, bound: string) => string };
  readonly noSingleFix: string;
  readonly floorTimesRequired: (floor: string, required: number, product: string, spendable: string) => string;
  readonly tooFewEligible: (eligible: number, floor: string, required: number) => string;
  readonly lockedAboveMax: (locked: number, allowed: number) => string;
  readonly lockedTimesFloor: (locked: number, floor: string, product: string, spendable: string) => string;
  readonly lockedBelowFloor: (id: string, request: string, floor: string) => string;
  readonly sharesExceed: (rule: string, min: string, groups: number, total: string) => string;
  readonly groupNeeds: (rule: string, needed: string, group: string, members: number, reachable: string) => string;
  readonly groupCount: (rule: string, min: number, group: string, members: number) => string;
}

/** `30 %`, `33,333333333 %`: French digits in both languages (the historical English text has them). */
function shareDigits(share: number): string {
  return Number((share * 100).toPrecision(12)).toLocaleString('fr-FR');
}

const en: ConflictWords = {
  euros: formatEuros,
  share: (share) => `${shareDigits(share)} %`,
  envelope: { label: (total) => `envelope of ${total}`, fix: (total) => `raise the envelope above ${total}` },
  year: { label: (year, ceiling) => `${year} ceiling of ${ceiling}`, fix: (year, ceiling) => `raise the ${year} ceiling above ${ceiling}` },
  atLeast: { label: (count) => `at least ${count} laureates`, fix: (count) => `require fewer than ${count} laureates` },
  atMost: { label: (count) => `at most ${count} laureates`, fix: (count) => `allow more than ${count} laureates` },
  floor: { label: (floor) => `grant floor of ${floor}`, fix: (floor) => `lower the grant floor below ${floor}` },
  cap: { label: (cap) => `grants at most ${cap} and never above the request`, fix: (cap) => `raise the grant ceiling above ${cap}` },
  lock: { label: (id, out) => `${id} locked ${out ? 'out' : 'in'}`, fix: (id) => `unlock ${id}` },
  rule: { label: (rule, group, bound) => `${rule} — ${group}: ${bound}`, fix: (lower, rule, group, bound) => `${lower ? 'lower' : 'raise'} the bound of '${rule}' for ${group} (now ${bound})` },
  noSingleFix: 'no single one of these changes is enough: relax several of them together',
  floorTimesRequired: (floor, required, product, spendable) => `grant floor ${floor} × ${required} required laureates = ${product}, above the ${spendable} that can be spent`,
  tooFewEligible: (eligible, floor, required) => `only ${eligible} candidates ask at least the grant floor of ${floor}, and ${required} laureates are required`,
  lockedAboveMax: (locked, allowed) => `${locked} candidates are locked in, above the maximum of ${allowed} laureates`,
  lockedTimesFloor: (locked, floor, product, spendable) => `${locked} locked-in candidates × grant floor ${floor} = ${product}, above the ${spendable} that can be spent`,
  lockedBelowFloor: (id, request, floor) => `${id} is locked in but asks ${request}, below the grant floor of ${floor}`,
  sharesExceed: (rule, min, groups, total) => `'${rule}' asks at least ${min} of the envelope for each of its ${groups} groups: ${total} in all, more than the whole envelope`,
  groupNeeds: (rule, needed, group, members, reachable) => `'${rule}' needs ${needed} for ${group}, but its ${members} fundable candidates can receive at most ${reachable}`,
  groupCount: (rule, min, group, members) => `'${rule}' needs ${min} laureates in ${group}, which has ${members} fundable candidates`,
};

const french = (): ReturnType<typeof numberFormats> => numberFormats('fr');
const count = frenchCount;

const fr: ConflictWords = {
  euros: (value) => french().euros(value),
  share: (share) => `${shareDigits(share)}\u00a0%`,
  envelope: { label: (total) => `enveloppe de ${total}`, fix: (total) => `porter l’enveloppe au-delà de ${total}` },
  year: { label: (year, ceiling) => `plafond ${year} de ${ceiling}`, fix: (year, ceiling) => `porter le plafond ${year} au-delà de ${ceiling}` },
  atLeast: { label: (value) => `au moins ${count(value, 'lauréat')}`, fix: (value) => `exiger moins de ${count(value, 'lauréat')}` },
  atMost: { label: (value) => `au plus ${count(value, 'lauréat')}`, fix: (value) => `autoriser plus de ${count(value, 'lauréat')}` },
  floor: { label: (floor) => `plancher de subvention de ${floor}`, fix: (floor) => `abaisser le plancher de subvention sous ${floor}` },
  cap: { label: (cap) => `subventions d’au plus ${cap} et jamais au-delà du montant demandé`, fix: (cap) => `relever le plafond de subvention au-delà de ${cap}` },
  lock: { label: (id, out) => `${id} ${out ? 'écarté' : 'retenu'} d’office (verrou)`, fix: (id) => `lever le verrou de ${id}` },
  rule: {
    label: (rule, group, bound) => `${rule} — ${group}\u00a0: ${bound}`,
    fix: (lower, rule, group, bound) => `${lower ? 'abaisser' : 'relever'} la borne de la règle «\u00a0${rule}\u00a0» pour ${group} (aujourd’hui ${bound})`,
  },
  noSingleFix: 'aucun de ces changements ne suffit seul\u00a0: assouplissez-en plusieurs ensemble',
  floorTimesRequired: (floor, required, product, spendable) => `plancher de subvention ${floor} × ${count(required, 'lauréat exigé', 'lauréats exigés')} = ${product}, au-delà des ${spendable} qui peuvent être dépensés`,
  tooFewEligible: (eligible, floor, required) => `${count(eligible, 'candidat seulement demande', 'candidats seulement demandent')} au moins le plancher de subvention de ${floor}, et ${count(required, 'lauréat est exigé', 'lauréats sont exigés')}`,
  lockedAboveMax: (locked, allowed) => `${count(locked, 'candidat est retenu', 'candidats sont retenus')} d’office, au-delà du maximum de ${count(allowed, 'lauréat')}`,
  lockedTimesFloor: (locked, floor, product, spendable) => `${count(locked, 'candidat retenu', 'candidats retenus')} d’office × plancher de subvention ${floor} = ${product}, au-delà des ${spendable} qui peuvent être dépensés`,
  lockedBelowFloor: (id, request, floor) => `${id} est retenu d’office mais demande ${request}, sous le plancher de subvention de ${floor}`,
  sharesExceed: (rule, min, groups, total) => `«\u00a0${rule}\u00a0» exige au moins ${min} de l’enveloppe pour chacun de ses ${groups} groupes\u00a0: ${total} en tout, plus que l’enveloppe entière`,
  groupNeeds: (rule, needed, group, members, reachable) => `«\u00a0${rule}\u00a0» exige ${needed} pour ${group}, mais ses ${count(members, 'candidat finançable', 'candidats finançables')} peuvent recevoir au plus ${reachable}`,
  groupCount: (rule, min, group, members) => `«\u00a0${rule}\u00a0» exige ${count(min, 'lauréat')} en ${group}, qui compte ${count(members, 'candidat finançable', 'candidats finançables')}`,
};

/** The catalogue of each language. */
export const CONFLICT_WORDS: Readonly<Record<Lang, ConflictWords>> = { en, fr };
