import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ProcessedReport } from '../domain/types.js';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { tallyOf } from '../grouping/event-tally.js';
import { dialects, useStores } from '../../test/support/stores.js';
import type { Repositories } from '../store/index.js';
import type { Database } from '../store/database.js';
import { listClaims } from './claim-query.service.js';
import { IngestBatcher } from './ingest-batch.js';
import { storeReport } from './ingest.service.js';

const stores = useStores();
const at = '2026-11-23T19:00:00.000Z';
const reportNamed = (id: string) => makeReport(id, `Prisoners moved in ${id}.`, [makeClaim({ quote: `Prisoners moved in ${id}.`, start: 0, end: 20 + id.length })]);
const [a, b, c] = ['a', 'b', 'c'].map(reportNamed);
// Its report row and first claim are written before the second claim breaks the span check.
const halfWritten = makeReport('half', 'Half-written report.', [makeClaim({ quote: 'Half', start: 0, end: 4 }), makeClaim({ start: 9, end: 3 })]);

describe.each(dialects)('ingest batches (%s)', (dialect) => {
  it('keeps the reports around one that fails mid-write, in one transaction, and reports in order', async () => {
    const store = await stores.open(dialect);
    const batcher = new IngestBatcher(store, storeReport, { reports: 10, milliseconds: 60_000 });
    for (const report of [a, halfWritten, b]) await batcher.write(report, at);
    batcher.hold({ origin: 'unreadable.bin', status: 'failed', reason: 'permission denied' });
    await batcher.write(a, at);
    expect(batcher.due).toBe(false);
    const outcomes = await batcher.flush();
    expect(outcomes.map((o) => [o.origin, o.status])).toEqual([
      ['a.txt', 'ingested'],
      ['half.txt', 'failed'],
      ['b.txt', 'ingested'],
      ['unreadable.bin', 'failed'],
      // The same bytes again in the same batch: the first is already visible to it.
      ['a.txt', 'duplicate'],
    ]);
    expect(await store.reports.exists('half')).toBe(false);
    expect((await listClaims(store)).claims.map((claim) => claim.reportId)).toEqual(['a', 'b']);
    const tallied = await store.db.selectFrom('claim_tallies' as never).select(sql<number>`sum(claims)`.as('claims')).executeTakeFirst();
    expect(Number(tallied?.claims)).toBe(2);
  });

  it('is due after its report limit or its time limit, and not before', async () => {
    const store = await stores.open(dialect);
    let now = 0;
    const batcher = new IngestBatcher(store, storeReport, { reports: 2, milliseconds: 100 }, () => now);
    expect(batcher.due).toBe(false);
    await batcher.write(a, at);
    expect(batcher.due).toBe(false);
    await batcher.write(b, at);
    expect(batcher.due).toBe(true);
    expect((await batcher.flush()).map((o) => o.reportId)).toEqual(['a', 'b']);
    await batcher.write(c, at);
    now = 99;
    expect(batcher.due).toBe(false);
    now = 100;
    expect(batcher.due).toBe(true);
    await batcher.flush();
    expect(batcher.due).toBe(false);
    batcher.hold({ origin: 'x', status: 'failed', reason: 'unreadable' });
    // Nothing waits for a commit: an outcome with no batch open is due at once.
    expect(batcher.due).toBe(true);
    expect((await store.reports.list()).reports.map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });

  it('stores each report of a lost batch again, alone, when a report drops the transaction', async () => {
    const store = await stores.open(dialect);
    let dropped = false;
    const dropsTransaction = async (repositories: Repositories, report: ProcessedReport, ingestedAt: string) => {
      if (report.id !== 'half') return storeReport(repositories, report, ingestedAt);
      await repositories.reports.insert(report, ingestedAt);
      if (!dropped) {
        dropped = true;
        // What a disk-full or I/O error does to a SQLite transaction: ends it, savepoints and all.
        await sql`rollback`.execute((repositories.reports as unknown as { db: Kysely<Database> }).db);
      }
      throw new Error('disk full');
    };
    const batcher = new IngestBatcher(store, dropsTransaction, { reports: 10, milliseconds: 60_000 });
    for (const report of [a, b, halfWritten, c]) await batcher.write(report, at);
    const outcomes = await batcher.flush();
    expect(outcomes.map((o) => [o.reportId ?? o.origin, o.status, o.reason])).toEqual([
      ['a', 'ingested', undefined],
      ['b', 'ingested', undefined],
      ['half.txt', 'failed', 'disk full'],
      ['c', 'ingested', undefined],
    ]);
    expect((await store.reports.list()).reports.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect((await listClaims(store)).claims.map((claim) => claim.reportId)).toEqual(['a', 'b', 'c']);
  });

  it('undoes the events a report that failed after grouping had joined, and writes the others’ events when it commits', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const moved = makeClaim({ quote: 'Forty prisoners were moved to IK-9', start: 0, end: 34, facilities: [named('IK-9', { entityId: 'facility:ik-9' })] });
    const same = (id: string) => makeReport(id, `Forty prisoners were moved to IK-9 (${id}).`, [moved]);
    // a also tells of a death, an event of its own that b does not touch.
    const died = makeClaim({ type: 'death', quote: 'One died', start: 0, end: 8, facilities: [named('IK-2', { entityId: 'facility:ik-2' })] });
    const reports = [makeReport('a', 'One died. Forty prisoners were moved to IK-9 (a).', [died, { ...moved, start: 10, end: 44 }]), same('b'), same('c')];
    const failsAfterGrouping = async (repositories: Repositories, report: ProcessedReport, ingestedAt: string) => {
      const outcome = await storeReport(repositories, report, ingestedAt);
      if (report.id !== 'b') return outcome;
      // It joined the event a made; listing events writes them all out, inside its savepoint.
      expect((await repositories.events.list()).map((event) => [event.type, event.reportIds])).toEqual([['transfer', ['a', 'b']], ['death', ['a']]]);
      throw new Error('broken after grouping');
    };
    const batcher = new IngestBatcher(store, failsAfterGrouping, { reports: 10, milliseconds: 60_000 });
    for (const report of reports) await batcher.write(report, at);
    expect((await batcher.flush()).map((o) => [o.reportId ?? o.origin, o.status])).toEqual([
      ['a', 'ingested'],
      ['b.txt', 'failed'],
      ['c', 'ingested'],
    ]);
    const events = await store.events.list();
    expect(events.map((event) => [event.type, event.claims, event.reportIds])).toEqual([['transfer', 2, ['a', 'c']], ['death', 1, ['a']]]);
    for (const { id } of events) expect((await store.events.tallies([id])).get(id)).toEqual(tallyOf(await store.events.members(id)));
  });
});
