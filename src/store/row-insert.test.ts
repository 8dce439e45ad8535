import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dialects, useStores } from '../../test/support/stores.js';
import { RowInsert } from './row-insert.js';

const stores = useStores();
// The test stores empty the claim tables between tests, not entities.
const openEmpty = async (dialect: (typeof dialects)[number]) => {
  const store = await stores.open(dialect);
  await store.db.deleteFrom('entities').execute();
  return store;
};

type EntityRow = { id: string; kind: string; name: string; attributes: string | null; merged_into: string | null; created_at: string };
const entity = (id: string, attributes: string | null = null): EntityRow => ({ id, kind: 'place', name: `Name ${id}`, attributes, merged_into: null, created_at: 'now' });

describe.each(dialects)('row inserts (%s)', (dialect) => {
  it('writes every row, in chunks, with each statement shape compiled once and reused', async () => {
    const store = await openEmpty(dialect);
    const insert = new RowInsert<EntityRow>((db, rows) => db.insertInto('entities').values(rows), 2);
    await insert.run(store.db, [entity('a', '{"x":1}'), entity('b'), entity('c')]);
    await insert.run(store.db, [entity('d'), entity('e', '{}')]);
    await insert.run(store.db, []);
    const rows = await store.db.selectFrom('entities').selectAll().orderBy('id').execute();
    expect(rows).toEqual([entity('a', '{"x":1}'), entity('b'), entity('c'), entity('d'), entity('e', '{}')]);
  });

  it('keeps the conflict clause its statement was built with', async () => {
    const store = await openEmpty(dialect);
    const insert = new RowInsert<EntityRow>((db, rows) => db.insertInto('entities').values(rows).onConflict((oc) => oc.column('id').doNothing()), 10);
    await insert.run(store.db, [entity('a')]);
    await insert.run(store.db, [{ ...entity('a'), name: 'Other' }]);
    expect((await store.db.selectFrom('entities').select('name').execute()).map((r) => r.name)).toEqual(['Name a']);
  });

  it('refuses rows whose columns differ, and statements whose values are not all parameters', async () => {
    const store = await openEmpty(dialect);
    const insert = new RowInsert<EntityRow>((db, rows) => db.insertInto('entities').values(rows), 10);
    const { merged_into: _, ...short } = entity('b');
    await expect(insert.run(store.db, [entity('a'), short as EntityRow])).rejects.toThrow(/differ in their columns/);
    const literal = new RowInsert<EntityRow>((db, rows) => db.insertInto('entities').values(rows.map((row) => ({ ...row, kind: sql<string>`'place'` }))), 10);
    await expect(literal.run(store.db, [entity('a')])).rejects.toThrow(/parameters are not the ones given/);
    expect(await store.db.selectFrom('entities').selectAll().execute()).toEqual([]);
  });
});
