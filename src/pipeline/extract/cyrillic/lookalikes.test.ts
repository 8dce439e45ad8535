import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normaliseLookalikes } from './lookalikes.js';

describe('normaliseLookalikes', () => {
  it.each([
    ['Его перевели в ИK-7.', 'Его перевели в ИК-7.'],
    ['В CИЗО-1 сидят двое.', 'В СИЗО-1 сидят двое.'],
    ['Пишет Gulagu.net и The New York Times.', 'Пишет Gulagu.net и The New York Times.'],
    ['IK-7 stays Latin.', 'IK-7 stays Latin.'],
    ['ІK-3 у Кременчуці', 'ІК-3 у Кременчуці'],
    // Words run over letters outside the BMP and outside ASCII, on both sides of the Latin letter.
    ['Его 𝒳ИK-7 и 𝒳K, ИKé.', 'Его 𝒳ИК-7 и 𝒳K, ИКé.'],
    ['Сайт Gulagu.net и KИ', 'Сайт Gulagu.net и КИ'],
  ])('%s', (text, expected) => {
    expect(normaliseLookalikes(text)).toBe(expected);
  });

  it('keeps the length of any text', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseLookalikes(s).length === s.length));
  });
});
