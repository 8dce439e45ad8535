import type { SourceItem } from '../domain/source-item.js';
import type { ProcessedReport, ReportInput } from '../domain/types.js';
import type { TextFingerprint } from '../grouping/minhash.js';
import type { Repositories, Store } from '../store/index.js';
import { extractAhead, type Extracted } from './extraction/extract-ahead.js';
import { inlineExtraction, type Extraction } from './extraction/extraction.js';
import { WorkerExtraction } from './extraction/worker-extraction.js';
import { asStoredClaims } from '../store/claim.repository.js';
import { groupReport, prepareGrouping } from './group.service.js';
import { DEFAULT_BATCH_LIMITS, IngestBatcher, type BatchLimits } from './ingest-batch.js';

/** What happened to one source item. */
export interface IngestOutcome {
  /** Where the item came from (path, `path:line`, `-`). */
  origin: string;
  /**
   * `ingested`: stored (new, or replacing an earlier extraction of the same report id);
   * `duplicate`: these exact bytes were stored already, nothing written;
   * `failed`: unreadable, or processing or storing threw; nothing of it was written.
   */
  status: 'ingested' | 'duplicate' | 'failed';
  reportId?: string;
  /** Number of claims stored. */
  claims?: number;
  /** True when a report with this id was already stored with other content, and was replaced. */
  replaced?: boolean;
  /** Why it failed. */
  reason?: string;
}

export interface IngestSummary {
  counts: { ingested: number; replaced: number; duplicate: number; failed: number; claims: number };
  outcomes: IngestOutcome[];
  failed: IngestOutcome[];
  /** True when `signal` stopped the run: the items after the last outcome were not read, or not stored. */
  interrupted?: boolean;
}

export interface IngestOptions {
  /** Called after each item, in order (progress bars, logs). */
  onItem?: (outcome: IngestOutcome) => void;
  /** The pipeline; tests pass a stand-in, which runs on this thread (no workers). Default: etap's (processReport). */
  process?: (input: ReportInput) => ProcessedReport;
  /**
   * Worker threads that run the pipeline while this thread stores (default 0: this thread does
   * both). Until a worker is ready, and for the reports of one that died, this thread processes.
   */
  workers?: number;
  /** Told when a worker thread could not start or died (its reports were processed on this thread). */
  onWorkerLost?: (error: Error) => void;
  /** Where reports are processed, kept open for the caller to close; takes the place of `process` and `workers`. */
  extraction?: Extraction;
  /** Clock for `ingested_at`; default now. */
  now?: () => Date;
  /**
   * Stops the run (Ctrl-C): no item is taken after it is aborted, the reports stored so far are
   * committed and reported, and the summary says `interrupted`. Running the same ingest again
   * stores the rest (the reports stored are skipped as duplicates).
   */
  signal?: AbortSignal;
  /** When to commit (default: every 400 reports or 500 ms, and at the end). */
  batch?: BatchLimits;
}

/**
 * Processes and stores each item. Each report is written atomically, in its own savepoint;
 * several reports share a transaction, committed every `batch.reports` reports or
 * `batch.milliseconds`, and at the end. One bad item never stops the batch: its error becomes
 * its outcome and only its writes are rolled back. Outcomes (and `onItem`) come once their
 * batch is committed, so a crash loses at most the reports not yet reported, which a re-run stores.
 *
 * Identity: a report whose SHA-256 is already stored is a duplicate, whatever its id. A report
 * whose id is stored with different bytes is a re-extraction: the report row, its furniture,
 * messages and claims are replaced together (claim ids are stable per span and type, so
 * unchanged claims keep theirs).
 */
export async function ingest(
  store: Store,
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    counts: { ingested: 0, replaced: 0, duplicate: 0, failed: 0, claims: 0 },
    outcomes: [],
    failed: [],
  };
  const batcher = new IngestBatcher(store, storeReport, options.batch ?? DEFAULT_BATCH_LIMITS);
  const report = (outcomes: IngestOutcome[]) => {
    for (const outcome of outcomes) {
      tally(summary, outcome);
      options.onItem?.(outcome);
    }
  };
  const extraction = options.extraction ?? extractionFor(options);
  // Workers take most of a second to start, and this thread has nothing to store meanwhile: it
  // loads what grouping reads (the gazetteer, the organisations) now rather than on the first report.
  if (extraction instanceof WorkerExtraction) setImmediate(prepareGroupingQuietly);
  const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : asAsync(items);
  const iterator = extractAhead(source, extraction, lookahead(options));
  try {
    for (;;) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      const next = await nextItem(iterator, batcher, report);
      if (next.done) break;
      await ingestOne(batcher, next.value, options);
      if (!batcher.due) continue;
      report(await batcher.flush());
      // Extracting on this thread and storing with a synchronous driver, a run can go from item to
      // item on resolved promises alone: once a batch, the event loop turns, so timers, progress
      // and a Ctrl-C (options.signal) are heard.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    // Reading the items may throw (a broken stream): what was stored before still commits.
    report(await batcher.flush());
    await iterator.return(undefined);
    if (!options.extraction) await extraction.close();
  }
  if (summary.counts.ingested + summary.counts.replaced >= REFRESH_STATISTICS_AFTER) await store.refreshStatistics();
  return summary;
}

function prepareGroupingQuietly(): void {
  try {
    prepareGrouping();
  } catch {
    // Grouping the first report meets the same error, and it becomes that report's reason.
  }
}

/** Reports stored in one run after which the planner's statistics are brought up to date. */
export const REFRESH_STATISTICS_AFTER = 100;

/**
 * The next item. While a batch is open and the next item is slow to come (a stream on stdin),
 * the batch is committed when its time is up rather than held open, with the store's write lock,
 * until the item arrives.
 */
async function nextItem(iterator: AsyncIterator<Extracted>, batcher: IngestBatcher, report: (outcomes: IngestOutcome[]) => void): Promise<IteratorResult<Extracted>> {
  const next = iterator.next();
  const wait = batcher.msUntilDue;
  if (wait === undefined) return next;
  let timer: NodeJS.Timeout | undefined;
  const due = new Promise<'due'>((resolve) => (timer = setTimeout(() => resolve('due'), wait)));
  const first = await Promise.race([next, due]);
  clearTimeout(timer);
  if (first !== 'due') return first;
  report(await batcher.flush());
  return next;
}

async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

function extractionFor(options: IngestOptions): Extraction {
  if (options.process) return inlineExtraction(options.process);
  if (!options.workers || options.workers < 1) return inlineExtraction();
  // Workers start at once, to load while this thread reads and extracts the first reports itself (see
  // WorkerExtraction); a run over before they are ready only stops them.
  return new WorkerExtraction({ threads: options.workers, onLost: options.onWorkerLost });
}

const LOOKAHEAD_PER_WORKER = 32;

/** Items read and handed to the pipeline ahead of the one being stored: enough to keep every worker busy. */
function lookahead(options: IngestOptions): number {
  if (options.extraction) return LOOKAHEAD_PER_WORKER;
  return options.process ? 1 : Math.max(1, (options.workers ?? 0) * LOOKAHEAD_PER_WORKER);
}

async function ingestOne(batcher: IngestBatcher, item: Extracted, options: IngestOptions): Promise<void> {
  if (!item.ok) return batcher.hold({ origin: item.origin, status: 'failed', reason: item.reason });
  await batcher.write(item.extracted.report, (options.now?.() ?? new Date()).toISOString(), item.extracted.fingerprint);
}

/**
 * Writes one processed report; the caller's transaction makes it all-or-nothing. `fingerprint`
 * is its text's, when the caller computed it already.
 */
export async function storeReport(repositories: Repositories, report: ProcessedReport, ingestedAt: string, fingerprint?: TextFingerprint): Promise<IngestOutcome> {
  const { reports, claims } = repositories;
  const sameBytes = await reports.findIdBySha256(report.sha256);
  if (sameBytes !== undefined) return { origin: report.origin, status: 'duplicate', reportId: sameBytes };
  const replaced = await reports.exists(report.id);
  if (replaced) {
    await claims.deleteByReport(report.id);
    await reports.replace(report, ingestedAt);
  } else {
    await reports.insert(report, ingestedAt);
  }
  const ids = await claims.insertMany(report.id, report.claims);
  // Grouping (copies, events) is incremental and lives in the same transaction: a stored report is always grouped.
  const input = { report: { text: report.text, outlet: report.meta.outlet, published: report.meta.published, title: report.meta.title }, claims: asStoredClaims(report.id, report.claims, ids), fresh: !replaced, fingerprint };
  await groupReport(repositories, report.id, { input });
  const outcome: IngestOutcome = { origin: report.origin, status: 'ingested', reportId: report.id, claims: report.claims.length };
  if (replaced) outcome.replaced = true;
  return outcome;
}

function tally(summary: IngestSummary, outcome: IngestOutcome): void {
  summary.outcomes.push(outcome);
  if (outcome.status === 'ingested') {
    summary.counts.ingested += 1;
    summary.counts.claims += outcome.claims ?? 0;
    if (outcome.replaced) summary.counts.replaced += 1;
  } else if (outcome.status === 'duplicate') {
    summary.counts.duplicate += 1;
  } else {
    summary.counts.failed += 1;
    summary.failed.push(outcome);
  }
}
