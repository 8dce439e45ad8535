import { describe, expect, it } from 'vitest';
import { createPlaceFinder } from './places.js';
import { RUSSIAN, UKRAINIAN } from './languages.js';
import { sentenceOf } from './test-text.js';

const ru = createPlaceFinder(RUSSIAN);
const uk = createPlaceFinder(UKRAINIAN);
const names = (finder: typeof ru, text: string) => {
  const { doc, range } = sentenceOf(text);
  const found = finder(doc, range);
  for (const p of found) expect(text.slice(p.span.start, p.span.end)).toBe(p.text);
  return found;
};

describe('findPlaces (ru)', () => {
  it.each([
    ['Заключенных вывезли в Краснодарский край.', 'Краснодарский край', 'Краснодарский край'],
    ['Заключенных держат в Краснодарском крае.', 'Краснодарском крае', 'Краснодарский край'],
    ['Женщин забирали из Краснодарского края.', 'Краснодарского края', 'Краснодарский край'],
    ['Их свозили в ИК-7 в Старой Збурьевке.', 'Старой Збурьевке', 'Старая Збурьевка'],
    ['Поезд ушел в Донецкую область.', 'Донецкую область', 'Донецкая область'],
    ['Колония стоит в Волгоградской области.', 'Волгоградской области', 'Волгоградская область'],
    ['Колония стоит в Волгоградской\u00a0области.', 'Волгоградской\u00a0области', 'Волгоградская область'],
    ['Колонию нашли в Мордовской республике.', 'Мордовской республике', 'Мордовская республика'],
    ['Их отправили на территорию России.', 'России', 'Россия'],
  ])('%s', (text, written, name) => {
    const [place] = names(ru, text);
    expect(place).toMatchObject({ text: written, name, span: { start: text.indexOf(written) } });
  });

  it('resolves the region to the gazetteer with coordinates', () => {
    const [a] = names(ru, 'Их держат в Краснодарском крае.');
    const [b] = names(uk, 'Їх тримають у Краснодарському краї.');
    expect(a.entityId).toBeDefined();
    expect(a.entityId).toBe(b.entityId);
    expect(a.lat).toBeTypeOf('number');
  });

  it('reads a list of regions sharing one noun', () => {
    expect(names(ru, 'Заключенных из колоний в Херсонской и Николаевской областях вывезли.').map((p) => p.name)).toEqual([
      'Херсонская область',
      'Николаевская область',
    ]);
    expect(names(ru, 'Их держат в Ростовской, Брянской и Курской\u00a0областях.').map((p) => p.name)).toEqual([
      'Ростовская область',
      'Брянская область',
      'Курская область',
    ]);
  });

  it('reads "российские колонии" as Russia', () => {
    expect(names(ru, 'Их перевезли в российские колонии.').map((p) => p.name)).toEqual(['Россия']);
  });

  it.each([
    'С начала вторжения России в Украину прошло два года.',
    'Родные заключенных пишут письма.',
    'Кроме Марии, никто не ответил.',
    'Юрист организации «Защита заключенных Украины» рассказала об этом.',
    'Россия отправила их на фронт.',
  ])('finds no place in: %s', (text) => {
    expect(names(ru, text).map((p) => p.name)).toEqual([]);
  });
});

describe('findPlaces (uk)', () => {
  it.each([
    ['Вербували в колоніях Мордовії.', 'Мордовії', 'Мордовія'],
    ['Їх вивезли до Краснодарського краю.', 'Краснодарського краю', 'Краснодарський край'],
    ['Колонія у Наурському районі.', 'Наурському районі', 'Наурський район'],
    ['Вербування триває в колоніях Воронезької області.', 'Воронезької області', 'Воронезька область'],
  ])('%s', (text, written, name) => {
    const [place] = names(uk, text);
    expect(place).toMatchObject({ text: written, name });
  });

  it.each([
    'Війна Росії проти України триває.',
    'Громадян України судили в Ростові-на-Дону без адвоката.',
    'Редактор «Медіазони» Дмитро Трещанін розповів про це.',
  ])('finds no country or person as a place in: %s', (text) => {
    expect(names(uk, text).map((p) => p.name)).not.toContain('Україна');
    expect(names(uk, text).map((p) => p.name)).not.toContain('Трещанін');
  });

  it('reads "у російських колоніях" as Росія', () => {
    expect(names(uk, 'Їх тримають у російських колоніях.').map((p) => p.name)).toEqual(['Росія']);
  });
});
