/**
 * Grouping on the shared corpora (read at test time, never copied): copies of one story are
 * one event with the story's origins, separate happenings stay apart.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSources } from '../src/input/read-sources.js';
import { getEvent, listCopies } from '../src/services/group.service.js';
import { ingest } from '../src/services/ingest.service.js';
import { openStore, type Store, type StoredClaim } from '../src/store/index.js';
import type { EventSummary } from '../src/grouping/event-summary.js';

const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', 'shared'));
const docs = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs'));
const available = docs.every((dir) => existsSync(dir));

describe.skipIf(!available)('grouping the shared corpora', () => {
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'etap-grouping-'));
  const eventOf = new Map<string, string>();

  beforeAll(async () => {
    store = await openStore({ path: join(dir, 'corpus.db') });
    await ingest(store, readSources(docs));
    for (const row of await store.db.withTables<{ event_claims: { claim_id: string; event_id: string } }>().selectFrom('event_claims').select(['claim_id', 'event_id']).execute()) {
      eventOf.set(row.claim_id, row.event_id);
    }
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The claims of a report whose quote matches, and the event of the first. */
  async function eventWith(reportId: string, quote: RegExp, type?: string): Promise<{ event: EventSummary; claims: StoredClaim[] }> {
    const { claims } = await store.claims.list({ reportId, limit: 1000 });
    const claim = claims.find((c) => quote.test(c.quote) && (type === undefined || c.type === type));
    expect(claim, `${reportId}: a claim matching ${quote}`).toBeDefined();
    const found = await getEvent(store, eventOf.get(claim!.id)!);
    return found!;
  }

  it('links the republished Moscow Times story to its original, and the Kyiv Independent copy to its', async () => {
    const copies = await listCopies(store);
    expect(copies).toEqual(expect.arrayContaining([expect.objectContaining({ reportId: 'dev-022', originalId: 'seed-001' }), expect.objectContaining({ reportId: 'dev-019', originalId: 'seed-002' })]));
    expect(copies.map((c) => c.reportId)).not.toContain('seed-004');
  });

  it('makes the women-prisoners story one event with two origins: Ukraine’s Defence Ministry and Olga Romanova', async () => {
    const { event } = await eventWith('seed-001', /train/);
    expect(event.reportIds).toEqual(expect.arrayContaining(['seed-001', 'dev-022', 'seed-004']));
    expect(event.copies).toBeGreaterThanOrEqual(1);
    expect(event.reports).toBe(event.reportIds.length - event.copies);
    expect(event.independentOrigins).toBe(2);
    expect(event.origins.filter((o) => o.independent).map((o) => o.key).sort()).toEqual(['org:russia-behind-bars', 'org:ua-mod']);
    const romanova = await eventWith('seed-004', /Romanova/);
    expect(romanova.event.id).toBe(event.id);
  });

  it('keeps the Snizhne 50-women report of February apart from the Kushchevka 100-women report of March', async () => {
    const snizhne = await eventWith('seed-001', /Snizhne/);
    const kushchevka = await eventWith('seed-001', /As many as 100/);
    expect(snizhne.event.id).not.toBe(kushchevka.event.id);
    expect(snizhne.event.time).toEqual({ start: '2023-02', end: '2023-02' });
  });

  it('makes the 23,000 decline one event with one origin (Mediazona’s reading of Penitentiary Service data)', async () => {
    const { event } = await eventWith('seed-002', /23,000/, 'population');
    expect(event.reportIds).toEqual(expect.arrayContaining(['seed-002', 'dev-019', 'dev-001']));
    expect(event.independentOrigins).toBe(1);
    expect(event.origins[0].name).toMatch(/Mediazona|Penitentiary/);
    expect(event.conflicts).toEqual([]);
  });

  it('counts every claim into exactly one event', async () => {
    const claims = Number((await store.db.selectFrom('claims').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(eventOf.size).toBe(claims);
  });
});
