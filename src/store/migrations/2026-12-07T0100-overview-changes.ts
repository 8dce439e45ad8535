import type { Kysely } from 'kysely';
import type { RowTrigger, StoreDialect } from '../dialect.js';

/**
 * `overview_changes`: the ids of claims whose overview columns or place and source values were
 * changed or deleted, in the order it happened, so the dashboard's in-memory overview index
 * (src/store/overview-index.ts) re-reads only those claims. New claims need no entry: they come
 * with a higher `seq`, their values in the same transaction (values are only ever written with
 * their claim), so ingest pays nothing here. Only the latest KEEP entries are kept; an index
 * further behind reads everything again.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  await db.schema
    .createTable('overview_changes')
    .addColumn('id', dialect.serialType, (col) => col.primaryKey())
    .addColumn('claim_id', 'text', (col) => col.notNull())
    .execute();
  for (const trigger of TRIGGERS) await dialect.createRowTrigger(db, trigger);
}

export async function down(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  for (const trigger of [...TRIGGERS].reverse()) await dialect.dropRowTrigger(db, trigger);
  await db.schema.dropTable('overview_changes').execute();
}

const KEEP = 100_000;

const CLAIM_COLUMNS = ['id', 'seq', 'report_id', 'type', 'time_from', 'time_to', 'gender', 'nationality'];
const VALUE_COLUMNS = ['claim_id', 'slot', 'ordinal', 'name', 'names_folded', 'entity_id', 'lat', 'lon'];
const changed = (columns: readonly string[]) => columns.map((column) => `old.${column} is distinct from new.${column}`).join(' or ');
const log = (claimId: string) => `insert into overview_changes (claim_id) values (${claimId})`;

const TRIGGERS: RowTrigger[] = [
  { name: 'overview_changes_claim_delete', table: 'claims', timing: 'after', event: 'delete', statements: [log('old.id')] },
  {
    name: 'overview_changes_claim_update',
    table: 'claims',
    timing: 'after',
    event: `update of ${CLAIM_COLUMNS.join(', ')}`,
    when: `(${changed(CLAIM_COLUMNS)})`,
    statements: [log('old.id'), log('new.id')],
  },
  {
    name: 'overview_changes_value_delete',
    table: 'claim_values',
    timing: 'after',
    event: 'delete',
    when: `(old.slot in ('place', 'source'))`,
    statements: [log('old.claim_id')],
  },
  {
    name: 'overview_changes_value_update',
    table: 'claim_values',
    timing: 'after',
    event: `update of ${VALUE_COLUMNS.join(', ')}`,
    when: `((old.slot in ('place', 'source') or new.slot in ('place', 'source')) and (${changed(VALUE_COLUMNS)}))`,
    statements: [log('old.claim_id'), log('new.claim_id')],
  },
  {
    name: 'overview_changes_keep',
    table: 'overview_changes',
    timing: 'after',
    event: 'insert',
    statements: [`delete from overview_changes where id <= new.id - ${KEEP}`],
  },
];
