import type { ClaimType } from '../domain/types.js';
import { areCompatibleTypes } from './alternative-types.js';
import type { GroupingClaim } from './grouping-claim.js';

/** At most this many distinct counts are kept per event for compatibility checks. */
const MAX_COUNTS = 32;
/**
 * Quotes and reports kept per event: the most recent ones. A large event (a story retold a
 * thousand times) stays as cheap to compare with as a small one; a copy or a report's next
 * claim arrives while its original's claims are still among the recent.
 */
const MAX_RECENT = 128;

/**
 * What an event's claims say together, folded so a new claim is checked against the event in
 * time independent of its size. JSON-safe (the store keeps it with the event).
 */
export interface EventProfile {
  id: string;
  claims: number;
  types: ClaimType[];
  /**
   * The dated claims' ranges folded (day numbers): their latest start and earliest end. Folding
   * them is the same in any order; events stored before it have none and are rebuilt.
   */
  dated?: [number, number];
  /**
   * The time every dated claim allows (`dated` in order): their intersection, or, when claims
   * joined within the slack leave it empty, the gap between them.
   */
  core?: [number, number];
  coreDayPrecise?: boolean;
  /** Union of every claim's range, dated or only published. */
  span?: [number, number];
  facilities: string[];
  /** Place keys, with the regions and countries they lie in. */
  areas: string[];
  sources: string[];
  quotes: string[];
  /** Reports (originals for copies). */
  reports: string[];
  counts: { low: number; high: number; report: string }[];
  genders: string[];
  nationalities: string[];
  changes: string[];
}

/** A facility key that names one institution (not "a colony somewhere in Russia"). */
export function isSpecificFacility(key: string): boolean {
  return !key.startsWith('name:') && !key.includes('@');
}

/** Areas a claim's places cover: each place, its region and its country. */
export function areasOf(claim: GroupingClaim): string[] {
  const areas: string[] = [];
  for (const place of claim.places) {
    if (!areas.includes(place.key)) areas.push(place.key);
    for (const area of place.within ?? []) if (!areas.includes(area)) areas.push(area);
  }
  return areas;
}

/** The report a claim counts for: its original when it is a copy. */
export function reportOf(claim: GroupingClaim): string {
  return claim.originalReportId ?? claim.reportId;
}

/** The profile of an event founded by one claim. */
export function profileOf(id: string, claim: GroupingClaim): EventProfile {
  const profile: EventProfile = {
    id,
    claims: 0,
    types: [],
    facilities: [],
    areas: [],
    sources: [],
    quotes: [],
    reports: [],
    counts: [],
    genders: [],
    nationalities: [],
    changes: [],
  };
  addToProfile(profile, claim);
  return profile;
}

/** Folds one more claim into a profile (mutates it). */
export function addToProfile(profile: EventProfile, claim: GroupingClaim): void {
  profile.claims += 1;
  push(profile.types, claim.type);
  if (claim.from !== undefined && claim.to !== undefined) {
    profile.span = profile.span ? [Math.min(profile.span[0], claim.from), Math.max(profile.span[1], claim.to)] : [claim.from, claim.to];
    if (!claim.weakTime) {
      setDated(profile, profile.dated ? [Math.max(profile.dated[0], claim.from), Math.min(profile.dated[1], claim.to)] : [claim.from, claim.to]);
      profile.coreDayPrecise = (profile.coreDayPrecise ?? true) && claim.dayPrecise === true;
    }
  }
  for (const key of claim.facilities) if (isSpecificFacility(key)) push(profile.facilities, key);
  for (const area of areasOf(claim)) push(profile.areas, area);
  for (const key of claim.sourceKeys) if (!key.startsWith('described:')) push(profile.sources, key);
  pushRecent(profile.quotes, claim.quoteKey);
  pushRecent(profile.reports, reportOf(claim));
  if (claim.count && profile.counts.length < MAX_COUNTS && !profile.counts.some((c) => c.low === claim.count!.low && c.high === claim.count!.high && c.report === reportOf(claim))) {
    profile.counts.push({ low: claim.count.low, high: claim.count.high, report: reportOf(claim) });
  }
  if (claim.gender) push(profile.genders, claim.gender);
  if (claim.nationality) push(profile.nationalities, claim.nationality);
  if (claim.change) push(profile.changes, claim.change);
}

function setDated(profile: EventProfile, dated: [number, number]): void {
  profile.dated = dated;
  profile.core = dated[0] <= dated[1] ? dated : [dated[1], dated[0]];
}

/**
 * A copy of a profile that `addToProfile` and `mergeProfiles` can fold into without touching the
 * original: its lists are copied; their entries, and its ranges, are replaced rather than changed.
 */
export function copyProfile(profile: EventProfile): EventProfile {
  return {
    ...profile,
    types: profile.types.slice(),
    facilities: profile.facilities.slice(),
    areas: profile.areas.slice(),
    sources: profile.sources.slice(),
    quotes: profile.quotes.slice(),
    reports: profile.reports.slice(),
    counts: profile.counts.slice(),
    genders: profile.genders.slice(),
    nationalities: profile.nationalities.slice(),
    changes: profile.changes.slice(),
  };
}

/** Folds `from` into `into` (mutates `into`). */
export function mergeProfiles(into: EventProfile, from: EventProfile): void {
  into.claims += from.claims;
  for (const type of from.types) push(into.types, type);
  if (from.span) into.span = into.span ? [Math.min(into.span[0], from.span[0]), Math.max(into.span[1], from.span[1])] : from.span;
  if (from.dated) {
    setDated(into, into.dated ? [Math.max(into.dated[0], from.dated[0]), Math.min(into.dated[1], from.dated[1])] : from.dated);
    into.coreDayPrecise = (into.coreDayPrecise ?? true) && from.coreDayPrecise === true;
  }
  for (const key of ['facilities', 'areas', 'sources', 'genders', 'nationalities', 'changes'] as const) {
    for (const value of from[key]) push(into[key], value);
  }
  for (const key of ['quotes', 'reports'] as const) for (const value of from[key]) pushRecent(into[key], value);
  for (const count of from.counts) if (into.counts.length < MAX_COUNTS) into.counts.push(count);
}

/**
 * True when folding a profile's claims in any order gives it the same values (its lists read as
 * sets): no recent list or the count list reached its cap, and it was stored with `dated` (a
 * profile with a `core` but none was folded before the two were kept). A profile updated claim
 * by claim can then stand for one folded from all its claims at once.
 */
export function isOrderFree(profile: EventProfile): boolean {
  const capped = profile.quotes.length >= MAX_RECENT || profile.reports.length >= MAX_RECENT || profile.counts.length >= MAX_COUNTS;
  return !capped && (profile.core === undefined || profile.dated !== undefined);
}

/** True when every type of the profile may share an event with `type`. */
export function typesFit(profile: EventProfile, type: ClaimType): boolean {
  return profile.types.every((t) => areCompatibleTypes(t, type));
}

/** Lists up to this long are scanned; longer ones are looked up in a set kept beside them. */
const SCANNED = 16;
const indexes = new WeakMap<readonly unknown[], { values: Set<unknown>; length: number; last: unknown }>();

/**
 * `list.includes(value)` in constant time for a profile's set-like lists (types, facilities,
 * areas, sources, genders, nationalities, changes), which grow only by `push` below and are never
 * capped: an event retold with ever more places or sources would otherwise cost each claim
 * compared with it a scan of all of them. The set beside a list takes in the values appended
 * since it was last read; a list changed any other way (shorter, or another last value) is
 * indexed afresh. Not for `quotes` and `reports`, which drop their oldest.
 */
export function listHas<T>(list: readonly T[], value: T): boolean {
  if (list.length <= SCANNED) return list.includes(value);
  let index = indexes.get(list);
  if (!index || index.length > list.length || list[index.length - 1] !== index.last) {
    index = { values: new Set(), length: 0, last: undefined };
    indexes.set(list, index);
  }
  for (let i = index.length; i < list.length; i += 1) index.values.add(list[i]);
  index.length = list.length;
  index.last = list[list.length - 1];
  return index.values.has(value);
}

function push<T>(list: T[], value: T): void {
  if (!listHas(list, value)) list.push(value);
}

function pushRecent<T>(list: T[], value: T): void {
  const at = list.lastIndexOf(value);
  if (at === list.length - 1 && at >= 0) return;
  if (at >= 0) list.splice(at, 1);
  list.push(value);
  if (list.length > MAX_RECENT) list.shift();
}
