/** The store: open it, and the shapes it hands back. */
export { openStore, migrate, Store, type Repositories, type StoreOptions } from './store.js';
export type { StoreDialect } from './dialect.js';
export type { StoredNamedValue } from './claim.mapper.js';
export type { ClaimFilters, ClaimPage, ReportReference, StoredClaim } from './claim.repository.js';
export type { ReportFilters, ReportPage, ReportSummary, StoredReport } from './report.repository.js';
export type { EntityDecision, EntityFilters, StoredEntity } from './entity.repository.js';
