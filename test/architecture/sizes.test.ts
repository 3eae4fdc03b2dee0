/** The size rule of src/ (scripts/sizes.ts): a file over 400 lines or a function over 80 fails `npm test`. */
import { describe, expect, test } from 'vitest';
import { ROOT, sourceFiles } from '../../scripts/layers.js';
import { oversized } from '../../scripts/sizes.js';

// Parsing every file of src/ with the TypeScript compiler takes seconds on a busy machine.
describe('files and functions stay small enough to read', { timeout: 60_000 }, () => {
  test('no file of src/ is over 400 lines and no function over 80', () => {
    expect(oversized(sourceFiles(ROOT)).map((item) => `${item.file}:${item.line}: ${item.what} has ${item.lines} lines`)).toEqual([]);
  });

  test('a long function and a long file are caught, with their line', () => {
    const body = Array.from({ length: 81 }, (_, index) => `  const v${index} = ${index};`).join('\n');
    const source = `export function long(): void {\n${body}\n}\nconst short = () => 1;\n`;
    expect(oversized([{ file: 'src/x.ts', source }]).map((item) => `${item.file}:${item.line}: ${item.what} has ${item.lines} lines`)).toEqual([
      'src/x.ts:1: long has 83 lines',
    ]);
    const file = Array.from({ length: 401 }, () => 'export const a = 1;').join('\n');
    expect(oversized([{ file: 'src/y.ts', source: file }])).toEqual([{ file: 'src/y.ts', line: 1, what: 'file', lines: 401 }]);
  });
});
