import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ClaimType } from '../domain/types.js';
import type { Database } from './database.js';
import { searchTerms, type StoreDialect } from './dialect.js';
import { earliestDay, latestDay } from './claim.mapper.js';

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

type ClaimsBuilder = ExpressionBuilder<Database, 'claims'>;

/** Aggregates over claims for the dashboard: counts by place, routes, months, and figures. */
export class OverviewRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  async placeCounts(filters: OverviewFilters): Promise<PlaceCountRow[]> {
    const rows = await this.db
      .selectFrom('claim_values as v')
      .innerJoin('claims', 'claims.id', 'v.claim_id')
      .where('v.slot', '=', 'place')
      .where('v.lat', 'is not', null)
      .where('v.lon', 'is not', null)
      .where((eb) => eb.and(this.conditions(eb as unknown as ClaimsBuilder, filters)))
      .select(['v.name', 'v.entity_id', 'v.lat', 'v.lon', 'claims.type', (eb) => eb.fn.count<number>('claims.id').distinct().as('claims')])
      .groupBy(['v.name', 'v.entity_id', 'v.lat', 'v.lon', 'claims.type'])
      .execute();
    return rows.map((row) => ({
      name: row.name,
      ...(row.entity_id === null ? {} : { entityId: row.entity_id }),
      lat: Number(row.lat),
      lon: Number(row.lon),
      type: row.type as ClaimType,
      claims: Number(row.claims),
    }));
  }

  /** Transfer claims naming two or more placed places, with those places in order. */
  async transferRoutes(filters: OverviewFilters): Promise<TransferRoute[]> {
    const rows = await this.db
      .selectFrom('claim_values as v')
      .innerJoin('claims', 'claims.id', 'v.claim_id')
      .where('claims.type', '=', 'transfer')
      .where('v.slot', '=', 'place')
      .where('v.lat', 'is not', null)
      .where('v.lon', 'is not', null)
      .where((eb) => eb.and(this.conditions(eb as unknown as ClaimsBuilder, filters)))
      .select(['v.claim_id', 'v.ordinal', 'v.name', 'v.entity_id', 'v.lat', 'v.lon'])
      .orderBy('v.claim_id')
      .orderBy('v.ordinal')
      .execute();
    const routes: TransferRoute[] = [];
    for (const row of rows) {
      let route = routes[routes.length - 1];
      if (route?.claimId !== row.claim_id) routes.push((route = { claimId: row.claim_id, places: [] }));
      route.places.push({ name: row.name, ...(row.entity_id === null ? {} : { entityId: row.entity_id }), lat: Number(row.lat), lon: Number(row.lon) });
    }
    return routes.filter((route) => route.places.length >= 2);
  }

  /** Claims per month of their start, by type; undated claims under `month: null`. */
  async monthCounts(filters: OverviewFilters): Promise<MonthCountRow[]> {
    const month = sql<string | null>`substr(claims.time_from, 1, 7)`;
    const rows = await this.db
      .selectFrom('claims')
      .where((eb) => eb.and(this.conditions(eb, filters)))
      .select([month.as('month'), 'claims.type', (eb) => eb.fn.countAll<number>().as('claims')])
      .groupBy([month, 'claims.type'])
      .orderBy(month)
      .execute();
    return rows.map((row) => ({ month: row.month, type: row.type as ClaimType, claims: Number(row.claims) }));
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
