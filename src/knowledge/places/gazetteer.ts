import { readFileSync } from 'node:fs';
import { computeSkeleton, nameSkeleton } from '../names/skeleton.js';
import { isWhiteSpaceUnit } from '../text/characters.js';
import { compilePattern } from '../text/compile-pattern.js';

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
  /** Id of the region (oblast, krai, republic) a settlement lies in, when known. */
  region?: string;
  /** Inhabitants as GeoNames counts them (0 when unknown). */
  population?: number;
  /** Written by the etap project (regions, countries, places named in reports) rather than taken from GeoNames. */
  curated?: boolean;
  /** For Ukrainian regions under Russian occupation at some point: the status and dates control changed. */
  occupation?: { status: string; occupied?: string; liberated?: string };
}

/** A known name found in running text, with every place it can mean (most prominent first). */
export interface KnownName {
  start: number;
  end: number;
  text: string;
  places: Place[];
}

/** Looks places up by any of their names. Built once; lookups are map reads. */
export class Gazetteer {
  readonly places: Place[];
  private readonly byName = new Map<string, Place[]>();
  private readonly byId = new Map<string, Place>();
  private bySkeleton?: Map<string, Place[]>;
  private firstWords?: Map<string, number>;
  private readonly candidateCache = new Map<string, Place[]>();
  private readonly longestCache = new Map<string, number>();
  /** Stretches of text → the places they name (null: none), see placesNamed. */
  private readonly namedCache = new Map<string, Place[] | null>();
  /** Per population threshold: the first words of names that can mean a place offered at it, and the verdicts given (see mayStartOffered). */
  private readonly offered = new Map<number, { firstWords: Set<string>; verdicts: Map<string, boolean> }>();

  /** `places` in order of prominence: a shared name means the earlier place first. */
  constructor(places: Place[]) {
    this.places = places;
    for (const place of places) {
      this.byId.set(place.id, place);
      this.index(place.name, place);
      for (const alias of place.aliases) this.index(alias, place);
    }
  }

  private index(name: string, place: Place): void {
    const key = nameKey(name);
    const bucket = this.byName.get(key);
    if (!bucket) this.byName.set(key, [place]);
    else if (!bucket.includes(place)) bucket.push(place);
  }

  /** The place with this name in any listed spelling, ignoring case, apostrophes and hyphens (the most prominent when several share it). */
  lookup(name: string): Place | undefined {
    return this.byName.get(nameKey(name))?.[0];
  }

  /** Every place a name can mean: exact spellings first; failing those, spellings that transliterate alike. */
  candidates(name: string): Place[] {
    let found = this.candidateCache.get(name);
    if (found === undefined) {
      found = this.findCandidates(name);
      // Names repeat within and across reports; a bounded cache keeps memory flat on long ingests.
      if (this.candidateCache.size > 20000) this.candidateCache.clear();
      this.candidateCache.set(name, found);
    }
    return found;
  }

  private findCandidates(name: string): Place[] {
    const exact = this.byName.get(nameKey(name));
    if (exact) return exact;
    for (const lemma of cyrillicLemmas(name)) {
      const found = this.byName.get(nameKey(lemma));
      if (found) return found;
    }
    this.bySkeleton ??= this.indexSkeletons();
    return this.bySkeleton.get(nameSkeleton(name)) ?? [];
  }

  /** The place with this id. */
  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /**
   * Every name of the places etap's project wrote (countries, regions, places named in reports),
   * longest first, for building a regular expression. GeoNames settlements are left out: their
   * 100,000 names would make that expression huge; `findKnownNames` finds them instead.
   */
  names(): string[] {
    return [...new Set(this.places.filter((p) => p.curated !== false).flatMap((p) => [p.name, ...p.aliases]))].sort((a, b) => b.length - a.length);
  }

  /**
   * Known names in `text` within `range`, longest match at each capitalised word: a token index,
   * not a regular expression, so it stays fast with every settlement. Settlements from GeoNames
   * are offered only with at least `minPopulation` inhabitants (default 0).
   */
  findKnownNames(text: string, range = { start: 0, end: text.length }, minPopulation = 0): KnownName[] {
    const found: KnownName[] = [];
    // A capitalised word: a capital, then word characters; it must start a word (checked below,
    // faster than a leading lookbehind). The lookahead lets V8 skip lower case quickly: ASCII,
    // Latin-1 and basic Cyrillic (а–џ), where \p{Lu} has no letters (checked over every code point).
    const word = /(?=[A-Z\u00C0-\u00DE\u0100-\u042F\u0460-\u{10FFFF}])\p{Lu}[\p{L}\p{M}\p{N}’'ʼ]*/gu;
    word.lastIndex = range.start;
    for (let m = word.exec(text); m && m.index < range.end; m = word.exec(text)) {
      if (m.index > 0 && WORD_CHAR.test(text[m.index - 1])) {
        word.lastIndex = m.index + 1;
        continue;
      }
      const lower = m[0].toLowerCase();
      const longest = this.longestNameFrom(lower);
      if (!longest || !this.mayStartOffered(lower, minPopulation)) continue;
      const ends = wordEnds(text, m.index, longest, range.end);
      for (let n = ends.length; n >= 1; n--) {
        const name = text.slice(m.index, ends[n - 1]);
        const exact = this.placesNamed(name);
        if (!exact) continue;
        const places = exact.filter((p) => p.curated !== false || (p.population ?? 0) >= minPopulation);
        if (!places.length) continue;
        found.push({ start: m.index, end: ends[n - 1], text: name, places });
        word.lastIndex = ends[n - 1];
        break;
      }
    }
    return found;
  }

  /**
   * The places a stretch of text names exactly as written or, in Cyrillic, as a nominative form;
   * undefined when none. findKnownNames asks this of every word count at every word that starts
   * a name, mostly in vain ("Russia is a", "Russia is"), and the same stretches recur across
   * reports: cached, findKnownNames took a third less time on the corpus.
   */
  private placesNamed(name: string): Place[] | undefined {
    let found = this.namedCache.get(name);
    if (found === undefined) {
      found = this.byName.get(nameKey(name)) ?? cyrillicLemmas(name).map((l) => this.byName.get(nameKey(l))).find((p) => p !== undefined) ?? null;
      // Bounded like candidateCache: memory stays flat on long ingests.
      if (this.namedCache.size > 50000) this.namedCache.clear();
      this.namedCache.set(name, found);
    }
    return found ?? undefined;
  }

  /** The most words a known name starting with this (lower-case) word has; 0 when none does. */
  private longestNameFrom(lower: string): number {
    let longest = this.longestCache.get(lower);
    if (longest !== undefined) return longest;
    const firstWords = (this.firstWords ??= this.indexFirstWords());
    // A word's own lower case is its key unless it holds an apostrophe; lemmas only for Cyrillic misses.
    longest = firstWords.get(/[’`ʼ]/u.test(lower) ? firstWordKey(lower) : lower) ?? 0;
    if (!longest && /^\p{Script=Cyrillic}/u.test(lower)) for (const l of cyrillicLemmas(lower)) longest = Math.max(longest, firstWords.get(l) ?? 0);
    if (this.longestCache.size > 50000) this.longestCache.clear();
    this.longestCache.set(lower, longest);
    return longest;
  }

  /**
   * False only when no name starting with this (lower-case) word can mean a place offered at
   * `minPopulation`: with a high threshold most capitalised words start GeoNames names only, and
   * trying their every length is the costly part of findKnownNames. A superset test: each form
   * findKnownNames may look the word up in (its own key, a Cyrillic nominative) is checked.
   */
  private mayStartOffered(lower: string, minPopulation: number): boolean {
    if (minPopulation <= 0 || lower === 'the') return true; // every place is offered; "the" is dropped from keys
    let offered = this.offered.get(minPopulation);
    if (!offered) this.offered.set(minPopulation, (offered = { firstWords: this.indexOfferedFirstWords(minPopulation), verdicts: new Map() }));
    let verdict = offered.verdicts.get(lower);
    if (verdict === undefined) {
      verdict = startsAnyOf(firstWordStem(lower), offered.firstWords);
      if (offered.verdicts.size > 50000) offered.verdicts.clear();
      offered.verdicts.set(lower, verdict);
    }
    return verdict;
  }

  private indexOfferedFirstWords(minPopulation: number): Set<string> {
    const words = new Set<string>();
    for (const [key, places] of this.byName) {
      if (places.some((p) => p.curated !== false || (p.population ?? 0) >= minPopulation)) words.add(firstWordStem(key));
    }
    return words;
  }

  private indexSkeletons(): Map<string, Place[]> {
    const index = new Map<string, Place[]>();
    for (const place of this.places) {
      for (const name of [place.name, ...place.aliases]) {
        // Not nameSkeleton: its bounded cache would only churn through every name once.
        const key = computeSkeleton(name);
        const bucket = index.get(key);
        if (!bucket) index.set(key, [place]);
        else if (!bucket.includes(place)) bucket.push(place);
      }
    }
    return index;
  }

  /** First word of every name → the most words a name starting with it has. */
  private indexFirstWords(): Map<string, number> {
    const index = new Map<string, number>();
    for (const key of this.byName.keys()) {
      // A key is folded already: its first word is its own firstWordKey. Words are counted, not split out.
      const space = key.indexOf(' ');
      const first = space < 0 ? key : key.slice(0, space);
      let words = 1;
      for (let at = space; at >= 0; at = key.indexOf(' ', at + 1)) words++;
      index.set(first, Math.max(index.get(first) ?? 0, words));
    }
    return index;
  }
}

/** Case endings of Russian and Ukrainian nouns and adjectives, and the nominative endings they may stand for. */
const CASE_ENDINGS: [string, string][] = [
  ['ую', 'ая'], ['ой', 'ая'], ['ей', 'яя'], ['ом', ''], ['ем', ''], ['ом', 'о'], ['ом', 'ое'], ['ем', 'е'], ['ым', 'ое'], ['ом', 'ое'],
  ['ого', 'ое'], ['ого', 'ий'], ['ого', 'ый'], ['ой', 'ое'], ['ій', 'а'], ['ою', 'а'], ['у', 'а'], ['е', 'а'], ['і', 'а'], ['и', 'а'], ['ы', 'а'], ['е', ''], ['а', ''], ['у', ''], ['і', ''], ['ю', 'я'], ['і', 'я'], ['е', 'я'], ['ого', 'е'], ['ому', 'е'], ['ім', 'е'],
];

/** Nominative forms an inflected Cyrillic name may have ("в Кущёвскую" → "Кущёвская", "в Таганроге" → "Таганрог"). */
export function cyrillicLemmas(name: string): string[] {
  const words = name.trim().split(/\s+/u);
  if (!words.every((w) => /^[\p{Script=Cyrillic}’'ʼ-]+$/u.test(w))) return [];
  let forms = [''];
  for (const word of words) {
    const options = [word, ...CASE_ENDINGS.filter(([from]) => word.length > from.length + 2 && word.endsWith(from)).map(([from, to]) => word.slice(0, -from.length) + to)];
    forms = forms.flatMap((f) => options.map((o) => (f ? `${f} ${o}` : o))).slice(0, 64);
  }
  return forms.filter((f) => f !== words.join(' '));
}

/** The form names are compared in: lower case, one kind of apostrophe, hyphens as spaces. */
export function nameKey(name: string): string {
  const lower = name.toLowerCase();
  // Most names are one plain word: nothing to fold.
  if (!/[’`ʼ\-‐–\s]/u.test(lower)) return lower;
  return lower.replace(/[’`ʼ]/g, "'").replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').replace(/^the /, '').trim();
}

const WORD_CHAR = compilePattern(String.raw`[\p{L}\p{M}\p{N}’'ʼ]`, 'u');

/** Where each of the (at most `count`) words from `start` on ends: "St. Petersburg" is two words; a sentence's full stop ends none. */
function wordEnds(text: string, start: number, count: number, limit: number): number[] {
  const word = /[\p{L}\p{M}\p{N}’'ʼ]+(?:\.(?=[\p{L}\s]\p{L}))?[\s-]*/uy;
  const ends: number[] = [];
  word.lastIndex = start;
  for (let m = word.exec(text); m && ends.length < count && m.index < limit; m = word.exec(text)) {
    ends.push(Math.min(limit, wordEnd(text, word.lastIndex)));
  }
  return ends;
}

/**
 * Where a word matched up to `after` ends: before its trailing white space, then before hyphens
 * (what trimming the match, then dropping its final hyphens, leaves), without the copies.
 */
function wordEnd(text: string, after: number): number {
  let end = after;
  while (isWhiteSpaceUnit(text.charCodeAt(end - 1))) end--;
  while (text.charCodeAt(end - 1) === 0x2d) end--;
  return end;
}

function firstWordKey(word: string): string {
  return nameKey(word).split(' ')[0];
}

/** True when `first`, as written or as a Cyrillic nominative, is among `words`. */
function startsAnyOf(first: string, words: Set<string>): boolean {
  if (words.has(first)) return true;
  return CASE_ENDINGS.some(([from, to]) => first.length > from.length + 2 && first.endsWith(from) && words.has(first.slice(0, -from.length) + to));
}

/**
 * A key's first word up to any full stop ("st" of "st. petersburg" and of "st.petersburg"), with
 * final sigma folded: what a capitalised word alone lower-cases to, whatever followed it in the name.
 */
function firstWordStem(key: string): string {
  return firstWordKey(key).split('.')[0].replaceAll('ς', 'σ');
}

/** The compact file `scripts/build-gazetteer.ts` writes. */
interface GeneratedGazetteer {
  regionStatus: Record<string, { status: string; occupied?: string; liberated?: string }>;
  places: [string, string, string, string, string, number, number, number, string][];
}

const KINDS: Record<string, Place['kind']> = { c: 'country', r: 'region', s: 'settlement' };

/** Reads the generated gazetteer (GeoNames settlements merged with etap's regions and places). */
export function loadGazetteer(path: string | URL = new URL('./gazetteer.generated.json', import.meta.url)): Gazetteer {
  const data = JSON.parse(readFileSync(path, 'utf8')) as GeneratedGazetteer;
  const places = data.places.map(([id, name, kind, country, region, lat, lon, population, aliases]): Place => {
    const place: Place = { id, name, kind: KINDS[kind[0]], country, lat, lon, aliases: aliases ? aliases.split('|') : [], population, curated: kind.endsWith('*') };
    if (region) place.region = region;
    const occupation = data.regionStatus[id];
    if (occupation) place.occupation = occupation;
    return place;
  });
  return new Gazetteer(places);
}

let shared: Gazetteer | undefined;

/** The gazetteer that ships with etap (loaded on first use, then shared). */
export function defaultGazetteer(): Gazetteer {
  shared ??= loadGazetteer();
  return shared;
}
