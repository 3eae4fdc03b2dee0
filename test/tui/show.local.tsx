import { loadScenario } from '../../src/io/scenario.js';
import { stopJslpWorker } from '../../src/solver/jslp-runner.js';
import { drive, KEYS, settled } from './drive.js';
const [file, cols, rows, ...keys] = process.argv.slice(2);
const scenario = await loadScenario(file ?? 'scenarios/ptce-2013.yaml');
const app = drive({ scenario, size: { columns: Number(cols), rows: Number(rows) } });
await app.until(settled, 30000);
for (const key of keys) {
  if (key.startsWith('wait:')) { await app.until(key.slice(5), 60000); continue; }
  if (key === 'snap') { await new Promise((r) => setTimeout(r, 200)); console.log(app.frame() + '\n' + '='.repeat(Number(cols))); continue; }
  if (key === 'settle') { await new Promise((r) => setTimeout(r, 300)); await app.until(settled, 30000); continue; }
  await app.press(key in KEYS ? KEYS[key as keyof typeof KEYS] : key);
}
await new Promise((r) => setTimeout(r, 200));
console.log(app.frame());
app.unmount();
await stopJslpWorker();
process.exit(0);
