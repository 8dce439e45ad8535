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
  ])('%s', (text, expected) => {
    expect(normaliseLookalikes(text)).toBe(expected);
  });

  it('keeps the length of any text', () => {
    fc.assert(fc.property(fc.string(), (s) => normaliseLookalikes(s).length === s.length));
  });
});
