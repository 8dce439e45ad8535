import type { Claim, GuideClaim, GuideReport, NamedValue } from './types.js';

/** A claim in the GUIDE's file shape (what ../shared/eval/score.mjs reads), with offsets and rule kept. */
export function toGuideClaim(claim: Claim): GuideClaim {
  const named = (values: NamedValue[]) =>
    values.length
      ? values.map((v) => ({
          name: v.name,
          ...(v.alternatives?.length ? { alternatives: v.alternatives } : {}),
          ...(v.entityId ? { entityId: v.entityId } : {}),
          ...(v.lat !== undefined && v.lon !== undefined ? { lat: v.lat, lon: v.lon } : {}),
        }))
      : undefined;
  const out: GuideClaim = { type: claim.type, quote: claim.quote, start: claim.start, end: claim.end, rule: claim.rule };
  if (claim.count) {
    const { value, min, max, approximate, vague, certainty } = claim.count;
    out.count = { value, min, max, approximate, vague, certainty };
  }
  if (claim.time) out.time = { start: claim.time.start, end: claim.time.end, certainty: claim.time.certainty };
  out.places = named(claim.places);
  out.facilities = named(claim.facilities);
  out.sources = named(claim.sources);
  out.actors = named(claim.actors);
  if (claim.subjects.gender || claim.subjects.nationality) out.subjects = { ...claim.subjects };
  if (claim.change) out.change = claim.change;
  if (claim.hedged) out.hedged = true;
  return JSON.parse(JSON.stringify(out)) as GuideClaim;
}

/** A report's claims in the GUIDE's file shape. */
export function toGuideReport(id: string, published: string | undefined, claims: Claim[]): GuideReport {
  return { id, ...(published ? { published } : {}), claims: claims.map(toGuideClaim) };
}
