/** Moved to options/flags.ts, which both faces share; re-exported for the code that reads it here. */
export { EXIT, engineChoice, lotteryOf, nearShare, parseWeights, policyName, relativeGap, seconds, solveChoice } from '../options/flags.js';
export type { Console } from '../options/flags.js';
