/**
 * Extraction benchmark (npm run bench:extract): throughput of the pipeline on the shared corpus
 * repeated to ≥ 20 MB, and peak memory. One thread, so one core. Prints medians of several runs.
 * Ingest is measured apart, in bench/ingest.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processReport } from '../src/pipeline/configuration.js';
import type { ReportInput } from '../src/domain/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.ETAP_SHARED ?? join(root, '..', 'shared'));
const TARGET_BYTES = 20 * 1024 * 1024;
const RUNS = 3;

interface CorpusDoc {
  id: string;
  text: string;
  published?: string | null;
  language?: string;
  outlet?: string;
  title?: string;
}

function corpus(): CorpusDoc[] {
  return ['seeds', 'dev'].flatMap((set) => {
    const dir = join(shared, 'corpus', set, 'docs');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CorpusDoc);
  });
}

/** Inputs built from the corpus, each made unique (so ingest never skips one as a duplicate). */
function inputs(docs: CorpusDoc[], minBytes: number, language?: string): ReportInput[] {
  const pool = docs.filter((d) => !language || d.language === language);
  const out: ReportInput[] = [];
  let bytes = 0;
  for (let i = 0; bytes < minBytes; i++) {
    const d = pool[i % pool.length];
    const text = `${d.text}\n\nCopy ${i}.`;
    const original = Buffer.from(text, 'utf8');
    bytes += original.length;
    out.push({
      meta: { id: `${d.id}-${i}`, published: d.published ?? undefined, language: d.language, outlet: d.outlet, title: d.title },
      original,
      format: 'text',
      origin: `bench:${d.id}:${i}`,
      decoded: text,
    });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => n / (1024 * 1024);

function benchExtraction(items: ReportInput[], label: string): void {
  const bytes = items.reduce((n, i) => n + i.original.length, 0);
  const times: number[] = [];
  let claims = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    claims = 0;
    for (const item of items) claims += processReport(item).claims.length;
    times.push((performance.now() - t0) / 1000);
  }
  const s = median(times);
  console.log(
    `extraction ${label.padEnd(10)} ${items.length} reports, ${mb(bytes).toFixed(1)} MB: median ${s.toFixed(2)} s → ${(items.length / s).toFixed(0)} reports/s, ${(mb(bytes) / s).toFixed(2)} MB/s (${claims} claims)`,
  );
}

const docs = corpus();
console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${RUNS} runs, medians`);
benchExtraction(inputs(docs, TARGET_BYTES, 'en'), 'english');
benchExtraction(inputs(docs, TARGET_BYTES / 4, 'ru'), 'russian');
benchExtraction(inputs(docs, TARGET_BYTES), 'all');
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
