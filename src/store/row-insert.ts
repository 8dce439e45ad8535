import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * A multi-row insert whose SQL is compiled once per shape (columns, row count) and database
 * dialect, then run with the rows' values as parameters: building and compiling Kysely's insert
 * query for every report cost more than running it. `build` writes the statement for given rows
 * (`insertInto(...).values(rows)`, with an `onConflict` if need be). The rows of one call must
 * have the same keys in the same order, every value set (null, never undefined).
 */
export class RowInsert<Row extends Record<string, unknown>> {
  /** SQL by the database's adapter (one per dialect, shared by its transactions), then by shape. */
  readonly #compiled = new WeakMap<object, Map<string, string>>();

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
      await db.executeQuery(CompiledQuery.raw(this.sql(db, slice, columns, parameters), parameters));
    }
  }

  private sql(db: Kysely<any>, rows: Row[], columns: readonly string[], parameters: readonly unknown[]): string {
    const adapter = db.getExecutor().adapter;
    let byShape = this.#compiled.get(adapter);
    if (!byShape) this.#compiled.set(adapter, (byShape = new Map()));
    const shape = `${rows.length}:${columns.join(',')}`;
    let text = byShape.get(shape);
    if (text === undefined) {
      const compiled = this.build(db, rows).compile();
      // Every value must be a parameter, in row and column order, or the SQL would not fit other rows.
      if (compiled.parameters.length !== parameters.length || compiled.parameters.some((value, i) => value !== parameters[i])) {
        throw new Error(`RowInsert: the statement's parameters are not the rows' values in column order: ${compiled.sql}`);
      }
      byShape.set(shape, (text = compiled.sql));
    }
    return text;
  }
}
