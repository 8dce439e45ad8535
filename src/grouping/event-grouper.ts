import { compatibleTypes } from './alternative-types.js';
import { fitClaim, JOIN_SCORE, profilesFit } from './event-match.js';
import { addToProfile, areasOf, isSpecificFacility, mergeProfiles, profileOf, reportOf, type EventProfile } from './event-profile.js';
import type { GroupingClaim } from './grouping-claim.js';
import { monthOf } from './time-range.js';

/** Ranges longer than this many months block as "long" instead of month by month. */
const MAX_BUCKET_MONTHS = 18;
/** Events looked at per block key, newest first: bounds the work per claim in crowded blocks. */
const CANDIDATES_PER_KEY = 24;

/**
 * Block keys of a claim for one type: type × time bucket × entity, plus its report (claims
 * told together are compared whatever they name). A claim registers under its own type and
 * looks up under its type and the alternatives.
 */
export function blockKeys(claim: GroupingClaim, type: string = claim.type): string[] {
  const buckets = timeBuckets(claim);
  const entities = [
    ...claim.facilities.filter(isSpecificFacility).map((key) => `f:${key}`),
    ...areasOf(claim).map((key) => `p:${key}`),
    ...claim.sourceKeys.filter((key) => !key.startsWith('described:')).map((key) => `s:${key}`),
  ];
  if (entities.length === 0) entities.push('-');
  const keys = [`r:${reportOf(claim)}`];
  for (const bucket of buckets) for (const entity of entities) keys.push(`${type}|${bucket}|${entity}`);
  return keys;
}

function timeBuckets(claim: GroupingClaim): string[] {
  if (claim.from === undefined || claim.to === undefined) return ['none'];
  const first = monthOf(claim.from);
  const last = monthOf(claim.to);
  if (last - first >= MAX_BUCKET_MONTHS) return ['long'];
  const buckets: string[] = [];
  for (let month = first; month <= last; month += 1) buckets.push(String(month));
  return buckets;
}

/** What adding one report's claims did. */
export interface GroupingChange {
  /** Claim id → event id, for the claims added. */
  assignments: Map<string, string>;
  /** Events absorbed into another (their claims now belong to `into`). */
  merges: { from: string; into: string }[];
  /** Events created or changed (after merges), by id. */
  touched: Set<string>;
}

/**
 * Groups claims into events incrementally: each claim is compared only with the events in its
 * blocks (never all pairs), joins the event it fits best, and two events it fits equally are
 * merged when they fit each other. Adding a report touches only its blocks' events.
 */
export class EventGrouper {
  private readonly profiles = new Map<string, EventProfile>();
  private readonly blocks = new Map<string, string[]>();
  private readonly redirects = new Map<string, string>();

  /** `newId` names an event after the claim that founds it. */
  constructor(private readonly newId: (founder: GroupingClaim) => string) {}

  /** Makes an event known (from the store): its profile and the block keys it is found under. */
  restore(profile: EventProfile, keys: readonly string[]): void {
    this.profiles.set(profile.id, profile);
    for (const key of keys) this.register(key, profile.id);
  }

  profile(id: string): EventProfile | undefined {
    return this.profiles.get(this.resolve(id));
  }

  get eventCount(): number {
    return this.profiles.size;
  }

  /** Adds one report's claims, the most specific first (a dated claim with a facility anchors the rest). */
  addReport(claims: readonly GroupingClaim[]): GroupingChange {
    const change: GroupingChange = { assignments: new Map(), merges: [], touched: new Set() };
    const ordered = [...claims].sort((a, b) => specificity(b) - specificity(a) || a.ordinal - b.ordinal);
    for (const claim of ordered) this.addClaim(claim, change);
    for (const [claimId, eventId] of change.assignments) change.assignments.set(claimId, this.resolve(eventId));
    change.touched = new Set([...change.touched].map((id) => this.resolve(id)));
    return change;
  }

  private addClaim(claim: GroupingClaim, change: GroupingChange): void {
    const fits = this.candidates(claim)
      .map((profile) => ({ profile, fit: fitClaim(profile, claim) }))
      .filter((c): c is { profile: EventProfile; fit: NonNullable<typeof c.fit> } => c.fit !== undefined && c.fit.score >= JOIN_SCORE)
      .sort((a, b) => b.fit.score - a.fit.score || a.profile.id.localeCompare(b.profile.id));
    let target: EventProfile;
    if (fits.length === 0) {
      target = profileOf(this.newId(claim), claim);
      this.profiles.set(target.id, target);
    } else {
      target = fits[0].profile;
      addToProfile(target, claim);
      for (const other of fits.slice(1)) {
        if (other.fit.countConflict || !profilesFit(target, other.profile)) continue;
        this.merge(other.profile, target);
        change.merges.push({ from: other.profile.id, into: target.id });
      }
    }
    for (const key of blockKeys(claim)) this.register(key, target.id);
    change.assignments.set(claim.id, target.id);
    change.touched.add(target.id);
  }

  private candidates(claim: GroupingClaim): EventProfile[] {
    const ids = new Set<string>();
    const keys = compatibleTypes(claim.type).flatMap((type, i) => blockKeys(claim, type).slice(i === 0 ? 0 : 1));
    for (const key of keys) {
      const list = this.blocks.get(key);
      if (!list) continue;
      for (let i = list.length - 1; i >= 0 && i >= list.length - CANDIDATES_PER_KEY; i -= 1) ids.add(this.resolve(list[i]));
    }
    return [...ids].map((id) => this.profiles.get(id)!).filter(Boolean);
  }

  private merge(from: EventProfile, into: EventProfile): void {
    mergeProfiles(into, from);
    this.profiles.delete(from.id);
    this.redirects.set(from.id, into.id);
  }

  private register(key: string, id: string): void {
    const list = this.blocks.get(key);
    if (!list) this.blocks.set(key, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  }

  private resolve(id: string): string {
    let current = id;
    while (this.redirects.has(current)) current = this.redirects.get(current)!;
    return current;
  }
}

/** Dated claims with a facility, place and count first; claims with none of these last. */
function specificity(claim: GroupingClaim): number {
  return (
    (claim.from !== undefined && !claim.weakTime ? 4 : 0) +
    (claim.facilities.some(isSpecificFacility) ? 2 : 0) +
    (claim.places.some((p) => !p.country) ? 1 : 0) +
    (claim.count ? 1 : 0)
  );
}
