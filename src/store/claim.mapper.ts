import type { Insertable, Selectable } from 'kysely';
import type { Certainty, Claim, ClaimType, CountValue, NamedValue, TimeValue } from '../domain/types.js';
import type { ClaimSlot, ClaimTable, ClaimValueTable } from './database.js';

/** A named value as stored: a claim's value plus coordinates once a gazetteer has placed it. */
export interface StoredNamedValue extends NamedValue {
  lat?: number;
  lon?: number;
}

/** The claim slots that hold named values, with the column value that tags their rows. */
export const NAMED_SLOTS = [
  ['places', 'place'],
  ['facilities', 'facility'],
  ['sources', 'source'],
  ['actors', 'actor'],
] as const satisfies readonly (readonly [keyof Claim, ClaimSlot])[];

/**
 * Claim ids: `<report id>:<start>-<end>:<type>`, so the same claim keeps its id when a report
 * is re-extracted (reviews can follow it); exact repeats get `:2`, `:3`.
 */
export function assignClaimIds(reportId: string, claims: readonly Claim[]): string[] {
  const seen = new Map<string, number>();
  return claims.map((claim) => {
    const base = `${reportId}:${claim.start}-${claim.end}:${claim.type}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}:${n}`;
  });
}

/** First day a partial ISO date can mean: `2023` → `2023-01-01`. */
export function earliestDay(date: string): string {
  const day = date.slice(0, 10);
  return day.length === 4 ? `${day}-01-01` : day.length === 7 ? `${day}-01` : day;
}

/** Last day a partial ISO date can mean, as comparable text: `2023-02` → `2023-02-31`. */
export function latestDay(date: string): string {
  const day = date.slice(0, 10);
  return day.length === 4 ? `${day}-12-31` : day.length === 7 ? `${day}-31` : day;
}

export function toClaimRow(id: string, reportId: string, ordinal: number, claim: Claim): Insertable<ClaimTable> {
  const { count, time } = claim;
  return {
    id,
    report_id: reportId,
    ordinal,
    type: claim.type,
    quote: claim.quote,
    start: claim.start,
    end: claim.end,
    rule: claim.rule,
    count_value: count?.value ?? null,
    count_min: count?.min ?? null,
    count_max: count?.max ?? null,
    count_approximate: count?.approximate === undefined ? null : Number(count.approximate),
    count_vague: count?.vague ?? null,
    count_start: count?.span.start ?? null,
    count_end: count?.span.end ?? null,
    count_text: count?.text ?? null,
    count_rule: count?.rule ?? null,
    count_certainty: count?.certainty ?? null,
    time_start: time?.start ?? null,
    time_end: time?.end ?? null,
    time_from: time ? earliestDay(time.start) : null,
    time_to: time ? latestDay(time.end) : null,
    time_span_start: time?.span.start ?? null,
    time_span_end: time?.span.end ?? null,
    time_text: time?.text ?? null,
    time_rule: time?.rule ?? null,
    time_certainty: time?.certainty ?? null,
    change: claim.change ?? null,
    hedged: Number(claim.hedged),
    gender: claim.subjects.gender ?? null,
    nationality: claim.subjects.nationality ?? null,
  };
}

export function toValueRows(claimId: string, claim: Claim): Insertable<ClaimValueTable>[] {
  return NAMED_SLOTS.flatMap(([key, slot]) =>
    claim[key].map((value, ordinal) => ({
      claim_id: claimId,
      slot,
      ordinal,
      name: value.name,
      alternatives: value.alternatives === undefined ? null : JSON.stringify(value.alternatives),
      entity_id: value.entityId ?? null,
      lat: value.lat ?? null,
      lon: value.lon ?? null,
      start: value.span.start,
      end: value.span.end,
      text: value.text,
      rule: value.rule,
      certainty: value.certainty,
      names_folded: [value.name, ...(value.alternatives ?? [])].map((name) => name.toLowerCase()).join('\n'),
      resolved_entity_id: value.entityId ?? null,
      canonical_name: value.canonicalName ?? null,
      precision: value.precision ?? null,
      region: value.region ?? null,
      country: value.country ?? null,
      affiliation: value.affiliation ?? null,
    })),
  );
}

/** Rebuilds the claim exactly as it was written: absent optional fields stay absent. */
export function fromClaimRow(row: Selectable<ClaimTable>, values: readonly Selectable<ClaimValueTable>[]): Claim {
  const claim: Claim = {
    type: row.type as ClaimType,
    quote: row.quote,
    start: row.start,
    end: row.end,
    rule: row.rule,
    places: [],
    facilities: [],
    sources: [],
    actors: [],
    subjects: {},
    hedged: row.hedged === 1,
  };
  const count = countOf(row);
  if (count) claim.count = count;
  const time = timeOf(row);
  if (time) claim.time = time;
  if (row.change !== null) claim.change = row.change as Claim['change'];
  if (row.gender !== null) claim.subjects.gender = row.gender as 'female' | 'male';
  if (row.nationality !== null) claim.subjects.nationality = row.nationality as 'UA' | 'RU';
  const keyOf = new Map<string, (typeof NAMED_SLOTS)[number][0]>(NAMED_SLOTS.map(([key, slot]) => [slot, key]));
  const sorted = [...values].sort((a, b) => a.ordinal - b.ordinal);
  for (const value of sorted) claim[keyOf.get(value.slot)!].push(namedValueOf(value));
  return claim;
}

// A count or time is present exactly when its rule is: provenance is never optional.
function countOf(row: Selectable<ClaimTable>): CountValue | undefined {
  if (row.count_rule === null) return undefined;
  const count: CountValue = {
    span: { start: row.count_start!, end: row.count_end! },
    text: row.count_text!,
    rule: row.count_rule,
    certainty: row.count_certainty as Certainty,
  };
  if (row.count_value !== null) count.value = Number(row.count_value);
  if (row.count_min !== null) count.min = Number(row.count_min);
  if (row.count_max !== null) count.max = Number(row.count_max);
  if (row.count_approximate !== null) count.approximate = row.count_approximate === 1;
  if (row.count_vague !== null) count.vague = row.count_vague;
  return count;
}

function timeOf(row: Selectable<ClaimTable>): TimeValue | undefined {
  if (row.time_rule === null) return undefined;
  return {
    start: row.time_start!,
    end: row.time_end!,
    span: { start: row.time_span_start!, end: row.time_span_end! },
    text: row.time_text!,
    rule: row.time_rule,
    certainty: row.time_certainty as Certainty,
  };
}

function namedValueOf(row: Selectable<ClaimValueTable>): StoredNamedValue {
  const value: StoredNamedValue = {
    name: row.name,
    span: { start: row.start, end: row.end },
    text: row.text,
    rule: row.rule,
    certainty: row.certainty as Certainty,
  };
  if (row.alternatives !== null) value.alternatives = JSON.parse(row.alternatives) as string[];
  if (row.entity_id !== null) value.entityId = row.entity_id;
  if (row.lat !== null && row.lon !== null) {
    value.lat = Number(row.lat);
    value.lon = Number(row.lon);
  }
  if (row.canonical_name) value.canonicalName = row.canonical_name;
  if (row.precision) value.precision = row.precision as StoredNamedValue['precision'];
  if (row.region) value.region = row.region;
  if (row.country) value.country = row.country;
  if (row.affiliation) value.affiliation = row.affiliation;
  return value;
}
