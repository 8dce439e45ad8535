import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Entities and the decisions users make about them. Claim values gain what the resolve step
 * found (canonical name, precision, region, country, affiliation) and `resolved_entity_id`, the
 * resolver's own answer, so `entity_id` can always be recomputed from it and the decisions.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  for (const column of ['resolved_entity_id', 'canonical_name', 'precision', 'region', 'country', 'affiliation']) {
    await db.schema.alterTable('claim_values').addColumn(column, 'text').execute();
  }
  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    /** JSON object: coordinates, region, affiliation, aliases from the knowledge files. */
    .addColumn('attributes', 'text')
    /** Set when a merge folded this entity into another. */
    .addColumn('merged_into', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('entity_decisions')
    .addColumn('seq', dialect.serialType, (col) => col.primaryKey())
    .addColumn('action', 'text', (col) => col.notNull())
    /** merge: the entity kept; split: the entity split. */
    .addColumn('entity_id', 'text', (col) => col.notNull())
    /** merge: the entity folded in; split: the new entity. */
    .addColumn('other_id', 'text', (col) => col.notNull())
    /** split: JSON array of the lower-cased names that move to the new entity. */
    .addColumn('names', 'text')
    .addColumn('decided_at', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('claim_values_entity').on('claim_values').column('entity_id').execute();
  await db.schema.createIndex('claim_values_resolved_entity').on('claim_values').column('resolved_entity_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claim_values_resolved_entity').execute();
  await db.schema.dropIndex('claim_values_entity').execute();
  await db.schema.dropTable('entity_decisions').execute();
  await db.schema.dropTable('entities').execute();
  for (const column of ['resolved_entity_id', 'canonical_name', 'precision', 'region', 'country', 'affiliation']) {
    await db.schema.alterTable('claim_values').dropColumn(column).execute();
  }
}
