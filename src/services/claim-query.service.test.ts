import { beforeEach, describe, expect, it } from 'vitest';
import type { Claim } from '../domain/types.js';
import type { Store } from '../store/index.js';
import { fakePipeline, itemFor, makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';
import { ingest } from './ingest.service.js';
import { getClaim, iterateClaims, listClaims, summarize, type ClaimFilters } from './claim-query.service.js';

const stores = useStores();

const time = (start: string, end = start) => ({ start, end, span: { start: 0, end: 4 }, text: start, rule: 'test.time', certainty: 'stated' as const });

/** Claims told apart by their quote; the tests below list quotes. */
const CLAIMS: Claim[] = [
  makeClaim({ type: 'recruitment', quote: 'Wagner recruited prisoners in Snizhne', time: time('2022-09'), places: [named('Snizhne')], sources: [named('Olga Romanova', { alternatives: ['Russia Behind Bars'] })] }),
  makeClaim({ type: 'transfer', quote: 'Prisoners moved to Kherson region', time: time('2022-11-01', '2022-11-15'), places: [named('Kherson Oblast', { alternatives: ['Херсонская область'] })] }),
  makeClaim({ type: 'population', quote: 'The population fell to 266,000', time: time('2023'), sources: [named('Federal Penitentiary Service')] }),
  makeClaim({ type: 'death', quote: 'Заключённые погибли под Бахмутом', time: time('2023-05-20'), places: [named('Бахмут')], sources: [named('Медиазона')] }),
  makeClaim({ type: 'abuse', quote: 'Guards beat 100% of inmates', places: [named('100%_place')] }),
];

async function seed(store: Store): Promise<void> {
  const reports = CLAIMS.map((claim, i) => makeReport(`r${i}`, claim.quote, [{ ...claim, start: 0, end: claim.quote.length }]));
  const summary = await ingest(store, reports.map(itemFor), { process: fakePipeline(reports) });
  expect(summary.failed).toEqual([]);
}

describe.each(dialects)('claim queries (%s)', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await stores.open(dialect);
    await seed(store);
  });

  const quotes = async (filters: ClaimFilters) => (await listClaims(store, filters)).claims.map((c) => c.quote.split(' ')[0]);

  it.each<[string, ClaimFilters, string[]]>([
    ['no filter', {}, ['Wagner', 'Prisoners', 'The', 'Заключённые', 'Guards']],
    ['one type', { type: 'death' }, ['Заключённые']],
    ['several types', { type: ['transfer', 'abuse'] }, ['Prisoners', 'Guards']],
    ['no types', { type: [] }, []],
    ['place, any case, substring', { place: 'SNIZH' }, ['Wagner']],
    ['place by an alternative, in Cyrillic and another case', { place: 'ХЕРСОНСКАЯ' }, ['Prisoners']],
    ['place in Cyrillic', { place: 'бахмут' }, ['Заключённые']],
    ['place with LIKE wildcards taken literally', { place: '100%_' }, ['Guards']],
    ['a wildcard alone matches nothing else', { place: '%' }, ['Guards']],
    ['source by alternative', { source: 'behind bars' }, ['Wagner']],
    ['source in Cyrillic', { source: 'МЕДИАЗОНА' }, ['Заключённые']],
    ['place filter does not look at sources', { place: 'romanova' }, []],
    ['since a month: ranges reaching it', { since: '2022-11-10' }, ['Prisoners', 'The', 'Заключённые']],
    ['since a year', { since: '2023' }, ['The', 'Заключённые']],
    ['until a month: ranges starting by its end', { until: '2022-11' }, ['Wagner', 'Prisoners']],
    ['since and until: overlap', { since: '2022-10', until: '2023-01-15' }, ['Prisoners', 'The']],
    ['until before everything', { until: '2021' }, []],
    ['search a word, any case', { search: 'PRISONERS' }, ['Wagner', 'Prisoners']],
    ['search needs every word', { search: 'prisoners kherson' }, ['Prisoners']],
    ['search by prefix in Cyrillic', { search: 'погиб бахмут' }, ['Заключённые']],
    ['search syntax is just words', { search: 'fell OR "kherson' }, []],
    ['search with no words', { search: '?!' }, []],
    ['filters combine', { type: 'recruitment', place: 'snizhne', since: '2022', search: 'wagner' }, ['Wagner']],
    ['report id', { reportId: 'r2' }, ['The']],
  ])('filters: %s', async (_, filters, expected) => {
    expect(await quotes(filters)).toEqual(expected);
  });

  it('pages through claims with a cursor, each claim once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listClaims(store, { limit: 2, cursor });
      seen.push(...page.claims.map((c) => c.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual((await listClaims(store)).claims.map((c) => c.id));
    expect(new Set(seen).size).toBe(5);
    const filtered = await listClaims(store, { type: ['recruitment', 'death'], limit: 1 });
    const next = await listClaims(store, { type: ['recruitment', 'death'], limit: 1, cursor: filtered.nextCursor });
    expect([...filtered.claims, ...next.claims].map((c) => c.type)).toEqual(['recruitment', 'death']);
    expect(next.nextCursor).toBeUndefined();
  });

  it('iterates every claim across pages, honouring a limit', async () => {
    const all: string[] = [];
    for await (const claim of iterateClaims(store, {}, 2)) all.push(claim.id);
    expect(all).toHaveLength(5);
    const some: string[] = [];
    for await (const claim of iterateClaims(store, { limit: 3 }, 2)) some.push(claim.id);
    expect(some).toEqual(all.slice(0, 3));
  });

  it('gets one claim by id with its report', async () => {
    const claim = await getClaim(store, 'r3:0-32:death');
    expect(claim).toMatchObject({ id: 'r3:0-32:death', reportId: 'r3', report: { id: 'r3', title: 'Report r3', outlet: 'Test Outlet' } });
    expect(claim?.places[0].name).toBe('Бахмут');
  });

  it('counts the spellings of one entity together in the summary, under its name', async () => {
    const romanova = { entityId: 'person:olga-romanova', canonicalName: 'Olga Romanova' };
    const claims = [
      makeClaim({ quote: 'Ольга Романова said prisoners were moved', sources: [named('Ольга Романова', romanova)] }),
      makeClaim({ quote: 'Romanova said more were moved', sources: [named('Romanova', romanova)] }),
    ];
    const reports = claims.map((claim, i) => makeReport(`romanova-${i}`, claim.quote, [{ ...claim, start: 0, end: claim.quote.length }]));
    await ingest(store, reports.map(itemFor), { process: fakePipeline(reports) });
    const { topSources } = await summarize(store, { top: 1 });
    expect(topSources).toEqual([{ name: 'Olga Romanova', claims: 2 }]);
  });

  it('summarizes reports, claims by type, places and sources', async () => {
    await ingest(store, [itemFor(makeReport('ru', 'Текст', [], { extracted: false }))], { process: () => makeReport('ru', 'Текст', [], { extracted: false }) });
    const summary = await summarize(store, { top: 2 });
    expect(summary).toEqual({
      reports: { total: 6, extracted: 5, notExtracted: 1 },
      claims: { total: 5, byType: { recruitment: 1, transfer: 1, population: 1, death: 1, abuse: 1 } },
      topPlaces: [
        { name: '100%_place', claims: 1 },
        { name: 'Kherson Oblast', claims: 1 },
      ],
      topSources: [
        { name: 'Federal Penitentiary Service', claims: 1 },
        { name: 'Olga Romanova', claims: 1 },
      ],
    });
  });
});
