import type { Compilable, Kysely } from 'kysely';
import { QueryShapes } from './query-shapes.js';

/**
 * A multi-row insert whose SQL is compiled once per shape (columns, row count) and dialect, then
 * run with the rows' values as parameters (see QueryShapes). `build` writes the statement for
 * given rows (`insertInto(...).values(rows)`, with an `onConflict` if need be). The rows of one
 * call must have the same keys in the same order, every value set (null, never undefined).
 */
export class RowInsert<Row extends Record<string, unknown>> {
  readonly #shapes = new QueryShapes();

  constructor(
    private readonly build: (db: Kysely<any>, rows: Row[]) => Compilable,
    /** Rows per statement, well under the bound-parameter limits (SQLite 32,766; PostgreSQL 65,535). */
    private readonly chunk: number,
  ) {}

  async run(db: Kysely<any>, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    for (let i = 0; i < rows.length; i += this.chunk) {
      const slice = rows.slice(i, i + this.chunk);
      const parameters: unknown[] = [];
      for (const row of slice) {
        if (Object.keys(row).length !== columns.length) throw new Error(`RowInsert: rows of one insert differ in their columns (${columns.join(', ')})`);
        for (const column of columns) parameters.push(row[column]);
      }
      await db.executeQuery(this.#shapes.query(db, `${slice.length}:${columns.join(',')}`, () => this.build(db, slice), parameters));
    }
  }
}
