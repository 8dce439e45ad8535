import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { FurnitureSpan, Message, ProcessedReport, Severity } from '../domain/types.js';
import type { Database, ReportTable } from './database.js';
import { searchTerms, type StoreDialect } from './dialect.js';
import { decodeCursor, encodeCursor, pageSize } from './page.js';
import { QueryShapes } from './query-shapes.js';
import { RowInsert } from './row-insert.js';

/** A stored report without its text and bytes: what a list of reports shows. */
export interface ReportSummary {
  id: string;
  sha256: string;
  url?: string;
  outlet?: string;
  title?: string;
  published?: string;
  language: string;
  encoding: string;
  origin: string;
  extracted: boolean;
  /** ISO date-time of the (last) ingest. */
  ingestedAt: string;
}

/** A stored report in full: canonical text, what cleaning removed, and the problems found. */
export interface StoredReport extends ReportSummary {
  text: string;
  furniture: FurnitureSpan[];
  messages: Message[];
  /** The original bytes, when asked for. */
  original?: Uint8Array;
}

export interface ReportFilters {
  /** Words (as prefixes) that must all occur in the title or text. */
  search?: string;
  limit?: number;
  cursor?: string;
}

export interface ReportPage {
  reports: ReportSummary[];
  nextCursor?: string;
}

// The lookups ingest runs for every report, compiled once.
const shapes = new QueryShapes();
const reportInsert = new RowInsert<ReturnType<typeof reportRow>>((db, rows) => db.insertInto('reports').values(rows), 1);
const furnitureInsert = new RowInsert<Insertable<Database['report_furniture']>>((db, rows) => db.insertInto('report_furniture').values(rows), 500);
const messageInsert = new RowInsert<Insertable<Database['report_messages']>>((db, rows) => db.insertInto('report_messages').values(rows), 500);

/** Reports with their furniture and messages. */
export class ReportRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StoreDialect,
  ) {}

  /** Id of the report holding these exact bytes, if any. */
  async findIdBySha256(sha256: string): Promise<string | undefined> {
    const [row] = await shapes.rows(this.db, 'findIdBySha256', () => this.db.selectFrom('reports').select('id').where('sha256', '=', sha256), [sha256]);
    return row?.id;
  }

  async exists(id: string): Promise<boolean> {
    const [row] = await shapes.rows(this.db, 'exists', () => this.db.selectFrom('reports').select('id').where('id', '=', id), [id]);
    return row !== undefined;
  }

  /** Writes a new report with its furniture and messages. */
  async insert(report: ProcessedReport, ingestedAt: string): Promise<void> {
    await reportInsert.run(this.db, [reportRow(report, ingestedAt)]);
    await this.insertChildren(report);
  }

  /**
   * Overwrites a stored report of the same id with new content (a re-extraction), replacing
   * its furniture and messages. Its claims are the claim repository's to replace.
   */
  async replace(report: ProcessedReport, ingestedAt: string): Promise<void> {
    const { id, ...row } = reportRow(report, ingestedAt);
    await this.db.updateTable('reports').set(row).where('id', '=', id).execute();
    await this.db.deleteFrom('report_furniture').where('report_id', '=', id).execute();
    await this.db.deleteFrom('report_messages').where('report_id', '=', id).execute();
    await this.insertChildren(report);
  }

  async get(id: string, options: { original?: boolean } = {}): Promise<StoredReport | undefined> {
    const row = await this.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const furniture = await this.db
      .selectFrom('report_furniture')
      .select(['start', 'end', 'rule', 'text'])
      .where('report_id', '=', id)
      .orderBy('ordinal')
      .execute();
    const messages = await this.db.selectFrom('report_messages').selectAll().where('report_id', '=', id).orderBy('ordinal').execute();
    const report: StoredReport = { ...summaryOf(row), text: row.text, furniture, messages: messages.map(messageOf) };
    if (options.original) report.original = new Uint8Array(row.original);
    return report;
  }

  /** A stored report without its text, bytes, furniture and messages. */
  async summary(id: string): Promise<ReportSummary | undefined> {
    const [row] = await shapes.rows(this.db, 'summary', () => this.db.selectFrom('reports').select(SUMMARY_COLUMNS).where('id', '=', id), [id]);
    return row && summaryOf(row);
  }

  /** One page of reports in the order they were first stored. */
  async list(filters: ReportFilters = {}): Promise<ReportPage> {
    const limit = pageSize(filters.limit);
    let query = this.db.selectFrom('reports').select(SUMMARY_COLUMNS);
    if (filters.search !== undefined) {
      const terms = searchTerms(filters.search);
      query = terms.length > 0 ? query.where(this.dialect.reportMatches(terms)) : query.where(sql<boolean>`1 = 0`);
    }
    if (filters.cursor !== undefined) query = query.where('seq', '>', decodeCursor(filters.cursor));
    const rows = await query.orderBy('seq').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const reports = page.map(summaryOf);
    return rows.length > limit ? { reports, nextCursor: encodeCursor(page[page.length - 1].seq) } : { reports };
  }

  /** Number of reports, and of those whose language was extracted. */
  async count(): Promise<{ total: number; extracted: number }> {
    const rows = await this.db
      .selectFrom('reports')
      .select(['extracted', (eb) => eb.fn.countAll().as('reports')])
      .groupBy('extracted')
      .execute();
    const count = (flag: number) => Number(rows.find((row) => Number(row.extracted) === flag)?.reports ?? 0);
    return { total: count(0) + count(1), extracted: count(1) };
  }

  private async insertChildren(report: ProcessedReport): Promise<void> {
    await furnitureInsert.run(
      this.db,
      report.furniture.map((span, ordinal) => ({ report_id: report.id, ordinal, start: span.start, end: span.end, rule: span.rule, text: span.text })),
    );
    await messageInsert.run(
      this.db,
      report.messages.map((message, ordinal) => ({
        report_id: report.id,
        ordinal,
        source: message.source,
        rule: message.rule,
        reason: message.reason,
        severity: message.severity,
        start: message.span?.start ?? null,
        end: message.span?.end ?? null,
      })),
    );
  }
}

const SUMMARY_COLUMNS = ['seq', 'id', 'sha256', 'url', 'outlet', 'title', 'published', 'language', 'encoding', 'origin', 'extracted', 'ingested_at'] as const;

function reportRow(report: ProcessedReport, ingestedAt: string) {
  return {
    id: report.id,
    sha256: report.sha256,
    url: report.meta.url ?? null,
    outlet: report.meta.outlet ?? null,
    title: report.meta.title ?? null,
    published: report.meta.published ?? null,
    language: report.language,
    encoding: report.encoding,
    origin: report.origin,
    text: report.text,
    // Both drivers bind a Buffer; pg does not take a bare Uint8Array in every version.
    original: Buffer.from(report.original.buffer, report.original.byteOffset, report.original.byteLength),
    extracted: Number(report.extracted),
    ingested_at: ingestedAt,
  };
}

function summaryOf(row: Omit<Selectable<ReportTable>, 'text' | 'original'>): ReportSummary {
  const summary: ReportSummary = {
    id: row.id,
    sha256: row.sha256,
    language: row.language,
    encoding: row.encoding,
    origin: row.origin,
    extracted: Number(row.extracted) === 1,
    ingestedAt: row.ingested_at,
  };
  for (const key of ['url', 'outlet', 'title', 'published'] as const) {
    const value = row[key];
    if (value !== null) summary[key] = value;
  }
  return summary;
}

function messageOf(row: Selectable<Database['report_messages']>): Message {
  const message: Message = { source: row.source, rule: row.rule, reason: row.reason, severity: row.severity as Severity };
  if (row.start !== null && row.end !== null) message.span = { start: row.start, end: row.end };
  return message;
}
