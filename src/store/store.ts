import { Migrator, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { StoreDialect } from './dialect.js';
import { StoreMigrationProvider } from './migrations/index.js';
import { ClaimRepository } from './claim.repository.js';
import { ReportRepository } from './report.repository.js';
import { EntityRepository } from './entity.repository.js';
import { CopyCandidateCache } from './copy-candidate-cache.js';
import { EventBlockCache } from './event-block-cache.js';
import { EventRepository, type EventBatch } from './event.repository.js';
import { PendingEvents } from './pending-events.js';
import { writeHeldTallies } from './held-tallies.js';
import { ReviewRepository } from './review.repository.js';
import { WriteBatch } from './write-batch.js';

/** The repositories, bound to the store or to one transaction. */
export interface Repositories {
  readonly reports: ReportRepository;
  readonly claims: ClaimRepository;
  readonly reviews: ReviewRepository;
  readonly entities: EntityRepository;
  readonly events: EventRepository;
}

/** Where the store lives: a PostgreSQL URL wins; otherwise a SQLite file. */
export interface StoreOptions {
  /** `postgres://` or `postgresql://` URL (the CLI passes `DATABASE_URL`); other values are ignored. */
  url?: string;
  /** SQLite file; default `./etap.db`. `:memory:` works for throwaway stores. */
  path?: string;
}

/** The one face of the database: repositories, transactions, and the dialect behind them. */
export class Store implements Repositories {
  readonly reports: ReportRepository;
  readonly claims: ClaimRepository;
  readonly reviews: ReviewRepository;
  readonly entities: EntityRepository;
  readonly events: EventRepository;

  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: StoreDialect,
  ) {
    this.reports = new ReportRepository(db, dialect);
    this.claims = new ClaimRepository(db, dialect);
    this.reviews = new ReviewRepository(db);
    this.entities = new EntityRepository(db, dialect);
    this.events = new EventRepository(db);
  }

  /** Runs `work` in one transaction: all its writes land, or (when it throws) none do. */
  async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(this.repositoriesFor(trx)));
  }

  /**
   * Begins a transaction whose units of work each run in their own savepoint (see WriteBatch).
   * Until it is committed or rolled back it holds the connection: on SQLite every other query
   * on this store waits for it.
   */
  startBatch(): Promise<WriteBatch<Repositories>> {
    // Events touched by several reports of the batch are written once, when it commits, and the
    // block keys looked up are remembered (all forgotten when a unit is undone). Where the dialect
    // can, its claims and reports are indexed for search and counted in the tallies once too, before the commit.
    const batch: EventBatch = { pending: new PendingEvents(), blocks: new EventBlockCache(), copies: new CopyCandidateCache() };
    return WriteBatch.start(
      this.db,
      (trx) => this.repositoriesFor(trx, batch),
      (repositories, trx) => ({
        start: () => this.dialect.holdBatchWrites(trx),
        beginUnit: () => batch.pending.beginUnit(),
        keepUnit: () => batch.pending.keepUnit(),
        undoUnit: () => {
          batch.pending.undoUnit();
          batch.blocks.forget();
          batch.copies.forget();
        },
        flush: async () => {
          await repositories.events.flush();
          if (!this.dialect.holdsBatchWrites) return;
          await writeHeldTallies(trx);
          await this.dialect.writeHeldSearch(trx);
          await this.dialect.releaseHold(trx);
        },
      }),
    );
  }

  private repositoriesFor(trx: Kysely<Database>, batch?: EventBatch): Repositories {
    return { reports: new ReportRepository(trx, this.dialect), claims: new ClaimRepository(trx, this.dialect), reviews: new ReviewRepository(trx), entities: new EntityRepository(trx, this.dialect), events: new EventRepository(trx, batch) };
  }

  /** Brings the query planner's statistics up to date; worth it after writing many reports. */
  async refreshStatistics(): Promise<void> {
    await this.dialect.refreshStatistics(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * Opens the store and brings its schema up to date. Each dialect module is imported only when
 * used, so a PostgreSQL deployment never loads the SQLite binary and vice versa.
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const { db, dialect } = isPostgresUrl(options.url)
    ? (await import('./dialects/postgres/postgres.dialect.js')).openPostgres(options.url)
    : (await import('./dialects/sqlite/sqlite.dialect.js')).openSqlite(options.path ?? './etap.db');
  try {
    await migrate(db, dialect);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new Store(db, dialect);
}

/** Runs every migration not yet applied. Throws (a setup error, not content) when one fails. */
export async function migrate(db: Kysely<Database>, dialect: StoreDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StoreMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    throw new Error(`store migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}
