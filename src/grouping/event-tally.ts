import type { GroupingClaim } from './grouping-claim.js';
import type { Origin } from './origins.js';

/**
 * What an event's summary is computed from, folded claim by claim so a report joining a large
 * event updates it without re-reading the event's claims. JSON-safe (the store keeps it with the
 * event). Canonical: the same claims give the same tally in whatever order they are added, and
 * where the summary depends on order (first names, ties) the lists keep claim-id order, the
 * order a summary of all the claims reads them in.
 */
export interface EventTally {
  claims: number;
  /** Claims per type. */
  types: Record<string, number>;
  /** Each place named, with the name its first claim (by id) gives, the claims naming it, and that claim's id. */
  places: { key: string; name: string; claims: number; first: string }[];
  /** Reports, copies counted by their original; sorted. */
  originals: string[];
  /** Reports as stored; sorted. */
  reportIds: string[];
  /** Each distinct origin of each (original) report, with its claims and first claim's id, in first-claim order. */
  origins: { origin: Origin; reportId: string; claims: number; first: string }[];
  /** The claims with a count, in claim-id order: what conflicts are found among. */
  counted: { id: string; reportId: string; origin: string; count: NonNullable<GroupingClaim['count']> }[];
  /** The dated claims' ranges folded: latest start, earliest end, earliest start, latest end. */
  dated?: [number, number, number, number];
}

/** An empty tally: an event with no claims yet. */
export function emptyTally(): EventTally {
  return { claims: 0, types: {}, places: [], originals: [], reportIds: [], origins: [], counted: [] };
}

/** The tally of a set of claims. */
export function tallyOf(claims: readonly GroupingClaim[]): EventTally {
  const tally = emptyTally();
  for (const claim of [...claims].sort((a, b) => compareIds(a.id, b.id))) addToTally(tally, claim);
  return tally;
}

/** Folds one more claim into a tally (mutates it). */
export function addToTally(tally: EventTally, claim: GroupingClaim): void {
  tally.claims += 1;
  tally.types[claim.type] = (tally.types[claim.type] ?? 0) + 1;
  for (const place of claim.places) addPlace(tally, place.key, claim.placeNames[place.key] ?? place.key, claim.id);
  const original = claim.originalReportId ?? claim.reportId;
  insertSorted(tally.originals, original);
  insertSorted(tally.reportIds, claim.reportId);
  addOrigin(tally, claim.origin, original, claim.id);
  if (claim.count) {
    const entry = { id: claim.id, reportId: claim.reportId, origin: claim.origin.name, count: claim.count };
    tally.counted.splice(firstAfter(tally.counted, claim.id, (c) => c.id), 0, entry);
  }
  if (claim.from !== undefined && claim.to !== undefined && !claim.weakTime) {
    const d = tally.dated;
    tally.dated = d ? [Math.max(d[0], claim.from), Math.min(d[1], claim.to), Math.min(d[2], claim.from), Math.max(d[3], claim.to)] : [claim.from, claim.to, claim.from, claim.to];
  }
}

/** Claim ids in the order a summary reads claims: by UTF-16 code unit, as `Array.prototype.sort` does. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The place takes its name from its first claim; a claim earlier than that first one moves it.
function addPlace(tally: EventTally, key: string, name: string, claimId: string): void {
  const at = tally.places.findIndex((p) => p.key === key);
  countIn(tally.places, at, claimId, (claims) => ({ key, name, claims, first: claimId }));
}

// Origins are kept per (origin, report) with their first claim: the summary folds them in that order.
function addOrigin(tally: EventTally, origin: Origin, reportId: string, claimId: string): void {
  const identity = originIdentity(origin);
  const at = tally.origins.findIndex((o) => o.reportId === reportId && originIdentity(o.origin) === identity);
  countIn(tally.origins, at, claimId, (claims) => ({ origin, reportId, claims, first: claimId }));
}

/**
 * Counts one more claim for the entry at `at` (-1: none yet). An entry stays in order of its first
 * claim: a claim earlier than that first one makes a new entry (with the count carried over) in its place.
 */
function countIn<T extends { claims: number; first: string }>(list: T[], at: number, claimId: string, make: (claims: number) => T): void {
  const known = at >= 0 ? list[at] : undefined;
  if (known && known.first < claimId) {
    known.claims += 1;
    return;
  }
  if (known) list.splice(at, 1);
  list.splice(firstAfter(list, claimId, (e) => e.first), 0, make((known?.claims ?? 0) + 1));
}

function originIdentity(origin: Origin): string {
  return [origin.key, origin.name, origin.kind, ...(origin.via ?? [])].join('\u0000');
}

/** Index of the first entry whose id sorts after `id`: where an entry for `id` goes (after its equals). */
function firstAfter<T>(list: readonly T[], id: string, idOf: (entry: T) => string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (idOf(list[mid]) <= id) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertSorted(list: string[], value: string): void {
  const at = firstAfter(list, value, (v) => v);
  if (list[at - 1] !== value) list.splice(at, 0, value);
}

/**
 * A copy of a tally that `addToTally` can fold into without touching the original: its lists are
 * copied, and the entries it counts up in place (places, origins) too; the rest of its entries are
 * never changed once made.
 */
export function copyTally(tally: EventTally): EventTally {
  const copy: EventTally = {
    claims: tally.claims,
    types: { ...tally.types },
    places: tally.places.map((place) => ({ ...place })),
    originals: tally.originals.slice(),
    reportIds: tally.reportIds.slice(),
    origins: tally.origins.map((origin) => ({ ...origin })),
    counted: tally.counted.slice(),
  };
  if (tally.dated) copy.dated = [...tally.dated];
  return copy;
}
