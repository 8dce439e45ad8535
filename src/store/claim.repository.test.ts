import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryClaim, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';

const stores = useStores();

describe.each(dialects)('claim repository (%s)', (dialect) => {
  it('gives back every claim exactly as written', async () => {
    const store = await stores.open(dialect);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryClaim, { maxLength: 4 }), async (claims) => {
        const report = makeReport(`r${(n += 1)}`, `text ${n}`, claims);
        await store.transaction(async ({ reports, claims: repository }) => {
          await reports.insert(report, '2026-11-23T19:00:00.000Z');
          await repository.insertMany(report.id, report.claims);
        });
        const page = await store.claims.list({ reportId: report.id });
        const stored = page.claims.map(({ id, reportId, reviewState, report: _, ...claim }) => claim);
        // structuredClone: fast-check builds null-prototype records, which strict equality tells apart.
        expect(stored).toStrictEqual(structuredClone(claims));
      }),
      { numRuns: 40 },
    );
  });

  it('ids claims by report, span and type, numbering exact repeats', async () => {
    const store = await stores.open(dialect);
    const claim = makeClaim({ start: 3, end: 9, quote: 'abcdef', type: 'death' });
    await store.reports.insert(makeReport('seed-1', 'text'), '2026-11-23T19:00:00.000Z');
    const ids = await store.claims.insertMany('seed-1', [claim, claim, { ...claim, type: 'abuse' }]);
    expect(ids).toEqual(['seed-1:3-9:death', 'seed-1:3-9:death:2', 'seed-1:3-9:abuse']);
    const got = await store.claims.get('seed-1:3-9:abuse');
    expect(got).toMatchObject({ id: 'seed-1:3-9:abuse', reportId: 'seed-1', reviewState: 'unreviewed', type: 'abuse' });
    expect(got?.report).toEqual({ id: 'seed-1', title: 'Report seed-1', outlet: 'Test Outlet', published: '2023-03-20', url: 'https://example.org/seed-1' });
    expect(await store.claims.get('missing')).toBeUndefined();
  });

  it('deletes a report\'s claims with their values', async () => {
    const store = await stores.open(dialect);
    await store.reports.insert(makeReport('r', 'text'), 'now');
    await store.claims.insertMany('r', [makeClaim({ places: [named('Kherson')] })]);
    await store.claims.deleteByReport('r');
    expect((await store.claims.list()).claims).toEqual([]);
    expect(await store.db.selectFrom('claim_values').selectAll().execute()).toEqual([]);
  });

  it('refuses a claim whose span ends before it starts', async () => {
    const store = await stores.open(dialect);
    await store.reports.insert(makeReport('r', 'text'), 'now');
    await expect(store.claims.insertMany('r', [makeClaim({ start: 5, end: 2 })])).rejects.toThrow();
  });
});
