import { PassThrough, Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/index.js';
import { fakePipeline, itemFor, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { ingest } from './ingest.service.js';
import { CLAIM_CSV_COLUMNS, exportClaims, type ExportFormat } from './export.service.js';
import type { ClaimFilters } from './claim-query.service.js';

const stores = useStores();

const recruited = makeClaim({
  type: 'recruitment',
  quote: 'As many as 100 female prisoners, "allegedly", were recruited;\nin Snizhne',
  count: { max: 100, approximate: true, span: { start: 0, end: 14 }, text: 'As many as 100', rule: 'en.count.as-many-as', certainty: 'stated' },
  time: { start: '2023-03-13', end: '2023-03-19', span: { start: 0, end: 9 }, text: 'last week', rule: 'en.time.last-week', certainty: 'implied' },
  places: [named('Snizhne', { entityId: 'geo:snizhne' }), named('Ukraine'), named('Donetsk')],
  sources: [named('Olga Romanova', { alternatives: ['Russia Behind Bars'] }), named('Relatives')],
  subjects: { gender: 'female' },
  hedged: true,
});
const population = makeClaim({ type: 'population', quote: 'Numbers fell by 23,000', change: 'decrease', count: { value: 23000, span: { start: 0, end: 1 }, text: '23,000', rule: 'r', certainty: 'stated' } });

async function seed(store: Store): Promise<void> {
  const report = makeReport('seed-001', 'text', [recruited, population]);
  await ingest(store, [itemFor(report)], { process: fakePipeline([report]) });
  // No gazetteer yet: place two of the places by hand.
  await store.db.updateTable('claim_values').set({ lat: 48.02, lon: 38.77 }).where('name', '=', 'Snizhne').execute();
  await store.db.updateTable('claim_values').set({ lat: 48.0, lon: 37.8 }).where('name', '=', 'Donetsk').execute();
}

async function exported(store: Store, format: ExportFormat, filters: ClaimFilters = {}): Promise<{ text: string; count: number }> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await exportClaims(store, format, filters, out);
  return { text: Buffer.concat(chunks).toString('utf8'), count };
}

describe.each(dialects)('export (%s)', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await stores.open(dialect);
    await seed(store);
  });

  it('writes JSON: an array of claims with their report', async () => {
    const { text, count } = await exported(store, 'json');
    const claims = JSON.parse(text);
    expect(count).toBe(2);
    expect(Object.keys(claims[0]).slice(0, 2)).toEqual(['id', 'report']);
    expect(claims[0]).toMatchObject({
      id: 'seed-001:0-72:recruitment',
      report: { id: 'seed-001', url: 'https://example.org/seed-001', outlet: 'Test Outlet', title: 'Report seed-001', published: '2023-03-20' },
      ...JSON.parse(JSON.stringify({ ...recruited, places: undefined })),
    });
    expect(claims[0].places[0]).toEqual({ ...recruited.places[0], lat: 48.02, lon: 38.77 });
    expect(JSON.parse((await exported(store, 'json', { type: 'abuse' })).text)).toEqual([]);
  });

  it('writes CSV that parses back to the documented columns', async () => {
    const { text, count } = await exported(store, 'csv');
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual(CLAIM_CSV_COLUMNS.map((column) => column.name));
    expect(count).toBe(2);
    const row = Object.fromEntries(header.map((name, i) => [name, rows[0][i]]));
    expect(row).toMatchObject({
      id: 'seed-001:0-72:recruitment',
      report_id: 'seed-001',
      report_url: 'https://example.org/seed-001',
      published: '2023-03-20',
      type: 'recruitment',
      quote: recruited.quote,
      start: '0',
      end: '72',
      count_value: '',
      count_max: '100',
      count_approximate: 'true',
      time_start: '2023-03-13',
      time_end: '2023-03-19',
      places: 'Snizhne; Ukraine; Donetsk',
      sources: 'Olga Romanova; Relatives',
      facilities: '',
      gender: 'female',
      hedged: 'true',
      review_state: 'unreviewed',
    });
    expect(rows[1][header.indexOf('change')]).toBe('decrease');
    expect(rows[1][header.indexOf('hedged')]).toBe('false');
    expect(CLAIM_CSV_COLUMNS.every((column) => column.description.length > 0)).toBe(true);
    expect(parse((await exported(store, 'csv', { type: 'abuse' })).text)).toEqual([header]);
  });

  it('writes GeoJSON: one point per claim and placed place', async () => {
    const { text, count } = await exported(store, 'geojson');
    const collection = JSON.parse(text);
    expect(count).toBe(2);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(2);
    for (const feature of collection.features) {
      expect(feature.type).toBe('Feature');
      expect(feature.geometry.type).toBe('Point');
      expect(feature.geometry.coordinates).toHaveLength(2);
      expect(feature.properties.id).toBe('seed-001:0-72:recruitment');
    }
    expect(collection.features.map((f: { properties: { place: string } }) => f.properties.place)).toEqual(['Snizhne', 'Donetsk']);
    expect(collection.features[0].geometry.coordinates).toEqual([38.77, 48.02]);
    expect(collection.features[0].properties).toMatchObject({ place_entity_id: 'geo:snizhne', hedged: true, count_max: 100, count_value: null });
    expect(JSON.parse((await exported(store, 'geojson', { type: 'population' })).text)).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('waits for a slow reader instead of buffering everything', async () => {
    const many = Array.from({ length: 30 }, (_, i) => makeClaim({ quote: `Claim number ${i}`, start: i, end: i + 5 }));
    const report = makeReport('many', 'many', many);
    await ingest(store, [itemFor(report)], { process: fakePipeline([report]) });
    let drains = 0;
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        setImmediate(done);
      },
    });
    slow.on('drain', () => (drains += 1));
    const count = await exportClaims(store, 'json', { reportId: 'many' }, slow);
    expect(count).toBe(30);
    expect(drains).toBeGreaterThan(0);
    expect(bytes).toBeGreaterThan(30 * 64);
  });
});
