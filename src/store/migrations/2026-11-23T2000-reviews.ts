import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Analysts' reviews of claims, one row per action (the audit trail). Keyed by claim id with no
 * foreign key: claim rows are deleted and re-inserted when a report is re-extracted, and the
 * review must outlive that (claim ids are stable per span and type).
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('claim_reviews')
    .addColumn('seq', dialect.serialType, (col) => col.primaryKey())
    .addColumn('claim_id', 'text', (col) => col.notNull())
    .addColumn('report_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('reviewer', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    // JSON: the review state ({ state, corrections }) before and after this action.
    .addColumn('before', 'text', (col) => col.notNull())
    .addColumn('after', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('claim_reviews_claim').on('claim_reviews').columns(['claim_id', 'seq']).execute();
  // The map reads placed values by slot; this keeps that scan off the claim rows.
  await db.schema.createIndex('claim_values_slot_place').on('claim_values').columns(['slot', 'lat', 'lon', 'claim_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_values_slot_place').execute();
  await db.schema.dropTable('claim_reviews').execute();
}
