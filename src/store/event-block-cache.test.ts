import { describe, expect, it } from 'vitest';
import { EventBlockCache } from './event-block-cache.js';

const sorted = (pairs: [string, string][]) => pairs.map((pair) => pair.join('→')).sort();

describe('EventBlockCache', () => {
  it('knows only the keys it learnt, including those with no event', () => {
    const cache = new EventBlockCache();
    cache.learn(['k1', 'k2', 'k3'], [
      { block_key: 'k1', event_id: 'e1' },
      { block_key: 'k1', event_id: 'e2' },
      { block_key: 'k2', event_id: 'e1' },
    ]);
    const { pairs, unknown } = cache.lookup(['k1', 'k3', 'k4', 'k2']);
    expect(sorted(pairs)).toEqual(['k1→e1', 'k1→e2', 'k2→e1']);
    expect(unknown).toEqual(['k4']);
  });

  it('follows what is written after: pairs added (to known keys only), an event’s keys removed, an event merged into another', () => {
    const cache = new EventBlockCache();
    cache.learn(['k1', 'k2'], [{ block_key: 'k1', event_id: 'e1' }]);
    cache.add([['k2', 'e2'], ['k9', 'e2'], ['k1', 'e1']]);
    expect(sorted(cache.lookup(['k1', 'k2']).pairs)).toEqual(['k1→e1', 'k2→e2']);
    // A key never read stays unknown: the store, not a partial list, says what is under it.
    expect(cache.lookup(['k9']).unknown).toEqual(['k9']);
    cache.moveEvent('e2', 'e1');
    expect(sorted(cache.lookup(['k1', 'k2']).pairs)).toEqual(['k1→e1', 'k2→e1']);
    cache.removeEvent('e1');
    expect(cache.lookup(['k1', 'k2'])).toEqual({ pairs: [], unknown: [] });
    cache.forget();
    expect(cache.lookup(['k1']).unknown).toEqual(['k1']);
  });

  it('says a pair is registered only when it knows so: its key was read, and the pair read or added since', () => {
    const cache = new EventBlockCache();
    cache.learn(['k1'], [{ block_key: 'k1', event_id: 'e1' }]);
    cache.add([['k1', 'e2'], ['k9', 'e1']]);
    expect([cache.has('k1', 'e1'), cache.has('k1', 'e2'), cache.has('k1', 'e3'), cache.has('k9', 'e1')]).toEqual([true, true, false, false]);
    cache.removeEvent('e1');
    expect(cache.has('k1', 'e1')).toBe(false);
  });
});
