import type { ClaimType } from '../domain/types.js';
import { findConflicts, type Conflict } from './conflicts.js';
import type { GroupingClaim } from './grouping-claim.js';
import { tallyOf, type EventTally } from './event-tally.js';
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
  return summarizeTally(id, tallyOf(claims));
}

/** Summarises an event from its tally: the same summary as from all its claims. */
export function summarizeTally(id: string, tally: EventTally): EventSummary {
  const typeCounts = Object.entries(tally.types) as [ClaimType, number][];
  const originals = new Set(tally.originals);
  const origins = foldOrigins(tally.origins);
  const summary: EventSummary = {
    id,
    type: [...typeCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0],
    types: typeCounts.map(([type]) => type).sort(),
    places: tally.places.map(({ key, name, claims }) => ({ key, name, claims })).sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name)),
    claims: tally.claims,
    reports: originals.size,
    copies: tally.reportIds.filter((r) => !originals.has(r)).length,
    reportIds: [...tally.reportIds],
    origins: origins.origins,
    independentOrigins: origins.independent,
    conflicts: findConflicts(tally.counted.map((c) => ({ id: c.id, reportId: c.reportId, origin: { name: c.origin }, count: c.count }))),
  };
  if (tally.dated) summary.time = bestTime(tally.dated);
  return summary;
}

/** Where the dated claims agree (else the whole span they cover), written as precisely as that range allows (a whole month as `YYYY-MM`). */
function bestTime([latestStart, earliestEnd, earliestStart, latestEnd]: [number, number, number, number]): { start: string; end: string } {
  return latestStart <= earliestEnd ? partial(latestStart, earliestEnd) : partial(earliestStart, latestEnd);
}

function partial(from: number, to: number): { start: string; end: string } {
  const [a, b] = [isoDay(from), isoDay(to)];
  if (a.endsWith('-01-01') && b.endsWith('-12-31')) return { start: a.slice(0, 4), end: b.slice(0, 4) };
  if (from === firstDay(a.slice(0, 7)) && to === lastDay(b.slice(0, 7))) return { start: a.slice(0, 7), end: b.slice(0, 7) };
  return { start: a, end: b };
}
