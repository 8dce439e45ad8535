import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeReport } from '../services/ingest.service.js';
import { openStore, type Store } from '../store/index.js';
import { makeClaim, makeReport, named } from '../../test/support/fixtures.js';
import { buildServer } from './server.js';
import type { ClaimListResponse, ClaimResponse, MapView, ReviewResponse, SeriesView, TimelineView } from './contract.js';

const TEXT = 'Prisoners were moved from Kherson to Krasnodar in November 2022. The colony held 1,200 inmates in 2023. Officials said 300 were recruited.';
const moved = TEXT.indexOf('Prisoners');
const held = TEXT.indexOf('The colony');
const said = TEXT.indexOf('Officials');
const claims = [
  makeClaim({
    quote: TEXT.slice(moved, held - 1),
    start: moved,
    end: held - 1,
    places: [named('Kherson', { lat: 46.6, lon: 32.6, entityId: 'place:ua:kherson' }), named('Krasnodar', { lat: 45.0, lon: 39.0, entityId: 'place:ru:krasnodar' })],
    time: { start: '2022-11', end: '2022-11', span: { start: 50, end: 63 }, text: 'November 2022', rule: 'test.time', certainty: 'stated' },
  }),
  makeClaim({
    type: 'population',
    quote: TEXT.slice(held, said - 1),
    start: held,
    end: said - 1,
    count: { value: 1200, span: { start: held + 15, end: held + 20 }, text: '1,200', rule: 'test.count', certainty: 'stated' },
    time: { start: '2023', end: '2023', span: { start: said - 5, end: said - 1 }, text: '2023', rule: 'test.time', certainty: 'stated' },
    sources: [named('FSIN')],
  }),
  makeClaim({ type: 'recruitment', quote: TEXT.slice(said), start: said, end: TEXT.length }),
];

describe('the JSON API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'etap-api-'));
  let store: Store;
  let app: FastifyInstance;
  const get = async <T>(url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() as T, headers: response.headers };
  };

  beforeAll(async () => {
    store = await openStore({ path: join(dir, 'api.db') });
    await store.transaction((r) => storeReport(r, makeReport('r1', TEXT, claims), '2024-01-01T00:00:00Z'));
    for (let i = 2; i <= 4; i++) {
      await store.transaction((r) => storeReport(r, makeReport(`r${i}`, `${TEXT} (${i})`, claims.slice(0, 2)), '2024-01-01T00:00:00Z'));
    }
    app = await buildServer({ store, webRoot: join(dir, 'no-web') });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['/api/claims?limit=0', 'limit'],
    ['/api/claims?limit=abc', 'limit'],
    ['/api/claims?limit=1001', 'limit'],
    ['/api/claims?type=wrong', 'type'],
    ['/api/claims?since=2023-13', 'since'],
    ['/api/claims?cursor=abc', 'cursor'],
    ['/api/claims?colour=red', 'additional properties'],
    ['/api/reports?limit=-1', 'limit'],
    ['/api/map?gender=other', 'gender'],
    ['/api/timeline?until=yesterday', 'until'],
    ['/api/series?type=abuse', 'type'],
  ])('refuses %s with a 400 that names the problem', async (url, reason) => {
    const { status, body } = await get<{ message: string }>(url);
    expect(status).toBe(400);
    expect(body.message).toContain(reason);
  });

  it('pages claims with limit and cursor, each claim once', async () => {
    const seen: string[] = [];
    let url = '/api/claims?limit=3';
    for (let pages = 0; pages < 10; pages++) {
      const { body } = await get<ClaimListResponse>(url);
      seen.push(...body.claims.map((c) => c.id));
      if (!body.nextCursor) break;
      expect(body.claims).toHaveLength(3);
      url = `/api/claims?limit=3&cursor=${body.nextCursor}`;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('filters claims as `etap claims` does', async () => {
    const { body } = await get<ClaimListResponse>('/api/claims?type=population&type=recruitment&reportId=r1');
    expect(body.claims.map((c) => c.type).sort()).toEqual(['population', 'recruitment']);
    expect((await get<ClaimListResponse>('/api/claims?search=colony+inmates')).body.claims.every((c) => c.type === 'population')).toBe(true);
    expect((await get<ClaimListResponse>('/api/claims?since=2023-01')).body.claims.every((c) => c.type === 'population')).toBe(true);
  });

  it('returns a claim with its evidence offsets into its report\'s text', async () => {
    const { body } = await get<ClaimResponse>(`/api/claims/${encodeURIComponent(`r1:${held}-${said - 1}:population`)}`);
    expect(body.report.text.slice(body.claim.start, body.claim.end)).toBe(body.claim.quote);
    expect(body.claim.count?.value).toBe(1200);
    expect(body.trail).toEqual([]);
    expect((await get('/api/claims/nope')).status).toBe(404);
  });

  it('describes itself in an OpenAPI 3 document', async () => {
    const { status, body } = await get<{ openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>> }>('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/claims', '/api/claims/{id}', '/api/claims/{id}/review', '/api/reports', '/api/reports/{id}', '/api/map', '/api/timeline', '/api/series', '/api/summary']),
    );
    expect(body.paths['/api/claims'].get.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['type', 'since', 'limit', 'cursor']));
  });

  it('sends a Content-Security-Policy with every response, errors included', async () => {
    for (const url of ['/api/claims', '/api/claims?limit=0', '/api/nothing', '/']) {
      const { headers } = await app.inject({ method: 'GET', url });
      expect(headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(headers['content-security-policy'], url).not.toContain('unsafe');
    }
  });

  it('maps places with claim counts by type and transfers as arrows', async () => {
    const { body } = await get<MapView>('/api/map');
    const kherson = body.places.find((p) => p.name === 'Kherson');
    expect(kherson).toMatchObject({ lat: 46.6, lon: 32.6, total: 4, byType: { transfer: 4 } });
    expect(body.transfers).toEqual([expect.objectContaining({ from: expect.objectContaining({ name: 'Kherson' }), to: expect.objectContaining({ name: 'Krasnodar' }), claims: 4 })]);
    expect((await get<MapView>('/api/map?type=population')).body.places).toEqual([]);
  });

  it('counts claims per month and lists population figures', async () => {
    const timeline = (await get<TimelineView>('/api/timeline')).body;
    expect(timeline.months[0]).toMatchObject({ month: '2022-11', byType: { transfer: 4 } });
    expect(timeline.months.at(-1)?.month).toBe('2023-01');
    expect(timeline.undated.byType.recruitment).toBe(1);
    const series = (await get<SeriesView>('/api/series')).body;
    expect(series.points).toHaveLength(4);
    expect(series.points[0]).toMatchObject({ value: 1200, time: '2023', sources: ['FSIN'], timeFrom: 'claim' });
    expect(series.series[0]).toMatchObject({ scope: 'all', issuer: 'FSIN' });
  });

  it('lists entities and events, pages them, and shows one of each', async () => {
    const entities = await get<{ entities: { id: string; kind: string }[]; nextCursor?: string }>('/api/entities?kind=place');
    expect(entities.status).toBe(200);
    expect(entities.body.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['place:ua:kherson', 'place:ru:krasnodar']));
    const first = await get<{ entities: { id: string }[]; nextCursor?: string }>('/api/entities?kind=place&limit=1');
    expect(first.body.entities).toHaveLength(1);
    const second = await get<{ entities: { id: string }[] }>(`/api/entities?kind=place&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.entities[0]?.id).not.toBe(first.body.entities[0]?.id);
    expect((await get<{ id: string }>('/api/entities/place%3Aua%3Akherson')).body.id).toBe('place:ua:kherson');
    expect((await get('/api/entities/place%3Anowhere')).status).toBe(404);
    expect((await get('/api/entities?kind=planet')).status).toBe(400);

    const events = await get<{ events: { id: string; type: string }[] }>('/api/events?type=transfer');
    expect(events.status).toBe(200);
    expect(events.body.events.length).toBeGreaterThan(0);
    expect(events.body.events.every((e) => e.type === 'transfer')).toBe(true);
    const one = await get<{ event: { id: string }; claims: unknown[] }>(`/api/events/${events.body.events[0]!.id}`);
    expect(one.body.event.id).toBe(events.body.events[0]!.id);
    expect(one.body.claims.length).toBeGreaterThan(0);
    expect((await get('/api/events/ev-none')).status).toBe(404);
    expect((await get('/api/events?minOrigins=0')).status).toBe(400);
  });

  describe('reviews', () => {
    const id = `r1:${held}-${said - 1}:population`;
    const review = (payload: unknown) => app.inject({ method: 'POST', url: `/api/claims/${encodeURIComponent(id)}/review`, payload: payload as object });

    it.each([
      [{ action: 'approve', reviewer: 'ana' }, 'action'],
      [{ action: 'confirm' }, 'reviewer'],
      [{ action: 'correct', reviewer: 'ana' }, 'slots'],
      [{ action: 'correct', reviewer: 'ana', slots: { count: { value: -1 } } }, 'value'],
      [{ action: 'correct', reviewer: 'ana', slots: { colour: 'red' } }, 'additional'],
    ])('refuses %j', async (payload, reason) => {
      const response = await review(payload);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain(reason);
    });

    it('keeps every action in the trail and survives re-extraction of the report', async () => {
      expect((await review({ action: 'confirm', reviewer: 'ana', note: 'checked the FSIN page' })).statusCode).toBe(201);
      const corrected = (await review({ action: 'correct', reviewer: 'bo', slots: { count: { value: 1250 }, places: ['Mordovia'] } })).json() as ReviewResponse;
      expect(corrected.claim).toMatchObject({ reviewState: 'corrected', count: { value: 1250, rule: 'review.correction' } });
      expect(corrected.trail.map((t) => [t.action, t.reviewer, t.before.state, t.after.state])).toEqual([
        ['confirm', 'ana', 'unreviewed', 'confirmed'],
        ['correct', 'bo', 'confirmed', 'corrected'],
      ]);

      // The same report id with new bytes (a re-extraction): the claim rows are replaced.
      const newer = makeReport('r1', `${TEXT} Updated.`, claims);
      const outcome = await store.transaction((r) => storeReport(r, newer, '2024-02-01T00:00:00Z'));
      expect(outcome.replaced).toBe(true);

      const { body } = await get<ClaimResponse>(`/api/claims/${encodeURIComponent(id)}`);
      expect(body.claim.review.state).toBe('corrected');
      expect(body.claim.count?.value).toBe(1250);
      expect(body.claim.places.map((p) => p.name)).toEqual(['Mordovia']);
      expect(body.claim.extracted?.count?.value).toBe(1200);
      expect(body.trail).toHaveLength(2);
      expect((await get<ClaimListResponse>('/api/claims?reportId=r1&type=population')).body.claims[0].reviewState).toBe('corrected');
    });
  });
});
