import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/** Reports with their furniture and messages; claims with their named values. */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('seq', dialect.serialType, (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('sha256', 'text', (col) => col.notNull().unique())
    .addColumn('url', 'text')
    .addColumn('outlet', 'text')
    .addColumn('title', 'text')
    .addColumn('published', 'text')
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('encoding', 'text', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('original', dialect.binaryType, (col) => col.notNull())
    .addColumn('extracted', 'integer', (col) => col.notNull())
    .addColumn('ingested_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('report_furniture')
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('start', 'integer', (col) => col.notNull())
    .addColumn('end', 'integer', (col) => col.notNull())
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('report_furniture_pk', ['report_id', 'ordinal'])
    .execute();

  await db.schema
    .createTable('report_messages')
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('start', 'integer')
    .addColumn('end', 'integer')
    .addPrimaryKeyConstraint('report_messages_pk', ['report_id', 'ordinal'])
    .execute();

  await createClaims(db, dialect);
  await createClaimValues(db);
}

async function createClaims(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  let table = db.schema
    .createTable('claims')
    .addColumn('seq', dialect.serialType, (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('quote', 'text', (col) => col.notNull())
    .addColumn('start', 'integer', (col) => col.notNull())
    .addColumn('end', 'integer', (col) => col.notNull())
    .addColumn('rule', 'text', (col) => col.notNull());
  // Counts may be fractional in principle ("1.5 million" is resolved, but nothing forbids 2.5).
  for (const column of ['count_value', 'count_min', 'count_max']) table = table.addColumn(column, 'double precision');
  table = table.addColumn('count_approximate', 'integer').addColumn('count_vague', 'text');
  for (const prefix of ['count', 'time']) {
    const span = prefix === 'count' ? ['count_start', 'count_end'] : ['time_span_start', 'time_span_end'];
    table = table
      .addColumn(span[0], 'integer')
      .addColumn(span[1], 'integer')
      .addColumn(`${prefix}_text`, 'text')
      .addColumn(`${prefix}_rule`, 'text')
      .addColumn(`${prefix}_certainty`, 'text');
  }
  await table
    .addColumn('time_start', 'text')
    .addColumn('time_end', 'text')
    .addColumn('time_from', 'text')
    .addColumn('time_to', 'text')
    .addColumn('change', 'text')
    .addColumn('hedged', 'integer', (col) => col.notNull())
    .addColumn('gender', 'text')
    .addColumn('nationality', 'text')
    .addColumn('review_state', 'text', (col) => col.notNull().defaultTo('unreviewed'))
    .addCheckConstraint('claims_span', sql`"start" >= 0 and "end" >= "start"`)
    .execute();
  await db.schema.createIndex('claims_report').on('claims').columns(['report_id', 'ordinal']).execute();
  await db.schema.createIndex('claims_type').on('claims').column('type').execute();
  await db.schema.createIndex('claims_time').on('claims').columns(['time_from', 'time_to']).execute();
}

async function createClaimValues(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('claim_values')
    .addColumn('claim_id', 'text', (col) => col.notNull().references('claims.id').onDelete('cascade'))
    .addColumn('slot', 'text', (col) => col.notNull())
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('alternatives', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('start', 'integer', (col) => col.notNull())
    .addColumn('end', 'integer', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('certainty', 'text', (col) => col.notNull())
    .addColumn('names_folded', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('claim_values_pk', ['claim_id', 'slot', 'ordinal'])
    .addCheckConstraint('claim_values_slot', sql`"slot" in ('place', 'facility', 'source', 'actor')`)
    .execute();
  await db.schema.createIndex('claim_values_slot_entity').on('claim_values').columns(['slot', 'entity_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['claim_values', 'claims', 'report_messages', 'report_furniture', 'reports']) {
    await db.schema.dropTable(table).execute();
  }
}
