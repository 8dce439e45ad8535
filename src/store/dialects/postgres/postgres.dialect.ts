import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from '../../database.js';
import type { StoreDialect } from '../../dialect.js';

/**
 * PostgreSQL: GIN expression indexes over `to_tsvector('simple', …)`. The `simple`
 * configuration only lower-cases, because reports come in English, Russian and Ukrainian and
 * one stemmer would mangle the other two (SQLite's unicode61 tokenizer behaves the same way).
 */
export const postgresDialect: StoreDialect = {
  name: 'postgres',
  binaryType: 'bytea',
  serialType: 'serial',

  async createSearchIndexes(db) {
    await sql.raw(`create index claims_quote_search on claims using gin (${CLAIM_VECTOR})`).execute(db);
    await sql.raw(`create index reports_search on reports using gin (${REPORT_VECTOR})`).execute(db);
  },

  async dropSearchIndexes(db) {
    await sql.raw('drop index if exists claims_quote_search').execute(db);
    await sql.raw('drop index if exists reports_search').execute(db);
  },

  // Batches may write side by side here (see StoreDialect.holdsBatchWrites).
  holdsBatchWrites: false,
  async createBatchHold() {},
  async dropBatchHold() {},
  async holdBatchWrites() {},
  async writeHeldSearch() {},
  async releaseHold() {},

  claimQuoteMatches(terms) {
    return sql<boolean>`${sql.raw(qualify(CLAIM_VECTOR, 'claims'))} @@ to_tsquery('simple', ${tsQuery(terms)})`;
  },

  jsonRows(columns) {
    return sql`coalesce(json_agg(json_build_array(${sql.join(columns)})), '[]'::json)`;
  },

  async claimSeqsMatching(db, terms) {
    const { rows } = await sql<{ seqs: number[] }>`select coalesce(json_agg(seq), '[]'::json) as seqs from claims where ${this.claimQuoteMatches(terms)}`.execute(db);
    return rows[0].seqs.map(Number);
  },

  reportMatches(terms) {
    return sql<boolean>`${sql.raw(qualify(REPORT_VECTOR, 'reports'))} @@ to_tsquery('simple', ${tsQuery(terms)})`;
  },

  // The snapshot (xmin:xmax:in-progress ids) moves whenever a transaction that wrote anything
  // ends, here or in another database of the cluster: a conservative token, read-only work leaves it.
  async changeToken(db) {
    const { rows } = await sql<{ token: string }>`select pg_current_snapshot()::text as token`.execute(db);
    return rows[0].token;
  },

  // Autovacuum would get there too, minutes later; until then a fresh bulk load is planned blind.
  async refreshStatistics(db) {
    await sql`analyze`.execute(db);
  },

  // A transaction that took its seqs earlier can commit after one that took later ones.
  changesInSeqOrder: false,

  // A trigger runs a function; returning the row lets a before-trigger's row go ahead.
  async createRowTrigger(db, { name, table, timing, event, when, statements }) {
    const body = `begin\n${statements.map((s) => `${s};`).join('\n')}\nif tg_op = 'DELETE' then return old; end if;\nreturn new;\nend`;
    await sql.raw(`create function ${name}() returns trigger language plpgsql as $body$\n${body}\n$body$`).execute(db);
    const condition = when ? ` when (${when})` : '';
    await sql.raw(`create trigger ${name} ${timing} ${event} on ${table} for each row${condition} execute function ${name}()`).execute(db);
  },

  async dropRowTrigger(db, { name, table }) {
    await sql.raw(`drop trigger if exists ${name} on ${table}`).execute(db);
    await sql.raw(`drop function if exists ${name}()`).execute(db);
  },
};

// The query must repeat the indexed expression exactly for the planner to use the index.
const CLAIM_VECTOR = `to_tsvector('simple', "quote")`;
const REPORT_VECTOR = `to_tsvector('simple', coalesce("title", '') || ' ' || "text")`;

function qualify(expression: string, table: string): string {
  return expression.replace(/"(quote|title|text)"/g, `"${table}"."$1"`);
}

/** `word:* & word:*`: terms are letters and digits only (see searchTerms), so need no escaping. */
function tsQuery(terms: readonly string[]): string {
  return terms.map((term) => `${term}:*`).join(' & ');
}

/** Connects a pool to a `postgres://` URL. */
export function openPostgres(url: string): { db: Kysely<Database>; dialect: StoreDialect } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: postgresDialect };
}
