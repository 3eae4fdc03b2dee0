/**
 * The command outputs and screen captures in README.md and docs/ are what the code writes today:
 * `npm run docs` rewrites them; this test fails, naming each stale region, when someone forgot to.
 */
import { describe, expect, test } from 'vitest';
import { regenerate, run } from '../../scripts/docs.js';

describe('generated regions of the markdown', () => {
  test('every region is what scripts/docs.ts would write now', { timeout: 180_000 }, async () => {
    expect(await run(true), "run 'npm run docs' and commit the result").toEqual([]);
  });

  test('a stale region is named, an unknown one or one left open is refused', async () => {
    const generate = async (name: string): Promise<string> => {
      if (name !== 'one') throw new Error(`unknown generated region '${name}'`);
      return 'new\n';
    };
    const text = 'a\n<!-- generated:one -->\nold\n<!-- /generated -->\nb\n';
    expect(await regenerate(text, 'x.md', generate)).toEqual({ text: 'a\n<!-- generated:one -->\nnew\n<!-- /generated -->\nb\n', changed: ['one'] });
    const fresh = 'a\n<!-- generated:one -->\nnew\n<!-- /generated -->\nb\n';
    expect(await regenerate(fresh, 'x.md', generate)).toEqual({ text: fresh, changed: [] });
    await expect(regenerate('<!-- generated:two -->\n<!-- /generated -->\n', 'x.md', generate)).rejects.toThrow("unknown generated region 'two'");
    await expect(regenerate('<!-- generated:one -->\nold\n', 'x.md', generate)).rejects.toThrow("x.md: the region 'one' has no <!-- /generated -->");
  });
});
