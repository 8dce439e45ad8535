import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { createDatabase, skipPostgres, startPostgres, type TestPostgres } from './postgres.js';

// The overview tallies hold no foreign key, so truncating claims does not reach them.
const TABLES = ['reports', 'report_furniture', 'report_messages', 'claims', 'claim_values', 'claim_tallies', 'place_tallies'];

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects every store test runs on; PostgreSQL only leaves when ETAP_SKIP_POSTGRES=1. */
export const dialects: TestDialect[] = skipPostgres ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * Fresh, empty stores for a test file, closed after each test: each `open(dialect)` is a new
 * SQLite file, or the file's own PostgreSQL database emptied (CREATE DATABASE costs ~200 ms,
 * TRUNCATE a few). Uses the server the globalSetup started when there is one; otherwise
 * starts one for this file.
 */
export function useStores(): { open(dialect: TestDialect): Promise<Store> } {
  let server: string | undefined;
  let ownServer: TestPostgres | undefined;
  const opened: Store[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'etap-store-'));
  let counter = 0;
  let database: string | undefined;

  beforeAll(async () => {
    if (skipPostgres) return;
    server = inject('etapPostgresServer');
    if (!server) {
      ownServer = await startPostgres();
      server = ownServer.server;
    }
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await ownServer?.stop();
  });

  const track = (store: Store) => {
    opened.push(store);
    return store;
  };

  return {
    async open(dialect) {
      counter += 1;
      if (dialect === 'sqlite') return track(await openStore({ path: join(dir, `store-${counter}.db`) }));
      const fresh = database === undefined;
      database ??= await createDatabase(server!, `etap_${process.pid}_${Date.now().toString(36)}`);
      const store = track(await openStore({ url: database }));
      if (!fresh) await sql.raw(`truncate ${TABLES.join(', ')} restart identity cascade`).execute(store.db);
      return store;
    },
  };
}
