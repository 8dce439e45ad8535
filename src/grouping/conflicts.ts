import { countsAgree } from './event-match.js';
import type { GroupingClaim } from './grouping-claim.js';

/** One side of a conflict: a value and the claims (with their reports and origins) that give it. */
export interface ConflictSide {
  value: string;
  low: number;
  high: number;
  claims: string[];
  reports: string[];
  origins: string[];
}

/** Values of one slot inside an event that cannot all be true: kept side by side, none overwritten. */
export interface Conflict {
  slot: 'count';
  sides: ConflictSide[];
}

/** What conflicts are found from: a claim's id, report, origin name and count. */
export type CountedClaim = Pick<GroupingClaim, 'id' | 'reportId' | 'count'> & { origin: { name: string } };

/**
 * The count conflicts of an event: its counts gathered into sides that agree among themselves
 * (ranges that meet); more than one side is a conflict ("100" vs "50"; "more than 1,000" vs "about 680").
 */
export function findConflicts(claims: readonly CountedClaim[]): Conflict[] {
  const sides: ConflictSide[] = [];
  const counted = claims.filter((claim) => claim.count).sort((a, b) => b.count!.high - a.count!.high);
  for (const claim of counted) {
    const count = claim.count!;
    const side = sides.find((s) => countsAgree(s, count));
    if (side) {
      side.low = Math.max(side.low, count.low);
      side.high = Math.min(side.high, count.high);
      if (side.low > side.high) [side.low, side.high] = [side.high, side.low];
      add(side, claim);
    } else {
      const fresh: ConflictSide = { value: count.text, low: count.low, high: count.high, claims: [], reports: [], origins: [] };
      add(fresh, claim);
      sides.push(fresh);
    }
  }
  return sides.length > 1 ? [{ slot: 'count', sides }] : [];
}

function add(side: ConflictSide, claim: CountedClaim): void {
  side.claims.push(claim.id);
  if (!side.reports.includes(claim.reportId)) side.reports.push(claim.reportId);
  if (!side.origins.includes(claim.origin.name)) side.origins.push(claim.origin.name);
}
