import { describe, expect, it } from 'vitest';
import { makeClaim, named } from '../../test/support/fixtures.js';
import { addToProfile, copyProfile, mergeProfiles, profileOf } from './event-profile.js';
import { addToTally, copyTally, emptyTally, tallyOf, type EventTally } from './event-tally.js';
import { toGroupingClaim } from './grouping-claim.js';
import { defaultGroupingKnowledge } from './knowledge.js';

const knowledge = defaultGroupingKnowledge();
/** A claim whose every feature a profile keeps differs with `place`. */
const claim = (id: string, reportId: string, count: number, place: string, day = '2023-03-10') =>
  toGroupingClaim(
    {
      ...makeClaim({
        type: place === 'Northtown' ? 'transfer' : 'recruitment',
        quote: `Prisoners were moved near ${place}.`,
        facilities: [named(`IK-${place.length}`, { entityId: `facility:ik-${place.toLowerCase()}` })],
        sources: [named(`Monitor of ${place}`, { entityId: `org:monitor-${place.toLowerCase()}` })],
        subjects: place === 'Northtown' ? {} : { gender: 'female', nationality: 'UA' },
        change: place === 'Northtown' ? undefined : 'decrease',
        places: [named(place, { entityId: `place:x:${place.toLowerCase()}` })],
        count: { value: count, span: { start: 0, end: 2 }, text: String(count), rule: 'test', certainty: 'stated' },
        time: { start: day, end: day, span: { start: 0, end: 2 }, text: day, rule: 'test', certainty: 'stated' },
      }),
      id,
    },
    0,
    { id: reportId, outlet: `Outlet ${reportId}`, published: '2023-03-20' },
    knowledge,
  );

const first = claim('c1', 'r1', 40, 'Northtown');
const second = claim('c2', 'r2', 60, 'Southtown', '2023-03-12');

describe('copyTally', () => {
  it('gives a tally that folding claims into leaves the original as it was', () => {
    const original = tallyOf([first]);
    const frozen = JSON.stringify(original);
    const copy = copyTally(original);
    expect(copy).toEqual(original);
    addToTally(copy, second);
    addToTally(copy, claim('c0', 'r1', 50, 'Northtown'));
    addToTally(copy, claim('c3', 'r3', 70, 'Northtown'));
    expect(JSON.stringify(original)).toBe(frozen);
    expect(copy).toEqual(tallyOf([first, second, claim('c0', 'r1', 50, 'Northtown'), claim('c3', 'r3', 70, 'Northtown')]));
  });

  it('copies the dated range, and leaves it out when there is none', () => {
    const dated: EventTally = { ...emptyTally(), dated: [1, 2, 1, 2] };
    const copy = copyTally(dated);
    copy.dated![0] = 9;
    expect(dated.dated).toEqual([1, 2, 1, 2]);
    expect('dated' in copyTally(emptyTally())).toBe(false);
  });
});


describe('copyProfile', () => {
  it('gives a profile that folding claims and merging into leaves the original as it was', () => {
    const original = profileOf('ev-1', first);
    const frozen = JSON.stringify(original);
    const copy = copyProfile(original);
    expect(copy).toEqual(original);
    addToProfile(copy, second);
    addToProfile(copy, claim('c3', 'r3', 70, 'Easttown', '2023-03-11'));
    mergeProfiles(copy, profileOf('ev-2', claim('c4', 'r4', 80, 'Westtown', '2023-03-09')));
    expect(JSON.stringify(original)).toBe(frozen);
    const direct = profileOf('ev-1', first);
    addToProfile(direct, second);
    addToProfile(direct, claim('c3', 'r3', 70, 'Easttown', '2023-03-11'));
    mergeProfiles(direct, profileOf('ev-2', claim('c4', 'r4', 80, 'Westtown', '2023-03-09')));
    expect(copy).toEqual(direct);
  });
});
