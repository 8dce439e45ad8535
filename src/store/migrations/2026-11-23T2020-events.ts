import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Grouping (src/grouping): report fingerprints and LSH bands for copies; events with their
 * claims and block keys. Rows that belong to a report cascade with it, so re-extracting or
 * deleting a report never leaves grouping pointing at claims that are gone.
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('report_fingerprints')
    .addColumn('report_id', 'text', (col) => col.primaryKey().references('reports.id').onDelete('cascade'))
    .addColumn('signature', 'text', (col) => col.notNull())
    .addColumn('published', 'text')
    .addColumn('ingest_order', 'integer', (col) => col.notNull())
    // The report this one copies (null for an original), and their estimated similarity.
    .addColumn('original_id', 'text')
    .addColumn('similarity', 'double precision')
    .execute();
  await db.schema
    .createTable('report_bands')
    .addColumn('band_key', 'text', (col) => col.notNull())
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('report_bands_pk', ['band_key', 'report_id'])
    .execute();
  await db.schema.createIndex('report_bands_report').on('report_bands').column('report_id').execute();

  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('time_start', 'text')
    .addColumn('time_end', 'text')
    .addColumn('time_from', 'text')
    .addColumn('time_to', 'text')
    .addColumn('claims', 'integer', (col) => col.notNull())
    .addColumn('reports', 'integer', (col) => col.notNull())
    .addColumn('origins', 'integer', (col) => col.notNull())
    .addColumn('conflicts', 'integer', (col) => col.notNull())
    // Place names, lower-cased, one a line: what `--place` matches.
    .addColumn('places_folded', 'text', (col) => col.notNull())
    // JSON: the EventProfile new claims are compared with, and the EventSummary shown.
    .addColumn('profile', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('events_type_time').on('events').columns(['type', 'time_from', 'time_to']).execute();

  await db.schema
    .createTable('event_claims')
    .addColumn('claim_id', 'text', (col) => col.primaryKey())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    // JSON GroupingClaim: what grouping compares, with the claim's origin.
    .addColumn('features', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('event_claims_event').on('event_claims').column('event_id').execute();
  await db.schema.createIndex('event_claims_report').on('event_claims').column('report_id').execute();

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
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['event_blocks', 'event_claims', 'events', 'report_bands', 'report_fingerprints']) await db.schema.dropTable(table).execute();
}
