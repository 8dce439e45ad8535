import { sql } from 'kysely';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimType, NamedValue } from '../domain/types.js';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import type { Store } from '../store/index.js';
import { OverviewRepository } from '../store/overview.repository.js';
import { mapView, mapViewFrom, prepareOverviews, timelineView, timelineViewFrom, type OverviewFilters } from './overview.service.js';
import { reviewClaim } from './review.service.js';

const stores = useStores();

const KHERSON = named('Kherson', { entityId: 'place:ua:kherson', lat: 46.64, lon: 32.61 });
const KRASNODAR = named('Krasnodar', { entityId: 'place:ru:krasnodar', lat: 45.04, lon: 38.98 });
/** Places to draw from: two names of one entity, a country, two unresolved places one key apart, and one with no coordinates. */
const PLACES: NamedValue[] = [
  KHERSON,
  named('Херсон', { entityId: 'place:ua:kherson', lat: 46.64, lon: 32.61 }),
  KRASNODAR,
  named('Russia', { entityId: 'place:ru:russia', lat: 61.5, lon: 105.3 }),
  named('Camp 7', { lat: 47.1, lon: 37.55 }),
  named('Camp 7', { lat: 47.1001, lon: 37.5502 }),
  named('Nowhere'),
];
const TIMES = [undefined, ['2022-11', '2022-11'], ['2023', '2023'], ['2023-01-05', '2023-03'], ['2023-02', '2024']] as const;

const arbitraryClaim: fc.Arbitrary<Claim> = fc
  .record({
    type: fc.constantFrom<ClaimType>('transfer', 'transfer', 'release', 'abuse'),
    places: fc.array(fc.constantFrom(...PLACES), { maxLength: 4 }),
    sources: fc.subarray([named('relatives'), named('officials')]),
    time: fc.constantFrom(...TIMES),
    gender: fc.constantFrom(undefined, 'female' as const, 'male' as const),
    nationality: fc.constantFrom(undefined, 'UA' as const, 'RU' as const),
    quote: fc.constantFrom('Prisoners were moved.', 'Convicts were released.'),
  })
  .map(({ time, gender, nationality, quote, ...claim }) =>
    makeClaim({
      ...claim,
      quote,
      ...(time ? { time: { start: time[0], end: time[1], span: { start: 0, end: 4 }, text: time[0], rule: 'test.time', certainty: 'stated' as const } } : {}),
      subjects: { ...(gender ? { gender } : {}), ...(nationality ? { nationality } : {}) },
    }),
  );

/** What a store goes through: reports stored, re-extracted, emptied of claims, reviewed, and an entity merge. */
const arbitraryHistory = fc.record({
  reports: fc.array(fc.array(arbitraryClaim, { maxLength: 5 }), { minLength: 1, maxLength: 5 }),
  replacements: fc.array(fc.tuple(fc.nat(), fc.array(arbitraryClaim, { maxLength: 4 })), { maxLength: 2 }),
  emptied: fc.option(fc.nat(), { nil: undefined }),
  corrected: fc.option(fc.nat(), { nil: undefined }),
  valueDeleted: fc.option(fc.nat(), { nil: undefined }),
  merge: fc.boolean(),
});

type History = typeof arbitraryHistory extends fc.Arbitrary<infer T> ? T : never;

const FILTERS: OverviewFilters[] = [
  {},
  { type: 'transfer' },
  { type: ['release', 'abuse'] },
  { type: [] },
  { since: '2023-02' },
  { until: '2023-01' },
  { since: '2023', until: '2023-02-10' },
  { gender: 'female' },
  { nationality: 'UA', type: 'transfer' },
  { place: 'camp' },
  { source: 'relat', type: 'transfer' },
  { search: 'moved' },
  // Filters the tallies cannot answer, alone and with the others (the index answers them).
  { place: 'KHER', since: '2023-02' },
  { place: 'camp 7', until: '2023-01', type: 'transfer' },
  { source: 'relat', gender: 'female' },
  { source: 'off', place: 'херсон', nationality: 'RU' },
  { search: 'moved', type: 'transfer', since: '2023' },
  { search: 'convicts released', until: '2023-02-10' },
  { search: 'nothing' },
  { search: '!!' },
  { reportId: 'r1' },
  { reportId: 'r0', since: '2022', type: ['transfer', 'abuse'] },
  { reportId: 'missing' },
  { place: 'nowhere', type: [] },
];

const at = '2026-12-06T21:00:00.000Z';

async function storeClaims(store: Store, id: string, claims: Claim[]): Promise<void> {
  await store.transaction(async ({ reports, claims: repository }) => {
    const report = makeReport(id, `text of ${id}`, claims);
    // As ingest re-extracts: the report's claims go, the new ones come.
    if (await reports.exists(id)) {
      await repository.deleteByReport(id);
      await reports.replace(report, at);
    } else {
      await reports.insert(report, at);
    }
    await repository.insertMany(id, claims);
  });
}

/** Reads a filtered map, so the store's overview index is brought up to date between steps (and must then follow changes to claims it holds). */
const touchIndex = (store: Store) => mapView(store, { place: '' });

async function playHistory(store: Store, history: History): Promise<void> {
  for (const [i, claims] of history.reports.entries()) await storeClaims(store, `r${i}`, claims);
  await touchIndex(store);
  for (const [k, claims] of history.replacements) await storeClaims(store, `r${k % history.reports.length}`, claims);
  await touchIndex(store);
  if (history.emptied !== undefined) await store.claims.deleteByReport(`r${history.emptied % history.reports.length}`);
  await touchIndex(store);
  const ids = (await store.db.selectFrom('claims').select('id').orderBy('seq').execute()).map((row) => row.id);
  if (history.corrected !== undefined && ids.length > 0) {
    await reviewClaim(store, ids[history.corrected % ids.length], { action: 'correct', reviewer: 'a', slots: { type: 'death', places: ['Mordovia'] } });
  }
  await touchIndex(store);
  if (history.valueDeleted !== undefined && ids.length > 0) {
    await store.db.deleteFrom('claim_values').where('claim_id', '=', ids[history.valueDeleted % ids.length]).where('slot', '=', 'place').where('ordinal', '=', 0).execute();
  }
  await touchIndex(store);
  if (history.merge) {
    await store.entities.addDecision({ action: 'merge', entity_id: 'place:ua:kherson', other_id: 'place:ru:krasnodar', names: null, decided_at: at, note: null });
    await store.entities.replay(await store.entities.decisions());
  }
}

/** The map and timeline read from the tallies, next to the same read from the claims themselves. */
async function expectTalliesToMatchClaims(store: Store): Promise<void> {
  const claims = new OverviewRepository(store.db, store.dialect, { tallies: false });
  for (const filters of FILTERS) {
    const [map, expectedMap] = [await mapView(store, filters), await mapViewFrom(claims, filters)];
    // Strings too: the order of places, arrows and keys must match, not only the content.
    expect(JSON.stringify(map), JSON.stringify(filters)).toBe(JSON.stringify(expectedMap));
    expect(JSON.stringify(await timelineView(store, filters))).toBe(JSON.stringify(await timelineViewFrom(claims, filters)));
  }
}

async function tallyRows(store: Store): Promise<number> {
  const { rows } = await sql<{ n: number }>`select (select count(*) from claim_tallies) + (select count(*) from place_tallies) + (select count(*) from transfer_routes) as n`.execute(store.db);
  return Number(rows[0].n);
}

describe.each(dialects)('overview tallies (%s)', (dialect) => {
  it('give the map and timeline the claims give, through re-extraction, deletion, review and merges', async () => {
    const store = await stores.open(dialect);
    await fc.assert(
      fc.asyncProperty(arbitraryHistory, async (history) => {
        await store.db.deleteFrom('entity_decisions').execute();
        await playHistory(store, history);
        await expectTalliesToMatchClaims(store);
        // Deleting the reports takes their claims, and the claims their tallies.
        await store.db.deleteFrom('reports').execute();
        expect(await tallyRows(store)).toBe(0);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 15 },
    );
  });

  it('answers filtered views from the overview index once read, and never from a stale one', async () => {
    const store = await stores.open(dialect);
    const sample = (seed: number) => fc.sample(arbitraryClaim, { numRuns: 12, seed }).map((claim, i) => ({ ...claim, start: i, end: i + 5 }));
    await storeClaims(store, 'r0', sample(1));
    await storeClaims(store, 'r1', sample(2));
    await prepareOverviews(store);
    await expectTalliesToMatchClaims(store);
    // Written after the index was read: each view must show it, from the claims or a refreshed index.
    await storeClaims(store, 'r2', sample(3));
    await store.db.deleteFrom('claim_values').where('claim_id', 'like', 'r0:%').where('slot', '=', 'source').execute();
    await expectTalliesToMatchClaims(store);
    await prepareOverviews(store);
    await expectTalliesToMatchClaims(store);
  });

  it('counts every claim of a route but links only its first ten', async () => {
    const store = await stores.open(dialect);
    const route = (n: number, places: NamedValue[]) => Array.from({ length: n }, (_, i) => makeClaim({ start: i, end: i + 5, places }));
    await storeClaims(store, 'r1', [...route(13, [KHERSON, KRASNODAR]), ...route(2, [KRASNODAR, KHERSON]), ...route(3, [KHERSON, PLACES[3], KRASNODAR])]);
    await storeClaims(store, 'r0', route(2, [KHERSON, KRASNODAR]));
    const map = await mapView(store);
    expect(map.transfers.map((t) => [t.from.key, t.to.key, t.claims, t.claimIds.length])).toEqual([
      ['place:ua:kherson', 'place:ru:krasnodar', 18, 10],
      ['place:ru:krasnodar', 'place:ua:kherson', 2, 2],
    ]);
    expect(map.transfers[0].claimIds.slice(0, 3)).toEqual(['r0:0-5:transfer', 'r0:1-6:transfer', 'r1:0-5:transfer']);
    await expectTalliesToMatchClaims(store);
  });

  it('shows extracted places, not an analyst\'s correction of them', async () => {
    const store = await stores.open(dialect);
    await storeClaims(store, 'r1', [makeClaim({ places: [KHERSON, KRASNODAR] })]);
    const before = await mapView(store);
    await reviewClaim(store, 'r1:0-27:transfer', { action: 'correct', reviewer: 'a', slots: { type: 'release', places: ['Mordovia'] } });
    expect(await mapView(store)).toEqual(before);
    expect(before.places.map((p) => [p.key, p.byType])).toEqual([
      ['place:ua:kherson', { transfer: 1 }],
      ['place:ru:krasnodar', { transfer: 1 }],
    ]);
  });
});
