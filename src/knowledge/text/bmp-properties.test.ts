import { describe, expect, it } from 'vitest';
import { bmpProperties } from './bmp-properties.js';
import { compilePattern } from './compile-pattern.js';

const BMP_L = String.raw`[^\P{L}\u{10000}-\u{10FFFF}]`;
const BMP_N = String.raw`[^\P{N}\u{10000}-\u{10FFFF}]`;

describe('bmpProperties', () => {
  it.each([
    [String.raw`заключ\p{L}*`, 'u', String.raw`заключ${BMP_L}*`],
    [String.raw`(?<![\p{L}\p{N}])x`, 'u', String.raw`(?<!(?:${BMP_L}|${BMP_N}))x`],
    [String.raw`[\p{L}’'-]+`, 'u', String.raw`(?:[’'-]|${BMP_L})+`],
    [String.raw`\p{Lu}\p{Ll}+`, 'u', String.raw`[^\P{Lu}\u{10000}-\u{10FFFF}][^\P{Ll}\u{10000}-\u{10FFFF}]+`],
    // Under `i`, the Greek iota's case forms are added back, and \p{Lu}, \p{Ll} stay (case closure widens them).
    [String.raw`a\p{L}`, 'iu', String.raw`a(?:${BMP_L}|[\u0345\u0399\u03b9\u1fbe])`],
    [String.raw`\p{Lu}[\p{Ll}\p{N}]`, 'iu', String.raw`\p{Lu}(?:[\p{Ll}]|${BMP_N})`],
    [String.raw`\p{Script=Cyrillic}`, 'u', String.raw`[^\P{Script=Cyrillic}\u{10000}-\u{10FFFF}]`],
    // "[^]" is any character and "[]" none: their "]" closes them.
    [String.raw`[^]\p{L}[]`, 'u', String.raw`[^]${BMP_L}[]`],
  ])('%s /%s', (source, flags, written) => {
    expect(bmpProperties(source, flags)).toBe(written);
    expect(() => new RegExp(written, flags)).not.toThrow();
  });

  it.each([
    [String.raw`[^\p{L}]x`, 'u'],
    [String.raw`\P{L}`, 'u'],
    [String.raw`\\p{L}`, 'u'],
    ['[a-z]+', 'u'],
    ['plain', 'g'],
    // A script other than Cyrillic under `i` was not checked character by character.
    [String.raw`\p{Script=Greek}`, 'iu'],
  ])('leaves %s /%s as it is', (source, flags) => {
    expect(bmpProperties(source, flags)).toBe(source);
  });

  it('is its own fixed point, so a compiled source compiles to itself', () => {
    for (const flags of ['u', 'iu']) {
      const once = bmpProperties(String.raw`(?<![\p{L}\p{N}_])x\p{L}*[\p{L}’-]`, flags);
      expect(bmpProperties(once, flags)).toBe(once);
    }
  });

  it.each(['u', 'iu', 'giu'])('matches every character of the Basic Multilingual Plane as the property does, with /%s', (flags) => {
    for (const source of [String.raw`\p{L}`, String.raw`[\p{L}\p{N}_-]`, String.raw`\p{N}`, String.raw`\p{M}`, String.raw`\p{Script=Cyrillic}`]) {
      const original = new RegExp(`^(?:${source})$`, flags.replace('g', ''));
      const written = compilePattern(`^(?:${source})$`, flags.replace('g', ''));
      const differing: number[] = [];
      for (let c = 0; c < 0x10000; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        const s = String.fromCharCode(c);
        if (original.test(s) !== written.test(s)) differing.push(c);
      }
      expect(differing, source).toEqual([]);
    }
  });

  it('takes no letter, digit or mark from outside the Basic Multilingual Plane', () => {
    const letter = compilePattern(String.raw`\p{L}`, 'u');
    expect(/\p{L}/u.test('𝒜')).toBe(true);
    expect(letter.test('𝒜')).toBe(false);
    expect(compilePattern(String.raw`(?<![\p{L}])said`, 'u').test('𝒜said')).toBe(true);
    expect(compilePattern(String.raw`[\p{L}\p{N}]`, 'u').test('𝟙')).toBe(false);
  });
});
