import { describe, expect, it } from 'vitest';
import { dialects, useStores } from '../../test/support/stores.js';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { storeReport } from './ingest.service.js';
import { getReviewedClaim, reviewClaim, reviewTrail, withReviews } from './review.service.js';

const TEXT = 'About 500 prisoners were moved to Rostov in 2022.';
const claim = makeClaim({ quote: TEXT, start: 0, end: TEXT.length, places: [named('Rostov', { lat: 47.2, lon: 39.7 })] });

describe.each(dialects)('reviews (%s)', (dialect) => {
  const stores = useStores();
  let n = 0;

  it('applies corrections on read, keeps the trail, and outlives re-extraction', async () => {
    const store = await stores.open(dialect);
    // Unique per test: the PostgreSQL test database is reused within a file.
    const reportId = `review-${dialect}-${++n}-${Date.now()}`;
    await store.transaction((r) => storeReport(r, makeReport(reportId, TEXT, [claim]), '2024-01-01T00:00:00Z'));
    const id = `${reportId}:0-${TEXT.length}:transfer`;
    let clock = 0;
    const now = () => new Date(Date.UTC(2024, 0, 1, 0, 0, clock++));

    await reviewClaim(store, id, { action: 'correct', reviewer: 'ana', slots: { places: ['Rostov', 'Taganrog'], time: { start: '2022-05', end: '2022-05' } } }, now);
    const rejected = await reviewClaim(store, id, { action: 'reject', reviewer: 'bo', note: 'duplicate of another report' }, now);
    expect(rejected?.record.before).toMatchObject({ state: 'corrected' });
    expect(rejected?.claim).toMatchObject({ reviewState: 'rejected', time: { start: '2022-05', rule: 'review.correction', certainty: 'implied' } });
    // A name the analyst kept keeps its coordinates and provenance.
    expect(rejected?.claim.places.map((p) => [p.name, p.lat])).toEqual([['Rostov', 47.2], ['Taganrog', undefined]]);

    await store.transaction((r) => storeReport(r, makeReport(reportId, `${TEXT} `, [claim]), '2024-02-01T00:00:00Z'));
    const reread = await getReviewedClaim(store, id);
    expect(reread).toMatchObject({ reviewState: 'rejected', time: { start: '2022-05' } });
    expect(reread?.places.map((p) => p.name)).toEqual(['Rostov', 'Taganrog']);
    expect((await withReviews(store, [(await store.claims.get(id))!]))[0].review.state).toBe('rejected');
    const trail = await reviewTrail(store, id);
    expect(trail.map((t) => [t.action, t.reviewer, t.note ?? null, t.at])).toEqual([
      ['correct', 'ana', null, '2024-01-01T00:00:00.000Z'],
      ['reject', 'bo', 'duplicate of another report', '2024-01-01T00:00:01.000Z'],
    ]);
    expect(await reviewClaim(store, `${reportId}:1-2:abuse`, { action: 'confirm', reviewer: 'ana' })).toBeUndefined();
  });
});
