/**
 * Random calls for projects, built in memory as `Scenario` objects (no YAML, no CSV): candidates
 * with 2–4 criteria on [0, 5], one period or two years with ceilings and per-year requests, grant
 * bounds by steps of 1 000 €, a laureate cap, the usual funder's rules, a few locks and sometimes
 * diminishing returns. Parameters are drawn so that most scenarios are feasible, not all.
 */
import fc from 'fast-check';
import type { Candidate, Criterion, Lock, Policy, Rule, Scenario } from '../../src/domain/types.js';

const REGIONS = ['Bretagne', 'Île-de-France', 'Rhône-Alpes', 'Occitanie', 'Grand Est', 'Normandie', 'Hauts-de-France', 'Martinique'] as const;
const TERRITORIES = ['qpv', 'rural', 'urbain', 'desindustrialise'] as const;
const STAGES = ['emergence', 'consolidation'] as const;
const CRITERIA = ['utilite_sociale', 'emplois', 'cooperation', 'cout'] as const;
const YEARS = ['2021', '2022'] as const;
const STEP = 1000;

/** What fast-check draws for one candidate; `build` turns it into a Candidate. */
interface RawCandidate {
  readonly region: number;
  readonly territory: (typeof TERRITORIES)[number];
  readonly stage: (typeof STAGES)[number];
  readonly request: number;
  /** Percent of the request asked in the first year. */
  readonly firstYearPercent: number;
  /** False: the CSV leaves the request_<year> cells empty for this candidate. */
  readonly byYear: boolean;
  /** Marks in tenths, 0..50. */
  readonly marks: readonly number[];
}

interface RawScenario {
  readonly candidates: readonly RawCandidate[];
  readonly regions: number;
  readonly criteria: number;
  readonly lower: readonly boolean[];
  readonly weights: readonly number[];
  readonly twoYears: boolean;
  /** Envelope as a fraction of all requests. */
  readonly envelopeFraction: number;
  readonly yearFractions: readonly [number, number];
  readonly grantMin: number;
  readonly grantSpan: number;
  readonly laureatesFraction: number;
  readonly laureatesMin: number;
  readonly regionShareMax: number | null;
  readonly territoryShareMin: number | null;
  readonly regionCountMax: number | null;
  readonly stageAmountMax: number | null;
  readonly fundedLocks: readonly number[];
  readonly excludedLocks: readonly number[];
  readonly returns: boolean;
}

const rawCandidate: fc.Arbitrary<RawCandidate> = fc.record({
  region: fc.nat({ max: REGIONS.length - 1 }),
  territory: fc.constantFrom(...TERRITORIES),
  stage: fc.constantFrom(...STAGES),
  // Whole euros, not multiples of the step: caps must be rounded down.
  request: fc.integer({ min: 15_000, max: 320_000 }),
  firstYearPercent: fc.integer({ min: 30, max: 70 }),
  byYear: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
  marks: fc.array(fc.integer({ min: 0, max: 50 }), { minLength: CRITERIA.length, maxLength: CRITERIA.length }),
});

/** A random scenario with between `min` and `max` candidates. */
export function scenarioArbitrary(size: { readonly min: number; readonly max: number }): fc.Arbitrary<Scenario> {
  const raw: fc.Arbitrary<RawScenario> = fc.record({
    candidates: fc.array(rawCandidate, { minLength: size.min, maxLength: size.max }),
    regions: fc.integer({ min: 2, max: REGIONS.length }),
    criteria: fc.integer({ min: 2, max: CRITERIA.length }),
    lower: fc.array(fc.boolean(), { minLength: CRITERIA.length, maxLength: CRITERIA.length }),
    weights: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: CRITERIA.length, maxLength: CRITERIA.length }),
    twoYears: fc.boolean(),
    envelopeFraction: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
    yearFractions: fc.tuple(fc.double({ min: 0.4, max: 0.75, noNaN: true }), fc.double({ min: 0.4, max: 0.75, noNaN: true })),
    grantMin: fc.constantFrom(10_000, 20_000, 25_500, 40_000),
    grantSpan: fc.integer({ min: 20_000, max: 260_000 }),
    laureatesFraction: fc.double({ min: 0.1, max: 0.6, noNaN: true }),
    laureatesMin: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 2 }), weight: 1 }),
    regionShareMax: fc.option(fc.double({ min: 0.2, max: 0.7, noNaN: true })),
    territoryShareMin: fc.option(fc.double({ min: 0.02, max: 0.25, noNaN: true })),
    regionCountMax: fc.option(fc.integer({ min: 1, max: 6 })),
    stageAmountMax: fc.option(fc.integer({ min: 50_000, max: 2_000_000 }), { freq: 3 }),
    fundedLocks: fc.array(fc.nat(), { maxLength: 2 }),
    excludedLocks: fc.array(fc.nat(), { maxLength: 3 }),
    returns: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  });
  return raw.map(build);
}

function build(raw: RawScenario): Scenario {
  const years = raw.twoYears ? [...YEARS] : [];
  const criteria: Criterion[] = CRITERIA.slice(0, raw.criteria).map((column, index) => ({
    column,
    label: column,
    scale: [0, 5],
    better: raw.lower[index] === true ? 'lower' : 'higher',
  }));
  const candidates: Candidate[] = raw.candidates.map((entry, index) => {
    const id = `c-${String(index + 1).padStart(3, '0')}`;
    const region = REGIONS[entry.region % raw.regions] ?? 'Bretagne';
    const requestByYear: Record<string, number> = {};
    if (years.length > 0 && entry.byYear) {
      const first = Math.round((entry.request * entry.firstYearPercent) / 100);
      requestByYear[YEARS[0]] = first;
      requestByYear[YEARS[1]] = entry.request - first;
    }
    const values: Record<string, number> = {};
    criteria.forEach((criterion, k) => {
      values[criterion.column] = (entry.marks[k] ?? 0) / 10;
    });
    const attributes: Record<string, string> = {
      id,
      name: `Pôle ${index + 1}`,
      region,
      territory: entry.territory,
      stage: entry.stage,
      request: String(entry.request),
      ...Object.fromEntries(Object.entries(requestByYear).map(([year, amount]) => [`request_${year}`, String(amount)])),
      ...Object.fromEntries(Object.entries(values).map(([column, value]) => [column, String(value)])),
    };
    return { id, name: `Pôle ${index + 1}`, region, request: entry.request, requestByYear, criteria: values, attributes, line: index + 2 };
  });

  const requested = candidates.reduce((sum, candidate) => sum + candidate.request, 0);
  const total = Math.max(50_000, Math.round(requested * raw.envelopeFraction));
  const envelope: Scenario['envelope'] = {
    total,
    years: years.map((year, index) => ({ year, ceiling: Math.round(total * (raw.yearFractions[index] ?? 0.5)) })),
  };
  const grant = { min: raw.grantMin, max: raw.grantMin + raw.grantSpan, step: STEP };
  const laureatesMax = Math.max(3, Math.ceil(candidates.length * raw.laureatesFraction));

  const rules: Rule[] = [];
  if (raw.regionShareMax !== null) rules.push({ label: 'Part maximale par région', group: { column: 'region' }, share: { max: raw.regionShareMax } });
  if (raw.territoryShareMin !== null) {
    rules.push({ label: 'Part minimale pour les territoires en difficulté', group: { column: 'territory', in: ['qpv', 'rural', 'desindustrialise'] }, share: { min: raw.territoryShareMin } });
  }
  if (raw.regionCountMax !== null) rules.push({ label: 'Lauréats par région', group: { column: 'region' }, count: { max: raw.regionCountMax } });
  if (raw.stageAmountMax !== null) rules.push({ label: 'Plafond des pôles émergents', group: { column: 'stage', in: ['emergence'] }, amount: { max: raw.stageAmountMax } });

  // Funded locks only on candidates that can be funded at all: the years' caps reach the floor.
  const floorUnits = Math.ceil(grant.min / STEP);
  const fundable = candidates.filter((candidate) => {
    const cap = Math.floor(Math.min(grant.max, candidate.request) / STEP);
    if (years.length === 0) return cap >= floorUnits;
    const reachable = years.reduce((sum, year) => {
      const asked = candidate.requestByYear[year];
      return sum + (asked === undefined ? cap : Math.min(cap, Math.floor(asked / STEP)));
    }, 0);
    return cap >= floorUnits && Math.min(cap, reachable) >= floorUnits;
  });
  const locks: Record<string, Lock> = {};
  for (const pick of raw.excludedLocks) {
    const candidate = candidates[pick % candidates.length];
    if (candidate !== undefined) locks[candidate.id] = 'excluded';
  }
  const lockedRegions = new Set<string>();
  for (const pick of raw.fundedLocks) {
    const candidate = fundable[pick % Math.max(1, fundable.length)];
    if (candidate === undefined || lockedRegions.has(candidate.region)) continue;
    lockedRegions.add(candidate.region);
    locks[candidate.id] = 'funded';
  }

  const weights = Object.fromEntries(criteria.map((criterion, k) => [criterion.column, raw.weights[k] ?? 0]));
  if (!Object.values(weights).some((weight) => weight > 0)) weights[criteria[0]?.column ?? 'utilite_sociale'] = 1;
  const policy: Policy = {
    name: 'p',
    label: 'Politique tirée au sort',
    weights,
    returns: raw.returns ? [{ share: 0.5, value: 1 }, { share: 1, value: 0.4 }] : [],
  };

  return {
    name: `Aléatoire (${candidates.length} candidats)`,
    description: '',
    file: '',
    candidatesFile: '',
    candidates,
    envelope,
    grant,
    laureates: { min: raw.laureatesMin, max: laureatesMax },
    criteria,
    policies: [policy],
    rules,
    locks,
  };
}

/** The same scenario with a larger envelope: total and year ceilings × factor, share minima held in euros. */
export function withLargerEnvelope(scenario: Scenario, factor: number): Scenario {
  const total = Math.floor(scenario.envelope.total * factor);
  const rules = scenario.rules.map((rule): Rule => {
    const minimum = rule.share?.min;
    if (rule.share === undefined || minimum === undefined) return rule;
    // A minimum share of a larger envelope asks the group for more euros, which shrinks the feasible
    // set; held as the same euros, every allocation feasible before stays feasible.
    const { share, ...rest } = rule;
    const amount = { ...rule.amount, min: Math.max(rule.amount?.min ?? 0, minimum * scenario.envelope.total) };
    return { ...rest, ...(share.max === undefined ? {} : { share: { max: share.max } }), amount };
  });
  return {
    ...scenario,
    envelope: { total, years: scenario.envelope.years.map((entry) => ({ year: entry.year, ceiling: Math.floor(entry.ceiling * factor) })) },
    rules,
  };
}

const REQUESTS = [60_000, 90_000, 120_000] as const;

/** The random calls of arbitrary.ts, made to tie: whole marks 0–5, three request sizes. */
export function tiedScenario(scenario: Scenario): Scenario {
  const candidates = scenario.candidates.map((candidate, index) => {
    const request = REQUESTS[index % REQUESTS.length] ?? 60_000;
    const ratio = request / candidate.request;
    const requestByYear = Object.fromEntries(Object.entries(candidate.requestByYear).map(([year, amount]) => [year, Math.round(amount * ratio)]));
    const fix = Object.keys(requestByYear);
    if (fix.length === 2) requestByYear[fix[1] ?? ''] = request - (requestByYear[fix[0] ?? ''] ?? 0);
    const criteria = Object.fromEntries(Object.entries(candidate.criteria).map(([column, value]) => [column, Math.round(value)]));
    return { ...candidate, request, requestByYear, criteria };
  });
  return { ...scenario, name: `${scenario.name} (ex aequo)`, candidates };
}

