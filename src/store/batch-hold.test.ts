import fc from 'fast-check';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Claim, NamedValue } from '../domain/types.js';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { storeReport } from '../services/ingest.service.js';
import type { Repositories, Store } from './index.js';
import { migrate } from './store.js';
import { StoreMigrationProvider } from './migrations/index.js';

const stores = useStores();

const WORDS = ['kherson', 'colony', 'wagner', 'pardon', 'convoy', 'ombudsman'];
const IDS = ['r0', 'r1', 'r2', 'r3'];
/** Places, one unplaced (no coordinates) and two sharing a name. */
const PLACES: NamedValue[] = [
  named('Kherson', { entityId: 'geo:kherson', lat: 46.6, lon: 32.6 }),
  named('Rostov', { lat: 47.2, lon: 39.7 }),
  named('Rostov', { entityId: 'geo:rostov', lat: 47.2, lon: 39.7 }),
  named('Somewhere'),
];

const claim: fc.Arbitrary<Claim> = fc
  .record({
    words: fc.subarray(WORDS, { minLength: 1, maxLength: 3 }),
    type: fc.constantFrom('transfer' as const, 'recruitment' as const),
    places: fc.array(fc.constantFrom(...PLACES), { maxLength: 3 }),
    month: fc.option(fc.constantFrom('2023-03', '2024-01'), { nil: undefined }),
    gender: fc.option(fc.constantFrom('female' as const, 'male' as const), { nil: undefined }),
  })
  .map(({ words, type, places, month, gender }) => {
    const made = makeClaim({ type, quote: words.join(' '), places, subjects: gender ? { gender } : {} });
    if (month) made.time = { start: month, end: month, text: month, span: { start: 0, end: 0 }, rule: 'test.time', certainty: 'stated' };
    return made;
  });

/** One report written in a unit: a new one or a re-extraction (same id, new text), kept or undone. */
const write = fc.record({
  id: fc.constantFrom(...IDS),
  words: fc.subarray(WORDS, { minLength: 1 }),
  claims: fc.array(claim, { maxLength: 3 }),
  fails: fc.nat(3).map((n) => n === 0),
});
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

/** Batches of writes; `alone` batches are written one transaction a report, as a replay after a lost batch is. */
const runs = fc.array(fc.record({ alone: fc.boolean(), writes: fc.array(write, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 4 });

let version = 0;

async function apply(store: Store, batch: { alone: boolean; writes: Write[] }): Promise<void> {
  const unit = (w: Write) => async (repositories: Repositories) => {
    version += 1;
    const claims = w.claims.map((c, i) => ({ ...c, quote: `${c.quote} ${i}` }));
    await storeReport(repositories, makeReport(w.id, `${w.words.join(' ')} v${version}`, claims, { meta: { id: w.id, title: `T ${w.words[0]}` } }), 'now');
    if (w.fails) throw new Error('undone');
  };
  if (batch.alone) {
    for (const w of batch.writes) await store.transaction(unit(w)).catch(() => undefined);
    return;
  }
  const open = await store.startBatch();
  for (const w of batch.writes) await open.run(unit(w)).catch(() => undefined);
  await open.commit();
}

/** What search must find: the stored rows whose searched columns hold the word, read without the index. */
async function expectedSearch(store: Store, word: string): Promise<{ claims: string[]; reports: string[] }> {
  const claims = await store.db.selectFrom('claims').select(['id', 'quote']).execute();
  const reports = await store.db.selectFrom('reports').select(['id', 'title', 'text']).execute();
  return {
    claims: claims.filter((c) => c.quote.includes(word)).map((c) => c.id).sort(),
    reports: reports.filter((r) => `${r.title} ${r.text}`.includes(word)).map((r) => r.id).sort(),
  };
}

const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

/** The tallies counted again from the claims and values stored, here in JavaScript. */
async function expectedTallies(store: Store) {
  const claims = await store.db.selectFrom('claims').select(['id', 'type', 'time_from', 'time_to', 'gender', 'nationality']).execute();
  const values = await store.db.selectFrom('claim_values').select(['claim_id', 'slot', 'ordinal', 'name', 'entity_id', 'lat', 'lon']).orderBy('ordinal').execute();
  const key = (c: (typeof claims)[number]) => [c.type, c.time_from ?? '', c.time_to ?? '', c.gender ?? '', c.nationality ?? ''];
  const claimTallies = new Map<string, number>();
  const placeTallies = new Map<string, number>();
  const routes: unknown[] = [];
  for (const c of claims) {
    claimTallies.set(JSON.stringify(key(c)), (claimTallies.get(JSON.stringify(key(c))) ?? 0) + 1);
    const placed = values.filter((v) => v.claim_id === c.id && v.slot === 'place' && v.lat !== null && v.lon !== null);
    for (const place of new Set(placed.map((v) => JSON.stringify([v.name, v.entity_id ?? '', v.lat, v.lon])))) {
      const k = JSON.stringify([...key(c), ...JSON.parse(place)]);
      placeTallies.set(k, (placeTallies.get(k) ?? 0) + 1);
    }
    if (c.type === 'transfer') {
      const end = (v: (typeof placed)[number] | undefined) => (v ? [v.name, v.entity_id ?? '', v.lat, v.lon] : [null, null, null, null]);
      routes.push([c.id, c.type, c.time_from, c.time_to, c.gender, c.nationality, placed.length, ...end(placed[0]), ...end(placed[placed.length - 1])]);
    }
  }
  return {
    claims: sorted([...claimTallies].map(([k, n]) => [...JSON.parse(k), n])),
    places: sorted([...placeTallies].map(([k, n]) => [...JSON.parse(k), n])),
    routes: sorted(routes),
  };
}

async function storedTallies(store: Store) {
  const claims = await sql<Record<string, unknown>>`select type, time_from, time_to, gender, nationality, claims from claim_tallies where claims > 0`.execute(store.db);
  const places = await sql<Record<string, unknown>>`select type, time_from, time_to, gender, nationality, name, entity_id, lat, lon, claims from place_tallies where claims > 0`.execute(store.db);
  const routes = await sql<Record<string, unknown>>`select claim_id, type, time_from, time_to, gender, nationality, places, first_name, first_entity_id, first_lat, first_lon, last_name, last_entity_id, last_lat, last_lon from transfer_routes`.execute(store.db);
  const numeric = (row: Record<string, unknown>) => Object.values(row).map((value) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value));
  return { claims: sorted(claims.rows.map(numeric)), places: sorted(places.rows.map(numeric)), routes: sorted(routes.rows.map(numeric)) };
}

describe.each(dialects)('what a batch holds back until its commit (%s)', (dialect) => {
  it('indexes and counts every claim and report exactly once, however batches write, rewrite and undo them', async () => {
    await fc.assert(
      fc.asyncProperty(runs, async (batches) => {
        const store = await stores.open(dialect);
        for (const batch of batches) await apply(store, batch);
        if (dialect === 'sqlite') {
          // FTS5 compares its index with the content tables, row by row.
          await sql`insert into claims_fts (claims_fts) values ('integrity-check')`.execute(store.db);
          await sql`insert into reports_fts (reports_fts) values ('integrity-check')`.execute(store.db);
          expect((await sql<{ n: number }>`select count(*) as n from batch_hold`.execute(store.db)).rows[0].n).toBe(0);
        }
        for (const word of WORDS) {
          const claims = (await store.claims.list({ search: word, limit: 1000 })).claims.map((c) => c.id).sort();
          const reports = (await store.reports.list({ search: word, limit: 1000 })).reports.map((r) => r.id).sort();
          expect({ claims, reports }).toEqual(await expectedSearch(store, word));
        }
        expect(await storedTallies(store)).toEqual(await expectedTallies(store));
      }),
      { numRuns: dialect === 'sqlite' ? 60 : 10 },
    );
  });

  it('counts a report written twice in one batch once, beside counted claims of the same tallies', async () => {
    const store = await stores.open(dialect);
    const transfer = (quote: string) => makeClaim({ quote, places: [PLACES[0], PLACES[1]] });
    const first = await store.startBatch();
    await first.run((r) => storeReport(r, makeReport('r0', 'kherson v1', [transfer('kherson one')]), 'now'));
    await first.commit();
    const second = await store.startBatch();
    await second.run((r) => storeReport(r, makeReport('r1', 'kherson v2', [transfer('kherson two')]), 'now'));
    await second.run((r) => storeReport(r, makeReport('r1', 'kherson v3', [transfer('kherson three')]), 'now'));
    await second.commit();
    const tallies = await storedTallies(store);
    expect(tallies).toEqual(await expectedTallies(store));
    expect(tallies.claims).toEqual(sorted([['transfer', '', '', '', '', 2]]));
    expect((await store.claims.list({ search: 'kherson' })).claims.map((c) => c.quote).sort()).toEqual(['kherson one', 'kherson three']);
  });

  it('counts a value of a held claim as it is when the batch ends, and refuses to move one between held and counted claims', async () => {
    const store = await stores.open(dialect);
    const first = await store.startBatch();
    await first.run((r) => storeReport(r, makeReport('r0', 'one', [makeClaim({ quote: 'one', places: [PLACES[0]] })]), 'now'));
    await first.commit();
    const second = await store.startBatch();
    await second.run((r) => storeReport(r, makeReport('r1', 'two', [makeClaim({ quote: 'two', places: [PLACES[0]] })]), 'now'));
    // Raw SQL in the batch's transaction, through a repository's handle on it.
    const trx = (r: Repositories) => (r.claims as unknown as { db: Store['db'] }).db;
    const renamed = await second.run(async (r) => {
      const [claim] = (await r.claims.list({ reportId: 'r1' })).claims;
      await sql`update claim_values set name = 'Kherson city' where claim_id = ${claim.id} and slot = 'place'`.execute(trx(r));
      return claim.id;
    });
    const moved = second.run(async (r) => {
      const [counted] = (await r.claims.list({ reportId: 'r0' })).claims;
      await sql`update claim_values set claim_id = ${renamed}, ordinal = 9 where claim_id = ${counted.id} and slot = 'place'`.execute(trx(r));
    });
    if (dialect === 'sqlite') await expect(moved).rejects.toThrow(/cannot move between a claim written in this batch and an earlier one/);
    else await moved.catch(() => undefined);
    await second.commit();
    expect(await storedTallies(store)).toEqual(await expectedTallies(store));
    if (dialect === 'sqlite') expect((await storedTallies(store)).places.map((row) => JSON.parse(row)[5]).sort()).toEqual(['Kherson', 'Kherson city']);
  });

  it('counts the claims a store already holds when its tallies are made, as the triggers count them', async () => {
    const store = await stores.open(dialect);
    const batch = await store.startBatch();
    await batch.run((r) => storeReport(r, makeReport('r0', 'one', [makeClaim({ quote: 'one', places: [PLACES[0], PLACES[0], PLACES[1]] }), makeClaim({ quote: 'two', type: 'recruitment', places: [PLACES[2], PLACES[3]] })]), 'now'));
    await batch.run((r) => storeReport(r, makeReport('r1', 'two', [makeClaim({ quote: 'three', places: [PLACES[1]] })]), 'now'));
    await batch.commit();
    const counted = await storedTallies(store);
    const migrator = new Migrator({ db: store.db, provider: new StoreMigrationProvider(store.dialect) });
    expect((await migrator.migrateTo('2026-11-23T2020-events')).error).toBeUndefined();
    await migrate(store.db, store.dialect);
    expect(await storedTallies(store)).toEqual(counted);
    expect(counted).toEqual(await expectedTallies(store));
  });

  it('keeps nothing of a batch rolled back, and indexes and counts at once outside batches', async () => {
    const store = await stores.open(dialect);
    const batch = await store.startBatch();
    await batch.run((r) => storeReport(r, makeReport('gone', 'kherson convoy', [makeClaim({ quote: 'kherson convoy', places: [PLACES[0]] })]), 'now'));
    await batch.rollback();
    await store.transaction((r) => storeReport(r, makeReport('kept', 'wagner pardon', [makeClaim({ quote: 'wagner pardon', places: [PLACES[1]] })]), 'now'));
    expect((await store.reports.list({ search: 'kherson' })).reports).toEqual([]);
    expect((await store.reports.list({ search: 'wagner' })).reports.map((r) => r.id)).toEqual(['kept']);
    expect((await store.claims.list({ search: 'pardon' })).claims.map((c) => c.reportId)).toEqual(['kept']);
    expect(await storedTallies(store)).toEqual(await expectedTallies(store));
    expect((await storedTallies(store)).places).toHaveLength(1);
  });
});
