import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { factorPattern } from './factor-pattern.js';

describe('factorPattern', () => {
  it.each([
    ['заключенн\\p{L}*|осужденн\\p{L}*|узник\\p{L}*', '(?:заключенн|осужденн|узник)\\p{L}*'],
    // Only neighbours merge: an alternative between keeps its place in the order.
    ['a\\p{L}*|b\\p{L}*|из них|c\\p{L}*|d\\p{L}*', '(?:a|b)\\p{L}*|из них|(?:c|d)\\p{L}*'],
    ['заключ[её]нн\\p{L}*|в[\'’ʼ]язн\\p{L}*', '(?:заключ[её]нн|в[\'’ʼ]язн)\\p{L}*'],
    // Inside groups, at any depth, and not across different runs.
    ['^(?:(?:украинск\\p{L}*|российск\\p{L}*|\\p{L}+их)\\s+){0,2}(людей|пленн\\p{L}*|бойц\\p{L}*)', '^(?:(?:(?:украинск|российск)\\p{L}*|\\p{L}+их)\\s+){0,2}(людей|(?:пленн|бойц)\\p{L}*)'],
    ['a\\p{L}+|b\\p{L}+|c\\p{L}*', '(?:a|b)\\p{L}+|c\\p{L}*'],
    // "[^]" (any character) is a class that ends at its "]".
    ['(?:[^]|x)a\\p{L}*|b\\p{L}*', '(?:[^]|x)a\\p{L}*|b\\p{L}*'],
    ['[^]a\\p{L}*|b\\p{L}*', '(?:[^]a|b)\\p{L}*'],
  ])('%s', (source, factored) => {
    expect(factorPattern(source)).toBe(factored);
    expect(() => new RegExp(factored, 'u')).not.toThrow();
  });

  it.each([
    // Stems with a group, a quantifier or an escape are left as they are.
    'a(b)\\p{L}*|c\\p{L}*',
    'ab?\\p{L}*|c\\p{L}*',
    '\\d\\p{L}*|c\\p{L}*',
    // A class holding "|" or ")" is no alternation or group.
    '[|)]a\\p{L}*|b',
    'plain|words|only',
    '(?<![\\p{L}])x\\p{L}*',
  ])('leaves %s alone', (source) => {
    expect(factorPattern(source)).toBe(source);
  });

  it('gives a pattern that finds exactly the same matches, groups included', () => {
    const stems = ['за', 'зак', 'заключ', 'ос', 'осу', 'уз', 'бо'];
    const alternative = fc.oneof(
      fc.constantFrom(...stems).map((s) => `${s}\\p{L}*`),
      fc.constantFrom(...stems).map((s) => `${s}\\p{L}+`),
      fc.constantFrom(...stems, 'за ос', 'уз бо'),
    );
    const pattern = fc
      .tuple(fc.array(alternative, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '(?![\\p{L}])', '\\s', 'о'), fc.boolean())
      .map(([alternatives, after, captured]) => (captured ? `(${alternatives.join('|')})${after}` : `(?:${alternatives.join('|')})${after}`));
    const text = fc.array(fc.constantFrom('за', 'к', 'ключ', 'о', 'с', 'у', 'з', 'б', ' ', 'ё', '1', 'Z'), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(pattern, text, (source, subject) => {
        const all = (s: string) => [...subject.matchAll(new RegExp(s, 'giu'))].map((m) => [m.index, ...m]);
        expect(all(factorPattern(source))).toEqual(all(source));
      }),
      { numRuns: 2000 },
    );
  });
});
