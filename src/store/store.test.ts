import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { migrate, openStore } from './store.js';
import { MIGRATIONS, StoreMigrationProvider } from './migrations/index.js';

const stores = useStores();

describe.each(dialects)('store (%s)', (dialect) => {
  it('runs each migration once, however often it is opened', async () => {
    const store = await stores.open(dialect);
    await migrate(store.db, store.dialect);
    const applied = await store.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(applied.map((row) => (row as { name: string }).name)).toEqual(Object.keys(MIGRATIONS).sort());
    expect(store.dialect.name).toBe(dialect);
  });

  it('migrates all the way down and up again', async () => {
    const store = await stores.open(dialect);
    const migrator = new Migrator({ db: store.db, provider: new StoreMigrationProvider(store.dialect) });
    expect((await migrator.migrateTo(NO_MIGRATIONS)).error).toBeUndefined();
    expect((await store.db.introspection.getTables()).map((t) => t.name).filter((name) => !name.startsWith('kysely_'))).toEqual([]);
    await migrate(store.db, store.dialect);
    await store.reports.insert(makeReport('r', 'searchable text'), 'now');
    expect((await store.reports.list({ search: 'searchable' })).reports).toHaveLength(1);
  });

  it('keeps the claim value indexes queries read, and gets the dropped ones back when migrated down', async () => {
    const store = await stores.open(dialect);
    const indexes = async () => {
      const query = dialect === 'sqlite' ? sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'claim_values' and name not like 'sqlite_%'` : sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'claim_values' and indexname <> 'claim_values_pk'`;
      return (await query.execute(store.db)).rows.map((row) => row.name).sort();
    };
    expect(await indexes()).toEqual(['claim_values_entity', 'claim_values_place']);
    const migrator = new Migrator({ db: store.db, provider: new StoreMigrationProvider(store.dialect) });
    expect((await migrator.migrateTo('2026-12-06T2110-grouping-ingest')).error).toBeUndefined();
    expect(await indexes()).toEqual(['claim_values_entity', 'claim_values_place', 'claim_values_resolved_entity', 'claim_values_slot_entity']);
    await migrate(store.db, store.dialect);
    expect(await indexes()).toEqual(['claim_values_entity', 'claim_values_place']);
  });

  it('deleting a report takes its claims, values, furniture and messages with it', async () => {
    const store = await stores.open(dialect);
    const report = makeReport('r', 'text', [makeClaim({ places: [named('Kherson')] })], {
      furniture: [{ start: 0, end: 1, rule: 'r', text: 't' }],
      messages: [{ source: 's', rule: 'r', reason: 'x', severity: 'info' }],
    });
    await store.reports.insert(report, 'now');
    await store.claims.insertMany('r', report.claims);
    await store.db.deleteFrom('reports').execute();
    for (const table of ['claims', 'claim_values', 'report_furniture', 'report_messages'] as const) {
      expect(await store.db.selectFrom(table).selectAll().execute()).toEqual([]);
    }
    expect((await store.claims.list({ search: 'prisoners' })).claims).toEqual([]);
  });

  it('rolls a transaction back when its work throws', async () => {
    const store = await stores.open(dialect);
    await expect(
      store.transaction(async ({ reports }) => {
        await reports.insert(makeReport('r', 'text'), 'now');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.reports.exists('r')).toBe(false);
  });
});

describe('openStore', () => {
  it('opens SQLite at ./etap.db when given neither url nor path, and SQLite for non-postgres URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etap-open-'));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const store = await openStore({ url: 'file:whatever' });
      expect(store.dialect.name).toBe('sqlite');
      await store.reports.insert(makeReport('r', 'text'), 'now');
      await store.close();
      const again = await openStore();
      expect(await again.reports.exists('r')).toBe(true);
      await again.close();
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
