import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ClaimType } from '../domain/types.js';
import type { Database } from './database.js';
import { searchTerms, type StoreDialect } from './dialect.js';
import { earliestDay, latestDay } from './claim.mapper.js';
import { ROUTE_CLAIM_IDS, type IndexedClaim, type IndexFilters, type OverviewIndex } from './overview-index.js';
import { currentIndex } from './overview-indexes.js';

/** Which claims an overview (map, timeline, series) counts. Same meaning as ClaimFilters. */
export interface OverviewFilters {
  type?: ClaimType | readonly ClaimType[];
  place?: string;
  source?: string;
  since?: string;
  until?: string;
  search?: string;
  reportId?: string;
  gender?: 'female' | 'male';
  nationality?: 'UA' | 'RU';
}

/** Claims per type naming one place with coordinates. */
export interface PlaceCountRow {
  name: string;
  entityId?: string;
  lat: number;
  lon: number;
  type: ClaimType;
  claims: number;
}

/** The placed places of one transfer claim, in the order the text names them. */
export interface TransferRoute {
  claimId: string;
  places: { name: string; entityId?: string; lat: number; lon: number }[];
  /**
   * How many claims this route counts for: 1, or for the first claim of a group of two-place
   * routes with the same places, the whole group; 0 for the group's next claims (listed for their ids).
   */
  claims: number;
}

export interface MonthCountRow {
  /** `YYYY-MM` of the start of the claim's time, or null for claims with no time. */
  month: string | null;
  type: ClaimType;
  claims: number;
}

/** One claim with a figure, for series (population) and ranges (recruitment). */
export interface FigureRow {
  claimId: string;
  reportId: string;
  type: ClaimType;
  timeStart?: string;
  timeEnd?: string;
  published?: string;
  value?: number;
  min?: number;
  max?: number;
  approximate?: boolean;
  vague?: string;
  change?: 'decrease' | 'increase';
  hedged: boolean;
  sources: string[];
  places: string[];
  facilities: string[];
}

/** The tallies of migration 2026-12-06T2100-overview-tallies, kept by triggers. '' stands for null in their keys. */
interface TallyKey {
  type: string;
  time_from: string;
  time_to: string;
  gender: string;
  nationality: string;
}

/** The store's tables plus the overview tallies. */
export interface OverviewDatabase extends Database {
  claim_tallies: TallyKey & { claims: number };
  place_tallies: TallyKey & { name: string; entity_id: string; lat: number; lon: number; claims: number };
  transfer_routes: {
    claim_id: string;
    type: string;
    time_from: string | null;
    time_to: string | null;
    gender: string | null;
    nationality: string | null;
    /** How many placed places the claim names; `first_*` and `last_*` are the first and last of them. */
    places: number;
    first_name: string | null;
    first_entity_id: string | null;
    first_lat: number | null;
    first_lon: number | null;
    last_name: string | null;
    last_entity_id: string | null;
    last_lat: number | null;
    last_lon: number | null;
  };
}

type ClaimsBuilder = ExpressionBuilder<Database, 'claims'>;

/** The filters the tallies answer (type, time, subjects); the others need the claims themselves. */
type TalliedFilters = Pick<OverviewFilters, 'type' | 'since' | 'until' | 'gender' | 'nationality'>;

const isTallied = (filters: OverviewFilters): filters is TalliedFilters =>
  filters.place === undefined && filters.source === undefined && filters.search === undefined && filters.reportId === undefined;

const typesOf = (filters: OverviewFilters): ClaimType[] | undefined => (filters.type === undefined ? undefined : typeof filters.type === 'string' ? [filters.type] : [...filters.type]);

/** `{ entityId }` when there is one: tallies and the index write '' for none, claims null. */
const entityOf = (entityId: string | null) => (entityId === null || entityId === '' ? {} : { entityId });

const ROUTE_ENDS = ['first_name', 'first_entity_id', 'first_lat', 'first_lon', 'last_name', 'last_entity_id', 'last_lat', 'last_lon'] as const;
/** A row of one place of a route: no second place in the row. */
const NO_LAST_END = [sql<string | null>`null`.as('last_name'), sql<string | null>`null`.as('last_entity_id'), sql<number | null>`null`.as('last_lat'), sql<number | null>`null`.as('last_lon')];

interface RoutePlaceRow {
  claim_id: string;
  name: string | null;
  entity_id: string | null;
  lat: number | null;
  lon: number | null;
  last_name: string | null;
  last_entity_id: string | null;
  last_lat: number | null;
  last_lon: number | null;
  /** Claims of the row's two-place route group (1 for a place of a longer route). */
  group_claims: number;
}

/**
 * Rows in claim order, each a place, or both places of a two-place route with its group's size,
 * as routes of two or more places. A group's first claim counts for the group, the rest for none.
 */
function toRoutes(rows: readonly RoutePlaceRow[]): TransferRoute[] {
  const routes: TransferRoute[] = [];
  const groups = new Set<string>();
  const place = (name: string | null, entityId: string | null, lat: number | null, lon: number | null) => ({ name: name!, ...entityOf(entityId), lat: Number(lat), lon: Number(lon) });
  for (const row of rows) {
    let route = routes[routes.length - 1];
    if (route?.claimId !== row.claim_id) {
      let claims = Number(row.group_claims);
      if (row.last_name !== null) {
        const group = JSON.stringify([row.name, row.entity_id, row.lat, row.lon, row.last_name, row.last_entity_id, row.last_lat, row.last_lon].map((end) => (typeof end === 'string' || end === null ? end : Number(end))));
        if (groups.has(group)) claims = 0;
        groups.add(group);
      }
      routes.push((route = { claimId: row.claim_id, places: [], claims }));
    }
    route.places.push(place(row.name, row.entity_id, row.lat, row.lon));
    if (row.last_name !== null) route.places.push(place(row.last_name, row.last_entity_id, row.last_lat, row.last_lon));
  }
  return routes.filter((route) => route.places.length >= 2);
}

/** Aggregates over claims for the dashboard: counts by place, routes, months, and figures. */
export class OverviewRepository {
  private readonly tallies: Kysely<OverviewDatabase>;

  private readonly useTallies: boolean;

  private readonly useIndex: boolean;

  /**
   * `tallies: false` counts the claims themselves whatever the filters (what the tallies and the
   * index must equal); `index: false` leaves the in-memory index out.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
    options: { tallies?: boolean; index?: boolean } = {},
  ) {
    // The tallies live in this repository's own schema extension.
    this.tallies = db as unknown as Kysely<OverviewDatabase>;
    this.useTallies = options.tallies ?? true;
    this.useIndex = options.index ?? this.useTallies;
  }

  private tallied(filters: OverviewFilters): filters is TalliedFilters {
    return this.useTallies && isTallied(filters);
  }

  /** Reads the store into its overview index now (a server does at start), so the first filtered view need not. */
  async prepare(): Promise<void> {
    if (this.useIndex) await currentIndex(this.db, this.dialect, { wait: true });
  }

  /** A selection under way: the map asks for places and routes at once, and both share it. */
  private pending?: { filters: string; selection: ReturnType<OverviewRepository['select']> };

  /** The index and the claims it selects for the filters, when the store has an index. */
  private indexed(filters: OverviewFilters): ReturnType<OverviewRepository['select']> {
    if (!this.useIndex) return Promise.resolve(undefined);
    const key = JSON.stringify(filters);
    if (this.pending?.filters === key) return this.pending.selection;
    const selection = this.select(filters);
    const pending = (this.pending = { filters: key, selection });
    // Settled, it is not reused: a later call reads the store as it is then.
    const done = () => {
      if (this.pending === pending) this.pending = undefined;
    };
    selection.then(done, done);
    return selection;
  }

  private async select(filters: OverviewFilters): Promise<{ index: OverviewIndex; selected: IndexedClaim[] } | undefined> {
    const index = await currentIndex(this.db, this.dialect);
    if (index === undefined) return undefined;
    const { search, ...rest } = filters;
    const selection: IndexFilters = rest;
    if (search !== undefined) {
      const terms = searchTerms(search);
      selection.searchSeqs = terms.length === 0 ? [] : await this.dialect.claimSeqsMatching(this.db, terms);
    }
    return { index, selected: index.select(selection) };
  }

  /** Claims per type naming each placed place, by name, entity and coordinates, in that order. */
  async placeCounts(filters: OverviewFilters): Promise<PlaceCountRow[]> {
    const indexed = this.tallied(filters) ? undefined : await this.indexed(filters);
    if (indexed) {
      return indexed.index.placeCounts(indexed.selected).map(({ entityId, ...row }) => ({ ...row, ...entityOf(entityId), type: row.type as ClaimType }));
    }
    const rows = this.tallied(filters) ? await this.placeTallies(filters) : await this.placeCountsOfClaims(filters);
    return rows.map((row) => ({
      name: row.name,
      ...entityOf(row.entity_id),
      lat: Number(row.lat),
      lon: Number(row.lon),
      type: row.type as ClaimType,
      claims: Number(row.claims),
    }));
  }

  private placeTallies(filters: TalliedFilters) {
    return this.tallies
      .selectFrom('place_tallies as t')
      .where((eb) => eb.and(tallyConditions(eb, 't', filters)))
      .select(['t.name', 't.entity_id', 't.lat', 't.lon', 't.type', (eb) => eb.fn.sum<number>('t.claims').as('claims')])
      .groupBy(['t.name', 't.entity_id', 't.lat', 't.lon', 't.type'])
      .orderBy('t.name')
      .orderBy('t.entity_id')
      .orderBy('t.lat')
      .orderBy('t.lon')
      .orderBy('t.type')
      .execute();
  }

  private placeCountsOfClaims(filters: OverviewFilters) {
    // Null entity ids sort with '' as in the tallies, so both paths list places alike.
    const entity = sql<string>`coalesce(v.entity_id, '')`;
    return this.db
      .selectFrom('claims')
      // Cross join: SQLite then walks the matching claims; led by the values, it probed a search's whole match list per value.
      .crossJoin('claim_values as v')
      .whereRef('v.claim_id', '=', 'claims.id')
      .where('v.slot', '=', 'place')
      .where('v.lat', 'is not', null)
      .where('v.lon', 'is not', null)
      .where((eb) => eb.and(this.conditions(eb as unknown as ClaimsBuilder, filters)))
      .select(['v.name', 'v.entity_id', 'v.lat', 'v.lon', 'claims.type', (eb) => eb.fn.count<number>('claims.id').distinct().as('claims')])
      .groupBy(['v.name', entity, 'v.entity_id', 'v.lat', 'v.lon', 'claims.type'])
      .orderBy('v.name')
      .orderBy(entity)
      .orderBy('v.lat')
      .orderBy('v.lon')
      .orderBy('claims.type')
      .execute();
  }

  /**
   * Transfer claims naming two or more placed places, with those places in order, by claim id.
   * When the tallies answer the filters, claims naming exactly two come grouped by those two
   * (see TransferRoute.claims), at most ROUTE_CLAIM_IDS of each group.
   */
  async transferRoutes(filters: OverviewFilters): Promise<TransferRoute[]> {
    if (typesOf(filters)?.includes('transfer') === false) return [];
    if (!this.tallied(filters)) {
      const indexed = await this.indexed(filters);
      if (indexed) {
        return indexed.index.routes(indexed.selected).map(({ places, ...route }) => ({ ...route, places: places.map(({ entityId, ...place }) => ({ ...place, ...entityOf(entityId) })) }));
      }
      return toRoutes(await this.routesOfClaims(filters));
    }
    return toRoutes(await this.groupedRoutes(filters));
  }

  private routesOfClaims(filters: OverviewFilters) {
    return this.db
      .selectFrom('claims')
      // Cross join: SQLite then walks the matching transfer claims and looks up their values.
      .crossJoin('claim_values as v')
      .whereRef('v.claim_id', '=', 'claims.id')
      .where('claims.type', '=', 'transfer')
      .where('v.slot', '=', 'place')
      .where('v.lat', 'is not', null)
      .where('v.lon', 'is not', null)
      .where((eb) => eb.and(this.conditions(eb as unknown as ClaimsBuilder, filters)))
      .select(['v.claim_id', 'v.ordinal', 'v.name', 'v.entity_id', 'v.lat', 'v.lon', ...NO_LAST_END, sql<number>`1`.as('group_claims')])
      .orderBy('v.claim_id')
      .orderBy('v.ordinal')
      .execute();
  }

  /**
   * Two-place routes grouped by their two places: each group's first ROUTE_CLAIM_IDS claims, one
   * row a claim with both places and the group's size; then every longer route, one row a place.
   * One stream in claim id order. Each group's cut-off (its last claim listed) is found by index,
   * so no claim beyond it is read.
   */
  private groupedRoutes(filters: TalliedFilters) {
    const sameEnds = (eb: ExpressionBuilder<any, any>, a: string, b: string) => eb.and(ROUTE_ENDS.map((column) => eb(`${a}.${column}`, '=', eb.ref(`${b}.${column}`))));
    return this.tallies
      .with('route_groups', (db) =>
        db
          .selectFrom('transfer_routes as g')
          .where('g.places', '=', 2)
          .where((eb) => eb.and(tallyConditions(eb, 'g', filters)))
          .groupBy(ROUTE_ENDS.map((column) => `g.${column}` as const))
          .select((eb) => [
            ...ROUTE_ENDS.map((column) => `g.${column}` as const),
            eb.fn.countAll<number>().as('claims'),
            eb
              .selectFrom('transfer_routes as c')
              .where('c.places', '=', 2)
              .where((eb) => eb.and([sameEnds(eb, 'c', 'g'), ...tallyConditions(eb, 'c', filters)]))
              .select('c.claim_id')
              .orderBy('c.claim_id')
              .limit(1)
              .offset(ROUTE_CLAIM_IDS - 1)
              .as('cutoff'),
          ]),
      )
      .selectFrom((db) =>
        db
          .selectFrom('route_groups as g')
          // Cross join: SQLite then walks the few groups and reads each one's first claims by index.
          .crossJoin('transfer_routes as r')
          .where('r.places', '=', 2)
          .where((eb) => eb.and([sameEnds(eb, 'r', 'g'), eb.or([eb('g.cutoff', 'is', null), eb('r.claim_id', '<=', eb.ref('g.cutoff'))]), ...tallyConditions(eb, 'r', filters)]))
          .select(['r.claim_id', sql<number>`0`.as('ordinal'), 'r.first_name as name', 'r.first_entity_id as entity_id', 'r.first_lat as lat', 'r.first_lon as lon', 'r.last_name', 'r.last_entity_id', 'r.last_lat', 'r.last_lon', 'g.claims as group_claims'])
          .unionAll(
            db
              .selectFrom('transfer_routes as r')
              // Cross join: SQLite then walks the few longer routes, not every placed value.
              .crossJoin('claim_values as v')
              .whereRef('v.claim_id', '=', 'r.claim_id')
              .where('r.places', '>', 2)
              .where('v.slot', '=', 'place')
              .where('v.lat', 'is not', null)
              .where('v.lon', 'is not', null)
              .where((eb) => eb.and(tallyConditions(eb, 'r', filters)))
              .select(['r.claim_id', 'v.ordinal', 'v.name', 'v.entity_id', 'v.lat', 'v.lon', ...NO_LAST_END, sql<number>`1`.as('group_claims')]),
          )
          .as('routes'),
      )
      .selectAll()
      .orderBy('claim_id')
      .orderBy('ordinal')
      .execute();
  }

  /** Claims per month of their start, by type; undated claims under `month: null`. */
  async monthCounts(filters: OverviewFilters): Promise<MonthCountRow[]> {
    const indexed = this.tallied(filters) ? undefined : await this.indexed(filters);
    const rows = indexed ? indexed.index.monthCounts(indexed.selected) : this.tallied(filters) ? await this.monthTallies(filters) : await this.monthCountsOfClaims(filters);
    return rows.map((row) => ({ month: row.month === '' ? null : row.month, type: row.type as ClaimType, claims: Number(row.claims) }));
  }

  private monthTallies(filters: TalliedFilters) {
    const month = sql<string>`substr(t.time_from, 1, 7)`;
    return this.tallies
      .selectFrom('claim_tallies as t')
      .where((eb) => eb.and(tallyConditions(eb, 't', filters)))
      .select([month.as('month'), 't.type', (eb) => eb.fn.sum<number>('t.claims').as('claims')])
      .groupBy([month, 't.type'])
      .orderBy(month)
      .orderBy('t.type')
      .execute();
  }

  private monthCountsOfClaims(filters: OverviewFilters) {
    const month = sql<string | null>`substr(claims.time_from, 1, 7)`;
    return this.db
      .selectFrom('claims')
      .where((eb) => eb.and(this.conditions(eb, filters)))
      .select([month.as('month'), 'claims.type', (eb) => eb.fn.countAll<number>().as('claims')])
      .groupBy([month, 'claims.type'])
      .orderBy(month)
      .orderBy('claims.type')
      .execute();
  }

  /** Claims of these types that give a count or a change, oldest first, at most `limit`. */
  async figures(filters: OverviewFilters, limit: number): Promise<FigureRow[]> {
    const rows = await this.db
      .selectFrom('claims')
      .innerJoin('reports', 'reports.id', 'claims.report_id')
      .where((eb) => eb.and(this.conditions(eb as unknown as ClaimsBuilder, filters)))
      .where((eb) => eb.or([eb('claims.count_rule', 'is not', null), eb('claims.change', 'is not', null)]))
      .select([
        'claims.id', 'claims.report_id', 'claims.type', 'claims.time_start', 'claims.time_end', 'reports.published',
        'claims.count_value', 'claims.count_min', 'claims.count_max', 'claims.count_approximate', 'claims.count_vague',
        'claims.change', 'claims.hedged',
      ])
      .orderBy(sql`coalesce(claims.time_from, reports.published)`)
      .orderBy('claims.seq')
      .limit(limit)
      .execute();
    const names = await this.namesOf(rows.map((row) => row.id));
    return rows.map((row) => {
      const figure: FigureRow = { claimId: row.id, reportId: row.report_id, type: row.type as ClaimType, hedged: row.hedged === 1, sources: [], places: [], facilities: [] };
      if (row.time_start !== null) figure.timeStart = row.time_start;
      if (row.time_end !== null) figure.timeEnd = row.time_end;
      if (row.published !== null) figure.published = row.published;
      if (row.count_value !== null) figure.value = Number(row.count_value);
      if (row.count_min !== null) figure.min = Number(row.count_min);
      if (row.count_max !== null) figure.max = Number(row.count_max);
      if (row.count_approximate !== null) figure.approximate = row.count_approximate === 1;
      if (row.count_vague !== null) figure.vague = row.count_vague;
      if (row.change !== null) figure.change = row.change as FigureRow['change'];
      const byslot = names.get(row.id);
      if (byslot) Object.assign(figure, byslot);
      return figure;
    });
  }

  private async namesOf(claimIds: string[]): Promise<Map<string, Pick<FigureRow, 'sources' | 'places' | 'facilities'>>> {
    const out = new Map<string, Pick<FigureRow, 'sources' | 'places' | 'facilities'>>();
    for (let i = 0; i < claimIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('claim_values')
        .select(['claim_id', 'slot', 'name'])
        .where('claim_id', 'in', claimIds.slice(i, i + 500))
        .where('slot', 'in', ['source', 'place', 'facility'])
        .orderBy('claim_id')
        .orderBy('slot')
        .orderBy('ordinal')
        .execute();
      for (const row of rows) {
        let entry = out.get(row.claim_id);
        if (!entry) out.set(row.claim_id, (entry = { sources: [], places: [], facilities: [] }));
        entry[row.slot === 'source' ? 'sources' : row.slot === 'place' ? 'places' : 'facilities'].push(row.name);
      }
    }
    return out;
  }

  private conditions(eb: ClaimsBuilder, filters: OverviewFilters): Expression<SqlBool>[] {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.type !== undefined) {
      const types = typeof filters.type === 'string' ? [filters.type] : [...filters.type];
      conditions.push(types.length > 0 ? eb('claims.type', 'in', types) : sql<boolean>`1 = 0`);
    }
    if (filters.reportId !== undefined) conditions.push(eb('claims.report_id', '=', filters.reportId));
    if (filters.gender !== undefined) conditions.push(eb('claims.gender', '=', filters.gender));
    if (filters.nationality !== undefined) conditions.push(eb('claims.nationality', '=', filters.nationality));
    if (filters.since !== undefined) conditions.push(eb('claims.time_to', '>=', earliestDay(filters.since)));
    if (filters.until !== undefined) conditions.push(eb('claims.time_from', '<=', latestDay(filters.until)));
    for (const [slot, needle] of [['place', filters.place], ['source', filters.source]] as const) {
      if (needle === undefined) continue;
      const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(
        eb.exists(
          eb
            .selectFrom('claim_values as f')
            .select('f.claim_id')
            .whereRef('f.claim_id', '=', 'claims.id')
            .where('f.slot', '=', slot)
            .where(sql<boolean>`"f"."names_folded" like ${pattern} escape '\\'`),
        ),
      );
    }
    if (filters.search !== undefined) {
      const terms = searchTerms(filters.search);
      conditions.push(terms.length > 0 ? this.dialect.claimQuoteMatches(terms) : sql<boolean>`1 = 0`);
    }
    return conditions;
  }
}

/**
 * The tallied filters over a tally (`t`, where '' stands for null) or transfer routes (`r`,
 * whose columns are the claim's own).
 */
function tallyConditions(eb: ExpressionBuilder<any, any>, table: string, filters: TalliedFilters): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const types = typesOf(filters);
  if (types !== undefined) conditions.push(types.length > 0 ? eb(`${table}.type`, 'in', types) : sql<boolean>`1 = 0`);
  if (filters.gender !== undefined) conditions.push(eb(`${table}.gender`, '=', filters.gender));
  if (filters.nationality !== undefined) conditions.push(eb(`${table}.nationality`, '=', filters.nationality));
  if (filters.since !== undefined) conditions.push(eb(`${table}.time_to`, '>=', earliestDay(filters.since)));
  if (filters.until !== undefined) conditions.push(eb(`${table}.time_from`, '<=', latestDay(filters.until)));
  if (filters.until !== undefined && table === 't') conditions.push(eb('t.time_from', '<>', ''));
  return conditions;
}
