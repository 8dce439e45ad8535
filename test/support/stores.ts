import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { createDatabase, skipPostgres, startPostgres, type TestPostgres } from './postgres.js';

export type TestDialect = 'sqlite' | 'postgres';

/** The dialects every store test runs on; PostgreSQL only leaves when ETAP_SKIP_POSTGRES=1. */
export const dialects: TestDialect[] = skipPostgres ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * Fresh, empty stores for a test file: each `open(dialect)` is a new SQLite file or a new
 * PostgreSQL database, closed and removed after each test. Uses the server the globalSetup
 * started when there is one; otherwise starts one for this file.
 */
export function useStores(): { open(dialect: TestDialect): Promise<Store> } {
  let server: string | undefined;
  let ownServer: TestPostgres | undefined;
  const opened: Store[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'etap-store-'));
  let counter = 0;

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

  return {
    async open(dialect) {
      counter += 1;
      const options =
        dialect === 'sqlite'
          ? { path: join(dir, `store-${counter}.db`) }
          : { url: await createDatabase(server!, `etap_${process.pid}_${Date.now().toString(36)}_${counter}`) };
      const store = await openStore(options);
      opened.push(store);
      return store;
    },
  };
}
