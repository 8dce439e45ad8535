import type { Generated, Kysely } from 'kysely';
import type { ReviewRecord, ReviewStatus } from '../domain/review.js';
import type { Database } from './database.js';

/** The audit table of reviews (migration 2026-11-23T2000-reviews). */
export interface ClaimReviewTable {
  seq: Generated<number>;
  claim_id: string;
  report_id: string;
  action: string;
  reviewer: string;
  note: string | null;
  at: string;
  /** JSON ReviewStatus. */
  before: string;
  /** JSON ReviewStatus. */
  after: string;
}

/** The store's tables plus the reviews table. */
export interface ReviewDatabase extends Database {
  claim_reviews: ClaimReviewTable;
}

const UNREVIEWED: ReviewStatus = { state: 'unreviewed' };

/**
 * Reviews of claims: an append-only trail keyed by claim id. A claim's status is the `after`
 * of its latest entry, so it survives the claim row being replaced by a re-extraction.
 */
export class ReviewRepository {
  private readonly db: Kysely<ReviewDatabase>;

  constructor(db: Kysely<Database>) {
    // The reviews table lives in this repository's own schema extension.
    this.db = db as unknown as Kysely<ReviewDatabase>;
  }

  /** Appends one entry and mirrors the new state on the claim row (for exports and filters). */
  async append(entry: Omit<ReviewRecord, 'seq'>): Promise<ReviewRecord> {
    const { seq } = await this.db
      .insertInto('claim_reviews')
      .values({
        claim_id: entry.claimId,
        report_id: entry.reportId,
        action: entry.action,
        reviewer: entry.reviewer,
        note: entry.note ?? null,
        at: entry.at,
        before: JSON.stringify(entry.before),
        after: JSON.stringify(entry.after),
      })
      .returning('seq')
      .executeTakeFirstOrThrow();
    await this.db.updateTable('claims').set({ review_state: entry.after.state }).where('id', '=', entry.claimId).execute();
    return { ...entry, seq: Number(seq) };
  }

  /** The current status of each claim that has been reviewed (unreviewed claims are absent). */
  async statuses(claimIds: readonly string[]): Promise<Map<string, ReviewStatus>> {
    const statuses = new Map<string, ReviewStatus>();
    if (claimIds.length === 0) return statuses;
    const rows = await this.db
      .selectFrom('claim_reviews')
      .select(['claim_id', 'after'])
      .where('claim_id', 'in', [...new Set(claimIds)])
      .orderBy('seq')
      .execute();
    for (const row of rows) statuses.set(row.claim_id, JSON.parse(row.after) as ReviewStatus);
    return statuses;
  }

  async status(claimId: string): Promise<ReviewStatus> {
    return (await this.statuses([claimId])).get(claimId) ?? UNREVIEWED;
  }

  /** Every entry for a claim, oldest first. */
  async trail(claimId: string): Promise<ReviewRecord[]> {
    const rows = await this.db.selectFrom('claim_reviews').selectAll().where('claim_id', '=', claimId).orderBy('seq').execute();
    return rows.map((row) => {
      const record: ReviewRecord = {
        seq: Number(row.seq),
        claimId: row.claim_id,
        reportId: row.report_id,
        action: row.action as ReviewRecord['action'],
        reviewer: row.reviewer,
        at: row.at,
        before: JSON.parse(row.before) as ReviewStatus,
        after: JSON.parse(row.after) as ReviewStatus,
      };
      if (row.note !== null) record.note = row.note;
      return record;
    });
  }
}
