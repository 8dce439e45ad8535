import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Database } from '../../database.js';
import type { StoreDialect } from '../../dialect.js';

/** SQLite: FTS5 tables kept in step with `reports` and `claims` by triggers. */
export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  binaryType: 'blob',
  // INTEGER PRIMARY KEY is the rowid itself, so FTS5 can key by it and VACUUM keeps it.
  serialType: 'integer',

  async createSearchIndexes(db) {
    const statements = [
      `create virtual table claims_fts using fts5(quote, content='claims', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`,
      `create virtual table reports_fts using fts5(title, text, content='reports', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`,
      ...searchTriggers(),
    ];
    for (const statement of statements) await sql.raw(statement).execute(db);
  },

  async dropSearchIndexes(db) {
    await dropSearchTriggers(db);
    await sql.raw('drop table if exists claims_fts').execute(db);
    await sql.raw('drop table if exists reports_fts').execute(db);
  },

  // One writer at a time: the rows above the highest seqs when a batch began are the batch's.
  holdsBatchWrites: true,

  async createBatchHold(db) {
    await sql.raw('create table batch_hold (claims_after integer not null, reports_after integer not null)').execute(db);
    await dropSearchTriggers(db);
    for (const statement of searchTriggers(true)) await sql.raw(statement).execute(db);
  },

  async dropBatchHold(db) {
    await dropSearchTriggers(db);
    for (const statement of searchTriggers()) await sql.raw(statement).execute(db);
    await sql.raw('drop table batch_hold').execute(db);
  },

  async holdBatchWrites(db) {
    await sql`delete from batch_hold`.execute(db);
    await sql`insert into batch_hold (claims_after, reports_after)
              select (select coalesce(max(seq), 0) from claims), (select coalesce(max(seq), 0) from reports)`.execute(db);
  },

  async writeHeldSearch(db) {
    await sql`insert into claims_fts (rowid, quote) select seq, quote from claims where seq > (select claims_after from batch_hold)`.execute(db);
    await sql`insert into reports_fts (rowid, title, text) select seq, title, text from reports where seq > (select reports_after from batch_hold)`.execute(db);
  },

  async releaseHold(db) {
    await sql`delete from batch_hold`.execute(db);
  },

  claimQuoteMatches(terms) {
    return sql<boolean>`"claims"."seq" in (select rowid from claims_fts where claims_fts match ${ftsQuery(terms)})`;
  },

  // Reals keep every digit in SQLite's JSON (0.1 + 0.2 is 0.30000000000000004).
  jsonRows(columns) {
    return sql`json_group_array(json_array(${sql.join(columns)}))`;
  },

  // Straight from the index, whose rowids are the claims' seqs, as one JSON array: a row object
  // per match costs six times as much.
  async claimSeqsMatching(db, terms) {
    const { rows } = await sql<{ seqs: string }>`select json_group_array(rowid) as seqs from claims_fts where claims_fts match ${ftsQuery(terms)}`.execute(db);
    return JSON.parse(rows[0].seqs) as number[];
  },

  reportMatches(terms) {
    return sql<boolean>`"reports"."seq" in (select rowid from reports_fts where reports_fts match ${ftsQuery(terms)})`;
  },

  // The store's SQLite queries are written to be planned without statistics (sqlite_stat1):
  // gathering them would change plans it was never measured with.
  async refreshStatistics() {},

  // One writer at a time: a transaction's rows are visible before the next one takes ids.
  changesInSeqOrder: true,

  // data_version changes when another connection commits; total_changes() counts this
  // connection's own writes (rolled-back ones too, which only costs a needless rebuild).
  async changeToken(db) {
    const { rows } = await sql<{ changes: number; version: number }>`select total_changes() as changes, (select data_version from pragma_data_version) as version`.execute(db);
    return `${rows[0].version}:${rows[0].changes}`;
  },

  async createRowTrigger(db, { name, table, timing, event, when, statements }) {
    const condition = when ? ` when ${when}` : '';
    await sql.raw(`create trigger ${name} ${timing} ${event} on ${table} for each row${condition} begin\n${statements.map((s) => `${s};`).join('\n')}\nend`).execute(db);
  },

  async dropRowTrigger(db, { name }) {
    await sql.raw(`drop trigger if exists ${name}`).execute(db);
  },
};

const SEARCHED = [
  { table: 'claims', index: 'claims_fts', columns: ['quote'], after: 'claims_after' },
  { table: 'reports', index: 'reports_fts', columns: ['title', 'text'], after: 'reports_after' },
] as const;

/**
 * The triggers that keep the FTS5 indexes in step with their tables. With `held`, a row whose
 * `seq` is above the one `batch_hold` holds for its table is left out of the index while it is
 * there (holdBatchWrites): it was written since, and writeHeldSearch indexes it, with the
 * rest, in one statement. A row at or below it, and every row when nothing is held, is indexed
 * (or taken out) at once, as without: one stored before, or one written since on a `seq` freed
 * by a delete. So every row is indexed exactly once, however rows come and go meanwhile.
 */
function searchTriggers(held = false): string[] {
  return SEARCHED.flatMap(({ table, index, columns, after }) => {
    const values = (row: string) => columns.map((column) => `${row}.${column}`).join(', ');
    const add = `insert into ${index}(rowid, ${columns.join(', ')}) values (new.seq, ${values('new')});`;
    const remove = `insert into ${index}(${index}, rowid, ${columns.join(', ')}) values ('delete', old.seq, ${values('old')});`;
    const indexed = (row: string) => (held ? ` when ${row}.seq <= coalesce((select ${after} from batch_hold), ${row}.seq)` : '');
    return [
      `create trigger ${index}_insert after insert on ${table}${indexed('new')} begin\n  ${add} end`,
      `create trigger ${index}_delete after delete on ${table}${indexed('old')} begin\n  ${remove} end`,
      `create trigger ${index}_update after update of ${columns.join(', ')} on ${table}${indexed('old')} begin\n  ${remove}\n  ${add} end`,
    ];
  });
}

async function dropSearchTriggers(db: Kysely<any>): Promise<void> {
  for (const { index } of SEARCHED) for (const event of ['insert', 'delete', 'update']) await sql.raw(`drop trigger if exists ${index}_${event}`).execute(db);
}

/** `"word"*` per term: each a quoted string (no FTS5 operators) matched as a prefix, all required. */
function ftsQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term}"*`).join(' ');
}

/** Opens (creating if needed) a SQLite file with WAL and foreign keys on. */
export function openSqlite(path: string): { db: Kysely<Database>; dialect: StoreDialect } {
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  // In WAL mode NORMAL keeps the database consistent on a crash and drops an fsync per commit
  // (only the last transactions before a power cut can be lost): ingest commits a batch of reports at a time.
  database.pragma('synchronous = NORMAL');
  // A CLI reading while an ingest writes should wait, not fail.
  database.pragma('busy_timeout = 5000');
  // Checkpoint every ~16 MB of WAL rather than 4 MB: a page an ingest rewrites in many reports
  // reaches the database file once per checkpoint, and each checkpoint syncs once.
  database.pragma('wal_autocheckpoint = 4000');
  // 32 MiB of page cache instead of 2: an ingest touches index pages all over a large store.
  database.pragma('cache_size = -32768');
  // Temporary files in memory: ingest's savepoint per report journals every page the report
  // changes, which otherwise goes to a temporary file, ~270 writes a report (strace).
  database.pragma('temp_store = MEMORY');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(database) }) }), dialect: sqliteDialect };
}

/** Prepared statements kept per SQL text: enough for every query shape one ingest repeats. */
const STATEMENT_CACHE = 256;

/**
 * The database as Kysely's driver sees it, with prepared statements reused (least recently used
 * dropped first): the driver prepares every query afresh, and parsing the SQL costs more than
 * running it for the small indexed statements an ingest repeats per report.
 */
function reusingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      const cached = statements.get(text);
      // A statement still being iterated (a streamed query) cannot run again: prepare another.
      if (cached && !cached.busy) {
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = database.prepare(text);
      statements.set(text, statement);
      if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
