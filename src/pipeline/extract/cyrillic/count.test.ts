import { describe, expect, it } from 'vitest';
import { createCountFinder } from './count.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { sentenceOf } from './test-text.js';

const finders = { ru: createCountFinder(RUSSIAN), uk: createCountFinder(UKRAINIAN) };
const first = (language: 'ru' | 'uk', text: string) => {
  const { doc, range } = sentenceOf(text);
  const found = finders[language](doc, range);
  for (const c of found) expect(text.slice(c.span.start, c.span.end)).toBe(c.text);
  return found[0];
};

describe('findCounts', () => {
  it.each([
    ['ru', 'Вывезли 2500 граждан Украины.', '2500', { value: 2500 }],
    ['ru', 'Вывезли 2 500 заключенных.', '2 500', { value: 2500 }],
    ['ru', 'Вывезли 2\u00a0500 заключенных.', '2\u00a0500', { value: 2500 }],
    ['ru', 'Вывезли 2.500 заключенных.', '2.500', { value: 2500 }],
    ['ru', 'Завербовали 23 тыс. заключенных.', '23 тыс.', { value: 23000 }],
    ['ru', 'Освобождены 1,5 млн человек.', '1,5 млн', { value: 1500000 }],
    ['ru', 'Завербовали около двух тысяч осужденных.', 'около двух тысяч', { value: 2000, approximate: true }],
    ['ru', 'Завербовали примерно 300 заключенных.', 'примерно 300', { value: 300, approximate: true }],
    ['ru', 'Завербовали почти 50 тысяч заключенных.', 'почти 50 тысяч', { value: 50000, approximate: true }],
    ['ru', 'Погибли более 200 осужденных.', 'более 200', { min: 200 }],
    ['ru', 'Погибли свыше 23 000 заключенных.', 'свыше 23 000', { min: 23000 }],
    ['ru', 'Погибли не менее 40 человек.', 'не менее 40', { min: 40 }],
    ['ru', 'Могли забрать до 100 женщин.', 'до 100', { max: 100 }],
    ['ru', 'Завербовали от 40 до 50 заключенных.', 'от 40 до 50', { min: 40, max: 50 }],
    ['ru', 'Речь идет о сотне осужденных.', 'сотне', { value: 100 }],
    ['ru', 'На фронте сотни заключенных.', 'сотни', { vague: 'сотни' }],
    ['uk', 'Завербували 50 тисяч людей.', '50 тисяч', { value: 50000 }],
    ['uk', 'Вивезли близько 200 осіб.', 'близько 200', { value: 200, approximate: true }],
    ['uk', 'Мобілізовано понад 50 в’язнів.', 'понад 50', { min: 50 }],
    ['uk', 'Вивезли 3 тис. засуджених.', '3 тис.', { value: 3000 }],
    ['uk', 'Звільнили від 10 до 20 в\'язнів.', 'від 10 до 20', { min: 10, max: 20 }],
  ] as const)('%s: %s', (language, text, written, expected) => {
    const found = first(language, text);
    expect(found).toMatchObject({ text: written, span: { start: text.indexOf(written), end: text.indexOf(written) + written.length }, ...expected });
  });

  it.each([
    ['ru', 'В 2023 году вербовка продолжилась.'],
    ['ru', 'Колония в 50 километрах от Херсона.'],
    ['ru', 'ВИЧ есть у 20% заключенных.'],
    ['ru', 'Их отправили в ИК-14 на 5 лет.'],
    ['ru', 'Это случилось 15 ноября.'],
    ['ru', 'Они сидят в 11 колониях.'],
    ['uk', 'Це сталося у 2022 році.'],
    ['uk', 'За 100 гривень на місяць.'],
  ] as const)('finds no count in %s: %s', (language, text) => {
    const found = first(language, text);
    expect(found?.vague ? undefined : found).toBeUndefined();
  });
});
