import type { StoredClaim } from '../store/index.js';
import type { GroupingKnowledge } from './knowledge.js';
import { originOf } from './origins.js';
import { reportOriginName } from './grouping-claim.js';

/** One figure in a series: a level of inmates as of a date, with the claim that gives it. */
export interface SeriesPoint {
  asOf: string;
  /** True when the date is only the report's publication date. */
  asOfImplied: boolean;
  value: number;
  approximate: boolean;
  claimId: string;
  reportId: string;
}

/** Population levels of one scope from one issuer, oldest first. */
export interface PopulationSeries {
  scope: string;
  issuer: string;
  points: SeriesPoint[];
}

/** Words in a population claim that narrow what was counted, with the scope they name. */
const SCOPE_WORDS: readonly { pattern: RegExp; scope: string }[] = [
  { pattern: /\b(?:pre-?trial|SIZO|detention cent(?:re|er)s?)\b/iu, scope: 'pre-trial detention' },
  { pattern: /\b(?:colon(?:y|ies))\b/iu, scope: 'colonies' },
  { pattern: /\b(?:juvenile|minors?)\b/iu, scope: 'juveniles' },
];

/**
 * The scope of a population figure: a facility, a region, or the whole penal system; narrowed
 * by what was counted (colonies only, pre-trial detention) and by gender.
 */
export function scopeOf(claim: StoredClaim): string {
  const parts: string[] = [];
  if (claim.facilities.length > 0) parts.push(claim.facilities[0].canonicalName ?? claim.facilities[0].name);
  else {
    const place = claim.places.find((p) => p.precision !== 'country' && !/:(?:russia|ukraine)$/u.test(p.entityId ?? ''));
    parts.push(place ? place.canonicalName ?? place.name : 'whole penal system');
  }
  for (const { pattern, scope } of SCOPE_WORDS) if (pattern.test(claim.quote)) parts.push(scope);
  if (claim.subjects.gender) parts.push(claim.subjects.gender === 'male' ? 'men' : 'women');
  return parts.join(', ');
}

/** True when the claim's count is a level of inmates rather than a change ("fell by 23,000"). */
export function isLevel(claim: StoredClaim): boolean {
  const count = claim.count;
  if (claim.type !== 'population' || !count || (count.value === undefined && count.min === undefined && count.max === undefined)) return false;
  if (!claim.change) return true;
  const before = claim.quote.slice(Math.max(0, count.span.start - claim.start - 14), count.span.start - claim.start);
  return !/\b(?:by|another)\s+(?:\S+\s+)?$/iu.test(before);
}

/** Population levels as series by scope and issuer (433,000 for the whole system and 266,000 in colonies never share a line). */
export function buildSeries(claims: readonly StoredClaim[], knowledge: GroupingKnowledge): PopulationSeries[] {
  const series = new Map<string, PopulationSeries>();
  for (const claim of claims) {
    if (!isLevel(claim)) continue;
    const origin = originOf(claim.sources, { key: 'unattributed', name: 'unattributed' }, knowledge);
    const issuer = origin.kind === 'report' ? `unattributed (${reportOriginName({ id: claim.reportId, outlet: claim.report.outlet, title: claim.report.title })})` : origin.name;
    const scope = scopeOf(claim);
    const key = `${scope}\u0000${issuer}`;
    const entry = series.get(key) ?? { scope, issuer, points: [] };
    const count = claim.count!;
    entry.points.push({
      asOf: claim.time?.start ?? claim.report.published?.slice(0, 10) ?? 'undated',
      asOfImplied: claim.time === undefined,
      value: count.value ?? count.max ?? count.min!,
      approximate: count.approximate === true || count.value === undefined,
      claimId: claim.id,
      reportId: claim.reportId,
    });
    series.set(key, entry);
  }
  for (const entry of series.values()) entry.points.sort((a, b) => a.asOf.localeCompare(b.asOf) || a.value - b.value);
  return [...series.values()].sort((a, b) => b.points.length - a.points.length || a.scope.localeCompare(b.scope) || a.issuer.localeCompare(b.issuer));
}
