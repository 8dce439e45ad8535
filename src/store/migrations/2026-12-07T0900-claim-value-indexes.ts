import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Drops two indexes of `claim_values` no query reads, which every ingested value paid to write:
 * `claim_values_slot_entity` (slot, entity_id), whose lookups by entity `claim_values_entity`
 * serves, and `claim_values_resolved_entity`, whose one reader (recomputing entity ids) updates
 * every resolved value and scans anyway. Dropping is quick on a store of any size.
 */
export async function up(db: Kysely<any>, _dialect: StoreDialect): Promise<void> {
  await db.schema.dropIndex('claim_values_slot_entity').execute();
  await db.schema.dropIndex('claim_values_resolved_entity').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('claim_values_resolved_entity').on('claim_values').column('resolved_entity_id').execute();
  await db.schema.createIndex('claim_values_slot_entity').on('claim_values').columns(['slot', 'entity_id']).execute();
}
