import type { ColumnDataType, Expression, Kysely, RawBuilder, SqlBool } from 'kysely';

/**
 * What differs between the SQL dialects the store speaks. Each dialect folder supplies one;
 * nothing outside those folders knows which database it is talking to.
 */
export interface StoreDialect {
  readonly name: 'sqlite' | 'postgres';
  /** Column type for raw bytes (report originals). */
  readonly binaryType: ColumnDataType;
  /** Column type of an integer primary key the database assigns. */
  readonly serialType: ColumnDataType;
  /** Creates the full-text indexes over report title + text and claim quotes (run by a migration). */
  createSearchIndexes(db: Kysely<any>): Promise<void>;
  dropSearchIndexes(db: Kysely<any>): Promise<void>;
  /**
   * True when a batch can hold back what the database derives from the rows it writes
   * (holdBatchWrites): SQLite. PostgreSQL, where batches may write side by side, cannot tell a
   * batch's rows by their `seq`; its GIN search indexes hold back new entries in a pending list themselves.
   */
  readonly holdsBatchWrites: boolean;
  /** Creates `batch_hold` and the search triggers that honour it (run by a migration; only where holdsBatchWrites). */
  createBatchHold(db: Kysely<any>): Promise<void>;
  dropBatchHold(db: Kysely<any>): Promise<void>;
  /**
   * Within a transaction (a batch of reports): the claims and reports written from now on are
   * left out of the search indexes and overview tallies until `writeHeldSearch` and
   * writeHeldTallies (held-tallies.ts) add them all at once before the commit, and `releaseHold`
   * ends the hold. All run in the same transaction, so a rollback leaves nothing held. (SQLite's
   * FTS5, written row by row inside each report's savepoint, cost an ingest about 0.4 ms a report,
   * some 15% of storing it; indexing a batch's rows in one statement costs under 0.1 ms a report.)
   * Does nothing unless holdsBatchWrites.
   */
  holdBatchWrites(trx: Kysely<any>): Promise<void>;
  writeHeldSearch(trx: Kysely<any>): Promise<void>;
  releaseHold(trx: Kysely<any>): Promise<void>;
  /** True for rows of `claims` whose quote holds every term (as a word prefix). */
  claimQuoteMatches(terms: readonly string[]): Expression<SqlBool>;
  /**
   * An aggregate of the selected rows as one JSON array of arrays (the columns in order): a JSON
   * string or the parsed array, as the driver gives it. Reading many rows this way skips an object per row.
   */
  jsonRows(columns: readonly Expression<unknown>[]): RawBuilder<unknown>;
  /** The `seq` of every claim `claimQuoteMatches` is true for, by the quickest route. */
  claimSeqsMatching(db: Kysely<any>, terms: readonly string[]): Promise<number[]>;
  /** True for rows of `reports` whose title or text holds every term (as a word prefix). */
  reportMatches(terms: readonly string[]): Expression<SqlBool>;
  /**
   * A value that differs after any connection has committed a change to the store, for caches
   * of what the store holds; undefined when the dialect cannot tell (then nothing is cached).
   */
  changeToken(db: Kysely<any>): Promise<string | undefined>;
  /**
   * Brings the query planner's statistics up to date after many rows were written (PostgreSQL
   * plans an `in (...)` lookup as a full scan until its statistics know the table's size).
   */
  refreshStatistics(db: Kysely<any>): Promise<void>;
  /**
   * True when committed rows become visible in the order their serial ids were given (one
   * writer at a time), so a reader can take "ids above the last one I saw" as everything new.
   */
  readonly changesInSeqOrder: boolean;
  /** Creates a row trigger (run by migrations); only its wrapping differs between dialects. */
  createRowTrigger(db: Kysely<any>, trigger: RowTrigger): Promise<void>;
  dropRowTrigger(db: Kysely<any>, trigger: Pick<RowTrigger, 'name' | 'table'>): Promise<void>;
}

/**
 * A trigger run once per row. `when` and `statements` are SQL both dialects read alike
 * (`new.` / `old.` name the row). Before-triggers see the rows the same statement changed
 * before this one (not later ones) in both dialects; after-triggers see every row in
 * PostgreSQL but only the rows so far in SQLite, so only state-based (idempotent) work belongs there.
 */
export interface RowTrigger {
  name: string;
  table: string;
  timing: 'before' | 'after';
  /** `insert`, `delete` or `update of column, ...`. */
  event: string;
  when?: string;
  statements: readonly string[];
}

/**
 * Splits a user's search into lower-cased word terms both dialects tokenize the same way
 * (letters and digits; "IK-7" gives "ik", "7"), so no query syntax can leak through.
 */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
