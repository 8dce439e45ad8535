import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesWhere } from './scan.js';

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);

describe('matchesWhere', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['said', /(?<![\p{L}])(?:said|says|told\s+\w+)(?![\p{L}])/gu, /(?:said|says|told\s+\w+)(?![\p{L}])/gu],
    ['region', /(?<![\p{L}])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?) region/gu, /([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?) region/gu],
    ['by', /(?<![\p{L}])by (?:the )?([A-Z][\p{L}’'-]+)/gu, /by (?:the )?([A-Z][\p{L}’'-]+)/gu],
  ];
  it.each(cases)('finds what a leading (?<![\\p{L}]) finds: %s', (_name, withLookbehind, without) => {
    const piece = fc.constantFrom('said', 'says', 'told', ' ', 'X', 'é', '𝒳', 'Foo', 'Bar-Baz', '-', 'region', 'by', 'the', 'Ab', 'o', '1', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const s = pieces.join('');
        expect(shape(matchesWhere(without, s))).toEqual(shape(s.matchAll(withLookbehind)));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a pattern that is not global', () => {
    expect(() => [...matchesWhere(/x/u, 'x')]).toThrow(/global/);
  });
});
