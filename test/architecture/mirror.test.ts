/** Tests mirror src/: a test of src/X/ lives in test/X/, so that a newcomer finds it without asking. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../../scripts/layers.js';

/** Folders of test/ that are not a folder of src/: the tree's own rules, the docs, and the fixtures. */
const WHOLE_TREE = ['architecture', 'docs', 'fixtures'];

const folders = (path: string): string[] =>
  readdirSync(path, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

describe('tests mirror src/', () => {
  test('every folder of test/ is a folder of src/ (or tests the whole tree)', () => {
    const sources = new Set(folders(join(ROOT, 'src')));
    expect(folders(join(ROOT, 'test')).filter((name) => !sources.has(name) && !WHOLE_TREE.includes(name))).toEqual([]);
  });
});
