import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Claim, ClaimType } from '../domain/types.js';
import type { ClaimSlot, ClaimTable, ClaimValueTable, Database } from './database.js';
import { searchTerms, type StoreDialect } from './dialect.js';
import {
  assignClaimIds,
  earliestDay,
  fromClaimRow,
  latestDay,
  toClaimRow,
  toValueRows,
  type StoredNamedValue,
} from './claim.mapper.js';
import { decodeCursor, encodeCursor, pageSize } from './page.js';
import { RowInsert } from './row-insert.js';

/** The report a stored claim belongs to, as much as a list of claims needs to show. */
export interface ReportReference {
  id: string;
  url?: string;
  outlet?: string;
  title?: string;
  published?: string;
}

/** A claim as the store holds it: the extracted claim plus its id, report and review state. */
export interface StoredClaim extends Claim {
  id: string;
  reportId: string;
  reviewState: string;
  report: ReportReference;
  places: StoredNamedValue[];
  facilities: StoredNamedValue[];
  sources: StoredNamedValue[];
  actors: StoredNamedValue[];
}

/** Which claims to list. Every filter narrows; text filters ignore case. */
export interface ClaimFilters {
  type?: ClaimType | readonly ClaimType[];
  /** Substring of a place's name or one of its alternatives. */
  place?: string;
  /** Substring of a source's name or one of its alternatives. */
  source?: string;
  facility?: string;
  actor?: string;
  /** Claims whose time range reaches this partial ISO date or later (claims with no time are left out). */
  since?: string;
  /** Claims whose time range starts by this partial ISO date (claims with no time are left out). */
  until?: string;
  /** Words (as prefixes) that must all occur in the claim's quote. */
  search?: string;
  reportId?: string;
  reviewState?: string;
  /** Page size; default 100, at most 1000. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

export interface ClaimPage {
  claims: StoredClaim[];
  /** Present when more claims follow; pass it back as `cursor`. */
  nextCursor?: string;
}

/**
 * Claims given their ids exactly as `list` reads them back after `insertMany` (through the same
 * row mapping, so values the store drops or normalises are dropped here too), for a caller that
 * still holds what it just stored.
 */
export function asStoredClaims(reportId: string, claims: readonly Claim[], ids: readonly string[]): (Claim & { id: string })[] {
  return claims.map((claim, ordinal) => {
    const row = toClaimRow(ids[ordinal], reportId, ordinal, claim) as Selectable<ClaimTable>;
    return { id: ids[ordinal], ...fromClaimRow(row, toValueRows(ids[ordinal], claim) as Selectable<ClaimValueTable>[]) };
  });
}

// SQLite allows 32,766 bound parameters per statement; claims rows have about 35 columns, values 20.
const claimInsert = new RowInsert<ReturnType<typeof toClaimRow>>((db, rows) => db.insertInto('claims').values(rows), 200);
const valueInsert = new RowInsert<ReturnType<typeof toValueRows>[number]>((db, rows) => db.insertInto('claim_values').values(rows), 400);

/** Claims and their named values. */
export class ClaimRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  /** Writes a report's claims in order; returns their ids. Run inside the report's transaction. */
  async insertMany(reportId: string, claims: readonly Claim[]): Promise<string[]> {
    const ids = assignClaimIds(reportId, claims);
    const rows = claims.map((claim, ordinal) => toClaimRow(ids[ordinal], reportId, ordinal, claim));
    const values = claims.flatMap((claim, ordinal) => toValueRows(ids[ordinal], claim));
    await claimInsert.run(this.db, rows);
    await valueInsert.run(this.db, values);
    return ids;
  }

  /** Removes a report's claims (their values go with them, by cascade). */
  async deleteByReport(reportId: string): Promise<void> {
    await this.db.deleteFrom('claims').where('report_id', '=', reportId).execute();
  }

  async get(id: string): Promise<StoredClaim | undefined> {
    const rows = await this.selectClaims().where('claims.id', '=', id).execute();
    return (await this.hydrate(rows))[0];
  }

  /** One page of claims matching the filters, in the order they were stored (keyset on `seq`). */
  async list(filters: ClaimFilters = {}): Promise<ClaimPage> {
    const limit = pageSize(filters.limit);
    let query = this.selectClaims().where((eb) => eb.and(this.conditions(eb, filters)));
    if (filters.cursor !== undefined) query = query.where('claims.seq', '>', decodeCursor(filters.cursor));
    const rows = await query.orderBy('claims.seq').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const claims = await this.hydrate(page);
    return rows.length > limit ? { claims, nextCursor: encodeCursor(page[page.length - 1].seq) } : { claims };
  }

  /** How many claims there are of each type. */
  async countByType(): Promise<Record<string, number>> {
    const rows = await this.db
      .selectFrom('claims')
      .select(['type', (eb) => eb.fn.countAll().as('claims')])
      .groupBy('type')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.type, Number(row.claims)]));
  }

  /**
   * The entities most claims mention in one slot, most frequent first: the spellings of one entity
   * ("Olga Romanova", "Ольга Романова") counted together under its name (the entity's, after any
   * merge a user made, else the resolver's canonical name); names no entity was found for, as written.
   */
  async topNames(slot: ClaimSlot, limit: number): Promise<{ name: string; claims: number }[]> {
    const key = sql<string>`coalesce(claim_values.entity_id, 'name:' || claim_values.name)`;
    const rows = await this.db
      .selectFrom('claim_values')
      .leftJoin('entities', 'entities.id', 'claim_values.entity_id')
      .where('claim_values.slot', '=', slot)
      .select([
        sql<string>`coalesce(max(entities.name), max(claim_values.canonical_name), max(claim_values.name))`.as('name'),
        (eb) => eb.fn.count<number>('claim_values.claim_id').distinct().as('claims'),
      ])
      .groupBy(key)
      .orderBy('claims', 'desc')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ name: row.name, claims: Number(row.claims) }));
  }

  private selectClaims() {
    return this.db
      .selectFrom('claims')
      .innerJoin('reports', 'reports.id', 'claims.report_id')
      .selectAll('claims')
      .select([
        'reports.url as report_url',
        'reports.outlet as report_outlet',
        'reports.title as report_title',
        'reports.published as report_published',
      ]);
  }

  private conditions(eb: ExpressionBuilder<Database, 'claims' | 'reports'>, filters: ClaimFilters): Expression<SqlBool>[] {
    const conditions: Expression<SqlBool>[] = [];
    if (filters.type !== undefined) {
      const types = typeof filters.type === 'string' ? [filters.type] : [...filters.type];
      conditions.push(types.length > 0 ? eb('claims.type', 'in', types) : sql<boolean>`1 = 0`);
    }
    if (filters.reportId !== undefined) conditions.push(eb('claims.report_id', '=', filters.reportId));
    if (filters.reviewState !== undefined) conditions.push(eb('claims.review_state', '=', filters.reviewState));
    for (const [slot, needle] of [
      ['place', filters.place],
      ['source', filters.source],
      ['facility', filters.facility],
      ['actor', filters.actor],
    ] as const) {
      if (needle !== undefined) conditions.push(this.valueContains(eb, slot, needle));
    }
    if (filters.since !== undefined) conditions.push(eb('claims.time_to', '>=', earliestDay(filters.since)));
    if (filters.until !== undefined) conditions.push(eb('claims.time_from', '<=', latestDay(filters.until)));
    if (filters.search !== undefined) {
      const terms = searchTerms(filters.search);
      conditions.push(terms.length > 0 ? this.dialect.claimQuoteMatches(terms) : sql<boolean>`1 = 0`);
    }
    return conditions;
  }

  private valueContains(eb: ExpressionBuilder<Database, 'claims' | 'reports'>, slot: ClaimSlot, needle: string) {
    const pattern = `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return eb.exists(
      eb
        .selectFrom('claim_values')
        .select('claim_values.claim_id')
        .whereRef('claim_values.claim_id', '=', 'claims.id')
        .where('claim_values.slot', '=', slot)
        .where(sql<boolean>`"claim_values"."names_folded" like ${pattern} escape '\\'`),
    );
  }

  private async hydrate(rows: readonly ClaimRow[]): Promise<StoredClaim[]> {
    if (rows.length === 0) return [];
    const values = await this.db
      .selectFrom('claim_values')
      .selectAll()
      .where(
        'claim_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    // Not Map.groupBy: Node 20 lacks it.
    const byClaim = new Map<string, typeof values>();
    for (const value of values) {
      const list = byClaim.get(value.claim_id);
      if (list) list.push(value);
      else byClaim.set(value.claim_id, [value]);
    }
    return rows.map((row) => ({
      id: row.id,
      reportId: row.report_id,
      reviewState: row.review_state,
      report: reportReference(row),
      ...(fromClaimRow(row, byClaim.get(row.id) ?? []) as Omit<StoredClaim, 'id' | 'reportId' | 'reviewState' | 'report'>),
    }));
  }
}

type ClaimRow = Selectable<ClaimTable> & {
  report_url: string | null;
  report_outlet: string | null;
  report_title: string | null;
  report_published: string | null;
};

function reportReference(row: ClaimRow): ReportReference {
  const report: ReportReference = { id: row.report_id };
  if (row.report_url !== null) report.url = row.report_url;
  if (row.report_outlet !== null) report.outlet = row.report_outlet;
  if (row.report_title !== null) report.title = row.report_title;
  if (row.report_published !== null) report.published = row.report_published;
  return report;
}
