import type { Gazetteer } from '../../knowledge/places/gazetteer.js';
import type { Claim } from '../../domain/types.js';

/** What a report says about where it is: the regions and countries its place mentions name, with their offsets. */
export interface ReportContext {
  /** Characters from `offset` to the nearest mention of the region (or of a place in it), or undefined when the report never names it. */
  distanceToRegion(regionId: string, offset: number): number | undefined;
  /** Countries the report names places in. */
  countries: Set<string>;
  /** Place ids the report names, for facilities to find their site. */
  placeIds: Set<string>;
}

/**
 * The report's geography, from the place mentions the extractors found and the unambiguous known
 * names in the text (a place with one meaning names its region: "Stara Zburivka" says Kherson region).
 */
export function buildReportContext(text: string, claims: readonly Claim[], gazetteer: Gazetteer): ReportContext {
  const mentions = new Map<string, number[]>();
  const countries = new Set<string>();
  const placeIds = new Set<string>();
  const note = (id: string | undefined, offset: number) => {
    if (!id) return;
    const list = mentions.get(id) ?? [];
    list.push(offset);
    mentions.set(id, list);
  };
  const notePlace = (id: string, offset: number) => {
    const place = gazetteer.get(id);
    if (!place) return;
    placeIds.add(place.id);
    if (place.country) countries.add(place.country);
    note(place.kind === 'settlement' ? place.region : place.id, offset);
  };
  for (const claim of claims) {
    for (const value of claim.places) {
      const candidates = gazetteer.candidates(value.name);
      if (candidates.length === 1) notePlace(candidates[0].id, value.span.start);
      else if (value.entityId) notePlace(value.entityId, value.span.start);
    }
  }
  // Curated names only: GeoNames is full of villages named like common words.
  for (const known of gazetteer.findKnownNames(text, undefined, Number.POSITIVE_INFINITY)) {
    // A name that also means places elsewhere ("Olenivka") is what context decides, not evidence for it.
    if (known.places.length === 1 && gazetteer.candidates(known.text).length === 1) notePlace(known.places[0].id, known.start);
  }
  return {
    countries,
    placeIds,
    distanceToRegion(regionId, offset) {
      const list = mentions.get(regionId);
      if (!list) return undefined;
      let nearest = Infinity;
      for (const o of list) nearest = Math.min(nearest, Math.abs(o - offset));
      return nearest;
    },
  };
}
