import { describe, expect, it } from 'vitest';
import { beforeOpenQuestion, mentionsPrisoners, scoreTypes } from './claim-type.js';
import { createSubjectFinder } from './subjects.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { sentenceOf } from './test-text.js';

const languages = { ru: RUSSIAN, uk: UKRAINIAN };
const top = (language: 'ru' | 'uk', text: string) => {
  const { doc, range } = sentenceOf(text);
  return scoreTypes(languages[language], doc, range)[0];
};

describe('scoreTypes', () => {
  it.each([
    ['ru', 'В колонии завербовали 40 заключенных.', 'recruitment'],
    ['ru', 'Осужденные подписали контракт с Минобороны.', 'recruitment'],
    ['ru', 'Заключенных этапировали в Мордовию.', 'transfer'],
    ['ru', 'Из Херсона вывезли 2500 заключенных.', 'transfer'],
    ['ru', 'Путин помиловал 50 осужденных.', 'release'],
    ['ru', 'Им дали условное освобождение.', 'release'],
    ['ru', 'Заключенных пытали электрошокером.', 'abuse'],
    ['ru', 'В колонии погибли трое осужденных.', 'death'],
    ['ru', 'Его задержали и поместили в СИЗО.', 'detention'],
    ['ru', 'Дума приняла закон о зачете службы.', 'policy'],
    ['uk', 'У колонії завербували 40 в’язнів.', 'recruitment'],
    ['uk', 'Засуджених вивезли до Криму.', 'transfer'],
    ['uk', 'Їм надали умовно-дострокове звільнення.', 'release'],
    ['uk', 'В’язнів катували охоронці.', 'abuse'],
    ['uk', 'Двоє засуджених загинули.', 'death'],
    ['uk', 'Чоловіка затримали на кордоні.', 'detention'],
    // Recruiters visiting a colony.
    ['ru', 'В колонию представители Минобороны приезжали дважды за осень.', 'recruitment'],
    ['uk', 'До колонії представники Міноборони приїжджали двічі восени.', 'recruitment'],
  ] as const)('%s: %s → %s', (language, text, type) => {
    expect(top(language, text)?.type).toBe(type);
    expect(top(language, text)?.rule).toMatch(new RegExp(`^${language}\\.type\\.${type}\\.\\d+$`, 'u'));
  });

  it.each([
    ['ru', 'Заключенных не этапировали в Мордовию.', 'transfer'],
    ['ru', 'Осужденных так и не были освобождены.', 'release'],
    ['uk', 'В’язнів не катували охоронці.', 'abuse'],
    ['uk', 'Засуджених ніколи не вивозили до Криму.', 'transfer'],
  ] as const)('%s: reads a denied event in %s as no %s', (language, text, type) => {
    const { doc, range } = sentenceOf(text);
    expect(scoreTypes(languages[language], doc, range).some((s) => s.type === type)).toBe(false);
  });

  it.each([
    ['ru', 'Отказавшиеся не будут помилованы.', 'ru.type.release.'],
    ['uk', 'Засуджених не можуть звільнити до кінця війни.', 'uk.type.release.'],
  ] as const)('%s: reads an event that will not or cannot happen in %s as policy', (language, text, rule) => {
    expect(top(language, text)?.type).toBe('policy');
    expect(top(language, text)?.rule).toMatch(new RegExp(`^${rule.replaceAll('.', '\\.')}\\d+\\.ruled-out$`, 'u'));
  });

  it.each([
    ['ru', 'Колония не только освободила 40 осужденных, но и закрыла отряд.', 'release'],
    ['uk', 'Кількість в’язнів не зменшилася з травня.', 'population'],
  ] as const)('%s: keeps the type of %s', (language, text, type) => expect(top(language, text)?.type).toBe(type));

  it.each([
    ['ru', 'Сегодня мы рассказываем о том, как колонии этапировали осужденных в Мордовию.', 'transfer'],
    ['ru', 'Он рассказал о том, почему заключенных пытали в СИЗО.', 'abuse'],
    ['uk', 'Ми з’ясували, як засуджених вивозили до Криму.', 'transfer'],
    ['uk', 'Він розповів про те, чому в’язнів катували охоронці.', 'abuse'],
  ] as const)('%s: reads what a report looks into, in %s, as no %s', (language, text, type) => {
    const { doc, range } = sentenceOf(text);
    const scores = scoreTypes(languages[language], doc, range);
    expect(scores.some((s) => s.type === type)).toBe(true);
    expect(beforeOpenQuestion(languages[language], doc, scores, range).some((s) => s.type === type)).toBe(false);
  });

  it.each([
    ['ru', 'Он рассказал о том, что заключенных этапировали в Мордовию.', 'transfer'],
    ['uk', 'Він розповів про те, що засуджених вивезли до Криму.', 'transfer'],
  ] as const)('%s: keeps a fact reported with "о том, что" in %s', (language, text, type) => {
    const { doc, range } = sentenceOf(text);
    expect(beforeOpenQuestion(languages[language], doc, scoreTypes(languages[language], doc, range), range)[0]?.type).toBe(type);
  });

  it.each([
    ['ru', 'Он пытается дозвониться до родных.'],
    ['ru', 'Погода в Москве испортилась.'],
    ['uk', 'Вони знають, що відбувається на кордоні.'],
    ['uk', 'Погода в Києві зіпсувалася.'],
  ] as const)('no claim type in %s: %s', (language, text) => {
    expect(top(language, text)).toBeUndefined();
  });
});

describe('mentionsPrisoners', () => {
  it.each([
    ['ru', 'Осуждённых вывезли.', true],
    ['ru', 'Его перевели в ИK-7.', true],
    ['ru', 'Ракеты ударили по Киеву.', false],
    ['uk', 'Ув’язнених вивезли.', true],
    ['uk', 'Ракети вдарили по Києву.', false],
  ] as const)('%s: %s', (language, text, expected) => {
    const { doc, range } = sentenceOf(text);
    expect(mentionsPrisoners(languages[language], doc, range)).toBe(expected);
  });
});

describe('findSubjects', () => {
  const finders = { ru: createSubjectFinder(RUSSIAN), uk: createSubjectFinder(UKRAINIAN) };
  it.each([
    ['ru', 'Из колонии забрали женщин-заключенных.', { gender: 'female' }],
    ['ru', 'Вывезли 2500 граждан Украины.', { nationality: 'UA' }],
    ['ru', 'Завербовали 50 тысяч российских заключенных.', { nationality: 'RU' }],
    ['ru', 'Ее муж отказался, сказала она.', {}],
    ['ru', 'Вопреки отсутствию российского гражданства их судили.', {}],
    ['uk', 'У жіночій колонії завербували засуджених.', { gender: 'female' }],
    ['uk', 'Вивезли українських в’язнів.', { nationality: 'UA' }],
    ['uk', 'Вона сказала, що його забрали.', {}],
  ] as const)('%s: %s', (language, text, expected) => {
    const { doc, range } = sentenceOf(text);
    expect(finders[language](doc, range)).toEqual(expected);
  });
});
