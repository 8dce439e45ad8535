import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/** Full-text search over report title + text and claim quotes; how is the dialect's business. */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect.createSearchIndexes(db);
}

export async function down(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await dialect.dropSearchIndexes(db);
}
