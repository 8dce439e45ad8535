/**
 * Ingest benchmark (npm run bench:ingest): the corpus repeated to 4 MB, each copy made unique,
 * ingested into a new SQLite store as `etap ingest` does it — extraction in worker threads while
 * the main thread stores — and, for comparison, with extraction on the main thread. Each case runs
 * in a fresh process; medians of 3 runs. Besides the whole run's rate: how long until the first
 * reports were stored (committed), which is mostly the workers loading the pipeline, and the rate
 * after that, which is what a long ingest runs at. Then, once, the corpus repeated to 20 MB, with
 * the rate over each quarter of its reports: whether it holds as the store grows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusInputs } from './support/corpus.js';
import { machineLine, median, peakMemoryMb } from './support/figures.js';
import { caseArgument, reportCase, runCase } from './support/fresh-process.js';
import { etapModules } from './support/etap-modules.js';

const { etap, how } = await etapModules();
const { ingest, openStore } = etap;

const MIN_BYTES = 4 * 1024 * 1024;
const RUNS = 3;
/** The scale case: an ingest five times larger, once, to show whether the rate holds as the store grows. */
const SCALE_BYTES = 20 * 1024 * 1024;
/** What `etap ingest` uses on this machine. */
const CLI_WORKERS = Math.min(4, availableParallelism() - 1);

interface Result {
  reports: number;
  seconds: number[];
  /** Per run: seconds until the first reports were committed, and reports committed after that. */
  firstStored: number[];
  afterFirst: number[];
  peakMb: number;
}

async function measure(workers: number): Promise<Result> {
  const items = corpusInputs(MIN_BYTES).map((input) => ({ ok: true as const, input }));
  const seconds: number[] = [];
  const firstStored: number[] = [];
  const afterFirst: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'etap-bench-ingest-'));
    const store = await openStore({ path: join(dir, 'bench.db') });
    const started = performance.now();
    // Outcomes are told when their batch commits, all of a batch at once: the first one told marks
    // the first commit, and those told before the next microtask are its batch.
    let first: number | undefined;
    let told = 0;
    let toldByFirst = 0;
    const summary = await ingest(store, items, {
      workers,
      onItem: () => {
        told += 1;
        if (first !== undefined) return;
        first = performance.now();
        queueMicrotask(() => (toldByFirst = told));
      },
    });
    seconds.push((performance.now() - started) / 1000);
    firstStored.push(((first ?? started) - started) / 1000);
    afterFirst.push(told - toldByFirst);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (summary.counts.ingested !== items.length) throw new Error(`bench ingest: ${summary.counts.failed} failed: ${summary.failed[0]?.reason}`);
  }
  return { reports: items.length, seconds, firstStored, afterFirst, peakMb: peakMemoryMb() };
}

interface ScaleResult {
  reports: number;
  seconds: number;
  /** Seconds at which each quarter of the reports had been stored (committed). */
  quarters: number[];
  peakMb: number;
}

/** One ingest of the corpus repeated to SCALE_BYTES with etap ingest's workers, timed by quarters. */
async function measureScale(): Promise<ScaleResult> {
  const items = corpusInputs(SCALE_BYTES).map((input) => ({ ok: true as const, input }));
  const dir = mkdtempSync(join(tmpdir(), 'etap-bench-ingest-'));
  const store = await openStore({ path: join(dir, 'bench.db') });
  const started = performance.now();
  const quarters: number[] = [];
  let told = 0;
  const summary = await ingest(store, items, {
    workers: CLI_WORKERS,
    onItem: () => {
      told += 1;
      while (quarters.length < 4 && told >= ((quarters.length + 1) * items.length) / 4) quarters.push((performance.now() - started) / 1000);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  if (summary.counts.ingested !== items.length) throw new Error(`bench ingest: ${summary.counts.failed} failed: ${summary.failed[0]?.reason}`);
  return { reports: items.length, seconds, quarters, peakMb: peakMemoryMb() };
}

const name = caseArgument();
if (name === 'scale') {
  reportCase(await measureScale());
} else if (name) {
  reportCase(await measure(Number(name)));
} else {
  console.log(`${machineLine(RUNS)}; ${how}`);
  for (const workers of new Set([CLI_WORKERS, 0])) {
    const { reports, seconds, firstStored, afterFirst, peakMb } = runCase<Result>(fileURLToPath(import.meta.url), String(workers));
    const s = median(seconds);
    const how = workers === 0 ? 'extraction on the main thread' : `${workers} extraction worker${workers > 1 ? 's' : ''}${workers === CLI_WORKERS ? ' (etap ingest’s default here)' : ''}`;
    const steady = median(seconds.map((total, run) => afterFirst[run] / (total - firstStored[run])));
    console.log(
      `ingest     sqlite     ${reports} reports, ${how}: median ${s.toFixed(2)} s → ${(reports / s).toFixed(0)} reports/s, ${((s * 1000) / reports).toFixed(2)} ms a report; first reports stored after ${median(firstStored).toFixed(2)} s, ${steady.toFixed(0)} reports/s after that; peak memory ${peakMb.toFixed(0)} MB`,
    );
  }
  // The same corpus five times over: every story is republished ~200 times, so copy detection and
  // events meet large clusters; a rate that falls quarter by quarter is a cost growing with the store.
  const scale = runCase<ScaleResult>(fileURLToPath(import.meta.url), 'scale');
  const byQuarter = scale.quarters.map((at, i) => scale.reports / 4 / (at - (i > 0 ? scale.quarters[i - 1] : 0)));
  console.log(
    `ingest     sqlite     ${scale.reports} reports (${SCALE_BYTES / 1024 / 1024} MB), ${CLI_WORKERS} extraction worker${CLI_WORKERS > 1 ? 's' : ''}, one run: ${scale.seconds.toFixed(2)} s → ${(scale.reports / scale.seconds).toFixed(0)} reports/s; by quarter of the reports ${byQuarter.map((r) => r.toFixed(0)).join(', ')} reports/s; peak memory ${scale.peakMb.toFixed(0)} MB`,
  );
}
