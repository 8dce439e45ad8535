import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractClaims } from '../extract.js';

const RUSSIAN_REPORT =
  'По словам правозащитницы Анны Смирновой, в мае около 300 украинских заключенных вывезли из Херсонской области в ИK-7 в Краснодарском крае. ' +
  'Об этом сообщает «Медиазона».\n' +
  'Осенью 2023 года представители Минобороны завербовали в женской колонии № 2 более 40 осужденных женщин.\n' +
  'В СИЗО-1 двое заключенных умерли после пыток.';

const UKRAINIAN_REPORT =
  'За даними ГУР, минулого тижня понад 50 в’язнів колонії № 90 завербували до ПВК «Вагнер». ' +
  'Їх вивезли до Краснодарського краю.\n' +
  'Росія помилувала 20 тисяч засуджених, повідомив речник Петро Коваль.';

const check = (text: string, language: string, published?: string) => {
  const { claims } = extractClaims(text, { language, published });
  for (const c of claims) {
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    for (const v of [...c.places, ...c.facilities, ...c.sources, ...c.actors]) expect(text.slice(v.span.start, v.span.end)).toBe(v.text);
    for (const v of [c.count, c.time]) if (v) expect(text.slice(v.span.start, v.span.end)).toBe(v.text);
    expect(c.rule.startsWith(`${language}.`)).toBe(true);
  }
  return claims;
};

describe('Russian extraction', () => {
  it('reads a report into claims with slots and provenance', () => {
    const claims = check(RUSSIAN_REPORT, 'ru', '2023-11-20');
    expect(claims.map((c) => c.type)).toEqual(['transfer', 'recruitment', 'death', 'abuse']);
    const [transfer, recruitment, death] = claims;
    expect(transfer.quote.endsWith('Об этом сообщает «Медиазона».')).toBe(true);
    expect(transfer.count).toMatchObject({ value: 300, approximate: true });
    expect(transfer.time).toMatchObject({ start: '2023-05', end: '2023-05', certainty: 'implied' });
    expect(transfer.places.map((p) => p.name)).toEqual(['Херсонская область', 'Краснодарский край']);
    expect(transfer.facilities.map((f) => f.text)).toEqual(['ИK-7']);
    expect(transfer.sources.map((s) => s.name)).toEqual(['Анна Смирнова', 'Медиазона']);
    expect(transfer.subjects).toEqual({ nationality: 'UA' });
    expect(recruitment).toMatchObject({ count: { min: 40 }, time: { start: '2023-09', end: '2023-11' }, subjects: { gender: 'female' } });
    expect(recruitment.actors.map((a) => a.name)).toEqual(['Минобороны']);
    expect(death.facilities.map((f) => f.name)).toEqual(['СИЗО-1']);
    expect(death.count).toMatchObject({ value: 2 });
  });

  it('declines text that is not about prisoners', () => {
    expect(extractClaims('Ночью ракеты ударили по Киеву. Мэр сообщил, что метро закрыто.', { language: 'ru' }).claims).toEqual([]);
  });
});

describe('Russian and Ukrainian: negated events and open questions', () => {
  it.each([
    ['ru', 'Заключенных колонии так и не этапировали в Мордовию.', []],
    ['ru', 'Сегодня мы рассказываем о том, как заключенных колонии этапировали в Мордовию.', []],
    ['ru', 'Правозащитники рассказали о том, что заключенных колонии этапировали в Мордовию.', ['transfer']],
    ['uk', 'Засуджених колонії не можна звільнити до кінця війни.', ['policy']],
    ['uk', 'Він розповів про те, чому в’язнів колонії катували охоронці.', []],
  ])('%s: %s → %j', (language, text, expected) => expect(check(text, language).map((c) => c.type)).toEqual(expected));
});

describe('Ukrainian extraction', () => {
  it('reads a report into claims with slots and provenance', () => {
    const claims = check(UKRAINIAN_REPORT, 'uk', '2023-03-20');
    expect(claims.map((c) => c.type)).toEqual(['recruitment', 'transfer', 'release']);
    const [recruitment, transfer, release] = claims;
    expect(recruitment).toMatchObject({ count: { min: 50 }, time: { start: '2023-03-13', end: '2023-03-19' } });
    expect(recruitment.sources.map((s) => s.name)).toEqual(['ГУР']);
    expect(recruitment.facilities.map((f) => f.name)).toEqual(['колонії № 90']);
    expect(recruitment.actors.map((a) => a.name)).toEqual(['ПВК «Вагнер»']);
    expect(transfer.places.map((p) => p.name)).toEqual(['Краснодарський край']);
    expect(release).toMatchObject({ count: { value: 20000 } });
    expect(release.sources.map((s) => s.name)).toEqual(['Петро Коваль']);
  });
});

describe('unsupported languages', () => {
  it.each([
    ['pl', 'Według organizacji Rosja Za Kratami w maju około 300 więźniów przewieziono do kolonii karnej nr 7.'],
    ['cs', 'Podle ruských médií bylo v květnu z kolonie č. 7 převezeno asi 300 vězňů na frontu.'],
  ])('%s yields no claims and a message', (language, text) => {
    const { claims, messages } = extractClaims(text, { language });
    expect(claims).toEqual([]);
    expect(messages[0]).toMatchObject({ rule: 'extract.unsupported-language' });
  });
});

describe('any text', () => {
  const alphabet = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґ АБВГДЕИКЛМНОПРСТУЗФХЦІЇЄ.,;:!?«»"“”—–-№0123456789 \n\u00a0KIOPCX'];
  const words = ['вербовка', 'ИК-7', 'ИK-7', 'заключенных', 'около', 'тыс.', 'в мае', 'по словам', 'Ольги Романовой', 'Краснодарском крае', 'колонії № 90', 'за даними', 'минулого тижня', 'с лета 2022 года', '2 500', 'от 40 до 50'];
  const text = fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(' '));

  it.each(['ru', 'uk'])('%s: never throws and every value equals the text at its offsets', (language) => {
    fc.assert(fc.property(text, fc.constantFrom(undefined, '2023-03-20'), (t, published) => {
      check(t, language, published);
    }), { numRuns: 300 });
  });
});

describe('a sentence that gives the number of the people the claim before is about', () => {
  it.each([
    ['ru', 'Осенью представители Минобороны завербовали женщин в колонии № 2. По словам правозащитницы, речь идет о сотне осужденных.', 100],
    ['ru', 'Осенью представители Минобороны завербовали женщин в колонии № 2. Тогда Генштаб заявлял о полусотне осужденных из этой колонии.', 50],
    ['uk', 'Восени представники Міноборони завербували жінок у колонії № 2. За словами правозахисниці, йдеться про сотню засуджених.', 100],
  ])('%s: %s', (language, text, count) => {
    const claims = check(text, language, '2024-01-10');
    expect(claims.map((c) => c.type)).toEqual(['recruitment', 'recruitment']);
    expect(claims[1].count?.value).toBe(count);
    expect(claims[1].rule).toBe(`${language}.type.recruitment.continued`);
  });

  it('is no claim when no claim comes right before', () =>
    expect(check('Погода в Москве испортилась. По словам правозащитницы, речь идет о сотне осужденных.', 'ru', '2024-01-10')).toEqual([]));
});
