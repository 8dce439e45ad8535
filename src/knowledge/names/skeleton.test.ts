import { describe, expect, it } from 'vitest';
import { nameSkeleton, romanize } from './skeleton.js';

describe('nameSkeleton: romanisations and Cyrillic of one name meet', () => {
  it.each([
    [['Kushchevskaya', 'Kuschevskaja', 'Kushchyovskaya', 'Kuschtschewskaja', 'Кущёвская']],
    [['Kushchevka', 'Kuschevka', 'Кущевка']],
    [['Snezhnoye', 'Snezhnoe', 'Снежное']],
    [['Snizhne', 'Сніжне']],
    [['Rus Sidyashchaya', 'Rus’ Sidyashchaya', 'Русь сидящая']],
    [['Stara Zburivka', 'Stara Zburyivka', 'Стара Збур’ївка']],
    [['Yelenovka', 'Еленовка']],
    [['Romanova', 'Романова']],
  ])('%j', (names) => {
    expect(new Set(names.map(nameSkeleton)).size).toBe(1);
  });

  it('keeps different names apart', () => {
    expect(nameSkeleton('Snizhne')).not.toBe(nameSkeleton('Snezhnoye'));
    expect(nameSkeleton('Kherson')).not.toBe(nameSkeleton('Kharkiv'));
  });

  it('romanizes Russian and Ukrainian letters', () => {
    expect(romanize('Щёлково')).toBe('shchelkovo');
    expect(romanize('Їжак')).toBe('izhak');
  });
});
