import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { SourceItem } from '../domain/source-item.js';
import { fakePipeline, itemFor, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { ingest, REFRESH_STATISTICS_AFTER, type IngestOutcome } from './ingest.service.js';
import { getReport, listClaims } from './claim-query.service.js';
import { WorkerExtraction } from './extraction/worker-extraction.js';

const stores = useStores();
const now = () => new Date('2026-11-23T19:00:00.000Z');

const moved = makeClaim({ quote: 'Prisoners were moved to Kherson.', start: 0, end: 32, places: [named('Kherson')] });
const died = makeClaim({ type: 'death', quote: '136 of them were killed.', start: 33, end: 57 });
const first = makeReport('first', `${moved.quote} ${died.quote}`, [moved, died], {
  messages: [{ source: 'extract', rule: 'extract.test', reason: 'a note', severity: 'info', span: { start: 0, end: 9 } }],
  furniture: [{ start: 58, end: 70, rule: 'clean.donate', text: 'Donate now!' }],
});
const second = makeReport('second', 'Women were recruited.', [makeClaim({ type: 'recruitment', quote: 'Women were recruited.', start: 0, end: 21 })]);

describe.each(dialects)('ingest (%s)', (dialect) => {
  it('brings the planner statistics up to date after a large run, not after a small one', async () => {
    const store = await stores.open(dialect);
    const refresh = vi.spyOn(store, 'refreshStatistics');
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => makeReport(`r${from + i}`, `Report ${from + i}: women were recruited.`, [makeClaim({ type: 'recruitment', quote: 'women were recruited.', start: 0, end: 21 })]));
    const small = batch(0, REFRESH_STATISTICS_AFTER - 1);
    await ingest(store, small.map(itemFor), { process: fakePipeline(small), now });
    expect(refresh).not.toHaveBeenCalled();
    const large = batch(1000, REFRESH_STATISTICS_AFTER);
    await ingest(store, large.map(itemFor), { process: fakePipeline(large), now });
    expect(refresh).toHaveBeenCalledTimes(1);
    if (dialect === 'postgres') {
      // ANALYZE read the table: the planner now knows how many claims there are.
      const { rows } = await sql<{ reltuples: number }>`select reltuples from pg_class where relname = 'claims'`.execute(store.db);
      expect(Number(rows[0].reltuples)).toBe(2 * REFRESH_STATISTICS_AFTER - 1);
    }
  });

  it('stores each report with its claims, furniture and messages, and reports per item', async () => {
    const store = await stores.open(dialect);
    const seen: IngestOutcome[] = [];
    const summary = await ingest(store, [itemFor(first), itemFor(second)], { process: fakePipeline([first, second]), now, onItem: (o) => seen.push(o) });
    expect(summary.outcomes).toEqual([
      { origin: 'first.txt', status: 'ingested', reportId: 'first', claims: 2 },
      { origin: 'second.txt', status: 'ingested', reportId: 'second', claims: 1 },
    ]);
    expect(seen).toEqual(summary.outcomes);
    expect(summary.counts).toEqual({ ingested: 2, replaced: 0, duplicate: 0, failed: 0, claims: 3 });
    expect(summary.failed).toEqual([]);
    const report = await getReport(store, 'first');
    expect(report).toMatchObject({ text: first.text, furniture: first.furniture, messages: first.messages, ingestedAt: '2026-11-23T19:00:00.000Z' });
    const { claims } = await listClaims(store, { reportId: 'first' });
    expect(claims.map(({ id, reportId, reviewState, report: _, ...claim }) => claim)).toEqual([moved, died]);
  });

  it('treats bytes it has stored already as a duplicate, whatever their id', async () => {
    const store = await stores.open(dialect);
    const copy = { ...first, id: 'copy', origin: 'copy.txt' };
    await ingest(store, [itemFor(first)], { process: fakePipeline([first]), now });
    const summary = await ingest(store, [itemFor(first), itemFor(copy)], {
      process: fakePipeline([first, copy]),
      now: () => new Date('2030-01-01T00:00:00.000Z'),
    });
    expect(summary.outcomes).toEqual([
      { origin: 'first.txt', status: 'duplicate', reportId: 'first' },
      { origin: 'copy.txt', status: 'duplicate', reportId: 'first' },
    ]);
    expect(summary.counts.duplicate).toBe(2);
    expect((await getReport(store, 'first'))?.ingestedAt).toBe('2026-11-23T19:00:00.000Z');
    expect(await getReport(store, 'copy')).toBeUndefined();
    expect((await listClaims(store)).claims).toHaveLength(2);
  });

  it('replaces the claims of a report re-extracted under the same id', async () => {
    const store = await stores.open(dialect);
    await ingest(store, [itemFor(first)], { process: fakePipeline([first]), now });
    const revised = makeReport('first', `${first.text} Revised.`, [moved, makeClaim({ type: 'abuse', quote: 'Revised.', start: 58, end: 66 })]);
    const summary = await ingest(store, [itemFor(revised)], { process: fakePipeline([revised]), now });
    expect(summary.outcomes).toEqual([{ origin: 'first.txt', status: 'ingested', reportId: 'first', claims: 2, replaced: true }]);
    expect(summary.counts.replaced).toBe(1);
    const { claims } = await listClaims(store, { reportId: 'first' });
    expect(claims.map((c) => c.id)).toEqual(['first:0-32:transfer', 'first:58-66:abuse']);
    expect(claims[0].places.map((p) => p.name)).toEqual(['Kherson']);
    expect(await getReport(store, 'first')).toMatchObject({ text: revised.text, sha256: revised.sha256, messages: [], furniture: [] });
    expect((await listClaims(store, { search: 'killed' })).claims).toEqual([]);
  });

  it('fails one item without stopping the batch or leaving any of its rows', async () => {
    const store = await stores.open(dialect);
    const broken = makeReport('broken', 'Half-written report.', [makeClaim({ quote: 'ok', start: 0, end: 2 }), makeClaim({ start: 9, end: 3 })], {
      furniture: [{ start: 0, end: 1, rule: 'clean.x', text: 'H' }],
      messages: [{ source: 's', rule: 'r', reason: 'x', severity: 'info' }],
    });
    const items: SourceItem[] = [
      itemFor(first),
      { ok: true, input: { ...itemFor(second).input, origin: 'throws.txt' } },
      { ok: false, origin: 'unreadable.bin', reason: 'permission denied' },
      itemFor(broken),
      itemFor(second),
    ];
    const process = fakePipeline([first, second, broken, ['throws.txt', new Error('extractor bug')]]);
    const summary = await ingest(store, asyncItems(items), { process, now });
    expect(summary.outcomes.map((o) => [o.origin, o.status])).toEqual([
      ['first.txt', 'ingested'],
      ['throws.txt', 'failed'],
      ['unreadable.bin', 'failed'],
      ['broken.txt', 'failed'],
      ['second.txt', 'ingested'],
    ]);
    expect(summary.failed.map((o) => o.reason)).toEqual(['extractor bug', 'permission denied', expect.stringMatching(/claims_span|check/i)]);
    expect(summary.counts).toMatchObject({ ingested: 2, failed: 3 });
    expect(await getReport(store, 'broken')).toBeUndefined();
    for (const table of ['report_furniture', 'report_messages', 'claims'] as const) {
      const rows = await store.db.selectFrom(table).select('report_id').where('report_id', '=', 'broken').execute();
      expect(rows).toEqual([]);
    }
    expect((await listClaims(store)).claims.map((c) => c.reportId)).toEqual(['first', 'first', 'second']);
  });

  it('commits an open batch when its time is up while the next item is slow to come', async () => {
    const store = await stores.open(dialect);
    let reported: () => void = () => {};
    const firstReported = new Promise<void>((resolve) => (reported = resolve));
    let reportedBeforeSecond = false;
    async function* slowStream(): AsyncGenerator<SourceItem> {
      yield itemFor(first);
      // A stream that sends the next report only once the first is committed and reported.
      reportedBeforeSecond = await Promise.race([firstReported.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
      yield itemFor(second);
    }
    const summary = await ingest(store, slowStream(), { process: fakePipeline([first, second]), now, batch: { reports: 100, milliseconds: 10 }, onItem: () => reported() });
    expect(reportedBeforeSecond).toBe(true);
    expect(summary.outcomes.map((o) => [o.reportId, o.status])).toEqual([
      ['first', 'ingested'],
      ['second', 'ingested'],
    ]);
  });

  it('stops when its signal is aborted: what it stored is committed and reported, the rest untouched', async () => {
    const store = await stores.open(dialect);
    const reports = Array.from({ length: 5 }, (_, i) => makeReport(`s${i}`, `Report ${i}: women were recruited.`, [makeClaim({ type: 'recruitment', quote: 'women were recruited.', start: 0, end: 21 })]));
    const interrupt = new AbortController();
    // Aborted while the third report is processed (read ahead while the second is stored): it and the two after it are not stored.
    const process = (input: Parameters<ReturnType<typeof fakePipeline>>[0]) => {
      if (input.origin === 's2.txt') interrupt.abort();
      return fakePipeline(reports)(input);
    };
    const summary = await ingest(store, reports.map(itemFor), { process, now, signal: interrupt.signal, batch: { reports: 1000, milliseconds: 60_000 } });
    expect(summary.interrupted).toBe(true);
    expect(summary.outcomes.map((o) => [o.reportId, o.status])).toEqual([
      ['s0', 'ingested'],
      ['s1', 'ingested'],
    ]);
    expect((await listClaims(store)).claims.map((c) => c.reportId)).toEqual(['s0', 's1']);
    const aborted = await ingest(store, reports.map(itemFor), { process: fakePipeline(reports), now, signal: AbortSignal.abort() });
    expect(aborted).toMatchObject({ interrupted: true, outcomes: [] });
  });

  it('runs the real pipeline by default', async () => {
    const store = await stores.open(dialect);
    const text = 'Russia recruited as many as 50 female prisoners from a penal colony in Snizhne, the ombudsman said.';
    const summary = await ingest(store, [{ ok: true, input: { meta: { title: 'Recruitment' }, original: new TextEncoder().encode(text), format: 'text', origin: 'real.txt' } }]);
    expect(summary.failed).toEqual([]);
    const reportId = summary.outcomes[0].reportId!;
    expect((await getReport(store, reportId))?.title).toBe('Recruitment');
    expect((await listClaims(store, { reportId })).claims).toHaveLength(summary.outcomes[0].claims!);
  });
});

describe('ingest with extraction workers', () => {
  it('stores what it stores on one thread, in the same order, with failures in their place', async () => {
    const texts = [
      'On Monday 120 inmates were taken from a colony in Kherson to Russia, the regional ombudsman said.',
      'В марте из ИК-6 в Копейске на фронт завербовали 200 заключённых, сообщила «Русь сидящая».',
      'У квітні 30 засуджених перевезли з Херсона до колонії в Криму, заявив омбудсман.',
    ];
    // More reports than run on this thread before the workers start, an unreadable one among them.
    const items = (): SourceItem[] =>
      Array.from({ length: 160 }, (_, i): SourceItem => {
        if (i === 150) return { ok: false, origin: 'broken.bin', reason: 'binary file' };
        const text = `${texts[i % texts.length]} (${i})`;
        return { ok: true, input: { meta: { id: `r-${i}`, published: '2024-05-06' }, original: new TextEncoder().encode(text), format: 'text', origin: `r-${i}.txt` } };
      });
    const results = [];
    for (const workers of [0, 1]) {
      const store = await stores.open('sqlite');
      const lost: Error[] = [];
      const summary = await ingest(store, items(), { workers, now, onWorkerLost: (e) => lost.push(e) });
      expect(lost).toEqual([]);
      results.push({ outcomes: summary.outcomes, claims: (await listClaims(store, { limit: 1000 })).claims });
    }
    expect(results[1].outcomes).toEqual(results[0].outcomes);
    expect(results[0].outcomes[150]).toEqual({ origin: 'broken.bin', status: 'failed', reason: 'binary file' });
    expect(results[1].claims).toEqual(results[0].claims);
    expect(results[0].claims.length).toBeGreaterThan(100);
    // Every report of a run given a ready worker is extracted there.
    const extraction = new WorkerExtraction({ threads: 1, process: () => { throw new Error('extracted on the storing thread'); } });
    try {
      while (extraction.readyThreads === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      const store = await stores.open('sqlite');
      const summary = await ingest(store, items(), { extraction, now });
      expect(summary.outcomes).toEqual(results[0].outcomes);
      expect((await listClaims(store, { limit: 1000 })).claims).toEqual(results[0].claims);
    } finally {
      await extraction.close();
    }
  });
});

async function* asyncItems(items: SourceItem[]): AsyncGenerator<SourceItem> {
  for (const item of items) yield item;
}
