import { describe, expect, it } from 'vitest';
import { createSourceFinder, type AttributionMemory } from './sources.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { sentenceOf } from './test-text.js';

const finders = { ru: createSourceFinder(RUSSIAN), uk: createSourceFinder(UKRAINIAN) };
const sources = (language: 'ru' | 'uk', text: string, memory: AttributionMemory = {}) => {
  const { doc, range } = sentenceOf(text);
  const found = finders[language](doc, range, memory);
  for (const s of found) expect(text.slice(s.span.start, s.span.end)).toBe(s.text);
  return found;
};

describe('findSources', () => {
  it.each([
    ['ru', 'По данным «Медиазоны», погибли 200 заключенных.', 'Медиазоны', 'Медиазоны', undefined],
    ['ru', 'По словам Ивана Петрова, колонию закрыли.', 'Ивана Петрова', 'Иван Петров', undefined],
    ['ru', 'Колонию закрыли, сообщил адвокат Сергей Иванов.', 'Сергей Иванов', 'Сергей Иванов', undefined],
    ['ru', 'Об этом рассказала глава фонда «Право» Анна Смирнова.', 'Анна Смирнова', 'Анна Смирнова', ['Право']],
    ['ru', 'Родные заключенных сообщили, что их вывезли.', 'Родные заключенных', 'Родные заключенных', undefined],
    ['ru', 'Как пишет «Новая газета», осужденных этапировали.', 'Новая газета', 'Новая газета', undefined],
    ['ru', 'В украинском Генштабе заявили, что колонию обстреляли.', 'украинском Генштабе', 'украинском Генштабе', undefined],
    ['ru', 'Их отправили на фронт, выяснила «Вёрстка».', 'Вёрстка', 'Вёрстка', undefined],
    ['uk', 'За даними ГУР, вербування триває.', 'ГУР', 'ГУР', undefined],
    ['uk', 'Про це повідомив речник Петро Коваль.', 'Петро Коваль', 'Петро Коваль', undefined],
    ['uk', 'Як зазначає «Медіазона», в’язнів вивезли.', 'Медіазона', 'Медіазона', undefined],
    ['ru', 'В феврале 2023 года военная разведка Украины сообщила, что женщин вывезли.', 'военная разведка Украины', 'военная разведка Украины', undefined],
    ['ru', 'В начале марта правозащитники рассказали, что колонию закрыли.', 'правозащитники', 'правозащитники', undefined],
    ['ru', 'В 2024 году ФСИН сообщила, что заключенных стало меньше.', 'ФСИН', 'ФСИН', undefined],
    ['uk', 'У лютому 2023 року ГУР повідомило, що жінок вивезли.', 'ГУР', 'ГУР', undefined],
  ] as const)('%s: %s', (language, text, written, name, alternatives) => {
    const [first] = sources(language, text);
    expect(first).toMatchObject({ text: written, name, span: { start: text.indexOf(written) } });
    expect(first.alternatives).toEqual(alternatives);
  });

  it('resolves "по её словам" and a surname alone to the person named before', () => {
    const memory: AttributionMemory = {};
    sources('ru', 'Об этом рассказала глава фонда «Право» Анна Смирнова.', memory);
    expect(sources('ru', 'По её словам, женщин вывезли ночью.', memory)[0]).toMatchObject({ name: 'Анна Смирнова', certainty: 'implied' });
    expect(sources('ru', 'По словам Смирновой, их было сто.', memory)[0]).toMatchObject({ name: 'Анна Смирнова', alternatives: ['Право'] });
  });

  it.each([
    ['ru', 'Заключенных вывезли в Крым.'],
    ['ru', 'В сообщении говорится о вербовке.'],
    ['ru', 'Сегодня мы рассказываем о вербовке.'],
    ['uk', 'Вони багато знають про те, що відбувається.'],
    // The topic told about is no speaker.
    ['ru', 'О том, что происходит в колониях, рассказали в передаче.'],
    ['uk', 'Про те, що відбувається в колоніях, розповіли в ефірі.'],
  ] as const)('finds no source in %s: %s', (language, text) => {
    expect(sources(language, text)).toEqual([]);
  });
});
