import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openStore, type Store } from '../store/index.js';

/** Where the CLI's store is: PostgreSQL when DATABASE_URL is set, else the SQLite file from --db. */
export function storeLocation(command: Command): { url?: string; path: string; label: string } {
  const url = process.env.DATABASE_URL;
  const path = (command.optsWithGlobals() as { db: string }).db;
  if (url) return { url, path, label: url.replace(/\/\/[^@/]*@/u, '//***@') };
  return { path, label: path };
}

export interface StoreUse {
  /**
   * True for commands that write reports (ingest, demo): they make the SQLite file when there is
   * none. Every other command needs one that exists: a mistyped --db would otherwise leave an
   * empty database behind and answer that nothing is stored.
   */
  create?: boolean;
}

/** Opens the CLI's store (see StoreUse), runs `work`, and always closes it. */
export async function withStore<T>(command: Command, work: (store: Store) => Promise<T>, use: StoreUse = {}): Promise<T> {
  const store = await openCommandStore(command, use);
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Opens the CLI's store (see StoreUse); the caller closes it. */
export async function openCommandStore(command: Command, use: StoreUse = {}): Promise<Store> {
  const { url, path } = storeLocation(command);
  if (!url && !use.create && !existsSync(path)) {
    throw new Error(`no database at ${path}: \`etap ingest PATH...\` makes one there (or pass --db PATH, or set DATABASE_URL)`);
  }
  return openStore({ url, path });
}
