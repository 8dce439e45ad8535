import { describe, expect, it } from 'vitest';
import { caseStem, nameStemKey, nominativeAdjective, nominativePersonName } from './stem.js';

describe('nameStemKey', () => {
  it.each([
    [['Краснодарский', 'край'], ['Краснодарского', 'края']],
    [['Краснодарский', 'край'], ['Краснодарском', 'крае']],
    [['Краснодарський', 'край'], ['Краснодарського', 'краю']],
    [['Херсонская', 'область'], ['Херсонской', 'области']],
    [['Старая', 'Збурьевка'], ['Старой', 'Збурьевке']],
    [['Россия'], ['России']],
    [['Україна'], ['Україні']],
    [['Мордовія'], ['Мордовії']],
  ])('%j and %j share a key', (nominative, inflected) => {
    expect(nameStemKey(inflected)).toBe(nameStemKey(nominative));
  });

  it.each([
    [['Херсон'], ['Херсонской']],
    [['Донецк'], ['Донецкий']],
  ])('%j and %j differ', (a, b) => {
    // The adjective keeps its suffix or carries an adjective ending, which the place matcher rejects.
    const same = nameStemKey(a) === nameStemKey(b);
    expect(same ? caseStem(b[0]).ending : 'differs').toMatch(/^(?:ий|differs)$/u);
  });
});

describe('nominativePersonName', () => {
  it.each([
    ['Ольги Романовой', 'Ольга Романова'],
    ['Алексея Навального', 'Алексей Навальный'],
    ['Марии', 'Мария'],
    ['Дмитро Трещанін', 'Дмитро Трещанін'],
  ])('%s → %s', (genitive, nominative) => {
    expect(nominativePersonName(genitive)).toBe(nominative);
  });
});

describe('nominativeAdjective', () => {
  it.each([
    ['Волгоградской', 'feminine', 'ru', 'Волгоградская'],
    ['Краснодарском', 'masculine', 'ru', 'Краснодарский'],
    ['Воронезької', 'feminine', 'uk', 'Воронезька'],
    ['Наурського', 'masculine', 'uk', 'Наурський'],
  ] as const)('%s (%s, %s) → %s', (word, gender, language, expected) => {
    expect(nominativeAdjective(word, gender, language)).toBe(expected);
  });
});
