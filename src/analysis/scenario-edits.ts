/** Changes to a scenario that analyses and the simulator make: each returns a new Scenario. */
import type { Scenario } from '../domain/types.js';

/** The envelope total and every year ceiling multiplied by `factor`, rounded to the euro. */
export function scaleEnvelope(scenario: Scenario, factor: number): Scenario {
  return withEnvelopeTotal(scenario, Math.round(scenario.envelope.total * factor));
}

/**
 * The envelope set to `total`; year ceilings keep their proportions to the total, so a call of
 * two equal years stays two equal years.
 */
export function withEnvelopeTotal(scenario: Scenario, total: number): Scenario {
  const ratio = total / scenario.envelope.total;
  return {
    ...scenario,
    envelope: { total, years: scenario.envelope.years.map((entry) => ({ year: entry.year, ceiling: Math.round(entry.ceiling * ratio) })) },
  };
}
