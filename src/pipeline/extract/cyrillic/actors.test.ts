import { describe, expect, it } from 'vitest';
import { createActorFinder } from './actors.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { sentenceOf } from './test-text.js';

const finders = { ru: createActorFinder(RUSSIAN), uk: createActorFinder(UKRAINIAN) };
const actors = (language: 'ru' | 'uk', text: string) => {
  const { doc, range } = sentenceOf(text);
  const found = finders[language](doc, range);
  for (const a of found) expect(text.slice(a.span.start, a.span.end)).toBe(a.text);
  return found.map((a) => [a.name, a.span.start]);
};

describe('findActors', () => {
  it.each([
    ['ru', 'Заключенных завербовали в ЧВК «Вагнер».', [['ЧВК «Вагнер»', 26]]],
    ['ru', 'Осужденные подписали контракт с Минобороны РФ.', [['Минобороны РФ', 32]]],
    ['ru', 'Сотрудники УФСИН по Курской области этапировали их.', [['УФСИН', 11]]],
    ['ru', 'Российские военные вывезли заключенных.', [['Российские военные', 0]]],
    ['ru', 'Россия отправила на Донбасс эшелон.', [['Россия', 0]]],
    ['ru', 'Сообщения об отправке Россией на фронт появились в феврале.', [['Россия', 22]]],
    ['uk', 'Представники ПВК "Вагнер" вербують в’язнів.', [['ПВК "Вагнер"', 13]]],
    ['uk', 'Засуджені підписують контракт з Міноборони Росії.', [['Міноборони Росії', 32]]],
  ] as const)('%s: %s', (language, text, expected) => {
    expect(actors(language, text)).toEqual(expected);
  });

  // The same actors as in English, whatever the language: one entity each.
  it.each([
    ['ru', 'Российские военные вывезли заключенных.', 'org:ru-military'],
    ['ru', 'Российская армия вывезла заключенных.', 'org:ru-military'],
    ['ru', 'Власти РФ отказались отвечать.', 'org:ru-military'],
    ['ru', 'Оккупанты вывезли заключенных из Херсона.', 'org:occupiers'],
    ['uk', 'Російські військові вивезли в’язнів.', 'org:ru-military'],
    ['uk', 'Окупанти вивезли в’язнів із Херсона.', 'org:occupiers'],
    ['uk', 'Правоохоронці затримали колаборанта.', 'group:guards'],
  ] as const)('%s: %s names %s', (language, text, id) => {
    const { doc, range } = sentenceOf(text);
    expect(finders[language](doc, range).map((a) => a.entityId)).toEqual([id]);
  });

  it.each([
    ['ru', 'Заключенных вывезли в Россию.'],
    ['ru', 'Вагнер-Центры по России закрыты.'],
    ['uk', 'В’язні повертаються додому.'],
  ] as const)('finds no actor in %s: %s', (language, text) => {
    expect(actors(language, text)).toEqual([]);
  });
});
