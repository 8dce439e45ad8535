import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { makeClaim, makeReport } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { storeReport } from '../services/ingest.service.js';
import type { Repositories, Store } from './index.js';

const stores = useStores();

const WORDS = ['kherson', 'colony', 'wagner', 'pardon', 'convoy', 'ombudsman'];
const IDS = ['r0', 'r1', 'r2', 'r3'];

/** One report written in a unit: a new one or a re-extraction (same id, new text), kept or undone. */
interface Write {
  id: string;
  words: string[];
  quotes: string[][];
  fails: boolean;
}

const write: fc.Arbitrary<Write> = fc.record({
  id: fc.constantFrom(...IDS),
  words: fc.subarray(WORDS, { minLength: 1 }),
  quotes: fc.array(fc.subarray(WORDS, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
  fails: fc.nat(3).map((n) => n === 0),
});

/** Batches of writes; `alone` batches are written one transaction a report, as a replay after a lost batch is. */
const runs = fc.array(fc.record({ alone: fc.boolean(), writes: fc.array(write, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 4 });

let version = 0;

async function apply(store: Store, batch: { alone: boolean; writes: Write[] }): Promise<void> {
  const unit = (w: Write) => async (repositories: Repositories) => {
    version += 1;
    const claims = w.quotes.map((words, i) => makeClaim({ quote: `${words.join(' ')} ${i}` }));
    const text = `${w.words.join(' ')} v${version}`;
    await storeReport(repositories, makeReport(w.id, text, claims, { meta: { id: w.id, title: `T ${w.words[0]}` } }), 'now');
    if (w.fails) throw new Error('undone');
  };
  if (batch.alone) {
    for (const w of batch.writes) await store.transaction(unit(w)).catch(() => undefined);
    return;
  }
  const open = await store.startBatch();
  for (const w of batch.writes) await open.run(unit(w)).catch(() => undefined);
  await open.commit();
}

/** What search must find: the stored rows whose searched columns hold the word, read without the index. */
async function expected(store: Store, word: string): Promise<{ claims: string[]; reports: string[] }> {
  const claims = await store.db.selectFrom('claims').select(['id', 'quote']).execute();
  const reports = await store.db.selectFrom('reports').select(['id', 'title', 'text']).execute();
  return {
    claims: claims.filter((c) => c.quote.includes(word)).map((c) => c.id).sort(),
    reports: reports.filter((r) => `${r.title} ${r.text}`.includes(word)).map((r) => r.id).sort(),
  };
}

describe.each(dialects)('search indexing held for a batch (%s)', (dialect) => {
  it('indexes every claim and report exactly once, however batches write, rewrite and undo them', async () => {
    await fc.assert(
      fc.asyncProperty(runs, async (batches) => {
        const store = await stores.open(dialect);
        for (const batch of batches) await apply(store, batch);
        if (dialect === 'sqlite') {
          // FTS5 compares its index with the content tables, row by row.
          await sql`insert into claims_fts (claims_fts) values ('integrity-check')`.execute(store.db);
          await sql`insert into reports_fts (reports_fts) values ('integrity-check')`.execute(store.db);
          expect((await sql<{ n: number }>`select count(*) as n from search_hold`.execute(store.db)).rows[0].n).toBe(0);
        }
        for (const word of WORDS) {
          const want = await expected(store, word);
          const claims = (await store.claims.list({ search: word, limit: 1000 })).claims.map((c) => c.id).sort();
          const reports = (await store.reports.list({ search: word, limit: 1000 })).reports.map((r) => r.id).sort();
          expect({ claims, reports }).toEqual(want);
        }
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 8 },
    );
  });

  it('finds nothing held after a batch is rolled back, and indexes at once outside batches', async () => {
    const store = await stores.open(dialect);
    const batch = await store.startBatch();
    await batch.run((r) => storeReport(r, makeReport('gone', 'kherson convoy', [makeClaim({ quote: 'kherson convoy' })]), 'now'));
    await batch.rollback();
    await store.transaction((r) => storeReport(r, makeReport('kept', 'wagner pardon', [makeClaim({ quote: 'wagner pardon' })]), 'now'));
    expect((await store.reports.list({ search: 'kherson' })).reports).toEqual([]);
    expect((await store.reports.list({ search: 'wagner' })).reports.map((r) => r.id)).toEqual(['kept']);
    expect((await store.claims.list({ search: 'pardon' })).claims.map((c) => c.reportId)).toEqual(['kept']);
  });
});
