/**
 * API latency (p50/p95) for the claims list, a claim page, the map and the timeline (with and
 * without filters) on a SQLite store of 100k synthetic claims, and the dashboard's JavaScript
 * size gzipped. One process, one core.
 * Run: node --import tsx bench/api.ts [claims] [--db PATH]
 * `--db` keeps the loaded store at PATH and reuses it on the next run (loading is most of the time).
 * `--postgres` measures a PostgreSQL store instead, on a server it starts in a temporary folder
 * (PostgreSQL 15 binaries needed, as for the tests).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../src/api/server.js';
import { prepareOverviews } from '../src/services/overview.service.js';
import { CLAIM_TYPES, type Claim, type NamedValue, type ProcessedReport } from '../src/domain/types.js';
import { openStore, type Store } from '../src/store/index.js';
import { startPostgres } from '../test/support/postgres.js';
import { DIST } from '../web/build.js';

const args = process.argv.slice(2);
const dbAt = args.indexOf('--db');
const KEEP = dbAt >= 0 ? args.splice(dbAt, 2)[1] : undefined;
const pgAt = args.indexOf('--postgres');
const POSTGRES = pgAt >= 0 && args.splice(pgAt, 1).length > 0;
const TOTAL = Number(args[0] ?? 100_000);
const PER_REPORT = 50;
const RUNS = 200;
const PLACES: [string, number, number][] = [
  ['Kherson', 46.64, 32.61], ['Krasnodar', 45.04, 38.98], ['Rostov-on-Don', 47.23, 39.72], ['Volgograd', 48.71, 44.51],
  ['Donetsk', 48.0, 37.8], ['Mordovia', 54.2, 44.0], ['Taganrog', 47.21, 38.9], ['Mariupol', 47.1, 37.55],
];
const SENTENCE = 'About 120 prisoners were transferred from Kherson to Krasnodar in March 2023, relatives told the outlet. ';

function named(name: string, at: number, extra: Partial<NamedValue> = {}): NamedValue {
  return { name, span: { start: at, end: at + name.length }, text: name, rule: 'bench.named', certainty: 'stated', ...extra };
}

function syntheticReport(r: number): ProcessedReport {
  const text = SENTENCE.repeat(PER_REPORT);
  const claims: Claim[] = [];
  for (let i = 0; i < PER_REPORT; i++) {
    const start = i * SENTENCE.length;
    const [from, to] = [PLACES[(r + i) % PLACES.length], PLACES[(r + i + 3) % PLACES.length]];
    const month = String(1 + ((r + i) % 12)).padStart(2, '0');
    claims.push({
      type: CLAIM_TYPES[(r + i) % CLAIM_TYPES.length],
      quote: SENTENCE.slice(0, -1),
      start,
      end: start + SENTENCE.length - 1,
      rule: 'bench.claim',
      count: { value: 100 + ((r * 7 + i) % 900), span: { start, end: start + 9 }, text: 'About 120', rule: 'bench.count', certainty: 'stated' },
      time: { start: `${2022 + (r % 3)}-${month}`, end: `${2022 + (r % 3)}-${month}`, span: { start: start + 67, end: start + 77 }, text: 'March 2023', rule: 'bench.time', certainty: 'stated' },
      places: [named(from[0], start + 37, { lat: from[1], lon: from[2], entityId: `place:${from[0]}` }), named(to[0], start + 48, { lat: to[1], lon: to[2], entityId: `place:${to[0]}` })],
      facilities: [],
      sources: [named('relatives', start + 84)],
      actors: [],
      subjects: {},
      hedged: false,
    });
  }
  const original = new TextEncoder().encode(`${r}:${text}`);
  return {
    id: `bench-${r}`, meta: { id: `bench-${r}`, outlet: 'Bench', published: '2023-03-20' }, origin: `bench-${r}`,
    sha256: createHash('sha256').update(original).digest('hex'), original, encoding: 'utf-8', text, furniture: [], language: 'en', extracted: true, claims, messages: [],
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Writes the synthetic reports and their claims, a hundred reports (5,000 claims) a transaction.
 * Grouping into events is left out: no query measured here reads events, and grouping thousands
 * of identical synthetic claims into a few huge events is what made loading take minutes.
 */
async function load(store: Store): Promise<void> {
  const loadStart = performance.now();
  const reports = TOTAL / PER_REPORT;
  for (let r = 0; r < reports; r += 100) {
    await store.transaction(async (repositories) => {
      for (let k = r; k < Math.min(reports, r + 100); k++) {
        const report = syntheticReport(k);
        await repositories.reports.insert(report, '2024-01-01T00:00:00Z');
        await repositories.claims.insertMany(report.id, report.claims);
      }
    });
  }
  process.stdout.write(`loaded ${TOTAL} claims in ${((performance.now() - loadStart) / 1000).toFixed(1)} s\n`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'etap-bench-api-'));
  const path = KEEP ?? join(dir, 'bench.db');
  const server = POSTGRES ? await startPostgres() : undefined;
  const where = server ? { url: server.url } : { path };
  const reuse = !server && KEEP !== undefined && existsSync(KEEP);
  const store = await openStore(where);
  try {
    if (!reuse) {
      await load(store);
      // As ingest does after a large run.
      await store.refreshStatistics();
    }
    const stored = Object.values(await store.claims.countByType()).reduce((sum, n) => sum + n, 0);
    if (stored !== TOTAL) throw new Error(`${path} holds ${stored} claims, not ${TOTAL}`);
    const app = await buildServer({ store, webRoot: join(dir, 'no-web') });
    // As `etap serve` does at start.
    await prepareOverviews(store);
    const cases: [string, (i: number) => string][] = [
      ['claims list (100)', () => '/api/claims?limit=100'],
      ['claims list, type + since filter', () => '/api/claims?type=transfer&since=2023-06&limit=100'],
      ['claims list, deep cursor', (i) => `/api/claims?limit=100&cursor=${(i * 397) % TOTAL}`],
      ['claim page', (i) => `/api/claims/${encodeURIComponent(`bench-${(i * 31) % (TOTAL / PER_REPORT)}:${(i % PER_REPORT) * SENTENCE.length}-${(i % PER_REPORT) * SENTENCE.length + SENTENCE.length - 1}:${CLAIM_TYPES[((i * 31) % (TOTAL / PER_REPORT) + (i % PER_REPORT)) % 8]}`)}`],
      ['map (all claims)', () => '/api/map'],
      ['map (transfer, 2023)', () => '/api/map?type=transfer&since=2023&until=2023'],
      ['map (type release)', () => '/api/map?type=release'],
      ['map (since 2023-06)', () => '/api/map?since=2023-06'],
      ['map (source relatives)', () => '/api/map?source=relatives'],
      ['map (place taganrog)', () => '/api/map?place=taganrog'],
      ['map (search "prisoners")', () => '/api/map?search=prisoners'],
      ['map (gender female)', () => '/api/map?gender=female'],
      ['timeline', () => '/api/timeline'],
      ['timeline (type transfer)', () => '/api/timeline?type=transfer'],
      ['timeline (place kherson)', () => '/api/timeline?place=kherson'],
    ];
    const rows: string[] = [];
    for (const [name, url] of cases) {
      const first = await app.inject(url(0));
      if (first.statusCode !== 200) throw new Error(`${name}: ${first.statusCode} ${first.body.slice(0, 200)}`);
      const times: number[] = [];
      const runs = name.startsWith('map') || name.startsWith('timeline') ? 30 : RUNS;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await app.inject(url(i));
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      rows.push(`| ${name.padEnd(34)} | ${percentile(times, 50).toFixed(1).padStart(7)} | ${percentile(times, 95).toFixed(1).padStart(7)} |`);
    }
    // A filtered map right after a report of 50 claims is stored: the index reads only those.
    const afterIngest: number[] = [];
    const extra = TOTAL / PER_REPORT;
    for (let i = 0; i < 10; i++) {
      await store.transaction(async (repositories) => {
        const report = syntheticReport(extra + i);
        await repositories.reports.insert(report, '2024-01-01T00:00:00Z');
        await repositories.claims.insertMany(report.id, report.claims);
      });
      const started = performance.now();
      await app.inject('/api/map?source=relatives');
      afterIngest.push(performance.now() - started);
    }
    await store.db.deleteFrom('reports').where('id', 'in', Array.from({ length: 10 }, (_, i) => `bench-${extra + i}`)).execute();
    afterIngest.sort((a, b) => a - b);
    rows.push(`| ${'map (source), new report stored'.padEnd(34)} | ${percentile(afterIngest, 50).toFixed(1).padStart(7)} | ${percentile(afterIngest, 95).toFixed(1).padStart(7)} |`);
    const fresh = await openStore(where);
    const coldStart = performance.now();
    await prepareOverviews(fresh);
    const cold = performance.now() - coldStart;
    await fresh.close();
    process.stdout.write(`\nreading every claim into a new server's overview index (etap serve does it at start): ${cold.toFixed(0)} ms\n`);
    process.stdout.write(`\nAPI latency on ${TOTAL.toLocaleString('en')} claims (${server ? 'PostgreSQL' : 'SQLite'}, in-process inject, ms)\n| query                              |     p50 |     p95 |\n|------------------------------------|---------|---------|\n${rows.join('\n')}\n`);
    await app.close();
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    await server?.stop();
  }
  const assets = join(DIST, 'assets');
  if (existsSync(assets)) {
    const js = readdirSync(assets).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(assets, f)));
    const raw = js.reduce((n, b) => n + b.length, 0);
    const gz = js.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    process.stdout.write(`\ndashboard JavaScript: ${(raw / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(1)} KiB gzipped\n`);
  } else {
    process.stdout.write('\ndashboard JavaScript: web/dist not built (npm run build:web)\n');
  }
}

await main();
