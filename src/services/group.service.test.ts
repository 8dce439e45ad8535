import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fakePipeline, itemFor, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { addToProfile, isOrderFree, profileOf, type EventProfile } from '../grouping/event-profile.js';
import { summarizeEvent } from '../grouping/event-summary.js';
import { tallyOf } from '../grouping/event-tally.js';
import { readSources } from '../input/read-sources.js';
import type { Store } from '../store/index.js';
import type { ProcessedReport, ReportInput } from '../domain/types.js';
import { processReport } from '../pipeline/configuration.js';
import type { Repositories } from '../store/index.js';
import { listEvents, regroupAll } from './group.service.js';
import { IngestBatcher } from './ingest-batch.js';
import { ingest, storeReport } from './ingest.service.js';

const stores = useStores();
const shared = resolve(process.env.ETAP_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared'));
const corpus = ['seeds', 'dev'].map((set) => join(shared, 'corpus', set, 'docs'));

/** A profile with its lists read as sets (the order claims came in shows only in list order). */
function asSets(profile: EventProfile): unknown {
  const sorted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).sort();
  return { ...profile, ...Object.fromEntries(Object.entries(profile).map(([key, value]) => [key, Array.isArray(value) ? sorted(value) : value])) };
}

/**
 * Every stored event is what its claims give, as if rebuilt from them: the summary and tally
 * exactly, the profile as sets (exactly when its values depend on the order claims came in).
 */
async function expectEventsRebuildable(store: Store): Promise<number> {
  const rows = await store.db.withTables<{ events: { id: string; profile: string } }>().selectFrom('events').select(['id', 'profile']).execute();
  for (const row of rows) {
    const members = await store.events.members(row.id);
    expect(members.length, row.id).toBeGreaterThan(0);
    const rebuilt = profileOf(row.id, members[0]);
    for (const member of members.slice(1)) addToProfile(rebuilt, member);
    const stored = JSON.parse(row.profile) as EventProfile;
    const tally = tallyOf(members);
    expect(await store.events.get(row.id)).toEqual(summarizeEvent(row.id, members));
    expect((await store.events.tallies([row.id])).get(row.id)).toEqual(tally);
    if (isOrderFree(rebuilt)) expect(asSets(stored)).toEqual(asSets(rebuilt));
    else expect(stored).toEqual(rebuilt);
  }
  return rows.length;
}

/** A report made of paragraphs about one transfer, so copies of it are detected as copies. */
function story(id: string, paragraphs: number, extra: string, meta: { outlet: string; published: string }) {
  const text = `${Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i}: inmates of the colony were loaded onto a train heading east, witnesses told reporters.`).join(' ')} ${extra}`;
  const claim = (quote: string, count: number, day: string) =>
    makeClaim({
      quote,
      start: text.indexOf(quote),
      end: text.indexOf(quote) + quote.length,
      facilities: [named('IK-9', { entityId: 'facility:ik-9' })],
      places: [named('Northtown', { entityId: 'place:x:northtown' })],
      count: { value: count, span: { start: 0, end: 2 }, text: String(count), rule: 'test', certainty: 'stated' },
      time: { start: day, end: day, span: { start: 0, end: 2 }, text: day, rule: 'test', certainty: 'stated' },
    });
  const quotes = extra.split('. ').filter((q) => q.length > 0);
  return makeReport(id, text, quotes.map((quote, i) => claim(quote, 40 + i * 60, `2023-03-${10 + i}`)), { meta: { id, ...meta } });
}

describe.each(dialects)('grouping incrementally (%s)', (dialect) => {
  it('keeps every event equal to one rebuilt from its claims through copies, re-extraction and regrouping', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const reports = [
      story('copy', 10, 'Forty inmates were moved to IK-9. A hundred more followed. Republished', { outlet: 'Second', published: '2023-03-22' }),
      story('original', 10, 'Forty inmates were moved to IK-9. A hundred more followed', { outlet: 'First', published: '2023-03-20' }),
      story('later', 4, 'Forty inmates were moved to IK-9. Others stayed behind. Two hundred were moved later', { outlet: 'Third', published: '2023-03-25' }),
    ];
    await ingest(store, reports.map(itemFor), { process: fakePipeline(reports) });
    expect(await expectEventsRebuildable(store)).toBeGreaterThan(0);

    // Re-extraction with fewer claims: the claims it loses leave their events.
    const changed = story('later', 4, 'Forty inmates were moved to IK-9', { outlet: 'Third', published: '2023-03-25' });
    await ingest(store, [itemFor(changed)], { process: fakePipeline([changed]) });
    await expectEventsRebuildable(store);
    const before = await listEvents(store);
    expect(before.reduce((n, e) => n + e.claims, 0)).toBe(reports[0].claims.length + reports[1].claims.length + changed.claims.length);

    await regroupAll(store);
    await expectEventsRebuildable(store);
  });

  it('rebuilds an event stored before tallies existed the next time it is touched', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const first = story('first', 3, 'Forty inmates were moved to IK-9', { outlet: 'First', published: '2023-03-20' });
    const second = story('second', 2, 'Forty inmates were moved to IK-9', { outlet: 'Second', published: '2023-03-21' });
    await ingest(store, [itemFor(first)], { process: fakePipeline([first]) });
    await sql`update events set tally = null`.execute(store.db);
    await ingest(store, [itemFor(second)], { process: fakePipeline([second]) });
    const [event] = await listEvents(store);
    expect(event).toMatchObject({ claims: 2, reportIds: ['first', 'second'] });
    await expectEventsRebuildable(store);
  });
});

describe.skipIf(!corpus.every((dir) => existsSync(dir)))('grouping the shared corpora incrementally', () => {
  it('stores every event as it would be rebuilt from its claims', async () => {
    const store = await stores.open('sqlite');
    await ingest(store, readSources(corpus));
    expect(await expectEventsRebuildable(store)).toBeGreaterThan(100);
  });

  it('groups a run the same in one batch as in a batch a report, through re-extractions, copies and reports that fail after grouping', async () => {
    const reports: ProcessedReport[] = [];
    for await (const item of readSources(corpus)) if (item.ok) reports.push(processReport(item.input));
    // Re-extractions: the same ids with their first half only, then some whole again.
    const halves = reports.filter((_, i) => i % 4 === 1).map((r) => processReport(inputOf(r, r.text.slice(0, Math.floor(r.text.length / 2)))));
    const wholes = reports.filter((_, i) => i % 8 === 1).map((r) => processReport(inputOf(r, `${r.text}\n`)));
    const run = [...reports, ...halves, ...wholes];
    const failing = new Set(run.filter((_, i) => i % 9 === 4));
    const storeOne = async (repositories: Repositories, report: ProcessedReport, ingestedAt: string) => {
      const outcome = await storeReport(repositories, report, ingestedAt);
      if (failing.has(report)) throw new Error('fails after grouping');
      return outcome;
    };
    const grouped = async (reportsABatch: number) => {
      const store = await stores.open('sqlite');
      await store.events.clear();
      const batcher = new IngestBatcher(store, storeOne, { reports: reportsABatch, milliseconds: 3_600_000 });
      for (const report of run) {
        await batcher.write(report, '2026-01-01T00:00:00.000Z');
        if (batcher.due) await batcher.flush();
      }
      await batcher.flush();
      const tables = store.db.withTables<{ events: Record<string, unknown>; event_claims: Record<string, unknown>; event_blocks: Record<string, unknown>; report_fingerprints: Record<string, unknown> }>();
      const rows = async (table: 'events' | 'event_claims' | 'event_blocks' | 'report_fingerprints') => (await tables.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
      return { events: await rows('events'), members: await rows('event_claims'), blocks: await rows('event_blocks'), copies: await rows('report_fingerprints') };
    };
    const alone = await grouped(1);
    expect(alone.events.length).toBeGreaterThan(100);
    expect(await grouped(10_000)).toEqual(alone);
  });
});

/** The input a report was made from, with another text (a re-extraction). */
function inputOf(report: ProcessedReport, text: string): ReportInput {
  return { meta: report.meta, original: Buffer.from(text, 'utf8'), format: 'text', origin: report.origin, decoded: text };
}
