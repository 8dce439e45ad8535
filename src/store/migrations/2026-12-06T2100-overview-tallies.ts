import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { RowTrigger, StoreDialect } from '../dialect.js';

/**
 * Tallies the dashboard's map and timeline read instead of aggregating every claim per request:
 *
 * - `claim_tallies`: claims per type, time range and subjects (the filters a tally can answer);
 * - `place_tallies`: the same, per placed place (name, entity, coordinates), each claim counted
 *   once per place however often it names it;
 * - `transfer_routes`: one row per transfer claim with its filter columns, how many placed places
 *   it names, and the first and last of them (entity '' for none), so two-place routes can be grouped.
 *
 * Triggers keep them in step with every writer (ingest, re-extraction, entity merges and splits),
 * whatever the batching. Tally keys hold '' for null (a unique key would treat nulls as distinct).
 * Claim rows are never updated after insert except `review_state` (reviews are kept beside the
 * claim, not applied to it), so claims need triggers on insert and delete only.
 */
export async function up(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  const filterColumns = (table: CreateTableBuilder<string, any>, notNull: boolean): CreateTableBuilder<string, string> =>
    CLAIM_KEY.reduce(
      (t, column) => t.addColumn(column, 'text', (col) => (notNull || column === 'type' ? col.notNull() : col)),
      table,
    );
  await filterColumns(db.schema.createTable('claim_tallies'), true)
    .addColumn('claims', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('claim_tallies_pk', [...CLAIM_KEY])
    .execute();
  await filterColumns(db.schema.createTable('place_tallies'), true)
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('lat', 'double precision', (col) => col.notNull())
    .addColumn('lon', 'double precision', (col) => col.notNull())
    .addColumn('claims', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('place_tallies_pk', [...CLAIM_KEY, ...PLACE_KEY])
    .execute();
  let routes = filterColumns(db.schema.createTable('transfer_routes').addColumn('claim_id', 'text', (col) => col.primaryKey().references('claims.id').onDelete('cascade')), false)
    .addColumn('places', 'integer', (col) => col.notNull());
  for (const end of ['first', 'last']) {
    routes = routes.addColumn(`${end}_name`, 'text').addColumn(`${end}_entity_id`, 'text').addColumn(`${end}_lat`, 'double precision').addColumn(`${end}_lon`, 'double precision');
  }
  await routes.execute();
  // Two-place routes are grouped by their ends, and listed by claim within a group.
  await db.schema
    .createIndex('transfer_routes_ends')
    .on('transfer_routes')
    .columns(['places', ...ROUTE_ENDS, 'claim_id', 'time_from', 'time_to', 'gender', 'nationality'])
    .execute();
  // Placed values by claim, covering what the overviews read. It replaces (slot, lat, lon, claim_id):
  // with no statistics SQLite took that index's `lat is not null` range for the narrower search
  // and scanned every placed value where one claim's were wanted.
  await db.schema.dropIndex('claim_values_slot_place').execute();
  await db.schema.createIndex('claim_values_place').on('claim_values').columns(['slot', 'claim_id', 'ordinal', 'lat', 'lon', 'name', 'entity_id']).execute();

  await countClaims(db);
  for (const trigger of TRIGGERS) await dialect.createRowTrigger(db, trigger);
}

export async function down(db: Kysely<any>, dialect: StoreDialect): Promise<void> {
  for (const trigger of [...TRIGGERS].reverse()) await dialect.dropRowTrigger(db, trigger);
  await db.schema.dropIndex('claim_values_place').execute();
  await db.schema.createIndex('claim_values_slot_place').on('claim_values').columns(['slot', 'lat', 'lon', 'claim_id']).execute();
  for (const table of ['transfer_routes', 'place_tallies', 'claim_tallies']) await db.schema.dropTable(table).execute();
}

const CLAIM_KEY = ['type', 'time_from', 'time_to', 'gender', 'nationality'] as const;
const PLACE_KEY = ['name', 'entity_id', 'lat', 'lon'] as const;
const ROUTE_ENDS = ['first', 'last'].flatMap((end) => PLACE_KEY.map((column) => `${end}_${column}`));

/** The tally key of claim row `c`: its type and its filter columns with '' for null. */
const claimKey = (c: string) => `${c}.type, coalesce(${c}.time_from, ''), coalesce(${c}.time_to, ''), coalesce(${c}.gender, ''), coalesce(${c}.nationality, '')`;
/** True where tally row `t` has the key of claim row `c`. */
const sameClaimKey = (t: string, c: string) =>
  `${t}.type = ${c}.type and ${t}.time_from = coalesce(${c}.time_from, '') and ${t}.time_to = coalesce(${c}.time_to, '') and ${t}.gender = coalesce(${c}.gender, '') and ${t}.nationality = coalesce(${c}.nationality, '')`;
/** True where claim value `o` names the same place as `v` (whose entity may be null). */
const samePlace = (o: string, v: string) => `${o}.name = ${v}.name and coalesce(${o}.entity_id, '') = coalesce(${v}.entity_id, '') and ${o}.lat = ${v}.lat and ${o}.lon = ${v}.lon`;
const placed = (v: string) => `${v}.slot = 'place' and ${v}.lat is not null and ${v}.lon is not null`;

/** +1 for the place of value `v` unless its claim already names that place (in a row already there). */
const countPlace = (v: string) =>
  `insert into place_tallies (${[...CLAIM_KEY, ...PLACE_KEY].join(', ')}, claims)
   select ${claimKey('c')}, ${v}.name, coalesce(${v}.entity_id, ''), ${v}.lat, ${v}.lon, 1 from claims c
   where c.id = ${v}.claim_id and ${placed(v)}
     and not exists (select 1 from claim_values o where o.claim_id = ${v}.claim_id and ${placed('o')} and ${samePlace('o', v)} and ${notItself('o', v)})
   on conflict (${[...CLAIM_KEY, ...PLACE_KEY].join(', ')}) do update set claims = place_tallies.claims + 1`;

/**
 * -1 for the place of value `v` unless another value of its claim names that place too. The
 * claim's key comes from one-row subqueries (so the tally's primary key finds the row); when the
 * claim is already gone (a cascade) they are null and nothing changes.
 */
const uncountPlace = (v: string) => {
  const row = `${CLAIM_KEY.map((column) => `${column} = (select coalesce(c.${column}, '') from claims c where c.id = ${v}.claim_id)`).join(' and ')}
     and name = ${v}.name and entity_id = coalesce(${v}.entity_id, '') and lat = ${v}.lat and lon = ${v}.lon`;
  return [
    `update place_tallies set claims = claims - 1 where ${row}
       and not exists (select 1 from claim_values o where o.claim_id = ${v}.claim_id and ${placed('o')} and ${samePlace('o', v)} and ${notItself('o', v)})`,
    `delete from place_tallies where claims <= 0 and ${row}`,
  ];
};

// In before-triggers the row itself is in the table for update and delete, not for insert.
const notItself = (o: string, v: string) => (v === 'new' ? 'true' : `not (o.slot = ${v}.slot and ${o}.ordinal = ${v}.ordinal)`);

/** Recounts the placed places of claim `id`'s transfer route and takes its first and last. */
const refreshRoute = (id: string) => {
  const ends = (order: 'asc' | 'desc') =>
    `(select v.name, coalesce(v.entity_id, ''), v.lat, v.lon from claim_values v where v.claim_id = transfer_routes.claim_id and ${placed('v')} order by v.ordinal ${order} limit 1)`;
  return `update transfer_routes set
     places = (select count(*) from claim_values v where v.claim_id = transfer_routes.claim_id and ${placed('v')}),
     (first_name, first_entity_id, first_lat, first_lon) = ${ends('asc')},
     (last_name, last_entity_id, last_lat, last_lon) = ${ends('desc')}
   where claim_id = ${id}`;
};

export const PLACE_COLUMNS_CHANGED = ['slot', 'claim_id', 'name'].map((c) => `old.${c} <> new.${c}`)
  .concat(["coalesce(old.entity_id, '') <> coalesce(new.entity_id, '')"], ['lat', 'lon'].map((c) => `coalesce(old.${c}, -1000) <> coalesce(new.${c}, -1000)`))
  .join(' or ');

/** The tally triggers (a later migration, 2026-12-07T1100-batch-hold, adapts some of them on SQLite). */
export const TRIGGERS: readonly RowTrigger[] = [
  {
    name: 'claims_tally_insert',
    table: 'claims',
    timing: 'after',
    event: 'insert',
    statements: [
      `insert into claim_tallies (${CLAIM_KEY.join(', ')}, claims) values (${claimKey('new')}, 1)
       on conflict (${CLAIM_KEY.join(', ')}) do update set claims = claim_tallies.claims + 1`,
      `insert into transfer_routes (claim_id, ${CLAIM_KEY.join(', ')}, places)
       select new.id, new.type, new.time_from, new.time_to, new.gender, new.nationality, 0 where new.type = 'transfer'`,
    ],
  },
  {
    // Before: the claim's values (deleted by cascade) are still there to uncount.
    name: 'claims_tally_delete',
    table: 'claims',
    timing: 'before',
    event: 'delete',
    statements: [
      `update claim_tallies set claims = claims - 1 where ${sameClaimKey('claim_tallies', 'old')}`,
      `delete from claim_tallies where claims <= 0 and ${sameClaimKey('claim_tallies', 'old')}`,
      `update place_tallies set claims = claims - 1
       where ${sameClaimKey('place_tallies', 'old')}
         and exists (select 1 from claim_values v where v.claim_id = old.id and ${placed('v')} and v.name = place_tallies.name
                     and coalesce(v.entity_id, '') = place_tallies.entity_id and v.lat = place_tallies.lat and v.lon = place_tallies.lon)`,
      `delete from place_tallies where claims <= 0 and ${sameClaimKey('place_tallies', 'old')}`,
    ],
  },
  { name: 'claim_values_tally_insert', table: 'claim_values', timing: 'before', event: 'insert', when: placed('new'), statements: [countPlace('new')] },
  {
    name: 'claim_values_tally_update',
    table: 'claim_values',
    timing: 'before',
    event: 'update of slot, claim_id, name, entity_id, lat, lon',
    when: PLACE_COLUMNS_CHANGED,
    statements: [...uncountPlace('old'), countPlace('new')],
  },
  {
    // A value deleted with its claim is the claim's trigger's business (the claim is gone by now).
    name: 'claim_values_tally_delete',
    table: 'claim_values',
    timing: 'before',
    event: 'delete',
    when: placed('old'),
    statements: uncountPlace('old'),
  },
  { name: 'claim_values_route_insert', table: 'claim_values', timing: 'after', event: 'insert', when: placed('new'), statements: [refreshRoute('new.claim_id')] },
  {
    name: 'claim_values_route_update',
    table: 'claim_values',
    timing: 'after',
    event: 'update of slot, claim_id, name, entity_id, lat, lon',
    when: PLACE_COLUMNS_CHANGED,
    statements: [refreshRoute('old.claim_id'), refreshRoute('new.claim_id')],
  },
  { name: 'claim_values_route_delete', table: 'claim_values', timing: 'after', event: 'delete', when: placed('old'), statements: [refreshRoute('old.claim_id')] },
];

/**
 * Counts the claims `which` selects (SQL on claim row `c`) and their placed values into the
 * tallies, adding to what they hold: every claim a store holds when the tallies are made, and on
 * SQLite the claims a batch held back until its end (held-tallies.ts).
 */
export async function countClaims(db: Kysely<any>, which = 'true'): Promise<void> {
  const keys = CLAIM_KEY.join(', ');
  const placeKeys = [...CLAIM_KEY, ...PLACE_KEY].join(', ');
  await sql
    .raw(
      `insert into claim_tallies (${keys}, claims)
       select ${claimKey('c')}, count(*) from claims c where ${which} group by ${claimKey('c')}
       on conflict (${keys}) do update set claims = claim_tallies.claims + excluded.claims`,
    )
    .execute(db);
  // Each claim counts once per place, however often it names it.
  await sql
    .raw(
      `insert into place_tallies (${placeKeys}, claims)
       select ${claimKey('c')}, v.name, coalesce(v.entity_id, ''), v.lat, v.lon, count(distinct c.id)
       from claims c cross join claim_values v where v.claim_id = c.id and ${which} and ${placed('v')}
       group by ${claimKey('c')}, v.name, coalesce(v.entity_id, ''), v.lat, v.lon
       on conflict (${placeKeys}) do update set claims = place_tallies.claims + excluded.claims`,
    )
    .execute(db);
  const transfers = `select c.id from claims c where ${which} and c.type = 'transfer'`;
  await sql
    .raw(
      `insert into transfer_routes (claim_id, ${keys}, places)
       select c.id, c.type, c.time_from, c.time_to, c.gender, c.nationality, 0 from claims c where ${which} and c.type = 'transfer'`,
    )
    .execute(db);
  await sql.raw(`${refreshRoute('transfer_routes.claim_id')} and claim_id in (${transfers})`).execute(db);
}
