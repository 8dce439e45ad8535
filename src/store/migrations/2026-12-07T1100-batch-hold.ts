import type { Kysely } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { HELD_TALLY_TRIGGERS } from '../held-tallies.js';
import { TRIGGERS as TALLY_TRIGGERS } from './2026-12-06T2100-overview-tallies.js';

/**
 * Lets a batch of reports hold back what the database derives from the claims and reports it
 * writes (their full-text index entries and overview tallies) until its commit, and write it then
 * in a few statements (StoreDialect.holdBatchWrites). On SQLite: `batch_hold`, and search and
 * tally triggers that leave out the rows written since it was set. Nothing on PostgreSQL.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  if (!dialect.holdsBatchWrites) return;
  await dialect.createBatchHold(db);
  for (const trigger of HELD_TALLY_TRIGGERS) {
    await dialect.dropRowTrigger(db, trigger);
    await dialect.createRowTrigger(db, trigger);
  }
}

export async function down(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  if (!dialect.holdsBatchWrites) return;
  for (const trigger of HELD_TALLY_TRIGGERS) {
    await dialect.dropRowTrigger(db, trigger);
    const before = TALLY_TRIGGERS.find((t) => t.name === trigger.name);
    if (before) await dialect.createRowTrigger(db, before);
  }
  await dialect.dropBatchHold(db);
}
