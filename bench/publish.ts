/**
 * `npm run bench:publish`: the last run of `npm run bench` (bench/results/latest.json) becomes the one
 * the documentation shows: copied to docs/bench.json, then `npm run docs` writes its table.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../', import.meta.url).pathname;
const latest = join(root, 'bench/results/latest.json');
if (!existsSync(latest)) {
  process.stderr.write("bench:publish: no run to publish; run 'npm run bench' first.\n");
  process.exit(1);
}
copyFileSync(latest, join(root, 'docs/bench.json'));
process.stderr.write('bench:publish: docs/bench.json is the last run; now run `npm run docs`.\n');
