/**
 * The defaults of the analyses and the solve, in one place: the command line's option schemas,
 * its help text and the simulator all read them from here.
 */

/** How long one solve may take before the best allocation found is shown with its proven gap. */
export const DEFAULT_TIME_LIMIT_SECONDS = 20;
/** `auto`: javascript-lp-solver on small calls, HiGHS on large ones or when it is slow. */
export const DEFAULT_ENGINE = 'auto';
/** Points of a weight sweep (one criterion's weight from 0 to 1) and of a budget sweep. */
export const DEFAULT_SWEEP_STEPS = 21;
/** Points per criterion of the tipping-point search, before narrowing. */
export const DEFAULT_TIPPING_STEPS = 11;
/** Weight change below which a tipping point is not searched further (0.1 point of weight). */
export const DEFAULT_TIPPING_TOLERANCE = 0.001;
/** Robustness: how far sampled weightings stray from the policy (0 = not at all). */
export const DEFAULT_SPREAD = 0.2;
/** Robustness on the command line and in the report. */
export const DEFAULT_SAMPLES = 1000;
/** Robustness in the simulator, where it runs beside the screen. */
export const DEFAULT_SIMULATOR_SAMPLES = 200;
/** Seed of the robustness sampler, so that a run can be replayed. */
export const DEFAULT_SEED = 1;
/** The analyses solve many times: HiGHS, where javascript-lp-solver would spend its budget on every return-tier model. */
export const DEFAULT_ANALYSIS_ENGINE = 'highs';
/** The relative optimality gap a solve must prove: 0, the exact optimum, which the tie-break needs. */
export const DEFAULT_RELATIVE_GAP = 0;
/** A lottery's band: score points either side of the funding line that count as equal (0: exact ties). */
export const DEFAULT_LOTTERY_BAND = 0;
/** What robustness draws: the weights around the policy. */
export const DEFAULT_ROBUSTNESS_OVER = 'weights';
/** The committee's report is written for French funders. */
export const DEFAULT_REPORT_LANG = 'fr';
