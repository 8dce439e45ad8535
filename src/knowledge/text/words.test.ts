import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCaseWordLine, lowerCaseWords } from './words.js';

const pattern = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Characters from the scripts reports use, the separators between words, and the odd cases: astral letters and digits, lone surrogates, combining marks, letters whose lower case is longer. */
const pieces = ['a', 'Z', 'é', 'ß', 'Ж', 'ї', 'Ґ', 'ё', '7', '²', '٣', ' ', '-', '’', '«', '\u0301', '\u0483', '\u00a0', 'İ', 'Σ', '𝐀', '𝟕', '😀', '\ud835', '\udc00', '\n', '.', 'ǅ'];

describe('lowerCaseWords', () => {
  it('finds the words the Unicode pattern finds, on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''))), (text) => {
        expect(lowerCaseWords(text)).toEqual(pattern(text));
        expect(lowerCaseWordLine(text)).toBe(pattern(text).join(' '));
      }),
      { numRuns: 3000 },
    );
  });

  it('splits on what is not a letter or digit, lower-cases, and keeps astral letters whole', () => {
    expect(lowerCaseWords('IK-7 in «Кущёвская», 2023')).toEqual(['ik', '7', 'in', 'кущёвская', '2023']);
    expect(lowerCaseWords('𝐀𝐁 x\ud835y')).toEqual(['𝐀𝐁'.toLowerCase(), 'x', 'y']);
    expect(lowerCaseWords(' — ')).toEqual([]);
    expect(lowerCaseWordLine('  Olga   Romanova! ')).toBe('olga romanova');
  });
});
