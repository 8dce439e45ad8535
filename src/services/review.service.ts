import { REVIEW_RULE, type ReviewAction, type ReviewRecord, type ReviewStatus, type SlotCorrections } from '../domain/review.js';
import type { Claim } from '../domain/types.js';
import type { Store, StoredClaim, StoredNamedValue } from '../store/index.js';

/** A stored claim with its review applied: corrected slots replace extracted ones. */
export interface ReviewedClaim extends StoredClaim {
  review: ReviewStatus;
  /** The extracted values an analyst's corrections replaced, by slot, so both can be shown. */
  extracted?: Partial<Claim>;
}

/** What an analyst asks for. `slots` is required for `correct` and ignored otherwise. */
export interface ReviewRequest {
  action: ReviewAction;
  reviewer: string;
  note?: string;
  slots?: SlotCorrections;
}

const STATE_OF = { confirm: 'confirmed', reject: 'rejected', correct: 'corrected' } as const;
const NAMED_KEYS = ['places', 'facilities', 'sources', 'actors'] as const;

/**
 * Records an analyst's decision on a claim and returns the claim as it now reads. Corrections
 * accumulate (a later correction of `time` keeps an earlier one of `places`); confirming or
 * rejecting keeps them. Undefined when no such claim is stored.
 */
export async function reviewClaim(
  store: Store,
  claimId: string,
  request: ReviewRequest,
  now: () => Date = () => new Date(),
): Promise<{ claim: ReviewedClaim; record: ReviewRecord } | undefined> {
  return store.transaction(async ({ claims, reviews }) => {
    const claim = await claims.get(claimId);
    if (!claim) return undefined;
    const before = await reviews.status(claimId);
    const corrections = request.action === 'correct' ? { ...before.corrections, ...request.slots } : before.corrections;
    const after: ReviewStatus = { state: STATE_OF[request.action], ...(corrections && Object.keys(corrections).length > 0 ? { corrections } : {}) };
    const record = await reviews.append({
      claimId,
      reportId: claim.reportId,
      action: request.action,
      reviewer: request.reviewer,
      ...(request.note ? { note: request.note } : {}),
      at: now().toISOString(),
      before,
      after,
    });
    return { claim: applyReview(claim, after), record };
  });
}

/** One claim with its review applied. */
export async function getReviewedClaim(store: Store, claimId: string): Promise<ReviewedClaim | undefined> {
  const claim = await store.claims.get(claimId);
  return claim && applyReview(claim, await store.reviews.status(claimId));
}

/** Claims with their reviews applied (one query for the whole list). */
export async function withReviews(store: Store, claims: readonly StoredClaim[]): Promise<ReviewedClaim[]> {
  const statuses = await store.reviews.statuses(claims.map((claim) => claim.id));
  return claims.map((claim) => applyReview(claim, statuses.get(claim.id) ?? { state: 'unreviewed' }));
}

/** A claim's audit trail, oldest first. */
export function reviewTrail(store: Store, claimId: string): Promise<ReviewRecord[]> {
  return store.reviews.trail(claimId);
}

/**
 * The claim as the analyst left it. Values an analyst wrote point at the claim's own span with
 * rule `review.correction` and certainty `implied` (the text did not state them); a name the
 * analyst kept keeps its extracted provenance and coordinates.
 */
export function applyReview(claim: StoredClaim, status: ReviewStatus): ReviewedClaim {
  const reviewed: ReviewedClaim = { ...claim, reviewState: status.state, review: status };
  const corrections = status.corrections;
  if (!corrections) return reviewed;
  const extracted: Partial<Claim> = {};
  const provenance = (span = { start: claim.start, end: claim.end }, text = claim.quote) => ({ span, text, rule: REVIEW_RULE, certainty: 'implied' as const });
  for (const key of NAMED_KEYS) {
    const names = corrections[key];
    if (names === undefined) continue;
    extracted[key] = claim[key];
    reviewed[key] = names.map(
      (name): StoredNamedValue => claim[key].find((value) => value.name.toLowerCase() === name.toLowerCase()) ?? { name, ...provenance(undefined, name) },
    );
  }
  if (corrections.count) {
    extracted.count = claim.count;
    reviewed.count = { ...corrections.count, ...provenance(claim.count?.span, claim.count?.text) };
  }
  if (corrections.time) {
    extracted.time = claim.time;
    reviewed.time = { ...corrections.time, ...provenance(claim.time?.span, claim.time?.text) };
  }
  for (const key of ['type', 'subjects', 'change', 'hedged'] as const) {
    if (corrections[key] === undefined) continue;
    (extracted as Record<string, unknown>)[key] = claim[key];
    (reviewed as unknown as Record<string, unknown>)[key] = corrections[key];
  }
  reviewed.extracted = extracted;
  return reviewed;
}
