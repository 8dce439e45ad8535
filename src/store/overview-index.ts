import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { StoreDialect } from './dialect.js';
import type { ClaimType } from '../domain/types.js';
import type { Database } from './database.js';
import { earliestDay, latestDay } from './claim.mapper.js';

/**
 * The claims as the map and timeline count them, held in memory: per claim its type, time,
 * subjects, placed places and the folded names of its places and sources. Filters the tallies
 * cannot answer (a place, a source, a search, a report) are answered here by one pass over
 * arrays instead of a join over every matching claim. It gives exactly what OverviewRepository's
 * per-claim queries give (a property test holds them together), in the same order: SQLite's
 * binary order, which is code point order.
 *
 * `refresh` brings it up to date by reading only what changed: claims with a `seq` above the
 * highest it holds (new claims, whose values come in their claim's transaction), and the claims
 * `overview_changes` lists (changed or deleted, see migration 2026-12-07T0100).
 */

/** The filters an index answers; `searchSeqs` are the `seq`s of the claims a search matched. */
export interface IndexFilters {
  type?: ClaimType | readonly ClaimType[];
  place?: string;
  source?: string;
  since?: string;
  until?: string;
  reportId?: string;
  gender?: 'female' | 'male';
  nationality?: 'UA' | 'RU';
  searchSeqs?: readonly number[];
}

/** A placed place: name, entity ('' for none) and coordinates. */
export interface IndexedPlace {
  name: string;
  entityId: string;
  lat: number;
  lon: number;
}

export interface IndexedPlaceCount extends IndexedPlace {
  type: string;
  claims: number;
}

/**
 * A transfer claim naming two or more placed places. Claims naming the same places in the same
 * order are grouped: the group's first claim (by id) carries the group's size in `claims`, its
 * next ones 0, and only the first ROUTE_CLAIM_IDS of a group are listed.
 */
export interface IndexedRoute {
  claimId: string;
  places: IndexedPlace[];
  claims: number;
}

export interface IndexedMonthCount {
  month: string | null;
  type: string;
  claims: number;
}

/** At most this many claim ids per transfer arrow (see MapTransfer.claimIds). */
export const ROUTE_CLAIM_IDS = 10;

/** Compares strings by code point (UTF-8 byte order, SQLite's BINARY collation), not UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// Surrogates (astral code points) rank above U+E000..U+FFFF, as their code points do.
const codePointRank = (unit: number) => (unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit);

/** SQLite's LIKE folds ASCII letters only. */
const foldAscii = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** A claim's columns the index reads, in this order. */
const CLAIM_COLUMNS = ['seq', 'id', 'report_id', 'type', 'time_from', 'time_to', 'gender', 'nationality'] as const;
type ClaimRow = [seq: number, id: string, reportId: string, type: string, timeFrom: string | null, timeTo: string | null, gender: string | null, nationality: string | null];

/** A place or source value's columns the index reads, in this order. */
const VALUE_COLUMNS = ['claim_id', 'slot', 'ordinal', 'name', 'names_folded', 'entity_id', 'lat', 'lon'] as const;
type ValueRow = [claimId: string, slot: string, ordinal: number, name: string, namesFolded: string | null, entityId: string | null, lat: number | null, lon: number | null];

/** What the index's own table adds to the store's schema. */
interface ChangesDatabase extends Database {
  overview_changes: { id: number; claim_id: string };
}

/** Distinct strings numbered in the order first seen. */
class Dictionary<T = string> {
  readonly values: T[] = [];

  private readonly numbers = new Map<string, number>();

  number(key: string, value: T): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.values.length;
      this.values.push(value);
      this.numbers.set(key, n);
    }
    return n;
  }

  get(key: string): number | undefined {
    return this.numbers.get(key);
  }
}

/** Names as `names_folded` holds them, numbered by their ASCII-folded form (what LIKE compares). */
class NameDictionary extends Dictionary {
  private readonly stored = new Map<string, number>();

  folded(namesFolded: string): number {
    let n = this.stored.get(namesFolded);
    if (n === undefined) {
      const folded = foldAscii(namesFolded);
      this.stored.set(namesFolded, (n = this.number(folded, folded)));
    }
    return n;
  }
}

/** One claim as the overviews see it; strings and places numbered in the index's dictionaries. */
export interface IndexedClaim {
  seq: number;
  id: string;
  report: number;
  type: number;
  gender: number;
  nationality: number;
  timeFrom: string | null;
  timeTo: string | null;
  /** `YYYY-MM` of `timeFrom` (its first seven characters), or null. */
  month: string | null;
  /** Placed places in the order the text names them. */
  places: readonly number[];
  /** The claim's route group (its placed places in order), or -1 when it names fewer than two. */
  route: number;
  placeNames: readonly number[];
  sourceNames: readonly number[];
}

const NONE = -1;
/** Shared by every claim that has none: never written to. */
const NO_NUMBERS: readonly number[] = Object.freeze([]);
/** Ids read per `in (...)` list. */
const CHUNK = 500;
/** Seqs read per query when reading new claims: each query's JSON stays a few megabytes. */
const SEQ_RANGE = 20_000;

export class OverviewIndex {
  private readonly claims: (IndexedClaim | undefined)[] = [];

  private readonly byId = new Map<string, number>();

  private readonly free: number[] = [];

  private readonly types = new Dictionary();

  private readonly reports = new Dictionary();

  private readonly subjects = new Dictionary();

  private readonly places = new Dictionary<IndexedPlace>();

  private readonly routeGroups = new Dictionary();

  /** Folded names (name and alternatives, one a line) of places and of sources. */
  private readonly placeNames = new NameDictionary();

  private readonly sourceNames = new NameDictionary();

  /** The highest `seq` held, and the last `overview_changes` entry applied. */
  private maxSeq = -1;

  private lastChange = 0;

  /** How many claims it holds. */
  get size(): number {
    return this.byId.size;
  }

  private constructor(private readonly dialect: StoreDialect) {}

  /** Reads every claim. */
  static async load(db: Kysely<Database>, dialect: StoreDialect): Promise<OverviewIndex> {
    const index = new OverviewIndex(dialect);
    await index.refresh(db);
    return index;
  }

  /**
   * Reads what changed since the last refresh and applies it; returns the index to use from now
   * on: this one, or a fresh one when changes it never saw were already pruned from the log.
   */
  async refresh(db: Kysely<Database>): Promise<OverviewIndex> {
    const log = db as unknown as Kysely<ChangesDatabase>;
    const bounds = await log.selectFrom('overview_changes').select((eb) => [eb.fn.min<number>('id').as('first'), eb.fn.max<number>('id').as('last')]).executeTakeFirstOrThrow();
    const [first, last] = [bounds.first === null ? 0 : Number(bounds.first), bounds.last === null ? 0 : Number(bounds.last)];
    const fresh = this.maxSeq < 0 && this.lastChange === 0;
    // Entries it never saw were pruned, or the log was emptied and started again: read everything.
    if (!fresh && (first > this.lastChange + 1 || last < this.lastChange)) return OverviewIndex.load(db, this.dialect);
    const changed = fresh || last === this.lastChange
      ? new Set<string>()
      : new Set((await log.selectFrom('overview_changes').where('id', '>', this.lastChange).select('claim_id').execute()).map((row) => row.claim_id));
    // Changed claims are read again where they are still there (at or below the highest seq
    // kept), and every claim above that seq as new, a range of seqs at a time.
    let kept = -1;
    for (const claim of this.claims) if (claim && claim.seq > kept && !changed.has(claim.id)) kept = claim.seq;
    const claims: ClaimRow[][] = [];
    const values: ValueRow[][] = [];
    const ids = [...changed];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [c, v] = await this.read(db, sql<SqlBool>`claims.id in (${sql.join(ids.slice(i, i + CHUNK))}) and claims.seq <= ${kept}`);
      claims.push(c);
      values.push(v);
    }
    const top = Number((await db.selectFrom('claims').select((eb) => eb.fn.max<number>('seq').as('top')).executeTakeFirstOrThrow()).top ?? -1);
    for (let from = kept; from < top; from += SEQ_RANGE) {
      const [c, v] = await this.read(db, sql<SqlBool>`claims.seq > ${from} and claims.seq <= ${from + SEQ_RANGE}`);
      claims.push(c);
      values.push(v);
    }
    // Applied at once, after every read: a request never sees the index half updated.
    for (const claim of this.claims) if (claim && (claim.seq > kept || changed.has(claim.id))) this.remove(claim.id);
    this.maxSeq = kept;
    this.add(claims.flat(), values.flat());
    this.lastChange = last;
    return this;
  }

  /** The claims meeting `condition`, and their place and source values. */
  private async read(db: Kysely<Database>, condition: RawBuilder<SqlBool>): Promise<[ClaimRow[], ValueRow[]]> {
    const rows = async (query: RawBuilder<{ rows: unknown }>) => {
      const [{ rows: json }] = (await query.execute(db)).rows;
      return (typeof json === 'string' ? JSON.parse(json) : json) as never[];
    };
    const claimColumns = this.dialect.jsonRows(CLAIM_COLUMNS.map((column) => sql.ref(`claims.${column}`)));
    const valueColumns = this.dialect.jsonRows(VALUE_COLUMNS.map((column) => sql.ref(`v.${column}`)));
    return [
      await rows(sql<{ rows: unknown }>`select ${claimColumns} as rows from claims where ${condition}`),
      // Cross join: SQLite then walks the claims asked for and looks up their values, not every value.
      await rows(sql<{ rows: unknown }>`select ${valueColumns} as rows from claims cross join claim_values v where v.claim_id = claims.id and v.slot in ('place', 'source') and ${condition}`),
    ];
  }

  private remove(id: string): void {
    const at = this.byId.get(id);
    if (at === undefined) return;
    this.claims[at] = undefined;
    this.byId.delete(id);
    this.free.push(at);
  }

  /** Adds claims (skipping any it holds) with their values; values of claims not given are left out. */
  private add(rows: readonly ClaimRow[], values: readonly ValueRow[]): void {
    const valuesOf = new Map<string, ValueRow[]>();
    for (const value of values) {
      let list = valuesOf.get(value[0]);
      if (!list) valuesOf.set(value[0], (list = []));
      list.push(value);
    }
    for (const [seq, id, reportId, type, timeFrom, timeTo, gender, nationality] of rows) {
      if (this.byId.has(id)) continue;
      const claim: IndexedClaim = {
        seq: Number(seq),
        id,
        report: this.reports.number(reportId, reportId),
        type: this.types.number(type, type),
        gender: gender === null ? NONE : this.subjects.number(gender, gender),
        nationality: nationality === null ? NONE : this.subjects.number(nationality, nationality),
        // Times repeat across claims: one string each, not one per claim.
        timeFrom: this.intern(timeFrom),
        timeTo: this.intern(timeTo),
        month: timeFrom === null ? null : this.intern(timeFrom.slice(0, 7)),
        places: NO_NUMBERS,
        route: NONE,
        placeNames: NO_NUMBERS,
        sourceNames: NO_NUMBERS,
      };
      const placeNames: number[] = [];
      const sourceNames: number[] = [];
      const placed: [ordinal: number, place: number][] = [];
      for (const [, slot, ordinal, name, namesFolded, entityId, lat, lon] of valuesOf.get(id) ?? []) {
        if (namesFolded !== null) {
          if (slot === 'source') sourceNames.push(this.sourceNames.folded(namesFolded));
          else placeNames.push(this.placeNames.folded(namesFolded));
        }
        if (slot !== 'place' || lat === null || lon === null) continue;
        const place: IndexedPlace = { name, entityId: entityId ?? '', lat: Number(lat), lon: Number(lon) };
        // Numbers hold no comma and the entity id is counted out: no two places share a key.
        const key = `${place.lat},${place.lon},${place.entityId.length}:${place.entityId}${name}`;
        placed.push([Number(ordinal), this.places.number(key, place)]);
      }
      if (placed.length > 0) claim.places = placed.sort((a, b) => a[0] - b[0]).map(([, place]) => place);
      // Copies sized to fit: a list grown by push keeps room for 17 numbers.
      if (placeNames.length > 0) claim.placeNames = placeNames.slice();
      if (sourceNames.length > 0) claim.sourceNames = sourceNames.slice();
      if (claim.places.length >= 2) claim.route = this.routeGroups.number(claim.places.join(' '), '');
      const at = this.free.pop() ?? this.claims.length;
      this.claims[at] = claim;
      this.byId.set(claim.id, at);
      if (claim.seq > this.maxSeq) this.maxSeq = claim.seq;
    }
  }

  private readonly strings = new Map<string, string>();

  private intern(text: string | null): string | null {
    if (text === null) return null;
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /** The claims matching the filters, in no particular order. */
  select(filters: IndexFilters): IndexedClaim[] {
    const named = (names: Dictionary, needle: string | undefined) => {
      if (needle === undefined) return undefined;
      const lowered = needle.toLowerCase();
      return Uint8Array.from(names.values, (folded) => (folded.includes(lowered) ? 1 : 0));
    };
    const placeNames = named(this.placeNames, filters.place);
    const sourceNames = named(this.sourceNames, filters.source);
    let search: Uint8Array | undefined;
    if (filters.searchSeqs !== undefined) {
      search = new Uint8Array(this.maxSeq + 1);
      for (const seq of filters.searchSeqs) if (seq <= this.maxSeq) search[seq] = 1;
    }
    let types: Uint8Array | undefined;
    if (filters.type !== undefined) {
      types = new Uint8Array(this.types.values.length);
      for (const type of typeof filters.type === 'string' ? [filters.type] : filters.type) {
        const t = this.types.get(type);
        if (t !== undefined) types[t] = 1;
      }
    }
    const report = filters.reportId === undefined ? undefined : this.reports.get(filters.reportId) ?? NONE - 1;
    const gender = filters.gender === undefined ? undefined : this.subjects.get(filters.gender) ?? NONE - 1;
    const nationality = filters.nationality === undefined ? undefined : this.subjects.get(filters.nationality) ?? NONE - 1;
    const since = filters.since === undefined ? undefined : earliestDay(filters.since);
    const until = filters.until === undefined ? undefined : latestDay(filters.until);
    const names = (which: Uint8Array, of: readonly number[]) => of.some((name) => which[name] === 1);
    const selected: IndexedClaim[] = [];
    for (const claim of this.claims) {
      if (claim === undefined) continue;
      if (types !== undefined && types[claim.type] === 0) continue;
      if (report !== undefined && claim.report !== report) continue;
      if (gender !== undefined && claim.gender !== gender) continue;
      if (nationality !== undefined && claim.nationality !== nationality) continue;
      if (since !== undefined && !(claim.timeTo !== null && claim.timeTo >= since)) continue;
      if (until !== undefined && !(claim.timeFrom !== null && claim.timeFrom <= until)) continue;
      if (placeNames !== undefined && !names(placeNames, claim.placeNames)) continue;
      if (sourceNames !== undefined && !names(sourceNames, claim.sourceNames)) continue;
      if (search !== undefined && search[claim.seq] !== 1) continue;
      selected.push(claim);
    }
    return selected;
  }

  /** Per placed place and type, how many of the claims name it, by place then type. */
  placeCounts(claims: readonly IndexedClaim[]): IndexedPlaceCount[] {
    const typeCount = this.types.values.length;
    const counts = new Int32Array(this.places.values.length * typeCount);
    for (const claim of claims) {
      const places = claim.places;
      for (let k = 0; k < places.length; k++) {
        // A claim naming a place twice counts once for it.
        if (k > 0 && places.lastIndexOf(places[k], k - 1) >= 0) continue;
        counts[places[k] * typeCount + claim.type]++;
      }
    }
    const counted = [...this.places.values.keys()].filter((place) => {
      for (let type = 0; type < typeCount; type++) if (counts[place * typeCount + type] > 0) return true;
      return false;
    });
    counted.sort((a, b) => {
      const [p, q] = [this.places.values[a], this.places.values[b]];
      return compareCodePoints(p.name, q.name) || compareCodePoints(p.entityId, q.entityId) || p.lat - q.lat || p.lon - q.lon;
    });
    const rows: IndexedPlaceCount[] = [];
    for (const place of counted) {
      for (const type of this.typeOrder()) {
        const n = counts[place * typeCount + type];
        if (n > 0) rows.push({ ...this.places.values[place], type: this.types.values[type], claims: n });
      }
    }
    return rows;
  }

  /** The transfer claims among these naming two or more placed places, grouped (see IndexedRoute), by claim id. */
  routes(claims: readonly IndexedClaim[]): IndexedRoute[] {
    const transfer = this.types.get('transfer');
    // Per route group: how many claims, and the first ROUTE_CLAIM_IDS of them by id.
    const groups = new Map<number, { claims: number; first: IndexedClaim[] }>();
    for (const claim of claims) {
      if (claim.type !== transfer || claim.route === NONE) continue;
      let group = groups.get(claim.route);
      if (!group) groups.set(claim.route, (group = { claims: 0, first: [] }));
      group.claims++;
      const first = group.first;
      if (first.length === ROUTE_CLAIM_IDS && compareCodePoints(claim.id, first[first.length - 1].id) >= 0) continue;
      let at = first.length;
      while (at > 0 && compareCodePoints(claim.id, first[at - 1].id) < 0) at--;
      first.splice(at, 0, claim);
      if (first.length > ROUTE_CLAIM_IDS) first.pop();
    }
    const routes = [...groups.values()].flatMap(({ claims: size, first }) =>
      first.map((claim, k) => ({ claimId: claim.id, places: claim.places.map((place) => this.places.values[place]), claims: k === 0 ? size : 0 })),
    );
    return routes.sort((a, b) => compareCodePoints(a.claimId, b.claimId));
  }

  /** Claims per month of their start (null: no time) and type, by month then type. */
  monthCounts(claims: readonly IndexedClaim[]): IndexedMonthCount[] {
    const counts = new Map<string | null, Int32Array>();
    const typeCount = this.types.values.length;
    for (const claim of claims) {
      let row = counts.get(claim.month);
      if (!row) counts.set(claim.month, (row = new Int32Array(typeCount)));
      row[claim.type]++;
    }
    // SQL puts nulls first.
    const months = [...counts.keys()].sort((a, b) => (a === null ? -1 : b === null ? 1 : compareCodePoints(a, b)));
    const order = this.typeOrder();
    return months.flatMap((month) => {
      const row = counts.get(month)!;
      return order.filter((type) => row[type] > 0).map((type) => ({ month, type: this.types.values[type], claims: row[type] }));
    });
  }

  /** Type numbers in the order their names sort. */
  private typeOrder(): number[] {
    return [...this.types.values.keys()].sort((a, b) => compareCodePoints(this.types.values[a], this.types.values[b]));
  }
}
