/**
 * The shapes the JSON API sends, imported by the server and the dashboard alike (DESIGN: the
 * client speaks the server's words). Type-only: the dashboard bundle gets no server code.
 */
export type { Claim, ClaimType, CountValue, FurnitureSpan, Message, NamedValue, Provenance, Span, TimeValue } from '../domain/types.js';
export { CLAIM_TYPES } from '../domain/types.js';
export type { ReviewAction, ReviewRecord, ReviewState, ReviewStatus, SlotCorrections } from '../domain/review.js';
export type { ClaimPage, ReportPage, ReportSummary, StoredClaim, StoredReport } from '../store/index.js';
export type { ReviewedClaim } from '../services/review.service.js';
export type { StoreSummary } from '../services/claim-query.service.js';
export type { FigurePoint, MapPlace, MapTransfer, MapView, SeriesView, TimelineView } from '../services/overview.service.js';

import type { ReviewRecord } from '../domain/review.js';
import type { StoredReport } from '../store/index.js';
import type { ReviewedClaim } from '../services/review.service.js';

/** `GET /api/claims`: a page of claims with reviews applied. */
export interface ClaimListResponse {
  claims: ReviewedClaim[];
  nextCursor?: string;
}

/** `GET /api/claims/:id`: the claim, its report's text (what the offsets point into) and its audit trail. */
export interface ClaimResponse {
  claim: ReviewedClaim;
  report: StoredReport;
  trail: ReviewRecord[];
}

/** `GET /api/reports/:id`: the report with what cleaning removed, and its claims. */
export interface ReportResponse {
  report: StoredReport;
  claims: ReviewedClaim[];
}

/** `POST /api/claims/:id/review`. */
export interface ReviewResponse {
  claim: ReviewedClaim;
  record: ReviewRecord;
  trail: ReviewRecord[];
}

/** `GET /api/config`: settings the dashboard needs. */
export interface DashboardConfig {
  /** Raster tile URL template (`{z}/{x}/{y}`), when the operator configured one. */
  tileUrl?: string;
  basemapAttribution: string;
}

/** Every error the API sends. */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
}
