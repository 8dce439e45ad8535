import { sql, type Kysely } from 'kysely';
import type { EventProfile } from '../grouping/event-profile.js';
import type { EventSummary } from '../grouping/event-summary.js';
import type { GroupingClaim } from '../grouping/grouping-claim.js';
import { earliestDay, latestDay } from './claim.mapper.js';
import type { Database } from './database.js';
import { pageSize } from './page.js';

/** Tables of migration 2026-11-23T2020-events. */
export type EventTables = {
  report_fingerprints: { report_id: string; signature: string; published: string | null; ingest_order: number; original_id: string | null; similarity: number | null };
  report_bands: { band_key: string; report_id: string };
  events: {
    id: string;
    type: string;
    time_start: string | null;
    time_end: string | null;
    time_from: string | null;
    time_to: string | null;
    claims: number;
    reports: number;
    origins: number;
    conflicts: number;
    places_folded: string;
    profile: string;
    summary: string;
  };
  event_claims: { claim_id: string; event_id: string; report_id: string; features: string };
  event_blocks: { block_key: string; claim_id: string; event_id: string; report_id: string };
};

/** A report's fingerprint for copy detection. */
export interface StoredFingerprint {
  reportId: string;
  signature: string;
  published?: string;
  ingestOrder: number;
  originalId?: string;
  similarity?: number;
}

/** Which events to list. */
export interface EventFilters {
  type?: string | readonly string[];
  /** Substring of a place's name. */
  place?: string;
  /** Events whose time reaches this partial ISO date or later (undated events are left out). */
  since?: string;
  until?: string;
  /** At least this many independent origins. */
  minOrigins?: number;
  /** At least this many reports (copies counted once). */
  minReports?: number;
  limit?: number;
  /** `size` (default): most reports, origins and claims first; `id`: by id, for paging through all with `after`. */
  order?: 'size' | 'id';
  /** With `order: 'id'`: events after this id. */
  after?: string;
}

// Keys per IN list: well under SQLite's bound-parameter limit.
const CHUNK = 500;

/** Copies, events and their block index: the store side of src/grouping. */
export class EventRepository {
  private readonly db: Kysely<Database & EventTables>;

  constructor(db: Kysely<Database>) {
    // The grouping tables live in this repository's own schema extension.
    this.db = db.withTables<EventTables>();
  }

  async fingerprint(reportId: string): Promise<StoredFingerprint | undefined> {
    const row = await this.db.selectFrom('report_fingerprints').selectAll().where('report_id', '=', reportId).executeTakeFirst();
    return row && fingerprintOf(row);
  }

  /** Fingerprints of the reports sharing any band key (the copy candidates). */
  async fingerprintsByBands(keys: readonly string[], exceptReport: string): Promise<StoredFingerprint[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('report_fingerprints')
      .selectAll()
      .where('report_id', 'in', (eb) => eb.selectFrom('report_bands').select('report_id').where('band_key', 'in', [...keys]))
      .where('report_id', '!=', exceptReport)
      .execute();
    return rows.map(fingerprintOf);
  }

  /** Writes (or rewrites) a report's fingerprint and its band keys. */
  async saveFingerprint(fingerprint: StoredFingerprint, bands: readonly string[]): Promise<void> {
    await this.db.deleteFrom('report_bands').where('report_id', '=', fingerprint.reportId).execute();
    await this.db.deleteFrom('report_fingerprints').where('report_id', '=', fingerprint.reportId).execute();
    await this.db
      .insertInto('report_fingerprints')
      .values({
        report_id: fingerprint.reportId,
        signature: fingerprint.signature,
        published: fingerprint.published ?? null,
        ingest_order: fingerprint.ingestOrder,
        original_id: fingerprint.originalId ?? null,
        similarity: fingerprint.similarity ?? null,
      })
      .execute();
    if (bands.length > 0) await this.db.insertInto('report_bands').values(bands.map((band_key) => ({ band_key, report_id: fingerprint.reportId }))).execute();
  }

  /** Points every copy of `from` (and `from` itself) at a new original; returns the reports relinked. */
  async relinkCopies(from: string, to: string): Promise<string[]> {
    const rows = await this.db.selectFrom('report_fingerprints').select('report_id').where((eb) => eb.or([eb('original_id', '=', from), eb('report_id', '=', from)])).where('report_id', '!=', to).execute();
    await this.db.updateTable('report_fingerprints').set({ original_id: to }).where('original_id', '=', from).execute();
    await this.db.updateTable('report_fingerprints').set({ original_id: to }).where('report_id', '=', from).execute();
    await this.db.updateTable('report_fingerprints').set({ original_id: null, similarity: null }).where('report_id', '=', to).execute();
    return rows.map((row) => row.report_id).sort();
  }

  async nextIngestOrder(): Promise<number> {
    const row = await this.db.selectFrom('report_fingerprints').select((eb) => eb.fn.max('ingest_order').as('last')).executeTakeFirst();
    return Number(row?.last ?? 0) + 1;
  }

  /** The copies of each report, for reports that have some. */
  async copies(): Promise<{ reportId: string; originalId: string; similarity: number }[]> {
    const rows = await this.db.selectFrom('report_fingerprints').select(['report_id', 'original_id', 'similarity']).where('original_id', 'is not', null).orderBy('report_id').execute();
    return rows.map((r) => ({ reportId: r.report_id, originalId: r.original_id!, similarity: Number(r.similarity) }));
  }

  /** Events registered under any of the keys, with the keys each was found by. */
  async eventsByBlocks(keys: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const rows = await this.db.selectFrom('event_blocks').select(['block_key', 'event_id']).distinct().where('block_key', 'in', keys.slice(i, i + CHUNK)).execute();
      for (const row of rows) found.set(row.event_id, [...(found.get(row.event_id) ?? []), row.block_key]);
    }
    return found;
  }

  async profiles(ids: readonly string[]): Promise<EventProfile[]> {
    const profiles: EventProfile[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await this.db.selectFrom('events').select('profile').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
      profiles.push(...rows.map((row) => JSON.parse(row.profile) as EventProfile));
    }
    return profiles;
  }

  /** Removes a report's claims from their events; returns the events they were in. */
  async removeReport(reportId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('event_claims').select('event_id').distinct().where('report_id', '=', reportId).execute();
    await this.db.deleteFrom('event_blocks').where('report_id', '=', reportId).execute();
    await this.db.deleteFrom('event_claims').where('report_id', '=', reportId).execute();
    return rows.map((row) => row.event_id);
  }

  /** Writes claims into their events, with the block keys each claim is found under. */
  async addClaims(members: readonly { claim: GroupingClaim; eventId: string; keys: readonly string[] }[]): Promise<void> {
    const claims = members.map(({ claim, eventId }) => ({ claim_id: claim.id, event_id: eventId, report_id: claim.reportId, features: JSON.stringify(claim) }));
    const blocks = members.flatMap(({ claim, eventId, keys }) => [...new Set(keys)].map((block_key) => ({ block_key, claim_id: claim.id, event_id: eventId, report_id: claim.reportId })));
    for (let i = 0; i < claims.length; i += 200) await this.db.insertInto('event_claims').values(claims.slice(i, i + 200)).execute();
    for (let i = 0; i < blocks.length; i += 1000) await this.db.insertInto('event_blocks').values(blocks.slice(i, i + 1000)).execute();
  }

  /** Moves every claim of event `from` into `into` (a merge). */
  async moveClaims(from: string, into: string): Promise<void> {
    await this.db.updateTable('event_claims').set({ event_id: into }).where('event_id', '=', from).execute();
    await this.db.updateTable('event_blocks').set({ event_id: into }).where('event_id', '=', from).execute();
    await this.db.deleteFrom('events').where('id', '=', from).execute();
  }

  /** The grouping views of an event's claims. */
  async members(eventId: string): Promise<GroupingClaim[]> {
    const rows = await this.db.selectFrom('event_claims').select('features').where('event_id', '=', eventId).orderBy('claim_id').execute();
    return rows.map((row) => JSON.parse(row.features) as GroupingClaim);
  }

  /** Writes an event's profile and summary (insert or replace). */
  async saveEvent(profile: EventProfile, summary: EventSummary): Promise<void> {
    const row = {
      id: summary.id,
      type: summary.type,
      time_start: summary.time?.start ?? null,
      time_end: summary.time?.end ?? null,
      time_from: summary.time ? earliestDay(summary.time.start) : null,
      time_to: summary.time ? latestDay(summary.time.end) : null,
      claims: summary.claims,
      reports: summary.reports,
      origins: summary.independentOrigins,
      conflicts: summary.conflicts.length,
      places_folded: summary.places.map((p) => p.name.toLowerCase()).join('\n'),
      profile: JSON.stringify(profile),
      summary: JSON.stringify(summary),
    };
    const { id, ...rest } = row;
    await this.db.insertInto('events').values(row).onConflict((oc) => oc.column('id').doUpdateSet(rest)).execute();
  }

  async deleteEvent(id: string): Promise<void> {
    await this.db.deleteFrom('events').where('id', '=', id).execute();
  }

  async get(id: string): Promise<EventSummary | undefined> {
    const row = await this.db.selectFrom('events').select('summary').where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.summary) as EventSummary);
  }

  /** Events matching the filters, most reports first. */
  async list(filters: EventFilters = {}): Promise<EventSummary[]> {
    let query = this.db.selectFrom('events').select('summary');
    if (filters.type !== undefined) query = query.where('type', 'in', typeof filters.type === 'string' ? [filters.type] : [...filters.type]);
    if (filters.place !== undefined) query = query.where(sql<boolean>`"places_folded" like ${`%${filters.place.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
    if (filters.since !== undefined) query = query.where('time_to', '>=', earliestDay(filters.since));
    if (filters.until !== undefined) query = query.where('time_from', '<=', latestDay(filters.until));
    if (filters.minOrigins !== undefined) query = query.where('origins', '>=', filters.minOrigins);
    if (filters.minReports !== undefined) query = query.where('reports', '>=', filters.minReports);
    if (filters.after !== undefined) query = query.where('id', '>', filters.after);
    query = filters.order === 'id' ? query.orderBy('id') : query.orderBy('reports', 'desc').orderBy('origins', 'desc').orderBy('claims', 'desc').orderBy('id');
    const rows = await query.limit(pageSize(filters.limit)).execute();
    return rows.map((row) => JSON.parse(row.summary) as EventSummary);
  }

  /** Counts of events, and of events told by more than one report. */
  async count(): Promise<{ events: number; multiReport: number }> {
    const row = await this.db
      .selectFrom('events')
      .select((eb) => [eb.fn.countAll<number>().as('events'), eb.fn.sum<number>(sql`case when "reports" > 1 then 1 else 0 end`).as('multi')])
      .executeTakeFirst();
    return { events: Number(row?.events ?? 0), multiReport: Number(row?.multi ?? 0) };
  }

  /** Forgets every copy link and event (before regrouping from scratch). */
  async clear(): Promise<void> {
    for (const table of ['event_blocks', 'event_claims', 'events', 'report_bands', 'report_fingerprints'] as const) await this.db.deleteFrom(table).execute();
  }
}

function fingerprintOf(row: EventTables['report_fingerprints']): StoredFingerprint {
  const fingerprint: StoredFingerprint = { reportId: row.report_id, signature: row.signature, ingestOrder: Number(row.ingest_order) };
  if (row.published !== null) fingerprint.published = row.published;
  if (row.original_id !== null) fingerprint.originalId = row.original_id;
  if (row.similarity !== null) fingerprint.similarity = Number(row.similarity);
  return fingerprint;
}
