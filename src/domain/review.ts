/** Analysts' reviews of claims (DESIGN: review): the words shared by store, services, API and dashboard. */
import type { ClaimType, Subjects } from './types.js';

export const REVIEW_ACTIONS = ['confirm', 'reject', 'correct'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** Where a claim stands: no decision yet, or the last decision taken. */
export type ReviewState = 'unreviewed' | 'confirmed' | 'rejected' | 'corrected';

/**
 * An analyst's values for a claim's slots, replacing what extraction found. Named slots are
 * lists of names; a count or time replaces the whole value. Absent keys leave the slot alone.
 */
export interface SlotCorrections {
  type?: ClaimType;
  count?: { value?: number; min?: number; max?: number; approximate?: boolean; vague?: string };
  time?: { start: string; end: string };
  places?: string[];
  facilities?: string[];
  sources?: string[];
  actors?: string[];
  subjects?: Subjects;
  change?: 'decrease' | 'increase';
  hedged?: boolean;
}

/** A claim's review status: its state and the corrections in force. */
export interface ReviewStatus {
  state: ReviewState;
  corrections?: SlotCorrections;
}

/** One entry of a claim's audit trail: who did what, when, and the status before and after. */
export interface ReviewRecord {
  seq: number;
  claimId: string;
  reportId: string;
  action: ReviewAction;
  reviewer: string;
  note?: string;
  /** ISO date-time. */
  at: string;
  before: ReviewStatus;
  after: ReviewStatus;
}

/** The rule id given to slot values an analyst wrote (they point at the claim's own span). */
export const REVIEW_RULE = 'review.correction';
