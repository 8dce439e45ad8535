import { describe, expect, it } from 'vitest';
import { listHas, mergeProfiles, profileOf } from './event-profile.js';
import type { GroupingClaim } from './grouping-claim.js';
import { seededRandom as random } from '../../test/support/random.js';

describe('listHas', () => {
  it('answers as includes does for lists that grow, short and long, read between appends', () => {
    for (let seed = 1; seed <= 20; seed += 1) {
      const rand = random(seed);
      const list: string[] = [];
      for (let step = 0; step < 400; step += 1) {
        const value = `v${Math.floor(rand() * 300)}`;
        expect(listHas(list, value)).toBe(list.includes(value));
        if (!list.includes(value)) list.push(value);
      }
    }
  });

  it('answers as includes does when a list is changed other than by appending', () => {
    const list = Array.from({ length: 40 }, (_, i) => `v${i}`);
    expect(listHas(list, 'v39')).toBe(true);
    list.pop();
    expect(listHas(list, 'v39')).toBe(false);
    list.push('w');
    expect([listHas(list, 'w'), listHas(list, 'v39')]).toEqual([true, false]);
    list.splice(0, 1, 'x');
    list[list.length - 1] = 'y';
    expect([listHas(list, 'x'), listHas(list, 'y'), listHas(list, 'w')]).toEqual([true, true, false]);
    const restored = JSON.parse(JSON.stringify(list)) as string[];
    expect([listHas(restored, 'x'), listHas(restored, 'v0')]).toEqual([true, false]);
  });
});

describe('event profiles', () => {
  const claim = (n: number): GroupingClaim => ({
    id: `c${n}`,
    reportId: `r${n}`,
    ordinal: n,
    type: 'policy',
    quoteKey: `q${n}`,
    facilities: [],
    places: [{ key: `place:t${n}`, country: false, within: ['place:region', 'country:x'] }],
    placeNames: {},
    sourceKeys: [`org:s${n % 50}`],
    origin: { key: 'org:x', name: 'x', kind: 'named' },
  });

  it('keep every distinct place and source of a large event once, in the order they came', () => {
    const a = profileOf('a', claim(0));
    const b = profileOf('b', claim(1000));
    for (let n = 1; n < 200; n += 1) {
      mergeProfiles(a, profileOf(`x${n}`, claim(n)));
      mergeProfiles(b, profileOf(`y${n}`, claim(1000 + (n % 100))));
    }
    mergeProfiles(a, b);
    const towns = [...Array.from({ length: 200 }, (_, n) => n), ...Array.from({ length: 100 }, (_, n) => 1000 + n)].map((n) => `place:t${n}`);
    expect(a.areas).toEqual([towns[0], 'place:region', 'country:x', ...towns.slice(1)]);
    expect(a.sources).toEqual(Array.from({ length: 50 }, (_, n) => `org:s${n}`));
  });
});
