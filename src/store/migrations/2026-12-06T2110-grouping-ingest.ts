import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Grouping at ingest speed:
 *
 * - `events.tally`: the JSON EventTally an event's summary is computed from, so a report joining
 *   a large event updates it instead of re-reading all its claims (null until the event is next
 *   rebuilt);
 * - `event_blocks` holds each (block key, event) pair once instead of once per claim: finding the
 *   events of a report's blocks reads one index entry per event, and a claim joining an event
 *   under keys it already has writes nothing;
 * - an index on `report_fingerprints.ingest_order`, read once per report for the next number.
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema.alterTable('events').addColumn('tally', 'text').execute();
  await db.schema.createIndex('report_fingerprints_ingest_order').on('report_fingerprints').column('ingest_order').execute();
  await retireBlocks(db);
  await db.schema
    .createTable('event_blocks')
    .addColumn('block_key', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('event_blocks_key_pk', ['block_key', 'event_id'])
    .execute();
  await db
    .insertInto('event_blocks')
    .columns(['block_key', 'event_id'])
    .expression((eb) => eb.selectFrom('event_blocks_previous').select(['block_key', 'event_id']).distinct())
    .execute();
  await db.schema.dropTable('event_blocks_previous').execute();
  await db.schema.createIndex('event_blocks_event').on('event_blocks').column('event_id').execute();
}

/**
 * Back to a block row per claim. Which claim gave an event which key is not kept, so events are
 * emptied: `etap group` regroups every report (copies, kept in their own tables, stay).
 */
export async function down(db: Kysely<any>): Promise<void> {
  await retireBlocks(db);
  await db.schema.dropTable('event_blocks_previous').execute();
  await db.deleteFrom('event_claims').execute();
  await db.deleteFrom('events').execute();
  await db.schema
    .createTable('event_blocks')
    .addColumn('block_key', 'text', (col) => col.notNull())
    .addColumn('claim_id', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('event_blocks_pk', ['block_key', 'claim_id'])
    .execute();
  await db.schema.createIndex('event_blocks_event').on('event_blocks').column('event_id').execute();
  await db.schema.createIndex('event_blocks_report').on('event_blocks').column('report_id').execute();
  await db.schema.dropIndex('report_fingerprints_ingest_order').execute();
  await db.schema.alterTable('events').dropColumn('tally').execute();
}

/** Renames `event_blocks` out of the way, without the indexes whose names the new table takes. */
async function retireBlocks(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('event_blocks_event').execute();
  await db.schema.dropIndex('event_blocks_report').ifExists().execute();
  await db.schema.alterTable('event_blocks').renameTo('event_blocks_previous').execute();
}
