import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseAmount, parseDecimal, parseMoneyInput, parsePercent, type Parsed } from '../../src/io/numbers.js';

const ok = (value: number): Parsed => ({ ok: true, value });
const no = (reason: string): Parsed => ({ ok: false, reason });

/** French grouping with U+202F, as Excel and Intl write it. */
function groupFrench(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

describe('parseAmount', () => {
  it.each([
    ['1234', ok(1234)],
    ['1 234', ok(1234)],
    ['1 234 567', ok(1234567)],
    ['1\u00a0234\u00a0567', ok(1234567)],
    ['1\u202f234\u202f567', ok(1234567)],
    ['1 234,56 €', ok(1234.56)],
    ['1\u202f234,56\u00a0€', ok(1234.56)],
    ['1234,56', ok(1234.56)],
    ['1.234,56', ok(1234.56)],
    ['1.234.567,89', ok(1234567.89)],
    ['1,234.56', ok(1234.56)],
    ['1,234,567', ok(1234567)],
    ['1e6', ok(1_000_000)],
    ['1,5E+06', ok(1_500_000)],
    ['€ 1 234', ok(1234)],
    ['1234€', ok(1234)],
    ['1 234 EUR', ok(1234)],
    ['1 234 euros', ok(1234)],
    ['  42  ', ok(42)],
    ['+42', ok(42)],
    ['0', ok(0)],
    ['0,00 €', ok(0)],
    ['-0', ok(0)],
    // Ambiguous single separators (see the rules in numbers.ts).
    ['1,234', ok(1.234)],
    ['1.234', ok(1234)],
    ['12.345', ok(12345)],
    ['0.234', ok(0.234)],
    ['1.5', ok(1.5)],
    ['1234.567', ok(1234.567)],
    ['1.2345', ok(1.2345)],
    ['', no('empty')],
    ['   ', no('empty')],
    ['#N/A', no('an Excel error (#N/A)')],
    ['#VALEUR!', no('an Excel error (#VALEUR!)')],
    ['#DIV/0!', no('an Excel error (#DIV/0!)')],
    ['#REF!', no('an Excel error (#REF!)')],
    ['#NOM?', no('an Excel error (#NOM?)')],
    ['(1 234)', no('a negative amount (accounting brackets)')],
    ['(1 234 €)', no('a negative amount (accounting brackets)')],
    ['-1 234', no('a negative amount')],
    ['\u22121 234 €', no('a negative amount')],
    ['-€1234', no('a negative amount')],
    ['45 %', no('a percentage, not an amount')],
    ['mille', no('not a number')],
    ['12 34', no('not a number')],
    ['1 2345', no('not a number')],
    ['1.234 567', no('not a number')],
    ['1,2,3', no('not a number')],
    ['1,23,456', no('not a number')],
    ['1,', no('not a number')],
    ['(abc)', no('not a number')],
    ['2,5 M€', no('not a number')],
    ['#####', no('not a number')],
  ])('%j → %j', (text, expected) => {
    expect(parseAmount(text)).toEqual(expected);
  });

  it('reads back any whole number written French-style with U+202F and " €"', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(parseAmount(`${groupFrench(String(n))} €`)).toEqual(ok(n));
      }),
    );
  });

  it('reads back any amount in cents written French-style', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (cents) => {
        const text = `${groupFrench(String(Math.floor(cents / 100)))},${String(cents % 100).padStart(2, '0')}\u00a0€`;
        expect(parseAmount(text)).toEqual(ok(cents / 100));
      }),
    );
  });
});

describe('parsePercent', () => {
  it.each([
    ['45 %', ok(0.45)],
    ['45%', ok(0.45)],
    ['45\u00a0%', ok(0.45)],
    ['45,5 %', ok(0.455)],
    ['0,45', ok(0.45)],
    ['0.45', ok(0.45)],
    ['145 %', ok(1.45)],
    ['0 %', ok(0)],
    ['33,33 %', ok(0.3333)],
    ['', no('empty')],
    ['%', no('not a number')],
    ['#N/A', no('an Excel error (#N/A)')],
    ['beaucoup', no('not a number')],
  ])('%j → %j', (text, expected) => {
    expect(parsePercent(text)).toEqual(expected);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['3,5', ok(3.5)],
    ['3.5', ok(3.5)],
    ['-2,25', ok(-2.25)],
    ['\u22122', ok(-2)],
    ['1.234', ok(1.234)],
    ['1\u202f234,5', ok(1234.5)],
    ['1\u00a0234', ok(1234)],
    ['0', ok(0)],
    [',5', ok(0.5)],
    ['', no('empty')],
    ['#VALEUR!', no('an Excel error (#VALEUR!)')],
    ['3,5 €', no('not a number')],
    ['trois', no('not a number')],
  ])('%j → %j', (text, expected) => {
    expect(parseDecimal(text)).toEqual(expected);
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['2,5 M€', ok(2_500_000)],
    ['2.5M', ok(2_500_000)],
    ['2,5 millions d’euros', ok(2_500_000)],
    ['2 500 000', ok(2_500_000)],
    ['2500000', ok(2_500_000)],
    ['2 500 000 €', ok(2_500_000)],
    ['750 k€', ok(750_000)],
    ['750k', ok(750_000)],
    ['750 K', ok(750_000)],
    ['1,2 Md€', ok(1_200_000_000)],
    ['1.250 M€', ok(1_250_000)],
    ['2.500', ok(2500)],
    ['1,15 M€', ok(1_150_000)],
    ['0,123456 k€', ok(123.46)],
    ['1234,567', ok(1234.57)],
    ['0', ok(0)],
    ['', no('empty')],
    ['-2 M€', no('a negative amount')],
    ['(750 k€)', no('a negative amount (accounting brackets)')],
    ['M€', no('not a number')],
    ['2,5 G€', no('not a number')],
  ])('%j → %j', (text, expected) => {
    expect(parseMoneyInput(text)).toEqual(expected);
  });

  it('gives an integer when the amount is whole', () => {
    const result = parseMoneyInput('1,15 M€');
    expect(result.ok && Number.isInteger(result.value)).toBe(true);
  });
});

describe('plain digits, read at once', () => {
  it('give what the separator rules give the same text with a space before it (which the fast reading does not take)', () => {
    const plain = fc.stringMatching(/^\d{1,12}(?:\.\d{1,6})?$/);
    fc.assert(
      fc.property(plain, (text) => {
        expect(parseAmount(text)).toEqual(parseAmount(` ${text}`));
        expect(parseDecimal(text)).toEqual(parseDecimal(` ${text}`));
      }),
      { numRuns: 2_000, seed: 17 },
    );
    // A lone dot before three digits groups thousands in an amount, a decimal point elsewhere.
    expect(parseAmount('1.500')).toEqual(ok(1500));
    expect(parseDecimal('1.500')).toEqual(ok(1.5));
  });
});
