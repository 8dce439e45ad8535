/**
 * Ingest benchmark (npm run bench:ingest): the corpus repeated to 4 MB, each copy made unique,
 * ingested into a new SQLite store as `etap ingest` does it — extraction in worker threads while
 * the main thread stores — and, for comparison, with extraction on the main thread. Each case runs
 * in a fresh process, so one case's heap and JIT state never weigh on the next. Medians of 3 runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/services/ingest.service.js';
import { openStore } from '../src/store/index.js';
import type { SourceItem } from '../src/domain/source-item.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));
const MIN_BYTES = 4 * 1024 * 1024;
const RUNS = 3;
/** What `etap ingest` uses on this machine. */
const CLI_WORKERS = Math.min(4, availableParallelism() - 1);

function items(): SourceItem[] {
  const docs = ['seeds', 'dev'].flatMap((set) => {
    const dir = join(shared, 'corpus', set, 'docs');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; text: string; published?: string | null; language?: string; outlet?: string; title?: string });
  });
  const out: SourceItem[] = [];
  for (let i = 0, bytes = 0; bytes < MIN_BYTES; i++) {
    const d = docs[i % docs.length];
    const text = `${d.text}\n\nCopy ${i}.`;
    const original = Buffer.from(text, 'utf8');
    bytes += original.length;
    out.push({ ok: true, input: { meta: { id: `${d.id}-${i}`, published: d.published ?? undefined, language: d.language, outlet: d.outlet, title: d.title }, original, format: 'text', origin: `bench:${d.id}:${i}`, decoded: text } });
  }
  return out;
}

/** One case, in this process: prints a JSON line of seconds per run. */
async function runCase(workers: number): Promise<void> {
  const source = items();
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'etap-bench-ingest-'));
    const store = await openStore({ path: join(dir, 'bench.db') });
    const started = performance.now();
    const summary = await ingest(store, source, { workers });
    seconds.push((performance.now() - started) / 1000);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (summary.counts.ingested !== source.length) throw new Error(`bench ingest: ${summary.counts.failed} failed: ${summary.failed[0]?.reason}`);
  }
  process.stdout.write(`${JSON.stringify({ reports: source.length, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

const caseArg = process.argv.indexOf('--case');
if (caseArg >= 0) {
  await runCase(Number(process.argv[caseArg + 1]));
} else {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} runs, medians`);
  const cases = [...new Set([CLI_WORKERS, 0])];
  for (const workers of cases) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--case', String(workers)], { encoding: 'utf8' });
    const { reports, seconds, maxRssMb } = JSON.parse(out.trim().split('\n').at(-1)!) as { reports: number; seconds: number[]; maxRssMb: number };
    const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
    const how = workers === 0 ? 'extraction on the main thread' : `${workers} extraction worker${workers > 1 ? 's' : ''}${workers === CLI_WORKERS ? ' (etap ingest’s default here)' : ''}`;
    console.log(`ingest     sqlite     ${reports} reports, ${how}: median ${median.toFixed(2)} s → ${(reports / median).toFixed(0)} reports/s, ${((median * 1000) / reports).toFixed(2)} ms a report; peak memory ${maxRssMb.toFixed(0)} MB`);
  }
}
