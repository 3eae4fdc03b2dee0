import { timeToFirstFrame } from './terminal.js';
const root = new URL('../', import.meta.url).pathname;
const runs = Number(process.env['RUNS'] ?? 7);
const a: number[] = [], b: number[] = [];
for (let i = 0; i <= runs; i++) {
  const x = await timeToFirstFrame(`node ${root}bench/hello.js`, 'hello from ink');
  const y = await timeToFirstFrame(`node ${root}bin/enveloppe.js --lang en`, 'Spent');
  if (i > 0) { a.push(x); b.push(y); }
}
const med = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor((v.length - 1) / 2)]!;
console.log('bare', med(a).toFixed(0), 'ours', med(b).toFixed(0), 'ratio', (med(b) / med(a)).toFixed(2));
