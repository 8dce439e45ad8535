import { describe, expect, it } from 'vitest';
import { populationChange, readCount, readTime } from './quantities.js';

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
