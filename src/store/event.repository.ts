import { sql, type Kysely } from 'kysely';
import type { EventProfile } from '../grouping/event-profile.js';
import { summarizeTally } from '../grouping/event-summary.js';
import type { EventSummary } from '../grouping/event-summary.js';
import { compareIds, type EventTally } from '../grouping/event-tally.js';
import type { GroupingClaim } from '../grouping/grouping-claim.js';
import { earliestDay, latestDay } from './claim.mapper.js';
import type { Database } from './database.js';
import { pageSize } from './page.js';
import type { CopyCandidateCache } from './copy-candidate-cache.js';
import type { EventBlockCache } from './event-block-cache.js';
import type { PendingEvents } from './pending-events.js';
import { QueryShapes } from './query-shapes.js';
import { RowInsert } from './row-insert.js';

/** Tables of migrations 2026-11-23T2020-events and 2026-12-06T2110-grouping-ingest. */
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
    /** JSON EventTally (migration 2026-12-06T2110); null for events stored before it, until rebuilt. */
    tally: string | null;
  };
  event_claims: { claim_id: string; event_id: string; report_id: string; features: string };
  /** Each block key an event is found under, once (any of its claims registers it). */
  event_blocks: { block_key: string; event_id: string };
};

/** What an EventRepository keeps for the rest of its batch's transaction. */
export interface EventBatch {
  pending: PendingEvents;
  blocks: EventBlockCache;
  copies: CopyCandidateCache;
}

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

// The selects grouping runs for every report, compiled once per shape.
const shapes = new QueryShapes();

const fingerprintInsert = new RowInsert<EventTables['report_fingerprints']>((db, rows) => db.insertInto('report_fingerprints').values(rows), 1);
const bandInsert = new RowInsert<EventTables['report_bands']>((db, rows) => db.insertInto('report_bands').values(rows), 1000);
const memberInsert = new RowInsert<EventTables['event_claims']>((db, rows) => db.insertInto('event_claims').values(rows), 200);
const blockInsert = new RowInsert<EventTables['event_blocks']>(
  (db, rows) => db.insertInto('event_blocks').values(rows).onConflict((oc) => oc.columns(['block_key', 'event_id']).doNothing()),
  1000,
);
// 14 columns a row: well under SQLite's bound-parameter limit.
const eventUpsert = new RowInsert<EventRow>(
  (db, rows) =>
    db
      .insertInto('events')
      .values(rows)
      .onConflict((oc) => oc.column('id').doUpdateSet((eb) => Object.fromEntries(UPDATED_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])) as never)),
  CHUNK,
);

/** Copies, events and their block index: the store side of src/grouping. */
export class EventRepository {
  private readonly db: Kysely<Database & EventTables>;

  /**
   * With `batch` (a batch's transaction), events' profiles and tallies are held there and their
   * rows written by `flush`, once a batch, and the block keys looked up are remembered; without,
   * each `saveEvents` writes the rows and each lookup reads the store.
   */
  constructor(
    db: Kysely<Database>,
    private readonly batch?: EventBatch,
  ) {
    // The grouping tables live in this repository's own schema extension.
    this.db = db.withTables<EventTables>();
  }

  async fingerprint(reportId: string): Promise<StoredFingerprint | undefined> {
    const [row] = await shapes.rows(this.db, 'fingerprint', () => this.db.selectFrom('report_fingerprints').selectAll().where('report_id', '=', reportId), [reportId]);
    return row && fingerprintOf(row);
  }

  /**
   * Fingerprints of the reports sharing any band key (the copy candidates), by report id. In a
   * batch, the keys and fingerprints its cache knows are not read again.
   */
  async fingerprintsByBands(keys: readonly string[], exceptReport: string): Promise<StoredFingerprint[]> {
    if (keys.length === 0) return [];
    const cache = this.batch?.copies;
    if (!cache) {
      const rows = await shapes.rows(
        this.db,
        `fingerprintsByBands:${keys.length}`,
        () =>
          this.db
            .selectFrom('report_fingerprints')
            .selectAll()
            .where('report_id', 'in', (eb) => eb.selectFrom('report_bands').select('report_id').where('band_key', 'in', [...keys]))
            .where('report_id', '!=', exceptReport),
        [...keys, exceptReport],
      );
      return rows.map(fingerprintOf).sort((a, b) => compareIds(a.reportId, b.reportId));
    }
    const unknown = [...new Set(cache.lookup(keys).unknown)];
    for (let i = 0; i < unknown.length; i += CHUNK) {
      const chunk = unknown.slice(i, i + CHUNK);
      cache.learn(chunk, await shapes.rows(this.db, `bandReports:${chunk.length}`, () => this.db.selectFrom('report_bands').select(['band_key', 'report_id']).where('band_key', 'in', chunk), chunk));
    }
    const { reports } = cache.lookup(keys);
    reports.delete(exceptReport);
    const unread = [...reports].filter((id) => !cache.fingerprint(id));
    for (let i = 0; i < unread.length; i += CHUNK) {
      const chunk = unread.slice(i, i + CHUNK);
      const rows = await shapes.rows(this.db, `fingerprints:${chunk.length}`, () => this.db.selectFrom('report_fingerprints').selectAll().where('report_id', 'in', chunk), chunk);
      cache.remember(rows.map(fingerprintOf));
    }
    return [...reports]
      .sort(compareIds)
      .map((id) => cache.fingerprint(id))
      .filter((fingerprint): fingerprint is StoredFingerprint => fingerprint !== undefined);
  }

  /** Writes (or, with `replace`, rewrites) a report's fingerprint and its band keys. */
  async saveFingerprint(fingerprint: StoredFingerprint, bands: readonly string[], { replace = true } = {}): Promise<void> {
    if (replace) {
      await this.db.deleteFrom('report_bands').where('report_id', '=', fingerprint.reportId).execute();
      await this.db.deleteFrom('report_fingerprints').where('report_id', '=', fingerprint.reportId).execute();
    }
    await fingerprintInsert.run(this.db, [
      {
        report_id: fingerprint.reportId,
        signature: fingerprint.signature,
        published: fingerprint.published ?? null,
        ingest_order: fingerprint.ingestOrder,
        original_id: fingerprint.originalId ?? null,
        similarity: fingerprint.similarity ?? null,
      },
    ]);
    await bandInsert.run(this.db, bands.map((band_key) => ({ band_key, report_id: fingerprint.reportId })));
    this.batch?.copies.saved(fingerprint, bands, { replaced: replace });
  }

  /** Points every copy of `from` (and `from` itself) at a new original; returns the reports relinked. */
  async relinkCopies(from: string, to: string): Promise<string[]> {
    const rows = await this.db.selectFrom('report_fingerprints').select('report_id').where((eb) => eb.or([eb('original_id', '=', from), eb('report_id', '=', from)])).where('report_id', '!=', to).execute();
    await this.db.updateTable('report_fingerprints').set({ original_id: to }).where('original_id', '=', from).execute();
    await this.db.updateTable('report_fingerprints').set({ original_id: to }).where('report_id', '=', from).execute();
    await this.db.updateTable('report_fingerprints').set({ original_id: null, similarity: null }).where('report_id', '=', to).execute();
    this.batch?.copies.relinked(from, to);
    return rows.map((row) => row.report_id).sort();
  }

  async nextIngestOrder(): Promise<number> {
    const cache = this.batch?.copies;
    if (cache?.lastIngestOrder !== undefined) return cache.lastIngestOrder + 1;
    const [row] = await shapes.rows(this.db, 'nextIngestOrder', () => this.db.selectFrom('report_fingerprints').select((eb) => eb.fn.max('ingest_order').as('last')), []);
    const last = Number(row?.last ?? 0);
    if (cache) cache.lastIngestOrder = last;
    return last + 1;
  }

  /** The copies of each report, for reports that have some. */
  async copies(): Promise<{ reportId: string; originalId: string; similarity: number }[]> {
    const rows = await this.db.selectFrom('report_fingerprints').select(['report_id', 'original_id', 'similarity']).where('original_id', 'is not', null).orderBy('report_id').execute();
    return rows.map((r) => ({ reportId: r.report_id, originalId: r.original_id!, similarity: Number(r.similarity) }));
  }

  /** Events registered under any of the keys, with the keys each was found by (by key, then event). */
  async eventsByBlocks(keys: readonly string[]): Promise<Map<string, string[]>> {
    const blocks = this.batch?.blocks;
    const { pairs, unknown }: { pairs: [string, string][]; unknown: readonly string[] } = blocks ? blocks.lookup(keys) : { pairs: [], unknown: keys };
    for (let i = 0; i < unknown.length; i += CHUNK) {
      const chunk = unknown.slice(i, i + CHUNK);
      const rows = await shapes.rows(this.db, `eventsByBlocks:${chunk.length}`, () => this.db.selectFrom('event_blocks').select(['block_key', 'event_id']).where('block_key', 'in', chunk), chunk);
      blocks?.learn(chunk, rows);
      for (const row of rows) pairs.push([row.block_key, row.event_id]);
    }
    pairs.sort(([keyA, eventA], [keyB, eventB]) => compareIds(keyA, keyB) || compareIds(eventA, eventB));
    const found = new Map<string, string[]>();
    for (const [key, event] of pairs) {
      const known = found.get(event);
      if (known) known.push(key);
      else found.set(event, [key]);
    }
    return found;
  }

  /** The profiles of events, by id (the order grouping restores them in); those a batch holds are its own, to be read only (EventGrouper.restore copies before it changes one). */
  async profiles(ids: readonly string[]): Promise<EventProfile[]> {
    const profiles: EventProfile[] = [];
    const stored = [];
    for (const id of ids) {
      const held = this.batch?.pending.profile(id);
      if (held) profiles.push(held);
      else stored.push(id);
    }
    for (let i = 0; i < stored.length; i += CHUNK) {
      const chunk = stored.slice(i, i + CHUNK);
      const rows = await shapes.rows(this.db, `profiles:${chunk.length}`, () => this.db.selectFrom('events').select(['id', 'profile']).where('id', 'in', chunk), chunk);
      for (const row of rows) profiles.push(JSON.parse(row.profile) as EventProfile);
    }
    return profiles.sort((a, b) => compareIds(a.id, b.id));
  }

  /** The tallies of events, by id; events stored before tallies existed have none. Each is the caller's to change. */
  async tallies(ids: readonly string[]): Promise<Map<string, EventTally>> {
    const tallies = new Map<string, EventTally>();
    const stored = [];
    for (const id of ids) {
      const held = this.batch?.pending.tally(id);
      if (held) tallies.set(id, held);
      else stored.push(id);
    }
    for (let i = 0; i < stored.length; i += CHUNK) {
      const chunk = stored.slice(i, i + CHUNK);
      const rows = await shapes.rows(this.db, `tallies:${chunk.length}`, () => this.db.selectFrom('events').select(['id', 'tally']).where('id', 'in', chunk).where('tally', 'is not', null), chunk);
      for (const row of rows) tallies.set(row.id, JSON.parse(row.tally!) as EventTally);
    }
    return tallies;
  }

  /**
   * Removes a report's claims from their events; returns the events they were in. Their block
   * keys are the caller's to recompute (`replaceBlocks`): a key stays while any claim has it.
   */
  async removeReport(reportId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('event_claims').select('event_id').distinct().where('report_id', '=', reportId).execute();
    await this.db.deleteFrom('event_claims').where('report_id', '=', reportId).execute();
    return rows.map((row) => row.event_id);
  }

  /** Writes claims into their events, and registers each event under its claims' block keys. */
  async addClaims(members: readonly { claim: GroupingClaim; eventId: string; keys: readonly string[] }[]): Promise<void> {
    const claims = members.map(({ claim, eventId }) => ({ claim_id: claim.id, event_id: eventId, report_id: claim.reportId, features: JSON.stringify(claim) }));
    await memberInsert.run(this.db, claims);
    await this.addBlocks(members.flatMap(({ eventId, keys }) => keys.map((key) => [key, eventId] as const)));
  }

  /** Sets the block keys an event is found under (after it lost claims). */
  async replaceBlocks(eventId: string, keys: readonly string[]): Promise<void> {
    await this.db.deleteFrom('event_blocks').where('event_id', '=', eventId).execute();
    this.batch?.blocks.removeEvent(eventId);
    await this.addBlocks(keys.map((key) => [key, eventId] as const));
  }

  /** Moves every claim of event `from` into `into` (a merge). */
  async moveClaims(from: string, into: string): Promise<void> {
    await this.db.updateTable('event_claims').set({ event_id: into }).where('event_id', '=', from).execute();
    const keys = await this.db.selectFrom('event_blocks').select('block_key').where('event_id', '=', from).execute();
    await this.addBlocks(keys.map((row) => [row.block_key, into] as const));
    await this.db.deleteFrom('event_blocks').where('event_id', '=', from).execute();
    this.batch?.blocks.moveEvent(from, into);
    await this.deleteEvent(from);
  }

  /**
   * Registers (block key, event) pairs; pairs already there are left as they are. In a batch,
   * pairs its cache knows are there are not written again: a report about a known event brings
   * mostly keys the event has (in the ingest benchmark, 71,000 pairs a run, of which 1,600 new).
   */
  private async addBlocks(pairs: readonly (readonly [string, string])[]): Promise<void> {
    const known = this.batch?.blocks;
    const unique = new Map<string, { block_key: string; event_id: string }>();
    for (const [block_key, event_id] of pairs) if (!known?.has(block_key, event_id)) unique.set(`${event_id}|${block_key}`, { block_key, event_id });
    await blockInsert.run(this.db, [...unique.values()]);
    known?.add(pairs);
  }

  /** The grouping views of an event's claims, by claim id (sorted here: the same order in every dialect and collation). */
  async members(eventId: string): Promise<GroupingClaim[]> {
    const rows = await shapes.rows(this.db, 'members', () => this.db.selectFrom('event_claims').select(['claim_id', 'features']).where('event_id', '=', eventId), [eventId]);
    return rows.sort((a, b) => compareIds(a.claim_id, b.claim_id)).map((row) => JSON.parse(row.features) as GroupingClaim);
  }

  /**
   * Saves events' profiles and tallies (their summaries are made from the tallies): held until
   * `flush` in a batch, else written now (insert or replace), a chunk of events per statement.
   * The objects are handed over: the caller does not change them afterwards.
   */
  async saveEvents(events: readonly { profile: EventProfile; tally: EventTally }[]): Promise<void> {
    if (this.batch) for (const { profile, tally } of events) this.batch.pending.set(profile.id, profile, tally);
    else await eventUpsert.run(this.db, events.map(({ profile, tally }) => eventRow(profile.id, profile, tally)));
  }

  /** Writes the events held since the last flush (a batch does before it commits). */
  async flush(): Promise<void> {
    if (!this.batch?.pending.size) return;
    await eventUpsert.run(this.db, this.batch.pending.drain().map(([id, { profile, tally }]) => eventRow(id, profile, tally)));
  }

  async deleteEvent(id: string): Promise<void> {
    this.batch?.pending.remove(id);
    await this.db.deleteFrom('events').where('id', '=', id).execute();
  }

  async get(id: string): Promise<EventSummary | undefined> {
    await this.flush();
    const row = await this.db.selectFrom('events').select('summary').where('id', '=', id).executeTakeFirst();
    return row && (JSON.parse(row.summary) as EventSummary);
  }

  /** Events matching the filters, most reports first. */
  async list(filters: EventFilters = {}): Promise<EventSummary[]> {
    await this.flush();
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
    await this.flush();
    const row = await this.db
      .selectFrom('events')
      .select((eb) => [eb.fn.countAll<number>().as('events'), eb.fn.sum<number>(sql`case when "reports" > 1 then 1 else 0 end`).as('multi')])
      .executeTakeFirst();
    return { events: Number(row?.events ?? 0), multiReport: Number(row?.multi ?? 0) };
  }

  /** Forgets every copy link and event (before regrouping from scratch). */
  async clear(): Promise<void> {
    this.batch?.pending.drain();
    this.batch?.blocks.forget();
    this.batch?.copies.forget();
    for (const table of ['event_blocks', 'event_claims', 'events', 'report_bands', 'report_fingerprints'] as const) await this.db.deleteFrom(table).execute();
  }
}

type EventRow = EventTables['events'];
const UPDATED_COLUMNS = ['type', 'time_start', 'time_end', 'time_from', 'time_to', 'claims', 'reports', 'origins', 'conflicts', 'places_folded', 'profile', 'summary', 'tally'] as const satisfies readonly Exclude<keyof EventRow, 'id'>[];

function eventRow(id: string, profile: EventProfile, tally: EventTally): EventRow {
  const summary = summarizeTally(id, tally);
  return {
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
    tally: JSON.stringify(tally),
  };
}

function fingerprintOf(row: EventTables['report_fingerprints']): StoredFingerprint {
  const fingerprint: StoredFingerprint = { reportId: row.report_id, signature: row.signature, ingestOrder: Number(row.ingest_order) };
  if (row.published !== null) fingerprint.published = row.published;
  if (row.original_id !== null) fingerprint.originalId = row.original_id;
  if (row.similarity !== null) fingerprint.similarity = Number(row.similarity);
  return fingerprint;
}
