import { describe, expect, it } from 'vitest';
import { populationChange, readCount, readTime, readWhole } from './quantities.js';

const time = (text: string, published = '2024-06-01') => {
  const t = readTime(text, { start: 0, end: text.length }, published);
  return t ? [t.start, t.end] : undefined;
};

describe('readTime', () => {
  it.each([
    ['In March 2023, the colony held 900 inmates.', ['2023-03', '2023-03']],
    ['Relatives said in May that 40 men were moved.', ['2024-05', '2024-05']],
    ['Before the war the colony was moved; in March 2023 it held 900 inmates.', ['2023-03', '2023-03']],
  ])('%s', (text, expected) => expect(time(text)).toEqual(expected));

  it.each([['Before the outbreak of war in February 2022, the centre held 400 inmates.'], ['Prior to the full-scale invasion in 2022, it housed women.']])(
    'dates nothing in %s',
    (text) => expect(time(text)).toBeUndefined(),
  );
});

describe('readTime after a "before" clause', () => {
  it('keeps a time set off from it by a comma', () => expect(time('Recruiters came before the vote, in May 2023.')).toEqual(['2023-05', '2023-05']));
});

describe('populationChange', () => {
  const change = (text: string) => populationChange(text, { start: 0, end: text.length });
  it.each([
    ['Some 20,000 people disappeared from the colonies in two months.', 'decrease'],
    ['The prison population fell to 266,000.', 'decrease'],
    ['The number of inmates rose again.', 'increase'],
  ])('%s → %s', (text, expected) => expect(change(text)).toBe(expected));

  it.each([['Later the service said the number of inmates had not decreased.'], ['Some 16,000 people have disappeared since the war began.']])('reads no change in %s', (text) =>
    expect(change(text)).toBeUndefined(),
  );
});

describe('readCount', () => {
  const count = (text: string, type: 'recruitment' | 'transfer' = 'recruitment') => readCount(text, { start: 0, end: text.length }, type)?.count.value;
  it.each([
    ['Perhaps 100 thousand were sent to war from the colonies.', 100000],
    ['About 300 have been recruited in the colony since May.', 300],
    ['Some 40 convicts signed contracts.', 40],
  ])('%s → %s', (text, expected) => expect(count(text)).toBe(expected));

  it.each([['Recruiters visited 10 colonies in the region.'], ['In 2023, the colonies were visited 12 times by recruiters.']])('reads no head count in %s', (text) =>
    expect(count(text)).toBeUndefined(),
  );
});

describe('readWhole', () => {
  const whole = (text: string) => {
    const w = readWhole(text, { start: 0, end: text.length });
    return w && [w.type, w.count.value, text.slice(w.span.start, w.span.end)];
  };
  it.each([
    ['Only 3,000 convicts remain alive out of 20,000 recruited by the company.', ['recruitment', 20000, '20,000']],
    ['Out of 300 volunteers, 120 inmates were enrolled in the unit.', ['recruitment', 300, '300']],
    ['Of the 500 prisoners transferred to Rostov, 40 were later released.', ['transfer', 500, '500']],
    ['Twelve of the 80 women pardoned in May went home.', ['release', 80, '80']],
  ])('%s → %j', (text, expected) => expect(whole(text)).toEqual(expected));

  it.each([['Of the 2,500 prisoners, 100 were moved to Russia.'], ['One of the 10 colonies was closed.'], ['Out of thousands recruited, few returned.'], ['In 2023 some 300 volunteers were enrolled.']])(
    'finds no whole in %s',
    (text) => expect(whole(text)).toBeUndefined(),
  );
});

describe('readCount of the dead', () => {
  const count = (text: string) => readCount(text, { start: 0, end: text.length }, 'death')?.count.value;
  it.each([['Only 40 of them survived the assault.'], ['Some 10,000 prisoners remain alive, relatives say.']])('takes no survivors as the count in %s', (text) => expect(count(text)).toBeUndefined());
  it('counts those who did not survive', () => expect(count('Thirty inmates did not survive the assault.')).toBe(30));
});
