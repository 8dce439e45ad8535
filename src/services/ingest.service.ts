import type { SourceItem } from '../domain/source-item.js';
import type { ProcessedReport, ReportInput } from '../domain/types.js';
import { processReport } from '../pipeline/configuration.js';
import type { Repositories, Store } from '../store/index.js';
import { asStoredClaims } from '../store/claim.repository.js';
import { groupReport } from './group.service.js';

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
}

export interface IngestOptions {
  /** Called after each item, in order (progress bars, logs). */
  onItem?: (outcome: IngestOutcome) => void;
  /** The pipeline; tests pass a stand-in. Default: processReport. */
  process?: (input: ReportInput) => ProcessedReport;
  /** Clock for `ingested_at`; default now. */
  now?: () => Date;
}

/**
 * Processes and stores each item, one transaction per report. One bad item never stops the
 * batch: its error becomes its outcome and its transaction is rolled back.
 *
 * Identity: a report whose SHA-256 is already stored is a duplicate, whatever its id. A report
 * whose id is stored with different bytes is a re-extraction: the report row, its furniture,
 * messages and claims are replaced in one transaction (claim ids are stable per span and type,
 * so unchanged claims keep theirs).
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
  for await (const item of items) {
    const outcome = item.ok ? await ingestOne(store, item.input, options) : { origin: item.origin, status: 'failed' as const, reason: item.reason };
    tally(summary, outcome);
    options.onItem?.(outcome);
  }
  return summary;
}

async function ingestOne(store: Store, input: ReportInput, options: IngestOptions): Promise<IngestOutcome> {
  try {
    const report = (options.process ?? processReport)(input);
    const ingestedAt = (options.now?.() ?? new Date()).toISOString();
    return await store.transaction((repositories) => storeReport(repositories, report, ingestedAt));
  } catch (error) {
    return { origin: input.origin, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Writes one processed report; the caller's transaction makes it all-or-nothing. */
export async function storeReport(repositories: Repositories, report: ProcessedReport, ingestedAt: string): Promise<IngestOutcome> {
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
  const input = { report: { text: report.text, outlet: report.meta.outlet, published: report.meta.published }, claims: asStoredClaims(report.id, report.claims, ids), fresh: !replaced };
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
