import type { ProcessedReport } from '../domain/types.js';
import type { TextFingerprint } from '../grouping/minhash.js';
import type { Repositories, Store } from '../store/index.js';
import { BatchLostError, type WriteBatch } from '../store/write-batch.js';
import type { IngestOutcome } from './ingest.service.js';

/** When a batch is committed: after this many reports stored, or this long after it began, whichever comes first. */
export interface BatchLimits {
  reports: number;
  milliseconds: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { reports: 400, milliseconds: 500 };

type StoreOne = (repositories: Repositories, report: ProcessedReport, ingestedAt: string, fingerprint?: TextFingerprint) => Promise<IngestOutcome>;

/** An outcome waiting for its batch's commit; `report` is set for those the batch wrote. */
interface Held {
  outcome: IngestOutcome;
  report?: ProcessedReport;
  ingestedAt?: string;
  fingerprint?: TextFingerprint;
}

/**
 * Stores reports several to a transaction, each in its own savepoint, and hands back their
 * outcomes only once they are committed. A report that fails rolls back alone. When the batch
 * as a whole is lost (its commit fails, or the database drops the transaction), the reports it
 * held are stored again one transaction each, so each still gets its own, true outcome.
 */
export class IngestBatcher {
  #batch?: WriteBatch<Repositories>;
  #startedAt = 0;
  #held: Held[] = [];

  constructor(
    private readonly store: Store,
    private readonly storeOne: StoreOne,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Writes one report into the open batch (opening one if needed); its outcome waits for the commit. */
  async write(report: ProcessedReport, ingestedAt: string, fingerprint?: TextFingerprint): Promise<void> {
    const batch = (this.#batch ??= await this.begin());
    try {
      this.#held.push({ outcome: await batch.run((repositories) => this.storeOne(repositories, report, ingestedAt, fingerprint)), report, ingestedAt, fingerprint });
    } catch (error) {
      if (!(error instanceof BatchLostError)) return this.hold(failure(report.origin, error));
      await this.recover();
      this.#held.push({ outcome: await this.alone(report, ingestedAt, fingerprint) });
    }
  }

  /** An outcome that wrote nothing, kept in order behind the ones waiting for the commit. */
  hold(outcome: IngestOutcome): void {
    this.#held.push({ outcome });
  }

  /** True when `flush` should run: the open batch has reached a limit, or outcomes wait with no batch open. */
  get due(): boolean {
    if (!this.#batch) return this.#held.length > 0;
    return this.#batch.size >= this.limits.reports || this.clock() - this.#startedAt >= this.limits.milliseconds;
  }

  /** Milliseconds until the open batch reaches its time limit (0 when past it); undefined with no batch open. */
  get msUntilDue(): number | undefined {
    return this.#batch && Math.max(0, this.limits.milliseconds - (this.clock() - this.#startedAt));
  }

  /** Commits the open batch; returns every outcome held, in the order their items came. */
  async flush(): Promise<IngestOutcome[]> {
    const batch = this.#batch;
    this.#batch = undefined;
    if (batch) {
      try {
        await batch.commit();
      } catch {
        await this.replay();
      }
    }
    return this.#held.splice(0).map((held) => held.outcome);
  }

  private async begin(): Promise<WriteBatch<Repositories>> {
    this.#startedAt = this.clock();
    return this.store.startBatch();
  }

  /** The open batch is gone: roll it back and store what it held again, one transaction a report. */
  private async recover(): Promise<void> {
    const batch = this.#batch;
    this.#batch = undefined;
    await batch?.rollback();
    await this.replay();
  }

  private async replay(): Promise<void> {
    for (const held of this.#held) {
      if (!held.report) continue;
      held.outcome = await this.alone(held.report, held.ingestedAt!, held.fingerprint);
      held.report = undefined;
    }
  }

  private async alone(report: ProcessedReport, ingestedAt: string, fingerprint?: TextFingerprint): Promise<IngestOutcome> {
    try {
      return await this.store.transaction((repositories) => this.storeOne(repositories, report, ingestedAt, fingerprint));
    } catch (error) {
      return failure(report.origin, error);
    }
  }
}

export function failure(origin: string, error: unknown): IngestOutcome {
  return { origin, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
}
