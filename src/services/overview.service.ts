import type { ClaimType } from '../domain/types.js';
import { defaultGazetteer, type Gazetteer } from '../knowledge/places/gazetteer.js';
import type { Store } from '../store/index.js';
import { OverviewRepository, type FigureRow, type OverviewFilters } from '../store/overview.repository.js';

export type { OverviewFilters };

/** A place on the map: where it is, and how many claims of each type name it. */
export interface MapPlace {
  key: string;
  name: string;
  entityId?: string;
  lat: number;
  lon: number;
  /** From the gazetteer, when the place is resolved: a country's marker sits at its centroid. */
  kind?: 'country' | 'region' | 'settlement';
  total: number;
  byType: Partial<Record<ClaimType, number>>;
}

/** Transfers between two places: the first and last placed place of each transfer claim. */
export interface MapTransfer {
  from: Pick<MapPlace, 'key' | 'name' | 'lat' | 'lon'>;
  to: Pick<MapPlace, 'key' | 'name' | 'lat' | 'lon'>;
  claims: number;
  /** Up to ten of the claims, to link to. */
  claimIds: string[];
}

export interface MapView {
  places: MapPlace[];
  transfers: MapTransfer[];
}

export interface TimelineView {
  /** Every month from the first to the last dated claim, gaps included. */
  months: { month: string; total: number; byType: Partial<Record<ClaimType, number>> }[];
  /** Claims with no time, by type. */
  undated: { total: number; byType: Partial<Record<ClaimType, number>> };
}

/** One figure: a claim's count (or change) at a time, linked to its claim. */
export interface FigurePoint extends Omit<FigureRow, 'timeStart' | 'timeEnd' | 'published'> {
  /** When: the claim's time, or (implied) the report's publication date. */
  time?: string;
  timeFrom: 'claim' | 'published';
}

/** Figures grouped by scope (facility, else place, else "all") and issuer (first source). */
export interface SeriesView {
  type: ClaimType;
  points: FigurePoint[];
  series: { key: string; scope: string; issuer: string; claimIds: string[] }[];
  /** True when there were more points than the limit. */
  truncated: boolean;
}

let gazetteer: Gazetteer | undefined;
const kindOf = (entityId: string | undefined) => (entityId ? (gazetteer ??= defaultGazetteer()).get(entityId)?.kind : undefined);

const placeKey = (place: { entityId?: string; lat: number; lon: number }) => place.entityId ?? `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;

/** Reads the claims into the store's overview index (see OverviewIndex) ahead of the first filtered view. */
export function prepareOverviews(store: Store): Promise<void> {
  return new OverviewRepository(store.db, store.dialect).prepare();
}

/** Places with claim counts by type, and transfer arrows, for the claims matching `filters`. */
export function mapView(store: Store, filters: OverviewFilters = {}): Promise<MapView> {
  return mapViewFrom(new OverviewRepository(store.db, store.dialect), filters);
}

/** mapView over a given repository (tests compare the tallies with the claims they count). */
export async function mapViewFrom(repository: OverviewRepository, filters: OverviewFilters = {}): Promise<MapView> {
  const [rows, routes] = await Promise.all([repository.placeCounts(filters), repository.transferRoutes(filters)]);
  const places = new Map<string, MapPlace & { names: Map<string, number> }>();
  for (const row of rows) {
    const key = placeKey(row);
    let place = places.get(key);
    if (!place) places.set(key, (place = { key, name: row.name, lat: row.lat, lon: row.lon, total: 0, byType: {}, names: new Map(), ...(row.entityId ? { entityId: row.entityId } : {}) }));
    place.total += row.claims;
    place.byType[row.type] = (place.byType[row.type] ?? 0) + row.claims;
    place.names.set(row.name, (place.names.get(row.name) ?? 0) + row.claims);
  }
  const transfers = new Map<string, MapTransfer>();
  for (const route of routes) {
    // "from Kherson to Russia": a country's centroid is no destination to draw an arrow to.
    const specific = route.places.filter((place) => kindOf(place.entityId) !== 'country');
    if (specific.length < 2) continue;
    const from = specific[0];
    const to = [...specific].reverse().find((place) => placeKey(place) !== placeKey(from));
    if (!to) continue;
    const key = `${placeKey(from)}>${placeKey(to)}`;
    let transfer = transfers.get(key);
    const end = (p: typeof from) => ({ key: placeKey(p), name: p.name, lat: p.lat, lon: p.lon });
    if (!transfer) transfers.set(key, (transfer = { from: end(from), to: end(to), claims: 0, claimIds: [] }));
    transfer.claims += route.claims;
    if (transfer.claimIds.length < 10) transfer.claimIds.push(route.claimId);
  }
  return {
    places: [...places.values()]
      .map(({ names, ...place }) => {
        const kind = kindOf(place.entityId);
        return { ...place, name: [...names].sort((a, b) => b[1] - a[1])[0][0], ...(kind ? { kind } : {}) };
      })
      .sort((a, b) => b.total - a.total),
    transfers: [...transfers.values()].sort((a, b) => b.claims - a.claims),
  };
}

/** Claims per month (of the start of their time) by type. */
export function timelineView(store: Store, filters: OverviewFilters = {}): Promise<TimelineView> {
  return timelineViewFrom(new OverviewRepository(store.db, store.dialect), filters);
}

/** timelineView over a given repository. */
export async function timelineViewFrom(repository: OverviewRepository, filters: OverviewFilters = {}): Promise<TimelineView> {
  const rows = await repository.monthCounts(filters);
  const undated: TimelineView['undated'] = { total: 0, byType: {} };
  const byMonth = new Map<string, TimelineView['months'][number]>();
  for (const row of rows) {
    const bucket = row.month === null ? undated : byMonth.get(row.month) ?? { month: row.month, total: 0, byType: {} };
    if (row.month !== null) byMonth.set(row.month, bucket as TimelineView['months'][number]);
    bucket.total += row.claims;
    bucket.byType[row.type] = (bucket.byType[row.type] ?? 0) + row.claims;
  }
  const known = [...byMonth.keys()].sort();
  const months: TimelineView['months'] = [];
  if (known.length > 0) {
    for (let month = known[0]; month <= known[known.length - 1]; month = nextMonth(month)) {
      months.push(byMonth.get(month) ?? { month, total: 0, byType: {} });
    }
  }
  return { months, undated };
}

/** Figures of one claim type (population by default) as points, grouped by scope and issuer. */
export async function seriesView(store: Store, type: ClaimType = 'population', filters: OverviewFilters = {}, limit = 2000): Promise<SeriesView> {
  const rows = await new OverviewRepository(store.db, store.dialect).figures({ ...filters, type }, limit + 1);
  const points = rows.slice(0, limit).map(({ timeStart, timeEnd: _end, published, ...row }): FigurePoint => {
    const time = timeStart ?? published?.slice(0, 10);
    return { ...row, ...(time ? { time } : {}), timeFrom: timeStart ? 'claim' : 'published' };
  });
  const series = new Map<string, SeriesView['series'][number]>();
  for (const point of points) {
    const scope = point.facilities[0] ?? point.places[0] ?? 'all';
    const issuer = point.sources[0] ?? 'unattributed';
    const key = `${scope} · ${issuer}`;
    let entry = series.get(key);
    if (!entry) series.set(key, (entry = { key, scope, issuer, claimIds: [] }));
    entry.claimIds.push(point.claimId);
  }
  return { type, points, series: [...series.values()], truncated: rows.length > limit };
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}
