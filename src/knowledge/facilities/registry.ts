import { existsSync, readFileSync } from 'node:fs';
import seed from './facilities.json' with { type: 'json' };
import { nameKey } from '../places/gazetteer.js';
import { nameSkeleton } from '../names/skeleton.js';

/** Kinds of penal institution: correctional colony, pre-trial detention, prison hospital, colony-settlement, juvenile colony, cell-type and punishment units, temporary detention sites in occupied territory. */
export const FACILITY_KINDS = ['IK', 'SIZO', 'LIU', 'KP', 'VK', 'PKT', 'SHIZO', 'TDS', 'other'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** One penal institution: one id, where it is, and every name reports give it. */
export interface Facility {
  id: string;
  kind: FacilityKind;
  number?: number;
  name: string;
  /** Gazetteer id of the settlement it stands in. */
  settlement?: string;
  /** Gazetteer id of its region. */
  region?: string;
  regime?: string;
  gender?: 'female' | 'male';
  lat?: number;
  lon?: number;
  aliases: string[];
}

/** Looks facilities up by name, or by kind and number. */
export class FacilityRegistry {
  private readonly byName = new Map<string, Facility>();
  private readonly bySkeleton = new Map<string, Facility>();
  private readonly byId = new Map<string, Facility>();

  /** Later facilities win a shared name: a user's file overrides the seed. */
  constructor(readonly facilities: Facility[]) {
    for (const facility of facilities) {
      this.byId.set(facility.id, facility);
      for (const name of [facility.name, ...facility.aliases]) {
        this.byName.set(nameKey(name), facility);
        this.bySkeleton.set(nameSkeleton(name), facility);
      }
    }
  }

  /** The facility with this exact name (any listed spelling), or one spelled alike. */
  lookup(name: string): Facility | undefined {
    return this.byName.get(nameKey(name)) ?? this.bySkeleton.get(nameSkeleton(name));
  }

  get(id: string): Facility | undefined {
    return this.byId.get(id);
  }

  /** Facilities of a kind and number (either may be left out). */
  find(kind: FacilityKind | undefined, number: number | undefined): Facility[] {
    return this.facilities.filter((f) => (kind === undefined || f.kind === kind || f.kind === 'other') && (number === undefined || f.number === number));
  }
}

/** Where users keep their own facilities: `ETAP_FACILITIES`, else `./etap.facilities.json`. */
export function userFacilitiesPath(): string {
  return process.env.ETAP_FACILITIES ?? './etap.facilities.json';
}

/**
 * The seed registry plus a user's file (same shape as facilities.json: `{ "facilities": [...] }`).
 * A missing user file is no error; a user entry with a seed id replaces it.
 */
export function loadFacilityRegistry(userPath: string | undefined = userFacilitiesPath()): FacilityRegistry {
  const list = new Map<string, Facility>();
  for (const f of seed.facilities as Facility[]) list.set(f.id, f);
  if (userPath && existsSync(userPath)) {
    const user = JSON.parse(readFileSync(userPath, 'utf8')) as { facilities?: Facility[] };
    for (const f of user.facilities ?? []) list.set(f.id, { ...f, aliases: f.aliases ?? [] });
  }
  return new FacilityRegistry([...list.values()]);
}

let shared: FacilityRegistry | undefined;

/** The registry etap uses (seed + user file), loaded on first use. */
export function defaultFacilityRegistry(): FacilityRegistry {
  shared ??= loadFacilityRegistry();
  return shared;
}
