import { once } from 'node:events';
import { stringify } from 'csv-stringify/sync';
import type { NamedValue } from '../domain/types.js';
import type { ClaimFilters, Store, StoredClaim } from '../store/index.js';
import { iterateClaims } from './claim-query.service.js';
import { getEvent, type EventFilters, type EventSummary } from './group.service.js';

export type ExportFormat = 'json' | 'csv' | 'geojson';

/** A cell's value; `undefined` is an empty cell. */
type CellValue = string | number | boolean | undefined;

/** One column of the claims CSV (and one property of each GeoJSON feature). */
export interface ClaimColumn {
  name: string;
  /** One line for the README. */
  description: string;
  value(claim: StoredClaim): CellValue;
}

const names = (values: readonly NamedValue[]) => values.map((value) => value.name).join('; ');

/** The claims CSV, one row per claim, in this column order. */
export const CLAIM_CSV_COLUMNS: readonly ClaimColumn[] = [
  { name: 'id', description: 'claim id, `<report id>:<start>-<end>:<type>`', value: (c) => c.id },
  { name: 'report_id', description: 'id of the report the claim is from', value: (c) => c.reportId },
  { name: 'report_url', description: 'URL of the report, when known', value: (c) => c.report.url },
  { name: 'outlet', description: 'outlet that published the report', value: (c) => c.report.outlet },
  { name: 'published', description: 'publication date of the report (ISO)', value: (c) => c.report.published },
  { name: 'type', description: 'claim type: recruitment, transfer, population, release, abuse, death, detention, policy', value: (c) => c.type },
  { name: 'quote', description: 'the evidence, verbatim from the report text', value: (c) => c.quote },
  { name: 'start', description: 'offset of the quote in the report text (UTF-16 code units)', value: (c) => c.start },
  { name: 'end', description: 'offset just past the quote', value: (c) => c.end },
  { name: 'rule', description: 'id of the rule that decided the claim type', value: (c) => c.rule },
  { name: 'count_value', description: 'how many people, when the text gives one number', value: (c) => c.count?.value },
  { name: 'count_min', description: 'lower bound ("more than 100")', value: (c) => c.count?.min },
  { name: 'count_max', description: 'upper bound ("as many as 100")', value: (c) => c.count?.max },
  { name: 'count_approximate', description: 'true when the number is hedged ("about 100")', value: (c) => c.count?.approximate },
  { name: 'count_vague', description: 'a vague quantity word instead of a number ("thousands")', value: (c) => c.count?.vague },
  { name: 'time_start', description: 'start of when it happened (ISO YYYY, YYYY-MM or YYYY-MM-DD)', value: (c) => c.time?.start },
  { name: 'time_end', description: 'end of when it happened (same as time_start for a point)', value: (c) => c.time?.end },
  { name: 'places', description: 'places named in the claim, `; `-joined', value: (c) => names(c.places) },
  { name: 'facilities', description: 'penal facilities named in the claim, `; `-joined', value: (c) => names(c.facilities) },
  { name: 'sources', description: 'who the claim is attributed to, `; `-joined', value: (c) => names(c.sources) },
  { name: 'actors', description: 'who recruited, moved, held, released or abused the prisoners, `; `-joined', value: (c) => names(c.actors) },
  { name: 'gender', description: 'female or male, when the text says', value: (c) => c.subjects.gender },
  { name: 'nationality', description: 'UA or RU, when the text says', value: (c) => c.subjects.nationality },
  { name: 'change', description: 'for population claims: decrease or increase', value: (c) => c.change },
  { name: 'hedged', description: 'true when the text marks the claim as uncertain ("reportedly")', value: (c) => c.hedged },
  { name: 'review_state', description: 'unreviewed, or the analyst\'s decision', value: (c) => c.reviewState },
];

/**
 * Writes the claims matching `filters` to `out`, page by page, waiting when `out` is full.
 * Does not end `out` (it may be stdout). Returns the number of records written: claims, or
 * for GeoJSON features (one per claim and placed place).
 *
 * - json: an array of `{ id, report: { id, url, outlet, title, published }, ...claim }`
 * - csv: CLAIM_CSV_COLUMNS, with a header row
 * - geojson: a FeatureCollection of Points, one per (claim, place with coordinates);
 *   properties are the CSV columns plus `place` and `place_entity_id`
 */
export async function exportClaims(store: Store, format: ExportFormat, filters: ClaimFilters, out: NodeJS.WritableStream): Promise<number> {
  const claims = iterateClaims(store, filters);
  if (format === 'csv') return writeCsv(claims, out);
  if (format === 'geojson') return writeGeoJson(claims, out);
  return writeJson(claims, out);
}

async function writeJson(claims: AsyncIterable<StoredClaim>, out: NodeJS.WritableStream): Promise<number> {
  let written = 0;
  await write(out, '[');
  for await (const claim of claims) {
    const { id, report, ...rest } = claim;
    await write(out, `${written === 0 ? '\n' : ',\n'}${JSON.stringify({ id, report, ...rest })}`);
    written += 1;
  }
  await write(out, written === 0 ? ']\n' : '\n]\n');
  return written;
}

async function writeCsv(claims: AsyncIterable<StoredClaim>, out: NodeJS.WritableStream): Promise<number> {
  const options = { cast: { boolean: (value: boolean) => String(value) } };
  await write(out, stringify([CLAIM_CSV_COLUMNS.map((column) => column.name)], options));
  let written = 0;
  let rows: CellValue[][] = [];
  const flush = async () => {
    if (rows.length > 0) await write(out, stringify(rows, options));
    rows = [];
  };
  for await (const claim of claims) {
    rows.push(CLAIM_CSV_COLUMNS.map((column) => column.value(claim)));
    written += 1;
    if (rows.length >= 200) await flush();
  }
  await flush();
  return written;
}

async function writeGeoJson(claims: AsyncIterable<StoredClaim>, out: NodeJS.WritableStream): Promise<number> {
  let written = 0;
  await write(out, '{"type":"FeatureCollection","features":[');
  for await (const claim of claims) {
    const properties = Object.fromEntries(CLAIM_CSV_COLUMNS.map((column) => [column.name, column.value(claim) ?? null]));
    for (const place of claim.places) {
      if (place.lat === undefined || place.lon === undefined) continue;
      const feature = {
        type: 'Feature',
        // GeoJSON order is longitude, latitude.
        geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
        properties: { ...properties, place: place.name, place_entity_id: place.entityId ?? null },
      };
      await write(out, `${written === 0 ? '\n' : ',\n'}${JSON.stringify(feature)}`);
      written += 1;
    }
  }
  await write(out, written === 0 ? ']}\n' : '\n]}\n');
  return written;
}

async function write(out: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out as NodeJS.EventEmitter, 'drain');
}

/** One column of the events CSV (and one property of each events GeoJSON feature). */
export interface EventColumn {
  name: string;
  description: string;
  value(event: EventSummary): CellValue;
}

/** The events CSV, one row per event, in this column order. */
export const EVENT_CSV_COLUMNS: readonly EventColumn[] = [
  { name: 'id', description: 'event id', value: (e) => e.id },
  { name: 'type', description: 'the type most of its claims have', value: (e) => e.type },
  { name: 'types', description: 'every type of its claims, `; `-joined', value: (e) => e.types.join('; ') },
  { name: 'time_start', description: 'start of the time its dated claims agree on', value: (e) => e.time?.start },
  { name: 'time_end', description: 'end of that time', value: (e) => e.time?.end },
  { name: 'places', description: 'places its claims name, most named first, `; `-joined', value: (e) => e.places.map((p) => p.name).join('; ') },
  { name: 'claims', description: 'number of claims', value: (e) => e.claims },
  { name: 'reports', description: 'number of reports, copies counted once', value: (e) => e.reports },
  { name: 'copies', description: 'number of reports that copy another', value: (e) => e.copies },
  { name: 'report_ids', description: 'ids of its reports, `; `-joined', value: (e) => e.reportIds.join('; ') },
  { name: 'independent_origins', description: 'number of independent first-hand sources', value: (e) => e.independentOrigins },
  { name: 'origins', description: 'the independent origins (`via` outlets in brackets), `; `-joined', value: (e) => e.origins.filter((o) => o.independent).map((o) => `${o.name}${o.via ? ` (via ${o.via.join(', ')})` : ''}`).join('; ') },
  { name: 'conflicts', description: 'conflicting values side by side: `value — origins | value — origins`', value: (e) => e.conflicts.map((c) => c.sides.map((s) => `${s.value} — ${s.origins.join(', ')}`).join(' | ')).join('; ') },
];

/**
 * Writes the events matching `filters` to `out` (json: an array of events with their claim ids;
 * csv: EVENT_CSV_COLUMNS; geojson: one Point per event and placed place of its claims).
 * Returns the number of records written.
 */
export async function exportEvents(store: Store, format: ExportFormat, filters: EventFilters, out: NodeJS.WritableStream): Promise<number> {
  let written = 0;
  const options = { cast: { boolean: (value: boolean) => String(value) } };
  await write(out, format === 'csv' ? stringify([EVENT_CSV_COLUMNS.map((c) => c.name)], options) : format === 'geojson' ? '{"type":"FeatureCollection","features":[' : '[');
  for await (const event of iterateEvents(store, filters)) {
    if (format === 'csv') {
      await write(out, stringify([EVENT_CSV_COLUMNS.map((c) => c.value(event))], options));
      written += 1;
      continue;
    }
    const claims = (await getEvent(store, event.id))?.claims ?? [];
    if (format === 'json') {
      await write(out, `${written === 0 ? '\n' : ',\n'}${JSON.stringify({ ...event, claimIds: claims.map((c) => c.id) })}`);
      written += 1;
      continue;
    }
    const properties = Object.fromEntries(EVENT_CSV_COLUMNS.map((c) => [c.name, c.value(event) ?? null]));
    const placed = new Map<string, NamedValue>();
    for (const place of claims.flatMap((c) => c.places)) if (place.lat !== undefined && place.lon !== undefined) placed.set(place.entityId ?? place.name, place);
    for (const place of placed.values()) {
      const feature = { type: 'Feature', geometry: { type: 'Point', coordinates: [place.lon, place.lat] }, properties: { ...properties, place: place.name, place_entity_id: place.entityId ?? null } };
      await write(out, `${written === 0 ? '\n' : ',\n'}${JSON.stringify(feature)}`);
      written += 1;
    }
  }
  if (format === 'geojson') await write(out, written === 0 ? ']}\n' : '\n]}\n');
  if (format === 'json') await write(out, written === 0 ? ']\n' : '\n]\n');
  return written;
}

async function* iterateEvents(store: Store, filters: EventFilters): AsyncGenerator<EventSummary> {
  let after: string | undefined;
  for (;;) {
    const page = await store.events.list({ ...filters, order: 'id', after, limit: 500 });
    yield* page;
    if (page.length < 500) return;
    after = page[page.length - 1].id;
  }
}
