// HiGHS alone, the way a user of the `highs` package would run it on enveloppe's LP export:
// `node bench/highs-alone.mjs model.lp <gap> <seconds>` prints status, objective and gap as JSON.
import { readFileSync } from 'node:fs';
import highsLoader from 'highs';

const [file = '', gap = '1e-4', seconds = '120'] = process.argv.slice(2);
const highs = await highsLoader();
const solution = highs.solve(readFileSync(file, 'utf8'), { mip_rel_gap: Number(gap), time_limit: Number(seconds), output_flag: false });
process.stdout.write(`${JSON.stringify({ status: solution.Status, objective: solution.ObjectiveValue })}\n`);
