import { describe, expect, it } from 'vitest';
import { fakePipeline, itemFor, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { getEvent, listCopies, listEvents, regroupAll } from '../services/group.service.js';
import { ingest } from '../services/ingest.service.js';
import { textFingerprint } from '../grouping/minhash.js';

const stores = useStores();

// Made-up reports: an original, a republished copy of it (with a footer), and an unrelated one.
const body = Array.from({ length: 10 }, (_, i) => `Paragraph ${i}: inmates of the colony were loaded onto a train heading east, witnesses told reporters.`).join(' ');
const moved = (reportText: string) =>
  makeClaim({
    quote: 'Forty inmates were moved to IK-9 in March 2023.',
    start: reportText.indexOf('Forty'),
    end: reportText.indexOf('Forty') + 48,
    facilities: [named('IK-9', { entityId: 'facility:ik-9' })],
    places: [named('Northtown', { entityId: 'place:x:northtown' })],
    sources: [named('Watchdog', { entityId: 'org:watchdog' })],
    count: { value: 40, span: { start: 0, end: 5 }, text: 'Forty', rule: 'test', certainty: 'stated' },
    time: { start: '2023-03', end: '2023-03', span: { start: 0, end: 5 }, text: 'March 2023', rule: 'test', certainty: 'stated' },
  });
const originalText = `${body} Forty inmates were moved to IK-9 in March 2023.`;
const copyText = `${originalText} Republished with permission.`;
const original = makeReport('original', originalText, [moved(originalText)], { meta: { id: 'original', outlet: 'First Outlet', published: '2023-03-20' } });
const copy = makeReport('copy', copyText, [moved(copyText)], { meta: { id: 'copy', outlet: 'Second Outlet', published: '2023-03-22' } });
const otherText = 'A different story: 300 prisoners were pardoned in 2021.';
const other = makeReport('other', otherText, [makeClaim({ type: 'release', quote: otherText, end: otherText.length, count: { value: 300, span: { start: 0, end: 3 }, text: '300', rule: 'test', certainty: 'stated' } })]);

describe.each(dialects)('events in the store (%s)', (dialect) => {
  it('links copies, groups claims into events, and lists and shows them', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    // The copy arrives first; the original, published earlier, takes over as the original.
    await ingest(store, [copy, other, original].map(itemFor), { process: fakePipeline([copy, other, original]) });
    expect(await listCopies(store)).toEqual([{ reportId: 'copy', originalId: 'original', similarity: expect.any(Number) }]);

    const events = await listEvents(store);
    expect(events.map((e) => [e.type, e.claims, e.reports])).toEqual([
      ['transfer', 2, 1],
      ['release', 1, 1],
    ]);
    const [transfer] = events;
    expect(transfer).toMatchObject({ time: { start: '2023-03', end: '2023-03' }, places: [{ key: 'place:x:northtown', name: 'Northtown', claims: 2 }], independentOrigins: 1 });
    const shown = await getEvent(store, transfer.id);
    expect(shown?.claims.map((c) => c.reportId).sort()).toEqual(['copy', 'original']);

    expect((await listEvents(store, { type: 'release' })).map((e) => e.type)).toEqual(['release']);
    expect(await listEvents(store, { place: 'north', since: '2023-03', until: '2023-03' })).toHaveLength(1);
    expect(await listEvents(store, { since: '2024' })).toHaveLength(0);
    expect(await listEvents(store, { minOrigins: 2 })).toHaveLength(0);
    expect(await store.events.count()).toEqual({ events: 2, multiReport: 0 });
  });

  it('finds a cluster through its original: a copy keeps no band keys, and later copies, in later batches too, link to the original', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    const again = makeReport('again', `${originalText} Shared by a third outlet.`, [], { meta: { id: 'again', outlet: 'Third Outlet', published: '2023-03-23' } });
    await ingest(store, [original, copy].map(itemFor), { process: fakePipeline([original, copy]) });
    await ingest(store, [itemFor(again)], { process: fakePipeline([again]) });
    expect(await listCopies(store)).toEqual([
      { reportId: 'again', originalId: 'original', similarity: expect.any(Number) },
      { reportId: 'copy', originalId: 'original', similarity: expect.any(Number) },
    ]);
    // Every band key of a copy leads to the original alone.
    const found = await store.events.fingerprintsByBands(textFingerprint(copyText).bands, 'nobody');
    expect(found.map((f) => f.reportId)).toEqual(['original']);
    expect(await regroupAll(store)).toMatchObject({ reports: 3 });
    expect(await listCopies(store)).toHaveLength(2);
  });

  it('regroups from scratch to the same events, and re-extraction replaces a report’s claims in its events', async () => {
    const store = await stores.open(dialect);
    await store.events.clear();
    await ingest(store, [original, copy].map(itemFor), { process: fakePipeline([original, copy]) });
    const before = await listEvents(store);
    expect(await regroupAll(store)).toEqual({ reports: 2, events: 1, multiReport: 0 });
    expect(await listEvents(store)).toEqual(before);

    const changed = makeReport('copy', `${copyText} Updated.`, [], { origin: 'copy-2.txt' });
    await ingest(store, [itemFor(changed)], { process: fakePipeline([changed]) });
    const [event] = await listEvents(store);
    expect(event).toMatchObject({ claims: 1, reportIds: ['original'] });
  });
});
