import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countBetween, firstAbove, Quotations } from './quotations.js';

const sortedOffsets = fc.array(fc.nat({ max: 200 }), { maxLength: 40 }).map((xs) => xs.sort((a, b) => a - b));
const ranges = fc.array(fc.tuple(fc.nat({ max: 200 }), fc.nat({ max: 60 })).map(([a, length]): [number, number] => [a, a + 1 + length]), { maxLength: 20 });

describe('firstAbove and countBetween', () => {
  it('count as a look through every offset does', () => {
    fc.assert(
      fc.property(sortedOffsets, fc.integer({ min: -5, max: 210 }), fc.integer({ min: -5, max: 210 }), (sorted, a, b) => {
        expect(firstAbove(sorted, a)).toBe(sorted.filter((x) => x <= a).length);
        expect(countBetween(sorted, a, b)).toBe(sorted.filter((x) => x > a && x < b).length);
      }),
    );
  });

  it('handle the edges', () => {
    expect(firstAbove([], 3)).toBe(0);
    expect(firstAbove([1, 3, 3, 5], 3)).toBe(3);
    expect(countBetween([1, 3, 3, 5], 1, 5)).toBe(2);
    expect(countBetween([1, 3, 3, 5], 5, 1)).toBe(0);
  });
});

describe('Quotations', () => {
  it('holds an offset strictly inside one of them, as a look through them all tells, overlapping or not', () => {
    fc.assert(
      fc.property(ranges, fc.integer({ min: -2, max: 270 }), (quotes, offset) => {
        expect(new Quotations(quotes).holds(offset)).toBe(quotes.some(([a, b]) => offset > a && offset < b));
      }),
    );
  });

  it('does not hold the marks themselves, nor anything with no quotations', () => {
    const quotations = new Quotations([[10, 20], [12, 14], [30, 40]]);
    expect([10, 11, 13, 19, 20, 25, 31, 40].map((offset) => quotations.holds(offset))).toEqual([false, true, true, true, false, false, true, false]);
    expect(new Quotations([]).holds(5)).toBe(false);
  });
});
