import type { ClaimFilters, ClaimPage, ReportFilters, ReportPage, Store, StoredClaim, StoredReport } from '../store/index.js';

export type { ClaimFilters, ClaimPage, ReportFilters, ReportPage, StoredClaim, StoredReport };

/**
 * One page of claims. `place` / `source` match a substring of a name or its alternatives,
 * ignoring case; `since` / `until` keep claims whose time range overlaps; `search` needs
 * every word (as a prefix) in the quote. Pass `nextCursor` back as `cursor` for the next page.
 */
export function listClaims(store: Store, filters: ClaimFilters = {}): Promise<ClaimPage> {
  return store.claims.list(filters);
}

/** Every claim matching the filters, page by page (for exports); `filters.limit` caps the total. */
export async function* iterateClaims(store: Store, filters: ClaimFilters = {}, pageSize = 500): AsyncGenerator<StoredClaim> {
  let remaining = filters.limit ?? Number.POSITIVE_INFINITY;
  let cursor = filters.cursor;
  while (remaining > 0) {
    const page = await store.claims.list({ ...filters, cursor, limit: Math.min(pageSize, remaining) });
    for (const claim of page.claims) yield claim;
    remaining -= page.claims.length;
    if (page.nextCursor === undefined) return;
    cursor = page.nextCursor;
  }
}

export function getClaim(store: Store, id: string): Promise<StoredClaim | undefined> {
  return store.claims.get(id);
}

/** One page of reports (without text), oldest first; `search` looks in title and text. */
export function listReports(store: Store, filters: ReportFilters = {}): Promise<ReportPage> {
  return store.reports.list(filters);
}

/** A report with its canonical text, furniture and messages (and original bytes when asked). */
export function getReport(store: Store, id: string, options: { original?: boolean } = {}): Promise<StoredReport | undefined> {
  return store.reports.get(id, options);
}

/** What the store holds, for `etap summary`. */
export interface StoreSummary {
  reports: { total: number; extracted: number; notExtracted: number };
  claims: { total: number; byType: Record<string, number> };
  topPlaces: { name: string; claims: number }[];
  topSources: { name: string; claims: number }[];
}

/** Counts of reports and claims, and the places and sources most claims name. */
export async function summarize(store: Store, options: { top?: number } = {}): Promise<StoreSummary> {
  const top = options.top ?? 10;
  const [reports, byType, topPlaces, topSources] = await Promise.all([
    store.reports.count(),
    store.claims.countByType(),
    store.claims.topNames('place', top),
    store.claims.topNames('source', top),
  ]);
  const total = Object.values(byType).reduce((sum, n) => sum + n, 0);
  return {
    reports: { ...reports, notExtracted: reports.total - reports.extracted },
    claims: { total, byType },
    topPlaces,
    topSources,
  };
}
