import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultGazetteer } from '../places/gazetteer.js';
import { computeSkeleton, nameSkeleton, romanize, skeletonByPatterns, skeletonFolds } from './skeleton.js';

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

describe('computeSkeleton folds as its patterns define', () => {
  /** What computeSkeleton folds: the name lower-cased and, unless ASCII, romanised without accents. */
  const romanised = (name: string) => {
    const lower = name.toLowerCase();
    return /^[\x00-\x7f]*$/.test(lower) ? lower : romanize(lower.replace(/ё/g, 'е').replace(/й/g, 'и')).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  };

  it('for every name in the gazetteer', () => {
    const differ = defaultGazetteer()
      .places.flatMap((place) => [place.name, ...place.aliases])
      .filter((name) => computeSkeleton(name) !== skeletonByPatterns(romanised(name)));
    expect(differ).toEqual([]);
  });

  it('on arbitrary text made of the letters its spellings are made of', () => {
    const pieces = [...'schtzkhxwqyjoeaiuëéčžšnrlv0 .-’\'«»"“”ʼ`_\u0301Ѐ'];
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join('')), fc.string({ maxLength: 30 })), (text) => {
        expect(skeletonFolds(text)).toBe(skeletonByPatterns(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('on arbitrary names in any script', () => {
    const pieces = [...'KushchevkaЩёлковоЙошкар-ОлаЇжакґєČeskýZürichİŞe\u0301 .’-'];
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 24 })), (name) => {
        expect(computeSkeleton(name)).toBe(skeletonByPatterns(romanised(name)));
      }),
      { numRuns: 5000 },
    );
  });
});
