import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Grouping at ingest speed:
 *
 * - `events.tally`: the JSON EventTally a summary is computed from, so a report joining a large
 *   event updates it instead of re-reading all its claims (null until the event is next rebuilt);
 * - `event_blocks` keyed by (block key, event, claim), so finding the events of a report's blocks
 *   reads the key index alone, event by event, instead of every claim's row in crowded blocks;
 * - an index on `report_fingerprints.ingest_order`, read once per report for the next number.
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('events').addColumn('tally', 'text').execute();
  await db.schema.createIndex('report_fingerprints_ingest_order').on('report_fingerprints').column('ingest_order').execute();
  await rebuildBlocks(db, ['block_key', 'event_id', 'claim_id'], 'event_blocks_lookup_pk');
}

export async function down(db: Kysely<any>): Promise<void> {
  await rebuildBlocks(db, ['block_key', 'claim_id'], 'event_blocks_pk');
  await db.schema.dropIndex('report_fingerprints_ingest_order').execute();
  await db.schema.alterTable('events').dropColumn('tally').execute();
}

/** Recreates `event_blocks` with another primary key (neither dialect can change one in place). */
async function rebuildBlocks(db: Kysely<any>, key: string[], keyName: string): Promise<void> {
  await db.schema.alterTable('event_blocks').renameTo('event_blocks_previous').execute();
  await db.schema.dropIndex('event_blocks_event').execute();
  await db.schema.dropIndex('event_blocks_report').execute();
  await db.schema
    .createTable('event_blocks')
    .addColumn('block_key', 'text', (col) => col.notNull())
    .addColumn('claim_id', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addPrimaryKeyConstraint(keyName, key as never)
    .execute();
  await sql`insert into event_blocks (block_key, claim_id, event_id, report_id) select block_key, claim_id, event_id, report_id from event_blocks_previous`.execute(db);
  await db.schema.dropTable('event_blocks_previous').execute();
  await db.schema.createIndex('event_blocks_event').on('event_blocks').column('event_id').execute();
  await db.schema.createIndex('event_blocks_report').on('event_blocks').column('report_id').execute();
}
