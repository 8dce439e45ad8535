import type { Gazetteer, Place } from '../../knowledge/places/gazetteer.js';
import type { Message, NamedValue, Precision } from '../../domain/types.js';
import type { ReportContext } from './context.js';

/** Words that make a name a region's ("Kherson region", "Херсонская область"). */
const REGION_WORD = /\s(?:regions?|oblasts?|krai|kray|territory|province|republic|область|області|области|обл\.|край|крае|края|краю)$/iu;
/** Words before a name that do not change which place it is ("southern Russia", "occupied Kherson"). */
const LEADING = /^(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|occupied|Russian-occupied|Russia-occupied|city of|town of|village of)\s+)+/iu;
const PRECISION: Record<Place['kind'], Precision> = { settlement: 'settlement', region: 'region', country: 'country' };

/** The place a mention names, by its spelling and the report around it; the value is returned unchanged with a message when none fits. */
export function resolvePlace(value: NamedValue, gazetteer: Gazetteer, context: ReportContext): { value: NamedValue; message?: Message } {
  const place = choosePlace(value, gazetteer, context);
  if (!place) {
    return {
      value,
      message: {
        source: 'resolve',
        rule: 'resolve.unresolved-place',
        reason: `no place in the gazetteer is named "${value.name}"; kept as written`,
        severity: 'info',
        span: value.span,
      },
    };
  }
  const region = place.region ? gazetteer.get(place.region) : undefined;
  const resolved: NamedValue = { ...value, entityId: place.id, canonicalName: place.name, lat: place.lat, lon: place.lon, precision: PRECISION[place.kind] };
  if (place.country) resolved.country = place.country;
  if (region) resolved.region = region.name;
  return { value: resolved };
}

function choosePlace(value: NamedValue, gazetteer: Gazetteer, context: ReportContext): Place | undefined {
  for (const name of [value.name, ...(value.alternatives ?? [])]) {
    // One-word names (most of them) have neither a leading word nor a region word: skip both tests.
    const several = name.includes(' ');
    const bare = several ? name.replace(LEADING, '').trim() : name;
    const wantsRegion = several && REGION_WORD.test(bare);
    let candidates = gazetteer.candidates(bare);
    if (wantsRegion) candidates = candidates.filter((p) => p.kind === 'region');
    const chosen = pick(candidates, value, context);
    if (chosen) return chosen;
  }
  // A name the gazetteer cannot read ("Russian colonies") keeps the place the extractor gave it.
  return value.entityId ? gazetteer.get(value.entityId) : undefined;
}

/**
 * One place among several of a name: a region named in the same report decides ("Olenivka" in
 * a report about the Donetsk region), the nearest such mention first; then places etap's project
 * named, then the most populous.
 */
function pick(candidates: Place[], value: NamedValue, context: ReportContext): Place | undefined {
  if (candidates.length <= 1) return candidates[0];
  let best: Place | undefined;
  let bestScore = -Infinity;
  for (const place of candidates) {
    const nearest = context.distanceToRegion(place.region ?? place.id, value.span.start);
    const inContext = nearest === undefined ? 0 : 100 - Math.min(90, nearest / 200);
    const country = context.countries.has(place.country) ? 5 : 0;
    const score = inContext + country + (place.curated ? 20 : 0) + (place.id === value.entityId ? 10 : 0) + Math.log10((place.population ?? 0) + 1) + (place.kind === 'settlement' ? 0 : 8);
    if (score > bestScore) [best, bestScore] = [place, score];
  }
  return best;
}
