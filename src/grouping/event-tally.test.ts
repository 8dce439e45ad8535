import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_TYPES } from '../domain/types.js';
import { findConflicts } from './conflicts.js';
import { addToProfile, isOrderFree, profileOf, type EventProfile } from './event-profile.js';
import { summarizeEvent, summarizeTally, type EventSummary } from './event-summary.js';
import { addToTally, compareIds, emptyTally, tallyOf } from './event-tally.js';
import type { GroupingClaim } from './grouping-claim.js';
import { foldOrigins, type Origin } from './origins.js';
import { firstDay, isoDay, lastDay } from './time-range.js';

// Small pools, so generated claims share places, origins, reports, counts and days often.
const ORIGINS: Origin[] = [
  { key: 'org:watchdog', name: 'Watchdog', kind: 'named' },
  { key: 'org:watchdog', name: 'Watchdog', kind: 'named', via: ['Paper'] },
  { key: 'org:paper', name: 'Paper', kind: 'outlet' },
  { key: 'org:ministry', name: 'Ministry', kind: 'named', via: ['Paper', 'Daily'] },
  { key: 'described:officials', name: 'officials', kind: 'descriptive' },
  { key: 'outlet:daily', name: 'Daily', kind: 'report' },
];
const PLACES = ['place:a', 'place:b', 'place:c', 'name:d'];
const DAY = firstDay('2023-03-01');

const claimArbitrary = fc.record({
  report: fc.constantFrom('r1', 'r2', 'r10', 'r3'),
  copyOf: fc.option(fc.constantFrom('r1', 'r9'), { nil: undefined }),
  type: fc.constantFrom(...CLAIM_TYPES.slice(0, 3)),
  places: fc.uniqueArray(fc.constantFrom(...PLACES), { maxLength: 3 }),
  placeName: fc.constantFrom('A', 'B', 'Alpha'),
  origin: fc.constantFrom(...ORIGINS),
  count: fc.option(fc.record({ low: fc.constantFrom(40, 50, 90, 100, 1000), spread: fc.constantFrom(0, 10, 500) }), { nil: undefined }),
  time: fc.option(fc.record({ from: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 20 }), weak: fc.boolean(), dayPrecise: fc.boolean() }), { nil: undefined }),
  quote: fc.constantFrom('q1', 'q2', 'q3'),
  facility: fc.option(fc.constantFrom('facility:ik-1', 'name:colony'), { nil: undefined }),
});

/** Claims with distinct ids: `<report>:<n>`, so claim-id order and arrival order differ. */
const claimsArbitrary = fc.array(claimArbitrary, { minLength: 1, maxLength: 25 }).map((specs) =>
  specs.map((spec, n): GroupingClaim => {
    const claim: GroupingClaim = {
      id: `${spec.report}:${(n * 7919) % 101}-${n}`,
      reportId: spec.report,
      ordinal: n,
      type: spec.type,
      quoteKey: spec.quote,
      facilities: spec.facility ? [spec.facility] : [],
      places: spec.places.map((key) => ({ key, country: false })),
      placeNames: Object.fromEntries(spec.places.map((key) => [key, `${spec.placeName} ${key.slice(-1)}`])),
      sourceKeys: [spec.origin.key],
      origin: spec.origin,
    };
    if (spec.copyOf && spec.copyOf !== spec.report) claim.originalReportId = spec.copyOf;
    if (spec.count) claim.count = { low: spec.count.low, high: spec.count.low + spec.count.spread, text: String(spec.count.low) };
    if (spec.time) {
      Object.assign(claim, { from: DAY + spec.time.from, to: DAY + spec.time.from + spec.time.length, dayPrecise: spec.time.dayPrecise });
      if (spec.time.weak) claim.weakTime = true;
    }
    return claim;
  }),
);

/** The claims, a permutation of them (the order they arrive in) and where to cut it into reports. */
const arrivalArbitrary = claimsArbitrary.chain((claims) =>
  fc.tuple(fc.constant(claims), fc.shuffledSubarray(claims, { minLength: claims.length, maxLength: claims.length }), fc.array(fc.nat(claims.length), { maxLength: 4 })),
);

/**
 * The summary computed straight from the claim list, in claim-id order: how events were
 * summarised before tallies, kept as the reference a tally's summary must match.
 */
function summarizeDirectly(id: string, unsorted: readonly GroupingClaim[]): EventSummary {
  const claims = [...unsorted].sort((a, b) => compareIds(a.id, b.id));
  const typeCounts = new Map<string, number>();
  for (const claim of claims) typeCounts.set(claim.type, (typeCounts.get(claim.type) ?? 0) + 1);
  const placeCounts = new Map<string, { name: string; claims: number }>();
  for (const claim of claims) {
    for (const place of claim.places) {
      const entry = placeCounts.get(place.key) ?? { name: claim.placeNames[place.key] ?? place.key, claims: 0 };
      entry.claims += 1;
      placeCounts.set(place.key, entry);
    }
  }
  const originals = new Set(claims.map((c) => c.originalReportId ?? c.reportId));
  const reportIds = [...new Set(claims.map((c) => c.reportId))].sort();
  const origins = foldOrigins(claims.map((c) => ({ origin: c.origin, reportId: c.originalReportId ?? c.reportId })));
  const summary: EventSummary = {
    id,
    type: [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] as EventSummary['type'],
    types: [...typeCounts.keys()].sort() as EventSummary['types'],
    places: [...placeCounts].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name)),
    claims: claims.length,
    reports: originals.size,
    copies: reportIds.filter((r) => !originals.has(r)).length,
    reportIds,
    origins: origins.origins,
    independentOrigins: origins.independent,
    conflicts: findConflicts(claims),
  };
  const dated = claims.filter((c) => c.from !== undefined && !c.weakTime);
  if (dated.length > 0) {
    let from = Math.max(...dated.map((c) => c.from!));
    let to = Math.min(...dated.map((c) => c.to!));
    if (from > to) [from, to] = [Math.min(...dated.map((c) => c.from!)), Math.max(...dated.map((c) => c.to!))];
    const [a, b] = [isoDay(from), isoDay(to)];
    if (a.endsWith('-01-01') && b.endsWith('-12-31')) summary.time = { start: a.slice(0, 4), end: b.slice(0, 4) };
    else if (from === firstDay(a.slice(0, 7)) && to === lastDay(b.slice(0, 7))) summary.time = { start: a.slice(0, 7), end: b.slice(0, 7) };
    else summary.time = { start: a, end: b };
  }
  return summary;
}

/** Claims split into consecutive batches (reports) at the cuts. */
function batches<T>(items: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set([0, ...cuts, items.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => items.slice(points[i], end));
}

/** A profile with its lists read as sets. */
function asSets(profile: EventProfile): unknown {
  const sorted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).sort();
  return {
    ...profile,
    ...Object.fromEntries((['types', 'facilities', 'areas', 'sources', 'quotes', 'reports', 'counts', 'genders', 'nationalities', 'changes'] as const).map((key) => [key, sorted(profile[key])])),
  };
}

describe('event tallies', () => {
  it('give the same tally and summary however the claims arrive, report by report, as all the claims at once', () => {
    fc.assert(
      fc.property(arrivalArbitrary, ([claims, arrival, cuts]) => {
        const tally = emptyTally();
        for (const report of batches(arrival, cuts)) {
          // Stored and read back between reports, as the store keeps it.
          const stored = JSON.parse(JSON.stringify(tally)) as typeof tally;
          for (const claim of report) addToTally(stored, claim);
          Object.assign(tally, stored);
        }
        expect(tally).toEqual(tallyOf(claims));
        expect(summarizeTally('ev', tally)).toEqual(summarizeDirectly('ev', claims));
        expect(summarizeEvent('ev', arrival)).toEqual(summarizeDirectly('ev', claims));
      }),
      { numRuns: 400 },
    );
  });

  it('keep the first claim’s name for a place when an earlier claim id arrives later', () => {
    const base: Omit<GroupingClaim, 'id' | 'places' | 'placeNames'> = { reportId: 'r', ordinal: 0, type: 'transfer', quoteKey: 'q', facilities: [], sourceKeys: [], origin: ORIGINS[0] };
    const later: GroupingClaim = { ...base, id: 'r:9', places: [{ key: 'place:a', country: false }], placeNames: { 'place:a': 'Later' } };
    const earlier: GroupingClaim = { ...base, id: 'r:1', places: [{ key: 'place:a', country: false }], placeNames: { 'place:a': 'Earlier' } };
    const tally = tallyOf([later]);
    addToTally(tally, earlier);
    expect(summarizeTally('ev', tally).places).toEqual([{ key: 'place:a', name: 'Earlier', claims: 2 }]);
  });
});

describe('isOrderFree', () => {
  it('holds only when a profile folded in arrival order equals (as sets) the one folded in claim-id order', () => {
    fc.assert(
      fc.property(arrivalArbitrary, ([claims, arrival]) => {
        const inArrival = profileOf('ev', arrival[0]);
        for (const claim of arrival.slice(1)) addToProfile(inArrival, claim);
        const byId = [...claims].sort((a, b) => compareIds(a.id, b.id));
        const inIdOrder = profileOf('ev', byId[0]);
        for (const claim of byId.slice(1)) addToProfile(inIdOrder, claim);
        if (isOrderFree(inArrival)) expect(asSets(inArrival)).toEqual(asSets(inIdOrder));
      }),
      { numRuns: 400 },
    );
  });

  it('holds when the dated claims share no day: the core is then the gap between them, whatever their order', () => {
    const base: Omit<GroupingClaim, 'id'> = { reportId: 'r', ordinal: 0, type: 'transfer', quoteKey: 'q', facilities: [], places: [], placeNames: {}, sourceKeys: [], origin: ORIGINS[0], dayPrecise: true };
    const claims: GroupingClaim[] = [10, 12, 11].map((day, i) => ({ ...base, id: `r:${i}`, from: DAY + day, to: DAY + day }));
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 0, 2]]) {
      const profile = profileOf('ev', claims[order[0]]);
      for (const i of order.slice(1)) addToProfile(profile, claims[i]);
      expect(isOrderFree(profile)).toBe(true);
      expect(profile.core).toEqual([DAY + 10, DAY + 12]);
    }
  });

  it('is false for a profile with a core stored before the dated claims were folded apart from it', () => {
    const base: Omit<GroupingClaim, 'id'> = { reportId: 'r', ordinal: 0, type: 'transfer', quoteKey: 'q', facilities: [], places: [], placeNames: {}, sourceKeys: [], origin: ORIGINS[0], dayPrecise: true, from: DAY, to: DAY };
    const { dated: _dated, ...stored } = profileOf('ev', { ...base, id: 'r:0' });
    expect(isOrderFree(stored)).toBe(false);
    expect(isOrderFree(profileOf('ev', { ...base, id: 'r:0', from: undefined, to: undefined }))).toBe(true);
  });
});
