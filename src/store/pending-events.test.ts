import { describe, expect, it } from 'vitest';
import { makeClaim, named } from '../../test/support/fixtures.js';
import { profileOf } from '../grouping/event-profile.js';
import { addToTally, tallyOf } from '../grouping/event-tally.js';
import { toGroupingClaim } from '../grouping/grouping-claim.js';
import { defaultGroupingKnowledge } from '../grouping/knowledge.js';
import { PendingEvents } from './pending-events.js';

const knowledge = defaultGroupingKnowledge();
const claim = (id: string, reportId: string, count: number, place: string) =>
  ({
    ...toGroupingClaim(
      { ...makeClaim({ places: [named(place, { entityId: `place:x:${place.toLowerCase()}` })], count: { value: count, span: { start: 0, end: 2 }, text: String(count), rule: 'test', certainty: 'stated' } }), id },
      0,
      { id: reportId, outlet: `Outlet ${reportId}`, published: '2023-03-20' },
      knowledge,
    ),
  });

const first = claim('c1', 'r1', 40, 'Northtown');
const second = claim('c2', 'r2', 60, 'Southtown');
const profile = profileOf('ev-1', first);

describe('PendingEvents', () => {
  it('hands out tallies as copies (changing one does not change what it holds), and profiles as they are held', () => {
    const pending = new PendingEvents();
    pending.set('ev-1', profile, tallyOf([first]));
    const tally = pending.tally('ev-1')!;
    addToTally(tally, second);
    expect(pending.tally('ev-1')).toEqual(tallyOf([first]));
    expect(pending.profile('ev-1')).toBe(profile);
    expect(pending.tally('ev-2')).toBeUndefined();
    expect(pending.profile('ev-2')).toBeUndefined();
  });

  it('undoes a unit: events it set, changed or removed are as they were before it', () => {
    const pending = new PendingEvents();
    pending.set('kept', profile, tallyOf([first]));
    pending.set('removed', profileOf('removed', second), tallyOf([second]));
    pending.beginUnit();
    pending.set('kept', profile, tallyOf([first, second]));
    pending.set('kept', profile, tallyOf([second]));
    pending.set('new', profile, tallyOf([second]));
    pending.remove('removed');
    pending.remove('never there');
    pending.undoUnit();
    expect(pending.tally('kept')).toEqual(tallyOf([first]));
    expect(pending.tally('removed')).toEqual(tallyOf([second]));
    expect(pending.has('new')).toBe(false);
    expect(pending.size).toBe(2);
  });

  it('keeps a unit: its changes stay, and a later unit undone goes back to them', () => {
    const pending = new PendingEvents();
    pending.beginUnit();
    pending.set('ev-1', profile, tallyOf([first]));
    pending.keepUnit();
    pending.beginUnit();
    pending.set('ev-1', profile, tallyOf([first, second]));
    pending.undoUnit();
    expect(pending.tally('ev-1')).toEqual(tallyOf([first]));
  });

  it('drains every state held', () => {
    const pending = new PendingEvents();
    pending.set('ev-1', profile, tallyOf([first]));
    pending.beginUnit();
    pending.set('ev-2', profileOf('ev-2', second), tallyOf([second]));
    const drained = pending.drain();
    expect(drained.map(([id, state]) => [id, state.profile.id, state.tally.claims])).toEqual([
      ['ev-1', 'ev-1', 1],
      ['ev-2', 'ev-2', 1],
    ]);
    expect(pending.size).toBe(0);
    // Drained inside a unit that is undone (its rows go with its savepoint): what was held before it comes back.
    pending.undoUnit();
    expect(pending.size).toBe(1);
    expect(pending.tally('ev-1')).toEqual(tallyOf([first]));
  });

  it('drained outside a unit, holds nothing after', () => {
    const pending = new PendingEvents();
    pending.set('ev-1', profile, tallyOf([first]));
    pending.drain();
    pending.beginUnit();
    pending.undoUnit();
    expect(pending.size).toBe(0);
  });
});
