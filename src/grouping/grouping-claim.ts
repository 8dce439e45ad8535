import type { Claim, ClaimType, NamedValue } from '../domain/types.js';
import type { GroupingKnowledge } from './knowledge.js';
import { normaliseName, originOf, type Origin } from './origins.js';
import { firstDay, isDayPrecise, lastDay } from './time-range.js';
import { wordCharacterWidth } from '../knowledge/text/words.js';

/** How many days before its publication an undated claim is assumed to have happened (weak evidence only). */
export const UNDATED_WINDOW_DAYS = 92;

/** A place as grouping compares it. */
export interface GroupingPlace {
  /** Entity id, or `name:` + the normalised name when unresolved. */
  key: string;
  /** Countries are weak evidence: every story about the war names Ukraine or Russia. */
  country: boolean;
  /** Entity id of the region a settlement lies in, or the country code of a region or settlement. */
  within?: string[];
}

/**
 * A claim reduced to what grouping compares: small, plain and JSON-safe, so the store can keep
 * it beside the claim's event and later reports compare against it without re-reading claims.
 */
export interface GroupingClaim {
  id: string;
  reportId: string;
  /** The report's original when the report is a copy: copies count once. */
  originalReportId?: string;
  /** Position of the claim in its report. */
  ordinal: number;
  type: ClaimType;
  /** Hash of the normalised quote: the same sentence in two copies is the same claim. */
  quoteKey: string;
  /** Day numbers of the claim's time range; `weakTime` when it is only the report's publication window. */
  from?: number;
  to?: number;
  dayPrecise?: boolean;
  weakTime?: boolean;
  /** The time as written (`YYYY-MM` or `START/END`), for showing. */
  time?: string;
  facilities: string[];
  places: GroupingPlace[];
  /** Names to show for places, by key. */
  placeNames: Record<string, string>;
  /** Origin keys of the sources named (for evidence), and the claim's origin. */
  sourceKeys: string[];
  origin: Origin;
  count?: { low: number; high: number; text: string };
  vague?: string;
  gender?: 'female' | 'male';
  nationality?: 'UA' | 'RU';
  change?: 'decrease' | 'increase';
}

/** The report a claim is from, as grouping needs it. */
export interface GroupingReport {
  id: string;
  outlet?: string;
  published?: string;
  /** Names the report as an origin when it has no outlet. */
  title?: string;
  /** The original, when this report is a copy; its publication date and outlet stand in for the copy's. */
  original?: { id: string; outlet?: string; published?: string; title?: string };
}

/** Title characters an origin named by its report's title keeps. */
const TITLE_NAME_LENGTH = 60;

/**
 * How a report that vouches for a claim itself (no source named) is named as its origin: its
 * outlet, else its title in quotation marks (shortened), else its id.
 */
export function reportOriginName(report: { id: string; outlet?: string; title?: string }): string {
  if (report.outlet) return report.outlet;
  const title = report.title?.replace(/\s+/gu, ' ').trim();
  if (!title) return report.id;
  return `“${title.length > TITLE_NAME_LENGTH ? `${title.slice(0, TITLE_NAME_LENGTH - 1).trimEnd()}…` : title}”`;
}

/** Key of a named value: its entity id when resolved, else its normalised name. */
export function entityKey(value: Pick<NamedValue, 'name' | 'entityId'>): string {
  return value.entityId ?? `name:${normaliseName(value.name)}`;
}

/** Reduces a claim (with id and report) to its grouping view. */
export function toGroupingClaim(claim: Claim & { id: string }, ordinal: number, report: GroupingReport, knowledge: GroupingKnowledge): GroupingClaim {
  const source = report.original ?? report;
  const features: GroupingClaim = {
    id: claim.id,
    reportId: report.id,
    ordinal,
    type: claim.type,
    quoteKey: quoteKey(claim.quote),
    facilities: unique(claim.facilities.map(entityKey)),
    places: [],
    placeNames: {},
    sourceKeys: [],
    origin: originOf(claim.sources, { key: `outlet:${normaliseName(source.outlet ?? source.id)}`, name: reportOriginName(source) }, knowledge),
  };
  if (report.original) features.originalReportId = report.original.id;
  Object.assign(features, timeOf(claim, source.published));
  for (const place of claim.places) {
    const key = entityKey(place);
    if (features.places.some((p) => p.key === key)) continue;
    const facts = place.entityId ? knowledge.place(place.entityId) : undefined;
    const country = facts?.country ?? place.country?.toLowerCase();
    const within = [facts?.region, country && `country:${country}`].filter((k): k is string => typeof k === 'string' && k !== '');
    const entry: GroupingPlace = { key, country: facts?.kind === 'country' || place.precision === 'country' };
    if (within.length > 0) entry.within = within;
    features.places.push(entry);
    features.placeNames[key] = place.canonicalName ?? place.name;
  }
  features.sourceKeys = unique(claim.sources.map((s) => originOf([s], { key: '', name: '' }, knowledge).key));
  const count = countOf(claim);
  if (count) features.count = count;
  if (claim.count?.vague) features.vague = claim.count.vague;
  if (claim.subjects.gender) features.gender = claim.subjects.gender;
  if (claim.subjects.nationality) features.nationality = claim.subjects.nationality;
  if (claim.change) features.change = claim.change;
  return features;
}

function timeOf(claim: Claim, published: string | undefined): Partial<GroupingClaim> {
  if (claim.time) {
    const { start, end } = claim.time;
    return { from: firstDay(start), to: lastDay(end), dayPrecise: isDayPrecise(start) && isDayPrecise(end), time: start === end ? start : `${start}/${end}` };
  }
  if (!published || !/^\d{4}/.test(published)) return {};
  const day = lastDay(published.slice(0, 10));
  return { from: day - UNDATED_WINDOW_DAYS, to: day, weakTime: true };
}

/**
 * A count as a range of plausible values: "about 100" is 90–110, "as many as 100" and "more
 * than 100" are taken near their bound (reports round), an exact figure is itself.
 */
function countOf(claim: Claim): GroupingClaim['count'] {
  const count = claim.count;
  if (!count) return undefined;
  const text = count.text;
  if (count.value !== undefined) return count.approximate ? { low: count.value * 0.9, high: count.value * 1.1, text } : { low: count.value, high: count.value, text };
  if (count.min !== undefined && count.max !== undefined) return { low: count.min, high: count.max, text };
  if (count.max !== undefined) return { low: count.max * 0.7, high: count.max, text };
  if (count.min !== undefined) return { low: count.min, high: count.min * 1.5, text };
  return undefined;
}

/**
 * Hash of a quote's words, lower-cased and joined by single spaces (FNV-1a, base 36), and the
 * joined length: computed as the words are walked, without building the joined line.
 */
export function quoteKey(quote: string): string {
  const lower = quote.toLowerCase();
  let hash = 0x811c9dc5;
  let length = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const width = wordCharacterWidth(lower, i);
    if (width === 0) {
      inWord = false;
      continue;
    }
    if (!inWord && length > 0) {
      hash = Math.imul(hash ^ 0x20, 0x01000193);
      length += 1;
    }
    inWord = true;
    hash = Math.imul(hash ^ lower.charCodeAt(i), 0x01000193);
    if (width === 2) hash = Math.imul(hash ^ lower.charCodeAt(++i), 0x01000193);
    length += width;
  }
  return `${(hash >>> 0).toString(36)}${length.toString(36)}`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
