import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import type { Claim } from '../domain/types.js';
import { mapView, timelineView } from '../services/overview.service.js';
import { openStore, type Store } from './index.js';
import { compareCodePoints } from './overview-index.js';

const KHERSON = named('Kherson', { entityId: 'place:ua:kherson', lat: 46.64, lon: 32.61 });
const KRASNODAR = named('Krasnodar', { entityId: 'place:ru:krasnodar', lat: 45.04, lon: 38.98 });

describe('compareCodePoints', () => {
  it('orders strings as their UTF-8 bytes do (SQLite BINARY), astral letters after U+E000..U+FFFF', () => {
    const texts = fc.string({ unit: fc.constantFrom('a', 'z', 'é', 'Я', '\u{e000}', '\u{ffee}', '\u{1f600}', '\u{10437}', '') });
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
    expect(compareCodePoints('\u{ffee}', '\u{1f600}')).toBeLessThan(0);
    // UTF-16 order would put the astral letter first.
    expect('\u{ffee}' < '\u{1f600}').toBe(false);
  });
});

describe('overview index', () => {
  const dirs: string[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const open = async (path: string) => {
    const store = await openStore({ path });
    stores.push(store);
    return store;
  };
  const store = async (target: Store, id: string, claims: Claim[]) =>
    target.transaction(async ({ reports, claims: repository }) => {
      await reports.insert(makeReport(id, `text of ${id}`, claims), '2026-12-07T00:00:00Z');
      await repository.insertMany(id, claims);
    });
  const kherson = (view: Awaited<ReturnType<typeof mapView>>) => view.places.find((place) => place.key === 'place:ua:kherson')?.total ?? 0;

  it('sees claims another connection stores after it was read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etap-index-'));
    dirs.push(dir);
    const [server, ingest] = [await open(join(dir, 'etap.db')), await open(join(dir, 'etap.db'))];
    await store(ingest, 'r1', [makeClaim({ places: [KHERSON, KRASNODAR], sources: [named('relatives')] })]);
    expect(kherson(await mapView(server, { source: 'relat' }))).toBe(1);
    await store(ingest, 'r2', [makeClaim({ places: [KHERSON], sources: [named('relatives')] })]);
    expect(kherson(await mapView(server, { source: 'relat' }))).toBe(2);
    expect((await timelineView(server, { place: 'kherson' })).undated.total).toBe(2);
  });

  it('sees its own connection\'s writes, deletes included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'etap-index-'));
    dirs.push(dir);
    const server = await open(join(dir, 'etap.db'));
    await store(server, 'r1', [makeClaim({ places: [KHERSON], sources: [named('relatives')] })]);
    expect(kherson(await mapView(server, { source: 'relat' }))).toBe(1);
    expect(kherson(await mapView(server, { search: 'transferred' }))).toBe(1);
    await server.claims.deleteByReport('r1');
    expect(kherson(await mapView(server, { source: 'relat' }))).toBe(0);
    expect((await mapView(server, { search: 'transferred' })).places).toEqual([]);
  });
});
