import { availableParallelism } from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import type { IngestSummary } from '../../services/ingest.service.js';
import { addMetaOptions, metaOverrides } from '../meta-options.js';
import { progress } from '../progress.js';
import { storeLocation, withStore } from '../store-options.js';

/** Loaded when a command runs, not when the CLI starts: the pipeline builds its lexicons and reads the gazetteer as it loads. */
const ingestModules = () => Promise.all([import('../../input/read-sources.js'), import('../../input/walk.js'), import('../../services/ingest.service.js')]);

/** `etap ingest PATH...`: reads reports, extracts their claims and stores them. */
export function registerIngest(program: Command): void {
  addMetaOptions(
    program
      .command('ingest')
      .description('read reports (files, folders, - for stdin), extract claims and store them')
      .argument('<paths...>', '.txt, .html, .json, .jsonl files, folders (recursive) or - for stdin')
      .option('--json', 'print each item’s outcome as JSON')
      .option('--workers <n>', `threads that extract while the main thread stores; 0 extracts on the main thread (default: ${defaultWorkers()}, one fewer than the cores, at most ${MAX_WORKERS}; 0 for under ${SMALL_INPUT_BYTES / 1024} KB of reports)`, workerCount),
  ).action(async (paths: string[], options: Record<string, unknown>, command: Command) => {
    const summary = await runIngest(command, paths, options);
    if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else printIngestSummary(summary, storeLocation(command).label);
    if (summary.counts.failed > 0) process.exitCode = 1;
    if (summary.interrupted) process.exitCode = 130;
  });
}

/** Ingests `paths` into the command's store, with a progress line on a terminal. */
export async function runIngest(command: Command, paths: string[], options: Record<string, unknown>): Promise<IngestSummary> {
  const overrides = metaOverrides(options);
  const [{ readSources }, { inputBytes }, { ingest }] = await ingestModules();
  const workers = (options.workers as number | undefined) ?? (await workersFor(paths, inputBytes));
  return withStore(command, async (store) => {
    // Ctrl-C stops after what is stored so far is committed and reported; a second one at once.
    const interrupt = new AbortController();
    const onInterrupt = () => {
      if (interrupt.signal.aborted) process.exit(130);
      interrupt.abort();
      process.stderr.write('\netap: stopping once the reports stored so far are committed (Ctrl-C again stops at once)\n');
    };
    process.on('SIGINT', onInterrupt);
    const bar = progress('ingest');
    const onWorkerLost = (error: Error) => process.stderr.write(`etap: an extraction worker stopped (${error.message}); its reports were extracted on the main thread\n`);
    try {
      return await ingest(store, readSources(paths, { overrides }), { onItem: (o) => bar.tick(o.origin), workers, onWorkerLost, signal: interrupt.signal });
    } finally {
      bar.stop();
      process.off('SIGINT', onInterrupt);
    }
  }, { create: true });
}

/** More workers than this never helps: the main thread, storing, is the bottleneck by then. */
const MAX_WORKERS = 4;

function defaultWorkers(): number {
  return Math.min(MAX_WORKERS, availableParallelism() - 1);
}

/**
 * Under this many bytes of reports (a dozen short ones), the main thread extracts them all sooner
 * than a worker is ready to (a worker takes half a second to start): the 12 demo reports, 14 KB,
 * were ingested in 0.95–1.09 s without one and 1.19–1.30 s with one.
 */
export const SMALL_INPUT_BYTES = 32 * 1024;

/** The workers for an ingest of `paths` when --workers is not given. */
async function workersFor(paths: string[], inputBytes: (paths: readonly string[], limit: number) => Promise<number | undefined>): Promise<number> {
  const bytes = await inputBytes(paths, SMALL_INPUT_BYTES);
  return bytes !== undefined && bytes <= SMALL_INPUT_BYTES ? 0 : defaultWorkers();
}

function workerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError('expected a whole number from 0 to 64');
  return n;
}

/** The human-readable account of an ingest: counts, then every failure with its reason. */
export function printIngestSummary(summary: IngestSummary, where: string): void {
  const { counts } = summary;
  const lines = [
    `ingested ${counts.ingested} report(s) (${counts.replaced} re-extracted), ${counts.duplicate} already stored, ${counts.failed} failed; ${counts.claims} claim(s) stored in ${where}`,
  ];
  for (const f of summary.failed) lines.push(`  failed: ${f.origin}: ${f.reason}`);
  if (summary.interrupted) lines.push('interrupted: the reports after these were not stored; the same command again stores them (those stored are skipped)');
  process.stdout.write(`${lines.join('\n')}\n`);
}
