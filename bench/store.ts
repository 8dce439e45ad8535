/**
 * Store-only ingest benchmark (npm run bench:store): the bench:ingest inputs are processed (and
 * fingerprinted) first, then only the storing (report, claims, grouping; ingest's batched
 * transactions, a savepoint per report) is timed: the main thread's share of an ingest whose
 * extraction runs in workers, and so the bound on its throughput. Median of 3 runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Extraction } from '../src/services/extraction/extraction.js';
import { corpusInputs } from './support/corpus.js';
import { machineLine, median } from './support/figures.js';
import { etapModules } from './support/etap-modules.js';

const { etap, how } = await etapModules();
const { processReport, ingest, openStore, textFingerprint } = etap;

const MIN_BYTES = 4 * 1024 * 1024;
const RUNS = 3;

/** The bench:ingest inputs, processed. */
const reports = corpusInputs(MIN_BYTES).map((input) => processReport(input));
// Ingest itself, with extraction swapped for a lookup of the reports processed above and their
// fingerprints: what the main thread does when workers extract.
const extracted = new Map(reports.map((report) => [report.origin, { report, fingerprint: textFingerprint(report.text) }]));
const items = reports.map((report) => ({ ok: true as const, input: { meta: {}, original: report.original, format: 'text' as const, origin: report.origin } }));
const extraction: Extraction = { process: async (input) => extracted.get(input.origin)!, close: async () => {} };
const now = () => new Date('2026-01-01T00:00:00Z');
const claims = reports.reduce((n, r) => n + r.claims.length, 0);
const times: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'etap-bench-store-'));
  const store = await openStore({ path: join(dir, 'bench.db') });
  const started = performance.now();
  const summary = await ingest(store, items, { extraction, now });
  times.push((performance.now() - started) / 1000);
  await store.close();
  if (summary.counts.ingested !== reports.length) throw new Error(`bench store: ${summary.counts.failed} failed: ${summary.failed[0]?.reason}`);
  rmSync(dir, { recursive: true, force: true });
}
const seconds = median(times);
console.log(`${machineLine(RUNS)}; ${how}`);
console.log(
  `store only  sqlite     ${reports.length} processed reports (${claims} claims): median ${seconds.toFixed(2)} s → ${(reports.length / seconds).toFixed(0)} reports/s, ${((seconds * 1000) / reports.length).toFixed(2)} ms a report (batched transactions, a savepoint per report, grouping included)`,
);
