/** `--gap` as a user types it, and the gap as the report prints it (a proven bound: never rounded down). */
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { relativeGap } from '../../src/cli/options.js';
import { formatGap } from '../../src/cli/report.js';

describe('--gap', () => {
  it('reads a fraction or a percentage', () => {
    expect(relativeGap('0.0001', '--gap')).toBe(0.0001);
    expect(relativeGap('0.01%', '--gap')).toBeCloseTo(1e-4, 15);
    expect(relativeGap('0', '--gap')).toBe(0);
    expect(relativeGap(' 1.5 % '.replace(' %', '%'), '--gap')).toBeCloseTo(0.015, 15);
  });

  it('refuses what is not a gap from 0 to below 1, naming the flag and what to type', () => {
    for (const text of ['1', '-0.1', 'abc', '', '%', '150%']) {
      expect(() => relativeGap(text, '--gap')).toThrow(UserError);
      try {
        relativeGap(text, '--gap');
      } catch (error) {
        expect((error as UserError).message).toContain('relative gap');
      }
    }
  });
});

describe('the printed gap', () => {
  it('shows two significant digits, rounded up', () => {
    expect(formatGap(0)).toBe('0 %');
    expect(formatGap(3.1e-5)).toBe('0.0031 %');
    expect(formatGap(3.101e-5)).toBe('0.0032 %');
    expect(formatGap(0.0123)).toBe('1.3 %');
    expect(formatGap(Infinity)).toBe('an unknown distance');
  });
});
