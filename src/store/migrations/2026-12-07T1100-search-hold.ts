import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Lets a batch of reports hold back their full-text indexing until its commit and index them in
 * one statement (StoreDialect.holdSearchIndexing): on SQLite, `search_hold` and search triggers
 * that leave out the rows written since it was set; nothing on PostgreSQL.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect.createSearchHold(db);
}

export async function down(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect.dropSearchHold(db);
}
