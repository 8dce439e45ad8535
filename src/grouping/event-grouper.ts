import { CLAIM_TYPES, type ClaimType } from '../domain/types.js';
import { compatibleTypes } from './alternative-types.js';
import { fitClaim, JOIN_SCORE, profilesFit, type Fit } from './event-match.js';
import { addToProfile, areasOf, copyProfile, isSpecificFacility, mergeProfiles, profileOf, reportOf, type EventProfile } from './event-profile.js';
import type { GroupingClaim } from './grouping-claim.js';
import { monthOf } from './time-range.js';

/** Ranges longer than this many months block as "long" instead of month by month. */
const MAX_BUCKET_MONTHS = 18;
/** Events kept per block key, the most recent: bounds the work per claim in crowded blocks. */
const CANDIDATES_PER_KEY = 16;
/** Events a claim is compared with at most: keeps grouping linear however crowded its blocks. */
const MAX_CANDIDATES = 32;

/** Where a claim is blocked: its report, its entities, and its type × time-bucket cells. */
export interface BlockSpec {
  report: string;
  entities: string[];
  /** `type index × 1e6 + month number` (or the "long" and "undated" buckets): integers, cheap to look up. */
  cells: number[];
}

const LONG = 999_998;
const UNDATED = 999_999;

/**
 * Blocks of a claim: type × time bucket × entity (facility, place, region, source), plus its
 * report (claims told together are compared whatever they name). A country is an entity only
 * for a claim that names nothing narrower: "Ukraine" alone would put every story in one block.
 * A claim registers under its own type and looks up under its type and the alternatives.
 */
export function blockSpec(claim: GroupingClaim, types: readonly ClaimType[] = [claim.type]): BlockSpec {
  const areas = areasOf(claim);
  const narrow = areas.filter((key) => !key.startsWith('country:') && !isCountryPlace(claim, key));
  const places = narrow.length > 0 ? narrow : areas;
  // Most specific first: candidates() stops early in crowded blocks. (Plain loops: the storing
  // thread runs this for every claim, and V8 compiles a smaller function sooner and again less often.)
  const entities: string[] = [];
  for (const key of claim.facilities) if (isSpecificFacility(key)) entities.push(`f:${key}`);
  for (const key of places) if (isOwnPlace(claim, key)) entities.push(`p:${key}`);
  for (const key of claim.sourceKeys) if (!key.startsWith('described:')) entities.push(`s:${key}`);
  for (const key of places) if (!isOwnPlace(claim, key)) entities.push(`p:${key}`);
  if (entities.length === 0) entities.push('-');
  const buckets = timeBuckets(claim);
  const cells: number[] = [];
  for (const type of types) for (const bucket of buckets) cells.push(CLAIM_TYPES.indexOf(type) * 1_000_000 + bucket);
  return { report: reportOf(claim), entities, cells };
}

/** True when `key` is one of the claim's own places (not only an area one lies in). */
function isOwnPlace(claim: GroupingClaim, key: string): boolean {
  for (const place of claim.places) if (place.key === key) return true;
  return false;
}

/** True when `key` is a place of the claim that is a country. */
function isCountryPlace(claim: GroupingClaim, key: string): boolean {
  for (const place of claim.places) if (place.country && place.key === key) return true;
  return false;
}

/** The blocks of a claim as text keys (`r:<report>`, `<cell>|<entity>`), as the store keeps them. */
export function blockKeys(claim: GroupingClaim, types: readonly ClaimType[] = [claim.type]): string[] {
  return keysOf(blockSpec(claim, types));
}

function keysOf(spec: BlockSpec): string[] {
  const keys = [`r:${spec.report}`];
  for (const cell of spec.cells) for (const entity of spec.entities) keys.push(`${cell}|${entity}`);
  return keys;
}

/**
 * A claim's blocks under its type and its alternatives, made once per claim: a report's claims
 * are looked up, compared and registered, each needing them (GroupingClaims are not changed once made).
 */
const lookupSpecs = new WeakMap<GroupingClaim, BlockSpec>();
function lookupSpec(claim: GroupingClaim): BlockSpec {
  let spec = lookupSpecs.get(claim);
  if (!spec) lookupSpecs.set(claim, (spec = blockSpec(claim, compatibleTypes(claim.type))));
  return spec;
}

/**
 * The keys a claim is looked up under (`blockKeys` of its type and alternatives) and, the first of
 * them, those it is registered under (`blockKeys` of its own type, whose cells come first).
 */
export function claimBlockKeys(claim: GroupingClaim): { lookup: string[]; own: string[] } {
  const spec = lookupSpec(claim);
  const lookup = keysOf(spec);
  const ownCells = spec.cells.length / compatibleTypes(claim.type).length;
  return { lookup, own: lookup.slice(0, 1 + ownCells * spec.entities.length) };
}

function timeBuckets(claim: GroupingClaim): number[] {
  if (claim.from === undefined || claim.to === undefined) return [UNDATED];
  const first = monthOf(claim.from);
  const last = monthOf(claim.to);
  if (last - first >= MAX_BUCKET_MONTHS) return [LONG];
  const buckets: number[] = [];
  for (let month = first; month <= last; month += 1) buckets.push(month);
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
  private readonly byReport = new Map<string, string[]>();
  private readonly blocks = new Map<string, Map<number, string[]>>();
  private readonly redirects = new Map<string, string>();
  /** Profiles restored and not changed since: the store's, copied before a claim is folded in (`own`). */
  private readonly borrowed = new Set<EventProfile>();

  /** `newId` names an event after the claim that founds it. */
  constructor(private readonly newId: (founder: GroupingClaim) => string) {}

  /**
   * Makes an event known (from the store): its profile and the block keys it is found under. The
   * profile is not changed: one a claim joins is copied first, so a store may hand over the
   * profile it holds (most of those restored are only compared with, and copying each cost
   * the storing thread 3%).
   */
  restore(profile: EventProfile, keys: readonly string[]): void {
    this.profiles.set(profile.id, profile);
    this.borrowed.add(profile);
    for (const key of keys) {
      if (key.startsWith('r:')) this.register(this.byReport, key.slice(2), profile.id);
      else {
        const bar = key.indexOf('|');
        this.register(this.cellsOf(key.slice(bar + 1)), Number(key.slice(0, bar)), profile.id);
      }
    }
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
    // One spec for lookup and registration: the own type's cells come first.
    const spec = lookupSpec(claim);
    // Most candidates are ruled out: only those that fit are kept and sorted (best first).
    const fits: { profile: EventProfile; fit: Fit }[] = [];
    for (const profile of this.candidates(spec)) {
      const fit = fitClaim(profile, claim);
      if (fit !== undefined && fit.score >= JOIN_SCORE) fits.push({ profile, fit });
    }
    if (fits.length > 1) fits.sort((a, b) => b.fit.score - a.fit.score || a.profile.id.localeCompare(b.profile.id));
    let target: EventProfile;
    if (fits.length === 0) {
      target = profileOf(this.newId(claim), claim);
      this.profiles.set(target.id, target);
    } else {
      target = this.own(fits[0].profile);
      addToProfile(target, claim);
      for (let i = 1; i < fits.length; i += 1) {
        const other = fits[i];
        if (other.fit.countConflict || !profilesFit(target, other.profile)) continue;
        this.merge(other.profile, target);
        change.merges.push({ from: other.profile.id, into: target.id });
      }
    }
    this.register(this.byReport, spec.report, target.id);
    const own = spec.cells.slice(0, spec.cells.length / compatibleTypes(claim.type).length);
    for (const entity of spec.entities) {
      const cells = this.cellsOf(entity);
      for (const cell of own) this.register(cells, cell, target.id);
    }
    change.assignments.set(claim.id, target.id);
    change.touched.add(target.id);
  }

  /**
   * The events a claim is compared with: its report's, then block by block from the most
   * specific (its own type before alternatives; facilities, places and sources before the
   * regions and countries they lie in), at most MAX_CANDIDATES of them.
   */
  private candidates(spec: BlockSpec): EventProfile[] {
    const found = new Set<string>(this.byReport.get(spec.report));
    const entities: Map<number, string[]>[] = [];
    for (const entity of spec.entities) {
      const cells = this.blocks.get(entity);
      if (cells) entities.push(cells);
    }
    search: for (const cell of spec.cells) {
      for (const cells of entities) {
        const list = cells.get(cell);
        if (!list) continue;
        for (let i = list.length - 1; i >= 0; i -= 1) {
          found.add(list[i]);
          if (found.size >= MAX_CANDIDATES) break search;
        }
      }
    }
    // Blocks may still list events merged away since: follow those to the event that absorbed them.
    const profiles: EventProfile[] = [];
    for (const id of found) {
      const profile = this.profiles.get(id) ?? this.profiles.get(this.resolve(id))!;
      if (!profiles.includes(profile)) profiles.push(profile);
    }
    return profiles;
  }

  private cellsOf(entity: string): Map<number, string[]> {
    let cells = this.blocks.get(entity);
    if (!cells) {
      cells = new Map();
      this.blocks.set(entity, cells);
    }
    return cells;
  }

  /** The profile to change in place of `profile`: a copy, the first time, of one restored. */
  private own(profile: EventProfile): EventProfile {
    if (!this.borrowed.delete(profile)) return profile;
    const copy = copyProfile(profile);
    this.profiles.set(copy.id, copy);
    return copy;
  }

  private merge(from: EventProfile, into: EventProfile): void {
    mergeProfiles(into, from);
    this.profiles.delete(from.id);
    this.redirects.set(from.id, into.id);
  }

  /** Keeps each block's most recent distinct events (an event found again moves to the end). */
  private register<K>(blocks: Map<K, string[]>, key: K, id: string): void {
    const list = blocks.get(key);
    if (!list) return void blocks.set(key, [id]);
    if (list[list.length - 1] === id) return;
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    list.push(id);
    if (list.length > CANDIDATES_PER_KEY) list.shift();
  }

  private resolve(id: string): string {
    let current = id;
    while (this.redirects.has(current)) current = this.redirects.get(current)!;
    // Path compression: the next lookup of any event on the chain is one step.
    for (let step = id; step !== current; ) {
      const next = this.redirects.get(step)!;
      this.redirects.set(step, current);
      step = next;
    }
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
