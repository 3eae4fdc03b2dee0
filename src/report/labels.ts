/**
 * The report's words: one interface, a French and an English catalogue (labels-fr.ts, labels-en.ts)
 * typed against it, so that a text missing in either language is a compile error.
 */
import type { FundingClass } from '../analysis/robustness.js';
import type { Lock } from '../domain/types.js';

export interface Labels {
  readonly title: string;
  readonly running: string;
  readonly page: string;
  readonly of: string;
  readonly generated: (version: string) => string;
  readonly contents: string;
  // The call
  readonly call: string;
  readonly envelope: string;
  readonly yearCeiling: (year: string) => string;
  readonly grantFloor: string;
  readonly grantCap: string;
  readonly grantStep: string;
  readonly grantNote: string;
  readonly laureates: string;
  readonly laureateBounds: (min: number, max: number) => string;
  readonly candidates: string;
  readonly locks: string;
  readonly lock: (lock: Lock) => string;
  readonly noLock: string;
  // The policy
  readonly policy: string;
  readonly criterion: string;
  readonly column: string;
  readonly scale: string;
  readonly rawWeight: string;
  readonly weight: string;
  readonly replacedWeights: string;
  readonly formula: string;
  readonly returns: string;
  readonly returnTier: (share: string, value: string) => string;
  readonly noReturns: string;
  // Summary
  readonly summary: string;
  readonly spent: string;
  readonly spentOf: (spent: string, total: string) => string;
  readonly left: string;
  readonly laureateCount: (count: number, max: number) => string;
  readonly optimum: string;
  readonly optimumText: (engine: string, objective: string) => string;
  readonly notes: string;
  // Allocation table
  readonly allocation: string;
  readonly allocationIntro: string;
  readonly rank: string;
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly score: string;
  readonly grant: string;
  readonly request: string;
  readonly shareOfRequest: string;
  readonly total: string;
  readonly laureatesHeading: (count: number) => string;
  readonly othersHeading: (count: number) => string;
  readonly belowFloorTag: string;
  // Charts
  readonly charts: string;
  readonly byRegion: string;
  readonly byYear: string;
  readonly granted: string;
  readonly ceiling: string;
  readonly ruleMax: string;
  readonly regionText: (amount: string, laureates: number) => string;
  readonly yearText: (spent: string, ceiling: string) => string;
  readonly otherRegions: (count: number) => string;
  // Rules
  readonly rules: string;
  readonly rulesIntro: string;
  readonly rule: string;
  readonly group: string;
  readonly measure: (measure: 'share' | 'amount' | 'count') => string;
  readonly measureHeading: string;
  readonly bound: string;
  readonly value: string;
  readonly binds: string;
  readonly binding: string;
  readonly notBinding: string;
  readonly noRules: string;
  // Ties
  readonly ties: string;
  readonly tieBand: string;
  readonly tiebreak: string;
  readonly noTie: string;
  readonly noTieFields: string;
  readonly sameScore: (score: string, funded: string, out: string) => string;
  readonly tieRule: (lottery: boolean) => string;
  readonly tieExact: (gains: string, loses: string) => string;
  readonly tieNear: (gains: string, loses: string, loss: string) => string;
  readonly lotteryDrawn: (seed: string, band: string, line: string, count: number) => string;
  readonly ticket: string;
  readonly reviewsUnder: (count: number, range: string, flag: boolean) => string;
  readonly reviewsLegend: (threshold: string) => string;
  readonly fundedWord: string;
  readonly notFundedWord: string;
  // Funding line
  readonly line: string;
  readonly lineIntro: (last: string, score: string) => string;
  readonly noLaureate: string;
  readonly gap: string;
  readonly status: string;
  readonly fundedStatus: string;
  readonly outStatus: string;
  readonly why: string;
  readonly reasonLocked: (lock: Lock) => string;
  readonly reasonFloor: (request: string, floor: string) => string;
  readonly reasonScore: (gap: string, above: boolean, last: string, many: boolean) => string;
  readonly reasonSameScore: (last: string) => string;
  readonly reasonRule: (label: string, group: string, value: string, bound: string) => string;
  readonly reasonEnvelope: (left: string) => string;
  readonly reasonLaureates: (max: number) => string;
  readonly reasonPartial: (share: string) => string;
  readonly reasonLast: string;
  readonly reasonTradeOff: string;
  // Comparison
  readonly comparison: string;
  readonly comparisonIntro: (policies: string) => string;
  readonly change: string;
  readonly rankChange: string;
  readonly newcomer: string;
  readonly leaver: string;
  readonly pair: (a: string, b: string, common: number, moved: string) => string;
  readonly enter: string;
  readonly leave: string;
  readonly unchanged: (count: number) => string;
  // Robustness
  readonly robustness: string;
  readonly robustnessIntro: (solved: number, samples: number, policy: string, spread: string, seed: number, uniform: boolean) => string;
  readonly probability: string;
  readonly meanGrant: string;
  readonly range: string;
  readonly fundingClass: string;
  readonly classes: Readonly<Record<FundingClass, string>>;
  readonly classNote: string;
  readonly never: (count: number) => string;
  // Trace
  readonly trace: string;
  readonly traceIntro: string;
  readonly file: string;
  readonly role: (role: 'scenario' | 'candidates') => string;
  readonly allocationHash: string;
  readonly record: string;
  readonly recordDate: string;
  readonly verifyWith: string;
  readonly makeRecord: string;
  readonly fromSimulator: string;
  readonly versions: string;
  readonly signature: string;
  readonly engineName: (engine: string) => string;
}

const ENGINES: Readonly<Record<string, string>> = { jslp: 'javascript-lp-solver', highs: 'HiGHS' };

/** An engine's name as printed: `javascript-lp-solver`, `HiGHS`. */
export function engineName(engine: string): string {
  return ENGINES[engine] ?? engine;
}
