import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from './database.js';

/** The transaction of a batch could not be rolled back to a unit's start: every unit of the batch is lost. */
export class BatchLostError extends Error {
  constructor(
    readonly unitError: unknown,
    cause: unknown,
  ) {
    super(`the batch's transaction was lost: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * What a batch keeps outside the database for its units (a write-behind cache): started with the
 * transaction, told when a unit begins and whether it was kept or undone, and flushed into the
 * transaction before the commit.
 */
export interface UnitState {
  start?(): Promise<void>;
  beginUnit(): void;
  keepUnit(): void;
  undoUnit(): void;
  flush(): Promise<void>;
}

/**
 * One transaction holding several units of work, each in its own savepoint: a unit that throws
 * is rolled back to where it began and the units before it stay; `commit` writes them all at
 * once. Savepoints work alike in SQLite and PostgreSQL (where rolling back to one also clears
 * the error state a failed statement leaves on the transaction).
 */
export class WriteBatch<R> {
  #units = 0;
  #lost = false;
  #closed = false;

  private constructor(
    private readonly trx: ControlledTransaction<Database>,
    private readonly bound: R,
    private readonly state?: UnitState,
  ) {}

  /**
   * Begins the transaction; `bind` gives the units their view of it (the repositories), and
   * `state` what that view keeps outside the database, if anything.
   */
  static async start<R>(db: Kysely<Database>, bind: (trx: Kysely<Database>) => R, state?: (bound: R, trx: Kysely<Database>) => UnitState): Promise<WriteBatch<R>> {
    const trx = await db.startTransaction().execute();
    const bound = bind(trx);
    const batch = new WriteBatch(trx, bound, state?.(bound, trx));
    try {
      await batch.state?.start?.();
    } catch (error) {
      await batch.rollback();
      throw error;
    }
    return batch;
  }

  /** Units kept since the batch began. */
  get size(): number {
    return this.#units;
  }

  /**
   * Runs `work` in a savepoint. When it returns, its writes join the batch; when it throws, they
   * are undone and its error rethrown. When the savepoint cannot be undone or released (the
   * database dropped the whole transaction), throws BatchLostError: the batch can only be rolled back.
   */
  async run<T>(work: (bound: R) => Promise<T>): Promise<T> {
    if (this.#lost) throw new BatchLostError(undefined, new Error('an earlier unit lost it'));
    const unit = await this.trx.savepoint('unit').execute();
    let result: T;
    this.state?.beginUnit();
    try {
      result = await work(this.bound);
    } catch (error) {
      this.state?.undoUnit();
      try {
        await unit.rollbackToSavepoint('unit').execute();
        await unit.releaseSavepoint('unit').execute();
      } catch (lost) {
        this.#lost = true;
        throw new BatchLostError(error, lost);
      }
      throw error;
    }
    this.state?.keepUnit();
    try {
      await unit.releaseSavepoint('unit').execute();
    } catch (lost) {
      // Kept or not, the unit's writes can no longer be told apart from the batch's.
      this.#lost = true;
      throw new BatchLostError(undefined, lost);
    }
    this.#units += 1;
    return result;
  }

  /** Makes every kept unit durable. When it throws, nothing of the batch was written (and the transaction is closed). */
  async commit(): Promise<void> {
    if (this.#lost) throw new BatchLostError(undefined, new Error('an earlier unit lost it'));
    try {
      await this.state?.flush();
      await this.trx.commit().execute();
      this.#closed = true;
    } catch (error) {
      await this.rollback();
      throw error;
    }
  }

  /** Undoes every unit and closes the transaction (quietly when the database already dropped it). */
  async rollback(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.trx.rollback().execute();
    } catch {
      // The connection is released whether or not the rollback went through; a dropped transaction has nothing left to undo.
    }
  }
}
