import type { Gazetteer, Place } from '../../knowledge/places/gazetteer.js';
import type { Facility, FacilityRegistry } from '../../knowledge/facilities/registry.js';
import { describeFacility } from '../../knowledge/facilities/mention.js';
import type { NamedValue } from '../../domain/types.js';
import type { ReportContext } from './context.js';

/** Where the claim happens: its resolved places, for a facility named without one ("IK-7"). */
export type ClaimPlaces = readonly NamedValue[];

/**
 * The facility a mention names: by its spelling in the registry; else by kind and number at the
 * place the mention, its claim or its report names; else a new facility made from the mention
 * (id from kind, number and place), so every later mention of it finds the same id.
 */
export function resolveFacility(value: NamedValue, registry: FacilityRegistry, gazetteer: Gazetteer, claimPlaces: ClaimPlaces, context: ReportContext): NamedValue {
  const names = [value.name, ...(value.alternatives ?? [])];
  for (const name of names) {
    const known = registry.lookup(name);
    if (known) return withFacility(value, known, gazetteer);
  }
  const description = describeFacility(names.join(' '));
  const own = names.flatMap((n) => placesIn(n, gazetteer));
  const wanted = own.length ? own : claimPlaces.flatMap((p) => (p.entityId ? [gazetteer.get(p.entityId)].filter((x) => x !== undefined) : []));
  const candidates = description.number === undefined && !own.length ? [] : registry.find(description.kind, description.number);
  const scored = candidates
    .map((facility) => ({ facility, score: score(facility, description.gender, wanted, context, own.length > 0) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length && (scored.length === 1 || scored[0].score > scored[1].score)) return withFacility(value, scored[0].facility, gazetteer);
  return newFacility(value, description, own[0]);
}

/**
 * How well a facility fits what the mention and its surroundings say: standing in the named
 * settlement beats lying in the named region, which beats a region named elsewhere in the report;
 * the gender the mention gives must not contradict the facility's. Zero: it does not fit.
 */
function score(facility: Facility, gender: 'female' | 'male' | undefined, places: Place[], context: ReportContext, strict: boolean): number {
  if (gender !== undefined && facility.gender !== undefined && facility.gender !== gender) return 0;
  const genderBonus = gender !== undefined && facility.gender === gender ? 1 : 0;
  if (places.some((p) => p.id === facility.settlement)) return 8 + genderBonus;
  if (places.some((p) => p.id === facility.region || (p.region !== undefined && p.region === facility.region))) return 4 + genderBonus;
  if (strict) return 0;
  const inReport = [facility.settlement, facility.region].some((id) => id !== undefined && (context.placeIds.has(id) || context.distanceToRegion(id, 0) !== undefined));
  return inReport ? 2 + genderBonus : 0;
}

/** Places named inside a facility's name ("penal colony in Snizhne", "Taganrog SIZO-2", correctional colony 7 “Yablonevka”). */
function placesIn(name: string, gazetteer: Gazetteer): Place[] {
  const found = gazetteer.findKnownNames(name.replace(/[“”«»"]/gu, ' '), undefined, 0).map((k) => k.places[0]);
  // "the Russia-occupied city of Snizhne": the settlement, not the country, is the site.
  const rank = { settlement: 0, region: 1, country: 2 } as const;
  return found.sort((a, b) => rank[a.kind] - rank[b.kind]);
}

function withFacility(value: NamedValue, facility: Facility, gazetteer: Gazetteer): NamedValue {
  const site = facility.settlement ? gazetteer.get(facility.settlement) : facility.region ? gazetteer.get(facility.region) : undefined;
  const region = facility.region ? gazetteer.get(facility.region) : undefined;
  const out: NamedValue = { ...value, entityId: facility.id, canonicalName: facility.name };
  if (facility.lat !== undefined && facility.lon !== undefined) Object.assign(out, { lat: facility.lat, lon: facility.lon, precision: 'settlement' });
  else if (site) Object.assign(out, { lat: site.lat, lon: site.lon, precision: site.kind });
  if (region) out.region = region.name;
  if (site?.country) out.country = site.country;
  return out;
}

function newFacility(value: NamedValue, description: ReturnType<typeof describeFacility>, place: Place | undefined): NamedValue {
  const kind = (description.kind ?? 'facility').toLowerCase();
  const label = `${kind}${description.number !== undefined ? `-${description.number}` : ''}${description.gender === 'female' ? '-women' : ''}`;
  if (!place && description.number === undefined) return value;
  const out: NamedValue = { ...value, entityId: `facility:${label}${place ? `@${place.id.replace(/^place:|^geonames:/u, '')}` : ''}` };
  out.canonicalName = `${(description.kind ?? 'facility').toUpperCase()}${description.number !== undefined ? `-${description.number}` : ''}${place ? ` (${place.name})` : ''}`;
  if (place) Object.assign(out, { lat: place.lat, lon: place.lon, precision: place.kind, country: place.country });
  return out;
}
