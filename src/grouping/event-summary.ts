import type { ClaimType } from '../domain/types.js';
import { findConflicts, type Conflict } from './conflicts.js';
import type { GroupingClaim } from './grouping-claim.js';
import { foldOrigins, type EventOrigins } from './origins.js';
import { firstDay, isoDay, lastDay } from './time-range.js';

/** An event as shown: its best time and places, its reports and origins, its conflicts. */
export interface EventSummary {
  id: string;
  /** The type most of its claims have; `types` lists all. */
  type: ClaimType;
  types: ClaimType[];
  /** Best time range: where the dated claims agree (ISO, as precise as they allow); absent when no claim is dated. */
  time?: { start: string; end: string };
  /** Places by how many claims name them, most first. */
  places: { key: string; name: string; claims: number }[];
  claims: number;
  /** Distinct reports, copies counted once (by their original). */
  reports: number;
  /** Reports that are copies of another report in the event or elsewhere. */
  copies: number;
  reportIds: string[];
  origins: EventOrigins['origins'];
  /** How many independent origins. */
  independentOrigins: number;
  conflicts: Conflict[];
}

/** Summarises an event from its claims' grouping views. */
export function summarizeEvent(id: string, claims: readonly GroupingClaim[]): EventSummary {
  const typeCounts = tally(claims.map((c) => c.type));
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
    type: [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
    types: [...typeCounts.keys()].sort(),
    places: [...placeCounts].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name)),
    claims: claims.length,
    reports: originals.size,
    copies: reportIds.filter((r) => !originals.has(r)).length,
    reportIds,
    origins: origins.origins,
    independentOrigins: origins.independent,
    conflicts: findConflicts(claims),
  };
  const time = bestTime(claims);
  if (time) summary.time = time;
  return summary;
}

/** Where the dated claims agree, written as precisely as that range allows (a whole month as `YYYY-MM`). */
function bestTime(claims: readonly GroupingClaim[]): { start: string; end: string } | undefined {
  const dated = claims.filter((c) => c.from !== undefined && !c.weakTime);
  if (dated.length === 0) return undefined;
  let from = Math.max(...dated.map((c) => c.from!));
  let to = Math.min(...dated.map((c) => c.to!));
  if (from > to) [from, to] = [Math.min(...dated.map((c) => c.from!)), Math.max(...dated.map((c) => c.to!))];
  return partial(from, to);
}

function partial(from: number, to: number): { start: string; end: string } {
  const [a, b] = [isoDay(from), isoDay(to)];
  if (a.endsWith('-01-01') && b.endsWith('-12-31')) return { start: a.slice(0, 4), end: b.slice(0, 4) };
  if (from === firstDay(a.slice(0, 7)) && to === lastDay(b.slice(0, 7))) return { start: a.slice(0, 7), end: b.slice(0, 7) };
  return { start: a, end: b };
}

function tally<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
