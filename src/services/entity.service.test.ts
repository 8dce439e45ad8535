import { describe, expect, it } from 'vitest';
import { fakePipeline, itemFor, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores, type TestDialect } from '../../test/support/stores.js';
import { ingest } from './ingest.service.js';
import { EntityDecisionError, getEntity, listEntities, mergeEntities, splitEntity, syncEntities } from './entity.service.js';
import type { ProcessedReport } from '../domain/types.js';

const stores = useStores();
const now = () => new Date('2026-11-23T20:00:00.000Z');

const romanova = named('Olga Romanova', { entityId: 'person:olga-romanova', canonicalName: 'Olga Romanova', affiliation: 'org:russia-behind-bars' });
const rbb = named('Russia Behind Bars', { entityId: 'org:russia-behind-bars', canonicalName: 'Russia Behind Bars' });
const rusSidyashchaya = named('Русь сидящая', { entityId: 'org:rus-sidyashchaya' });
const snizhne = named('Snezhnoye', { entityId: 'place:ua:snizhne', canonicalName: 'Snizhne', lat: 48.03, lon: 38.77, precision: 'settlement', region: 'Donetsk region', country: 'UA' });
const colony = named('IK-17', { entityId: 'facility:ik-17', canonicalName: 'IK-17' });

function reports(version = 1): ProcessedReport[] {
  const a = makeClaim({ quote: 'Women were moved to Snezhnoye.', start: 0, end: 30, places: [snizhne], sources: [romanova] });
  const b = makeClaim({ type: 'recruitment', quote: 'Fifty were recruited in IK-17.', start: 31, end: 61, facilities: [colony], sources: [rbb] });
  const c = makeClaim({ type: 'abuse', quote: `Guards beat them (version ${version}).`, start: 0, end: 29, sources: [rusSidyashchaya] });
  return [makeReport('one', `${a.quote} ${b.quote}`, [a, b]), makeReport('two', c.quote, [c])];
}

async function openWith(dialect: TestDialect, version = 1) {
  const store = await stores.open(dialect);
  // The shared PostgreSQL test database is truncated only for the tables the store started with.
  await store.db.deleteFrom('entity_decisions').execute();
  await store.db.deleteFrom('entities').execute();
  const processed = reports(version);
  await ingest(store, processed.map(itemFor), { process: fakePipeline(processed), now });
  return store;
}

describe.each(dialects)('entities (%s)', (dialect) => {
  it('lists the entities claims name, with kind, aliases and claim counts, and keeps resolved fields on claims', async () => {
    const store = await openWith(dialect);
    const entities = await listEntities(store);
    expect(entities.map((e) => [e.id, e.kind, e.claims])).toEqual([
      ['facility:ik-17', 'facility', 1],
      ['org:rus-sidyashchaya', 'organisation', 1],
      ['org:russia-behind-bars', 'organisation', 1],
      ['person:olga-romanova', 'person', 1],
      ['place:ua:snizhne', 'place', 1],
    ]);
    expect(entities.find((e) => e.id === 'place:ua:snizhne')).toMatchObject({ name: 'Snizhne', aliases: ['Snezhnoye'], attributes: { country: 'UA', region: 'place:ua:donetsk-region' } });
    expect((await listEntities(store, { kind: 'person' })).map((e) => e.id)).toEqual(['person:olga-romanova']);
    expect((await listEntities(store, { search: 'snezh' })).map((e) => e.id)).toEqual(['place:ua:snizhne']);
    const detail = await getEntity(store, 'place:ua:snizhne');
    expect(detail?.claimList.map((c) => c.places[0])).toEqual([expect.objectContaining({ canonicalName: 'Snizhne', precision: 'settlement', region: 'Donetsk region', country: 'UA' })]);
    expect(detail?.claimList[0].sources[0].affiliation).toBe('org:russia-behind-bars');
    // A claim sourced to Romanova is found from Russia Behind Bars too.
    expect((await getEntity(store, 'org:russia-behind-bars'))?.claimList.map((c) => c.quote)).toEqual(['Women were moved to Snezhnoye.', 'Fifty were recruited in IK-17.']);
  });

  it('merges two entities, and the merge survives re-ingest', async () => {
    const store = await openWith(dialect);
    await mergeEntities(store, 'org:russia-behind-bars', 'org:rus-sidyashchaya');
    const merged = await getEntity(store, 'org:russia-behind-bars');
    expect(merged).toMatchObject({ claims: 2, aliases: ['Russia Behind Bars', 'Русь сидящая'] });
    expect((await getEntity(store, 'org:rus-sidyashchaya'))?.mergedInto).toBe('org:russia-behind-bars');
    expect((await listEntities(store)).map((e) => e.id)).not.toContain('org:rus-sidyashchaya');

    // Re-ingest report two with new content: the resolver says org:rus-sidyashchaya again.
    const again = reports(2).slice(1);
    await ingest(store, again.map(itemFor), { process: fakePipeline(again), now });
    await syncEntities(store);
    expect((await getEntity(store, 'org:russia-behind-bars'))?.claims).toBe(2);
  });

  it('splits a wrong merge back out, by the names its mentions use', async () => {
    const store = await openWith(dialect);
    await mergeEntities(store, 'org:russia-behind-bars', 'org:rus-sidyashchaya');
    const to = await splitEntity(store, 'org:russia-behind-bars', ['РУСЬ СИДЯЩАЯ'], 'org:rus-sidyashchaya');
    expect(to).toBe('org:rus-sidyashchaya');
    expect((await getEntity(store, 'org:rus-sidyashchaya'))?.mergedInto).toBeUndefined();
    expect((await getEntity(store, 'org:russia-behind-bars'))?.claims).toBe(1);
    expect((await getEntity(store, 'org:rus-sidyashchaya'))?.claims).toBe(1);

    // A split into a new entity, kept after a rebuild of the claims.
    const fresh = await splitEntity(store, 'place:ua:snizhne', ['Snezhnoye']);
    expect(fresh).toBe('place:ua:snizhne~snezhnoye');
    const rebuilt = reports(3);
    await ingest(store, rebuilt.map(itemFor), { process: fakePipeline(rebuilt), now });
    await syncEntities(store);
    expect((await getEntity(store, 'place:ua:snizhne~snezhnoye'))?.claims).toBe(1);
    expect((await getEntity(store, 'place:ua:snizhne'))?.claims).toBe(0);
  });

  it('refuses decisions about unknown entities or names', async () => {
    const store = await openWith(dialect);
    await expect(mergeEntities(store, 'org:russia-behind-bars', 'org:nobody')).rejects.toBeInstanceOf(EntityDecisionError);
    await expect(mergeEntities(store, 'org:russia-behind-bars', 'org:russia-behind-bars')).rejects.toBeInstanceOf(EntityDecisionError);
    await expect(splitEntity(store, 'place:ua:snizhne', ['Kherson'])).rejects.toThrow(/no mentions named "kherson"/u);
  });
});
