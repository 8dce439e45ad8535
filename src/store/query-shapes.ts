import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/**
 * SQL compiled once per query shape and database dialect, then run with new parameters: for the
 * statements an ingest repeats per report, building and compiling Kysely's query every time cost
 * more than running it. A shape is what the SQL text depends on (which query, how many values in
 * a list); the parameters are checked against the compiled query the first time, so a builder
 * that writes a value into the SQL instead of binding it fails at once instead of reusing it.
 */
export class QueryShapes {
  /** SQL by the database's adapter (one per dialect, shared by its transactions), then by shape. */
  readonly #compiled = new WeakMap<object, Map<string, string>>();

  /** The query `build` writes for `shape`, bound to `parameters` (every value it binds, in order). */
  query<Row>(db: Kysely<any>, shape: string, build: () => Compilable<Row>, parameters: readonly unknown[]): CompiledQuery<Row> {
    const adapter = db.getExecutor().adapter;
    let byShape = this.#compiled.get(adapter);
    if (!byShape) this.#compiled.set(adapter, (byShape = new Map()));
    let text = byShape.get(shape);
    if (text === undefined) {
      const compiled = build().compile();
      if (compiled.parameters.length !== parameters.length || compiled.parameters.some((value, i) => value !== parameters[i])) {
        throw new Error(`the query's parameters are not the ones given, in order: ${compiled.sql}`);
      }
      byShape.set(shape, (text = compiled.sql));
    }
    return CompiledQuery.raw(text, [...parameters]) as CompiledQuery<Row>;
  }

  /** Runs the query (see `query`) and returns its rows. */
  async rows<Row>(db: Kysely<any>, shape: string, build: () => Compilable<Row>, parameters: readonly unknown[]): Promise<Row[]> {
    return (await db.executeQuery(this.query(db, shape, build, parameters))).rows;
  }
}
