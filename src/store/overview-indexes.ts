import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { StoreDialect } from './dialect.js';
import { OverviewIndex } from './overview-index.js';

/**
 * Each store's overview index, and when it is current. Where the store's changes become visible
 * in the order their seqs were given (SQLite: one writer at a time), the index is refreshed in
 * place from what changed. Elsewhere (PostgreSQL: a transaction that took its seqs earlier may
 * commit later) it is read again from scratch in the background, and until that read is current
 * callers read the claims themselves, so no one is ever answered from a stale index.
 */
interface Entry {
  /** The change token the index was read at. */
  token: string;
  index: Promise<OverviewIndex>;
  /** The index, once read. */
  ready?: OverviewIndex;
  /** When the read finished (ms), to space background reads out. */
  readAt?: number;
}

const entries = new WeakMap<Kysely<Database>, Entry>();

/** A background read from scratch starts at most this long after the previous one finished. */
const REREAD_AFTER_MS = 5_000;

/**
 * The store's overview index as it is now, or undefined when there is none to use: the dialect
 * cannot tell changes, or (unless `wait`) a read from scratch is still under way. With `wait`,
 * waits for the read that brings it up to date.
 */
export async function currentIndex(db: Kysely<Database>, dialect: StoreDialect, options: { wait?: boolean } = {}): Promise<OverviewIndex | undefined> {
  const token = dialect.changesInSeqOrder ? await dialect.changeToken(db) : await contentToken(db, dialect);
  if (token === undefined) return undefined;
  const entry = entries.get(db);
  if (dialect.changesInSeqOrder) {
    if (entry?.token === token) return entry.index;
    return track(db, token, entry ? entry.index.then((index) => index.refresh(db)) : OverviewIndex.load(db, dialect)).index;
  }
  if (entry?.token === token) return entry.ready ?? (options.wait ? entry.index : undefined);
  if (entry && entry.ready === undefined) {
    // A read is under way for an earlier token: the next call starts the one for this token.
    if (!options.wait) return undefined;
    await entry.index.catch(() => undefined);
    return currentIndex(db, dialect, options);
  }
  const recent = entry?.readAt !== undefined && Date.now() - entry.readAt < REREAD_AFTER_MS;
  if (recent && !options.wait) return undefined;
  const started = track(db, token, OverviewIndex.load(db, dialect));
  return options.wait ? started.index : undefined;
}

/** The last content token of each store, with the database's change token it was counted at. */
const contentTokens = new WeakMap<Kysely<Database>, { changes: string; token: string }>();

/**
 * What the index holds, in four numbers: claims, their highest seq, and the entries and highest
 * id of `overview_changes`. Whatever the commit order, a change the index would show moves one of
 * them (a new claim the count, a changed or deleted one the log). Counted again only when the
 * database's own change token moved: that one moves for any write in the cluster (statistics,
 * other databases), this one only for the claims.
 */
async function contentToken(db: Kysely<Database>, dialect: StoreDialect): Promise<string | undefined> {
  const changes = await dialect.changeToken(db);
  if (changes === undefined) return undefined;
  const last = contentTokens.get(db);
  if (last?.changes === changes) return last.token;
  const { rows } = await sql<{ claims: unknown; seq: unknown; entries: unknown; change: unknown }>`
    select (select count(*) from claims) as claims, (select max(seq) from claims) as seq,
           (select count(*) from overview_changes) as entries, (select max(id) from overview_changes) as change`.execute(db);
  const token = [rows[0].claims, rows[0].seq, rows[0].entries, rows[0].change].map(String).join(':');
  contentTokens.set(db, { changes, token });
  return token;
}

function track(db: Kysely<Database>, token: string, index: Promise<OverviewIndex>): Entry {
  const entry: Entry = { token, index };
  entries.set(db, entry);
  index.then(
    (ready) => {
      entry.ready = ready;
      entry.readAt = Date.now();
    },
    // A failed read is not kept: the next call starts again.
    () => entries.get(db) === entry && entries.delete(db),
  );
  return entry;
}
