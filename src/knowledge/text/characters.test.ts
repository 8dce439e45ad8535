import { describe, expect, it } from 'vitest';
import { isLetterOrDigitUnit, isLetterUnit, isWhiteSpaceUnit } from './characters.js';

describe('isLetterUnit and isLetterOrDigitUnit', () => {
  it('answer as \\p{L} and [\\p{L}\\p{N}] do, for every UTF-16 code unit, asked first and asked again', () => {
    const letter = /\p{L}/u;
    const letterOrDigit = /[\p{L}\p{N}]/u;
    const wrong: number[] = [];
    for (let c = 0; c <= 0x1ffff; c++) {
      // Past 0xffff: the same units again, now answered from what was kept.
      const unit = String.fromCharCode(c & 0xffff);
      if (isLetterUnit(c & 0xffff) !== letter.test(unit) || isLetterOrDigitUnit(c & 0xffff) !== letterOrDigit.test(unit)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it('tell letters of the scripts reports use from what stands between words', () => {
    expect([...'aZéßЖїґ'].map((ch) => isLetterUnit(ch.charCodeAt(0)))).toEqual([true, true, true, true, true, true, true]);
    expect([...' -7«»×҂\u0483'].map((ch) => isLetterUnit(ch.charCodeAt(0)))).toEqual([false, false, false, false, false, false, false, false]);
    expect([...'7²Ж-'].map((ch) => isLetterOrDigitUnit(ch.charCodeAt(0)))).toEqual([true, true, true, false]);
  });
});

describe('isWhiteSpaceUnit', () => {
  it('answers as \\s does, for every UTF-16 code unit', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isWhiteSpaceUnit(c) !== /\s/u.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });
});
