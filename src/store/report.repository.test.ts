import { describe, expect, it } from 'vitest';
import { makeReport } from '../../test/support/fixtures.js';
import { dialects, useStores } from '../../test/support/stores.js';

const stores = useStores();

describe.each(dialects)('report repository (%s)', (dialect) => {
  it('gives back a report with its furniture, messages and original bytes', async () => {
    const store = await stores.open(dialect);
    const original = Uint8Array.from([0xcf, 0xf0, 0xe8, 0x00, 0xff, 0x80]);
    const report = makeReport('win-1251', 'Заключённых перевели в ИК-7.', [], {
      original,
      sha256: 'a'.repeat(64),
      encoding: 'windows-1251',
      language: 'ru',
      meta: { id: 'win-1251', title: 'Этап', published: '2024-09' },
      furniture: [{ start: 30, end: 45, rule: 'clean.donation', text: 'Поддержите нас' }],
      messages: [
        { source: 'decode', rule: 'decode.guessed', reason: 'charset guessed', severity: 'info' },
        { source: 'extract', rule: 'extract.place-unresolved', reason: 'no such place', severity: 'warning', span: { start: 3, end: 9 } },
      ],
    });
    await store.reports.insert(report, '2026-11-23T19:00:00.000Z');
    expect(await store.reports.get('win-1251', { original: true })).toStrictEqual({
      id: 'win-1251',
      sha256: 'a'.repeat(64),
      title: 'Этап',
      published: '2024-09',
      language: 'ru',
      encoding: 'windows-1251',
      origin: 'win-1251.txt',
      extracted: true,
      ingestedAt: '2026-11-23T19:00:00.000Z',
      text: 'Заключённых перевели в ИК-7.',
      furniture: report.furniture,
      messages: report.messages,
      original,
    });
    expect((await store.reports.get('win-1251'))?.original).toBeUndefined();
    expect(await store.reports.get('missing')).toBeUndefined();
    expect(await store.reports.findIdBySha256('a'.repeat(64))).toBe('win-1251');
    expect(await store.reports.exists('win-1251')).toBe(true);
  });

  it('replaces a report and its furniture and messages', async () => {
    const store = await stores.open(dialect);
    const first = makeReport('r', 'first text', [], { messages: [{ source: 'x', rule: 'x.a', reason: 'a', severity: 'error' }] });
    await store.reports.insert(first, '2026-01-01T00:00:00.000Z');
    const second = makeReport('r', 'second text', [], { furniture: [{ start: 0, end: 1, rule: 'clean.x', text: 'x' }] });
    await store.reports.replace(second, '2026-02-01T00:00:00.000Z');
    const got = await store.reports.get('r');
    expect(got).toMatchObject({ text: 'second text', sha256: second.sha256, messages: [], furniture: second.furniture, ingestedAt: '2026-02-01T00:00:00.000Z' });
    expect((await store.reports.list({ search: 'first' })).reports).toEqual([]);
    expect((await store.reports.list({ search: 'second' })).reports.map((r) => r.id)).toEqual(['r']);
  });

  it('lists reports page by page and searches title and text in any script', async () => {
    const store = await stores.open(dialect);
    await store.reports.insert(makeReport('a', 'Prisoners were moved to Kherson.'), 'now');
    await store.reports.insert(makeReport('b', 'Заключённых этапировали в Краснодарский край.', [], { meta: { title: 'Этапирование' } }), 'now');
    await store.reports.insert(makeReport('c', 'Nothing to see.', [], { extracted: false }), 'now');
    const first = await store.reports.list({ limit: 2 });
    expect(first.reports.map((r) => r.id)).toEqual(['a', 'b']);
    const second = await store.reports.list({ limit: 2, cursor: first.nextCursor });
    expect(second).toEqual({ reports: [expect.objectContaining({ id: 'c', extracted: false })] });
    expect((await store.reports.list({ search: 'KHERSON' })).reports.map((r) => r.id)).toEqual(['a']);
    expect((await store.reports.list({ search: 'краснодарск' })).reports.map((r) => r.id)).toEqual(['b']);
    expect((await store.reports.list({ search: 'ЭТАПИРОВАНИЕ' })).reports.map((r) => r.id)).toEqual(['b']);
    expect((await store.reports.list({ search: '"; drop table reports; --' })).reports).toEqual([]);
    expect(await store.reports.count()).toEqual({ total: 3, extracted: 2 });
  });
});
