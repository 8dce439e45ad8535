import { isSpecificFacility, listHas, reportOf, typesFit, type EventProfile } from './event-profile.js';
import type { GroupingClaim } from './grouping-claim.js';

/** Evidence a claim needs to join an event. */
export const JOIN_SCORE = 4;
/** Evidence under which two counts that disagree split an event rather than make a conflict in it. */
export const CONFLICT_SCORE = 6;
/** A time longer than this (a quarter), and over three times as long as the other, says less about which happening it is than a like one. */
const VAGUE_DAYS = 92;
/** Days two day-precise ranges may miss each other by and still overlap ("last week" vs "this Monday"). */
const DAY_SLACK = 2;

/** How well a claim fits an event: `undefined` when something rules it out. */
export interface Fit {
  score: number;
  /** The claim's count disagrees with one of the event's (kept as a conflict). */
  countConflict: boolean;
}

/**
 * Scores a claim against an event. Ruled out: a type that is not the same or an alternative, a
 * time that misses the event's, another named facility, another gender, nationality or
 * direction of change, and a count that disagrees unless facility or place, time and the rest
 * make it the same happening told with another number.
 */
export function fitClaim(profile: EventProfile, claim: GroupingClaim): Fit | undefined {
  if (!typesFit(profile, claim.type)) return undefined;
  if (conflicts(profile.genders, claim.gender) || conflicts(profile.nationalities, claim.nationality) || conflicts(profile.changes, claim.change)) return undefined;
  const facilities = claim.facilities.filter(isSpecificFacility);
  const sameFacility = facilities.some((key) => listHas(profile.facilities, key));
  if (facilities.length > 0 && profile.facilities.length > 0 && !sameFacility) return undefined;
  const time = timeFit(profile, claim);
  if (time === undefined) return undefined;
  const sameReport = profile.reports.includes(reportOf(claim));
  let score = time + (sameFacility ? 3 : 0) + (sameReport ? 2 : 0) + placeScore(profile, claim);
  if (profile.quotes.includes(claim.quoteKey)) score += 6;
  if (claim.sourceKeys.some((key) => listHas(profile.sources, key))) score += 2;
  if (claim.gender && profile.genders.includes(claim.gender)) score += 1;
  if (claim.nationality && profile.nationalities.includes(claim.nationality)) score += 0.5;
  if (claim.change && profile.changes.includes(claim.change)) score += 1;
  let countConflict = false;
  if (claim.count) {
    const disagreeing = profile.counts.filter((count) => !countsAgree(count, claim.count!));
    if (profile.counts.length > disagreeing.length) score += 2;
    if (disagreeing.length > 0) {
      const anchored = (sameFacility || specificPlaceShared(profile, claim)) && !claim.weakTime && profile.core !== undefined;
      if (!anchored || disagreeing.some((count) => count.report === reportOf(claim))) return undefined;
      countConflict = true;
    }
  }
  if (countConflict && score < CONFLICT_SCORE) return undefined;
  return { score, countConflict };
}

/** Two counts agree when their plausible ranges meet, give or take a tenth. */
export function countsAgree(a: { low: number; high: number }, b: { low: number; high: number }): boolean {
  return a.low <= b.high * 1.1 && b.low <= a.high * 1.1;
}

/** True when two events can be one: the same rules as for a claim, on their folded values. */
export function profilesFit(a: EventProfile, b: EventProfile): boolean {
  if (!b.types.every((type) => typesFit(a, type))) return false;
  for (const key of ['genders', 'nationalities', 'changes'] as const) if (a[key].length + b[key].length > 0 && new Set([...a[key], ...b[key]]).size > 1) return false;
  if (a.facilities.length > 0 && b.facilities.length > 0 && !a.facilities.some((f) => listHas(b.facilities, f))) return false;
  if (a.core && b.core && !overlaps(a.core, b.core, a.coreDayPrecise && b.coreDayPrecise ? DAY_SLACK : 0)) return false;
  if (a.core && b.span && !b.core && !overlaps(a.core, b.span, 0)) return false;
  if (b.core && a.span && !a.core && !overlaps(b.core, a.span, 0)) return false;
  return a.counts.every((x) => b.counts.every((y) => countsAgree(x, y)));
}

/** Points for time, or undefined when the times cannot be the same happening's. */
function timeFit(profile: EventProfile, claim: GroupingClaim): number | undefined {
  if (claim.from === undefined || claim.to === undefined) return 0;
  const range: [number, number] = [claim.from, claim.to];
  if (profile.core) {
    const slack = claim.dayPrecise && profile.coreDayPrecise ? DAY_SLACK : 0;
    if (!overlaps(profile.core, range, slack)) return undefined;
    if (claim.weakTime) return 0.5;
    if (claim.dayPrecise && profile.coreDayPrecise) return 3;
    // "In 2023" overlaps March 2023 as any year-long range would: weaker evidence than the same month.
    const claimDays = claim.to - claim.from + 1;
    const coreDays = profile.core[1] - profile.core[0] + 1;
    const longer = Math.max(claimDays, coreDays);
    return longer > VAGUE_DAYS && longer > 3 * Math.min(claimDays, coreDays) ? 1 : 2;
  }
  // Only publication windows on one side at least: weak evidence.
  if (profile.span && !overlaps(profile.span, range, 0)) return undefined;
  return 0.5;
}

/** Points for places: the same place 2, the same region 1, the same country only 0.5. */
function placeScore(profile: EventProfile, claim: GroupingClaim): number {
  let best = 0;
  for (const place of claim.places) {
    if (!place.country && listHas(profile.areas, place.key)) return 2;
    for (const area of place.within ?? []) {
      if (!listHas(profile.areas, area)) continue;
      best = Math.max(best, area.startsWith('place:') && !place.country ? 1 : 0.5);
    }
    if (place.country && listHas(profile.areas, place.key)) best = Math.max(best, 0.5);
  }
  return best;
}

function specificPlaceShared(profile: EventProfile, claim: GroupingClaim): boolean {
  return claim.places.some((place) => !place.country && listHas(profile.areas, place.key));
}

function conflicts(values: readonly string[], value: string | undefined): boolean {
  return value !== undefined && values.some((v) => v !== value);
}

function overlaps(a: readonly [number, number], b: readonly [number, number], slack: number): boolean {
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

