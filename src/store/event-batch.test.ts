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

describe.each(dialects)('copy candidates within a batch (%s)', (dialect) => {
  const fingerprint = (reportId: string, ingestOrder: number, originalId?: string) => ({ reportId, signature: `sig-${reportId}`, ingestOrder, ...(originalId ? { originalId, similarity: 0.9 } : {}) });

  async function withReports(store: Store, ids: string[]): Promise<void> {
    await store.events.clear();
    const db = store.db.withTables<{ reports: Record<string, unknown> }>();
    for (const id of ids) {
      await db
        .insertInto('reports')
        .values({ id, sha256: id, language: 'en', encoding: 'utf-8', origin: id, text: id, original: Buffer.from(id), extracted: 1, ingested_at: '2026-01-01T00:00:00Z' })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  }

  it('finds what the store holds through new fingerprints, a rewritten one, a relink and a failed report', async () => {
    const store = await stores.open(dialect);
    await withReports(store, ['r1', 'r2', 'r3', 'r4']);
    await store.events.saveFingerprint(fingerprint('r1', 1), ['b1', 'b2']);
    const batch = await store.startBatch();
    const seen: unknown[] = [];
    const run = (unit: (r: Repositories) => Promise<unknown>) => batch.run(unit).catch((error: Error) => error.message);
    seen.push(await run((r) => r.events.fingerprintsByBands(['b1', 'b3'], 'r2')));
    await run(async (r) => {
      expect(await r.events.nextIngestOrder()).toBe(2);
      await r.events.saveFingerprint(fingerprint('r2', 2, 'r1'), ['b1', 'b3'], { replace: false });
      expect(await r.events.nextIngestOrder()).toBe(3);
    });
    seen.push(await run((r) => r.events.fingerprintsByBands(['b3'], 'r9')));
    const failed = await run(async (r) => {
      await r.events.saveFingerprint(fingerprint('r4', 4), ['b1', 'b2', 'b3'], { replace: false });
      throw new Error('broken');
    });
    seen.push(await run((r) => r.events.fingerprintsByBands(['b1', 'b2', 'b3'], 'r9')));
    // r3 is the new original of r1's cluster; r2 is rewritten under other keys.
    await run(async (r) => {
      await r.events.saveFingerprint(fingerprint('r3', 3), ['b3'], { replace: false });
      await r.events.relinkCopies('r1', 'r3');
    });
    await run((r) => r.events.saveFingerprint(fingerprint('r2', 2, 'r3'), ['b2'], { replace: true }));
    const inBatch = await run((r) => r.events.fingerprintsByBands(['b1', 'b2', 'b3'], 'r9'));
    const order = await run((r) => r.events.nextIngestOrder());
    await batch.commit();
    expect(failed).toBe('broken');
    expect(seen).toEqual([[fingerprint('r1', 1)], [fingerprint('r2', 2, 'r1')], [fingerprint('r1', 1), fingerprint('r2', 2, 'r1')]]);
    // The old original copies the new one, with no similarity measured (as relinkCopies writes it).
    expect(inBatch).toEqual([{ ...fingerprint('r1', 1), originalId: 'r3' }, fingerprint('r2', 2, 'r3'), fingerprint('r3', 3)]);
    expect(await store.events.fingerprintsByBands(['b1', 'b2', 'b3'], 'r9')).toEqual(inBatch);
    expect(order).toBe(4);
  });
});
