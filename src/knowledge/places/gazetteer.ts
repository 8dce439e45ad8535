import seed from './places.json' with { type: 'json' };

/** A place known to etap: one id, its names in every spelling, where it is. */
export interface Place {
  id: string;
  name: string;
  kind: 'country' | 'region' | 'settlement';
  /** ISO 3166-1 alpha-2 code of the country it lies in ('' for areas beyond one country). */
  country: string;
  lat: number;
  lon: number;
  aliases: string[];
}

/** Looks places up by any of their names. Built once; lookups are map reads. */
export class Gazetteer {
  readonly places: Place[];
  private readonly byName = new Map<string, Place>();

  constructor(places: Place[]) {
    this.places = places;
    for (const place of places) {
      for (const name of [place.name, ...place.aliases]) {
        const key = nameKey(name);
        // The first (more prominent) place keeps a shared name; context rules decide the rest.
        if (!this.byName.has(key)) this.byName.set(key, place);
      }
    }
  }

  /** The place with this name in any listed spelling, ignoring case, apostrophes and hyphens. */
  lookup(name: string): Place | undefined {
    return this.byName.get(nameKey(name));
  }

  /** Every name of every place, longest first (for building a matcher). */
  names(): string[] {
    return [...new Set(this.places.flatMap((p) => [p.name, ...p.aliases]))].sort((a, b) => b.length - a.length);
  }
}

/** The form names are compared in: lower case, one kind of apostrophe, hyphens as spaces. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[’`ʼ]/g, "'").replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').replace(/^the /, '').trim();
}

let shared: Gazetteer | undefined;

/** The gazetteer built from the seed list that ships with etap. */
export function defaultGazetteer(): Gazetteer {
  shared ??= new Gazetteer(seed.places as Place[]);
  return shared;
}
