import { describe, expect, it } from 'vitest';
import { createTimeFinder } from './time.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { sentenceOf } from './test-text.js';

const finders = { ru: createTimeFinder(RUSSIAN), uk: createTimeFinder(UKRAINIAN) };
const first = (language: 'ru' | 'uk', text: string, published?: string) => {
  const { doc, range } = sentenceOf(text);
  const found = finders[language](doc, range, published);
  for (const t of found) expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
  return found[0];
};

describe('findTimes', () => {
  it.each([
    ['ru', 'Их вывезли в мае.', '2023-03-20', 'в мае', '2022-05', '2022-05', 'implied'],
    ['ru', 'Их вывезли в марте.', '2023-03-20', 'в марте', '2023-03', '2023-03', 'implied'],
    ['ru', 'Поезд заметили на прошлой неделе.', '2023-03-20', 'на прошлой неделе', '2023-03-13', '2023-03-19', 'implied'],
    ['ru', 'Вербуют с лета 2022 года.', '2023-03-13', 'с лета 2022 года', '2022-06', '2023-03-13', 'implied'],
    ['ru', 'Это началось в начале сентября.', '2023-11-01', 'в начале сентября', '2023-09', '2023-09', 'implied'],
    ['ru', 'Его задержали 15 ноября 2022 года.', undefined, '15 ноября 2022 года', '2022-11-15', '2022-11-15', 'stated'],
    ['ru', 'Вербовка шла в 2023 году.', undefined, 'в 2023 году', '2023', '2023', 'stated'],
    ['ru', 'Осенью 2023 года вербовка дошла до колонии.', undefined, 'Осенью 2023 года', '2023-09', '2023-11', 'stated'],
    ['ru', 'Она вышла в конце февраля 2024 года.', undefined, 'в конце февраля 2024 года', '2024-02', '2024-02', 'stated'],
    ['ru', 'В октябре 2022 года их завербовали.', undefined, 'октябре 2022 года', '2022-10', '2022-10', 'stated'],
    ['ru', 'Так было в конце прошлого года.', '2023-03-01', 'в конце прошлого года', '2022-10', '2022-12', 'implied'],
    ['uk', 'Їх вивезли минулого тижня.', '2023-03-20', 'минулого тижня', '2023-03-13', '2023-03-19', 'implied'],
    ['uk', 'Вербування почалося влітку 2022 року.', undefined, 'влітку 2022 року', '2022-06', '2022-08', 'stated'],
    ['uk', 'Це сталося у травні.', '2023-03-20', 'у травні', '2022-05', '2022-05', 'implied'],
    ['uk', 'Їх звільнили 3 березня 2023 року.', undefined, '3 березня 2023 року', '2023-03-03', '2023-03-03', 'stated'],
  ] as const)('%s: %s', (language, text, published, written, start, end, certainty) => {
    expect(first(language, text, published)).toMatchObject({ text: written, span: { start: text.indexOf(written) }, start, end, certainty });
  });

  it.each([
    ['ru', 'Их вывезли в мае.', undefined],
    ['ru', 'Вербуют с лета 2022 года.', undefined],
    ['ru', 'Поезд заметили на прошлой неделе.', undefined],
    ['ru', 'Служить будут до мая 2025 года.', '2024-01-01'],
    ['ru', 'Статья 2022 года не применяется.', '2021-01-01'],
    ['uk', 'Це сталося минулого тижня.', undefined],
  ] as const)('finds no time in %s: %s (published %s)', (language, text, published) => {
    expect(first(language, text, published)).toBeUndefined();
  });
});
