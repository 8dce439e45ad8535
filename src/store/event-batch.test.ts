import { describe, expect, it } from 'vitest';
import { dialects, useStores } from '../../test/support/stores.js';
import type { Repositories, Store } from './index.js';

const stores = useStores();

/** What the store itself holds under the keys, read outside any batch. */
async function stored(store: Store, keys: string[]): Promise<Map<string, string[]>> {
  return store.events.eventsByBlocks(keys);
}

describe.each(dialects)('event block keys within a batch (%s)', (dialect) => {
  async function batchOf(store: Store, units: Array<(repositories: Repositories) => Promise<unknown>>): Promise<unknown[]> {
    const batch = await store.startBatch();
    const results: unknown[] = [];
    for (const unit of units) results.push(await batch.run(unit).catch((error: Error) => error.message));
    await batch.commit();
    return results;
  }

  it('finds what the store holds after an event’s keys are replaced', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const [, , found] = await batchOf(store, [
      (r) => r.events.replaceBlocks('E', ['k1', 'k2']),
      (r) => r.events.eventsByBlocks(['k1', 'k2']),
      async (r) => {
        await r.events.replaceBlocks('E', ['k2']);
        return r.events.eventsByBlocks(['k1', 'k2']);
      },
    ]);
    expect(found).toEqual(new Map([['E', ['k2']]]));
    expect(await stored(store, ['k1', 'k2'])).toEqual(found);
  });

  it('finds what the store holds after one event is merged into another', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const [, found] = await batchOf(store, [
      async (r) => {
        await r.events.replaceBlocks('E1', ['k1']);
        await r.events.replaceBlocks('E2', ['k2']);
        return r.events.eventsByBlocks(['k1', 'k2']);
      },
      async (r) => {
        await r.events.moveClaims('E2', 'E1');
        return r.events.eventsByBlocks(['k1', 'k2']);
      },
    ]);
    expect(found).toEqual(new Map([['E1', ['k1', 'k2']]]));
    expect(await stored(store, ['k1', 'k2'])).toEqual(found);
  });

  it('forgets the keys a failed report registered, as the store does', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const [, failed, found] = await batchOf(store, [
      (r) => r.events.eventsByBlocks(['k1']),
      async (r) => {
        await r.events.replaceBlocks('E', ['k1']);
        expect(await r.events.eventsByBlocks(['k1'])).toEqual(new Map([['E', ['k1']]]));
        throw new Error('broken');
      },
      (r) => r.events.eventsByBlocks(['k1']),
    ]);
    expect(failed).toBe('broken');
    expect(found).toEqual(new Map());
    expect(await stored(store, ['k1'])).toEqual(found);
  });
});
