/**
 * The benchmark's table, written from its recorded run: `npm run bench` prints it and writes the run to
 * bench/results/latest.json (untracked); `npm run bench:publish` copies that run to docs/bench.json,
 * and `npm run docs` writes this table into README.md and docs/speed.md, so that the table shown is
 * always the one a recorded run gives (`npm test` fails when it is edited by hand).
 */

/** One measure: enveloppe's figure, the competitors' from the same run, and whether the target is met. */
export interface BenchRow {
  readonly measure: string;
  readonly ours: string;
  readonly others: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: 'met' | 'missed' | '';
}

/** What one run of `npm run bench` measured, and where. */
export interface BenchRun {
  readonly machine: string;
  /** ISO time at the end of the run. */
  readonly date: string;
  /** One-minute load average at the start and at the end: other work slows every contender alike. */
  readonly load: readonly [number, number];
  readonly runs: number;
  readonly gap: number;
  /** The competitors' versions, as they print them. */
  readonly solvers: readonly string[];
  readonly rows: readonly BenchRow[];
}

/** The table in Markdown, with the machine, the load and the count of targets met and missed. */
export function benchTable(run: BenchRun): string {
  const met = run.rows.filter((row) => row.met === 'met').length;
  const missed = run.rows.filter((row) => row.met === 'missed').length;
  return [
    `Machine: ${run.machine}; ${run.date}; load average ${run.load[0].toFixed(1)} at the start, ${run.load[1].toFixed(1)} at the end; ${run.runs} interleaved runs, medians; gap ${run.gap} for every solver.`,
    ...(run.solvers.length > 0 ? [`Solvers: ${run.solvers.join('; ')}.`] : []),
    '',
    '| measure | enveloppe | others (same run) | ratio | target | |',
    '|---|---|---|---|---|---|',
    ...run.rows.map((row) => `| ${row.measure} | ${row.ours} | ${row.others} | ${row.ratio} | ${row.target} | ${row.met} |`),
    '',
    `Targets met: ${met}; missed: ${missed}.`,
  ].join('\n');
}
