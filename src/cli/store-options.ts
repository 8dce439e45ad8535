import type { Command } from 'commander';
import { openStore, type Store } from '../store/index.js';

/** Where the CLI's store is: PostgreSQL when DATABASE_URL is set, else the SQLite file from --db. */
export function storeLocation(command: Command): { url?: string; path: string; label: string } {
  const url = process.env.DATABASE_URL;
  const path = (command.optsWithGlobals() as { db: string }).db;
  if (url) return { url, path, label: url.replace(/\/\/[^@/]*@/u, '//***@') };
  return { path, label: path };
}

/** Opens the CLI's store, runs `work`, and always closes it. */
export async function withStore<T>(command: Command, work: (store: Store) => Promise<T>): Promise<T> {
  const { url, path } = storeLocation(command);
  const store = await openStore({ url, path });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
