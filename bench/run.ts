/**
 * Extraction benchmark (npm run bench:extract): throughput of the pipeline on the shared corpus
 * repeated to ≥ 20 MB (English; Russian, to 5 MB; all languages), peak memory and the code spaces
 * at the end (past 16 MB V8 compiles patterns unoptimised: see figures.ts); then one long
 * report a language (4 MB of the corpus's texts in one), whose MB/s should match the short
 * reports' (a step that grows faster than the text made a 0.4 MB English report take 100 s). One
 * thread, so one core. Each case runs in a fresh process; medians of 3 runs. Ingest is measured in
 * bench/ingest.ts.
 */
import { fileURLToPath } from 'node:url';
import { corpusInputs, longReportInput } from './support/corpus.js';
import { codeSpaceMb, machineLine, median, peakMemoryMb } from './support/figures.js';
import { caseArgument, reportCase, runCase } from './support/fresh-process.js';
import { etapModules } from './support/etap-modules.js';

const { etap, how } = await etapModules();
const { processReport } = etap;

const TARGET_BYTES = 20 * 1024 * 1024;
const RUNS = 3;
const LONG_BYTES = 4 * 1024 * 1024;
const CASES: Record<string, { language?: string; bytes: number; long?: boolean }> = {
  english: { language: 'en', bytes: TARGET_BYTES },
  russian: { language: 'ru', bytes: TARGET_BYTES / 4 },
  all: { bytes: TARGET_BYTES },
  'long en': { language: 'en', bytes: LONG_BYTES, long: true },
  'long ru': { language: 'ru', bytes: LONG_BYTES, long: true },
  'long uk': { language: 'uk', bytes: LONG_BYTES, long: true },
};

interface Result {
  reports: number;
  bytes: number;
  claims: number;
  seconds: number[];
  peakMb: number;
  codeMb: number;
}

function measure(name: string): Result {
  const { language, bytes: target, long } = CASES[name];
  const items = long ? [longReportInput(target, language!)] : corpusInputs(target, language);
  const bytes = items.reduce((n, i) => n + i.original.length, 0);
  const seconds: number[] = [];
  let claims = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    claims = 0;
    for (const item of items) claims += processReport(item).claims.length;
    seconds.push((performance.now() - started) / 1000);
  }
  return { reports: items.length, bytes, claims, seconds, peakMb: peakMemoryMb(), codeMb: codeSpaceMb() };
}

const name = caseArgument();
if (name) {
  reportCase(measure(name));
} else {
  console.log(`${machineLine(RUNS)}; ${how}`);
  for (const label of Object.keys(CASES)) {
    const { reports, bytes, claims, seconds, peakMb, codeMb } = runCase<Result>(fileURLToPath(import.meta.url), label);
    const s = median(seconds);
    const mb = bytes / (1024 * 1024);
    const rate = reports === 1 ? ',' : ` → ${(reports / s).toFixed(0)} reports/s,`;
    console.log(
      `extraction ${label.padEnd(10)} ${reports} report${reports === 1 ? '' : 's'}, ${mb.toFixed(1)} MB: median ${s.toFixed(2)} s${rate} ${(mb / s).toFixed(2)} MB/s (${claims} claims); peak memory ${peakMb.toFixed(0)} MB, code ${codeMb.toFixed(1)} MB`,
    );
  }
}
