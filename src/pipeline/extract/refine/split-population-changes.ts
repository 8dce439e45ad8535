import type { Claim } from '../../../domain/types.js';
import { findChanges } from '../en/count/change.js';
import { findTimes } from '../en/time/time.js';
import { toTimeValue, toValue } from '../en/quantities.js';

/**
 * One population claim per change a sentence reports ("decreased by 10,000 by October, and by another
 * 13,000 by November"): each takes its own count and the time that follows it before the next change.
 */
export function splitPopulationChanges(text: string, claims: Claim[], published: string | undefined): Claim[] {
  return claims.flatMap((claim) => {
    if (claim.type !== 'population') return [claim];
    const changes = findChanges(text, claim);
    if (changes.length < 2) return [claim];
    return changes.map((change, i) => {
      const segmentEnd = changes[i + 1]?.span.start ?? claim.end;
      const time = findTimes(text, { start: change.span.start, end: segmentEnd }, published)[0];
      return {
        ...claim,
        count: toValue(change.count),
        change: change.change,
        time: time ? toTimeValue(time) : claim.time,
        rule: `${claim.rule}+split-changes`,
      };
    });
  });
}
