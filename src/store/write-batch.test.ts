import { describe, expect, it } from 'vitest';
import { makeReport } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { WriteBatch } from './write-batch.js';

const stores = useStores();

describe.each(dialects)('WriteBatch (%s)', (dialect) => {
  it('calls its state’s hooks in order: start with the transaction, each unit kept or undone, flush before the commit', async () => {
    const store = await stores.open(dialect);
    const calls: string[] = [];
    const batch = await WriteBatch.start(
      store.db,
      (trx) => trx,
      () => ({
        start: async () => void calls.push('start'),
        beginUnit: () => calls.push('begin'),
        keepUnit: () => calls.push('keep'),
        undoUnit: () => calls.push('undo'),
        flush: async () => void calls.push('flush'),
      }),
    );
    await batch.run(async () => calls.push('work'));
    await expect(
      batch.run(async () => {
        throw new Error('fails');
      }),
    ).rejects.toThrow('fails');
    await batch.commit();
    expect(calls).toEqual(['start', 'begin', 'work', 'keep', 'begin', 'undo', 'flush']);
  });

  it('rolls the transaction back when its state cannot start, leaving the store free', async () => {
    const store = await stores.open(dialect);
    const failing = () => ({
      start: async () => {
        throw new Error('cannot start');
      },
      beginUnit() {},
      keepUnit() {},
      undoUnit() {},
      flush: async () => {},
    });
    await expect(WriteBatch.start(store.db, (trx) => trx, failing)).rejects.toThrow('cannot start');
    // A transaction left open would hold SQLite's only connection, and this would wait forever.
    await store.reports.insert(makeReport('after', 'written after the failed start'), 'now');
    expect((await store.reports.list()).reports.map((r) => r.id)).toEqual(['after']);
  });
});
