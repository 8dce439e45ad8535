import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMatchAt, firstMatchWhere, hintTest, matchesWhere } from './scan.js';
import { compilePattern } from '../../knowledge/text/compile-pattern.js';

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, ...m]);

describe('matchesWhere', () => {
  // As etap compiles them: letters are those of the Basic Multilingual Plane, so '𝒳' is none.
  const cases: [string, RegExp, RegExp][] = (
    [
      ['said', String.raw`(?<![\p{L}])(?:said|says|told\s+\w+)(?![\p{L}])`, String.raw`(?:said|says|told\s+\w+)(?![\p{L}])`],
      ['region', String.raw`(?<![\p{L}])([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?) region`, String.raw`([A-Z][a-z]+(?:-[A-Z]?[a-z]+)?) region`],
      ['by', String.raw`(?<![\p{L}])by (?:the )?([A-Z][\p{L}’'-]+)`, String.raw`by (?:the )?([A-Z][\p{L}’'-]+)`],
    ] as const
  ).map(([name, withLookbehind, without]) => [name, compilePattern(withLookbehind, 'gu'), compilePattern(without, 'gu')]);
  it.each(cases)('finds what a leading (?<![\\p{L}]) finds: %s', (_name, withLookbehind, without) => {
    const piece = fc.constantFrom('said', 'says', 'told', ' ', 'X', 'é', '𝒳', 'Foo', 'Bar-Baz', '-', 'region', 'by', 'the', 'Ab', 'o', '1', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const s = pieces.join('');
        expect(shape(matchesWhere(without, s))).toEqual(shape(s.matchAll(withLookbehind)));
        expect(shape([firstMatchWhere(without, s)].filter((m) => m !== null))).toEqual(shape([...s.matchAll(withLookbehind)].slice(0, 1)));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a pattern that is not global', () => {
    expect(() => [...matchesWhere(/x/u, 'x')]).toThrow(/global/);
  });
});

describe('firstMatchAt', () => {
  it('finds, tried at every offset, what a scan for the first accepted match finds', () => {
    const piece = fc.constantFrom('said', 'says', 'told', ' ', 'X', 'é', '𝒳', 'Foo', '-', 'by', 'the', '1', '.');
    const scan = /(?:said|says|told\s+\w+)(?![\p{L}])/gu;
    const sticky = /(?:said|says|told\s+\w+)(?![\p{L}])/uy;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const s = pieces.join('');
        const every = Array.from({ length: s.length + 1 }, (_, i) => i);
        expect(firstMatchAt(sticky, s, every, () => true)?.index).toBe(firstMatchWhere(scan, s, () => true)?.index);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('hintTest', () => {
  it('answers as each hint does, testing a hint once however often it is asked', () => {
    const digit = /\d/;
    const word = /year/i;
    let tests = 0;
    const counted = new Proxy(digit, {
      get: (target, key) => (key === 'test' ? (s: string) => (tests++, target.test(s)) : Reflect.get(target, key)),
    });
    const hinted = hintTest('In 2022, last Year');
    expect([hinted(counted), hinted(counted), hinted(word), hinted(/month/)]).toEqual([true, true, true, false]);
    expect(tests).toBe(1);
  });

  it('refuses a global or sticky hint, whose answer would depend on the last one', () => {
    expect(() => hintTest('2022')(/\d/g)).toThrow();
    expect(() => hintTest('2022')(/\d/y)).toThrow();
  });
});
