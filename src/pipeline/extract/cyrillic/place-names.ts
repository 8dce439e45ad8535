import { defaultGazetteer, type Place } from '../../../knowledge/places/gazetteer.js';
import { caseStem, isAdjectiveEnding, nameStemKey, nominativeAdjective } from '../../morphology/stem.js';
import type { CyrillicLanguage } from './language.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

/** A known place name, nominative as listed, with the place it names when the gazetteer has it. */
export interface KnownName {
  name: string;
  place?: Place;
  /** The listed name ends in an adjective ending ("Снежное"), so a text form may too. */
  adjectival: boolean;
}

const CYRILLIC = compilePattern(String.raw`\p{Script=Cyrillic}`, 'u');
/** GeoNames lists every hamlet ("Родное", "Кромы"), which capitalised words would meet by chance. */
const MIN_POPULATION = 20_000;

/**
 * Place names of one language, indexed by the stems their case forms share, so "из Краснодарского
 * края" and "в Краснодарском крае" both find "Краснодарский край". Built once per language.
 */
export class PlaceNames {
  private readonly byStem = new Map<string, KnownName>();
  /** The stem of every known name's first word, read off its key (the key up to its first space). */
  private readonly firstStems = new Set<string>();
  private readonly exact = new Set<string>();
  private readonly notPlaces: Set<string>;
  private readonly adjectiveOnly: RegExp;

  constructor(private readonly language: CyrillicLanguage) {
    const gazetteer = defaultGazetteer();
    for (const place of gazetteer.places) {
      if (place.curated === false && (place.population ?? 0) < MIN_POPULATION) continue;
      for (const alias of place.aliases) if (CYRILLIC.test(alias)) this.add(alias, place);
    }
    this.add('РФ', gazetteer.lookup('Russia'));
    for (const name of language.lexicons.places.names) this.add(name, gazetteer.lookup(name));
    this.notPlaces = new Set(language.lexicons.places.notPlaces.map((n) => caseStem(n).stem));
    this.adjectiveOnly = compilePattern(`^${REGION_ADJECTIVE}$`, 'u');
  }

  /**
   * False when no known name starts with a case form of this word, so no run of words from it is
   * one: most capitalised words of a sentence are no place, and this spares stemming and keying
   * the words after them.
   */
  mayStart(word: string): boolean {
    return this.firstStems.has(caseStem(word).stem);
  }

  /** The known name these words are a case form of, or undefined. */
  match(words: readonly string[]): KnownName | undefined {
    const entry = this.byStem.get(nameStemKey(words));
    if (!entry || this.notPlaces.has(caseStem(words[0]).stem)) return undefined;
    const last = caseStem(words[words.length - 1]);
    // "Донецкая" is not "Донецк", nor "Омская" "Омск": an adjective ending only fits a listed adjective.
    if (isAdjectiveEnding(last.ending) && !entry.adjectival) return undefined;
    // Short stems ("Коми", "Уфа") match as written only.
    if (last.stem.length < 4 && words.length === 1 && !this.exact.has(words[0].toLowerCase())) return undefined;
    if (words.length === 1 && this.adjectiveOnly.test(words[0]) && entry.place?.kind === 'region') return undefined;
    return entry;
  }

  /** A region named "<adjective> <noun>" in any case, put in the nominative: "Волгоградской области" → "Волгоградская область". */
  region(adjectiveWords: string, writtenNoun: string): KnownName {
    const nouns = this.language.lexicons.places.regionNouns;
    const noun = nouns.find((n) => writtenNoun.toLowerCase().startsWith(n.stem.toLowerCase())) ?? nouns[0];
    const words = adjectiveWords.split(/\s+/u);
    const name = `${nominativeAdjective(words[words.length - 1], noun.gender as 'feminine' | 'masculine', this.language.code)} ${noun.nominative}`;
    return { name, place: defaultGazetteer().lookup(name) ?? this.byStem.get(nameStemKey(name.split(' ')))?.place, adjectival: false };
  }

  private add(name: string, place: Place | undefined): void {
    const words = name.split(/\s+/u);
    const key = nameStemKey(words);
    this.exact.add(name.toLowerCase());
    this.firstStems.add(key.includes(' ') ? key.slice(0, key.indexOf(' ')) : key);
    if (!this.byStem.has(key)) this.byStem.set(key, { name, place, adjectival: isAdjectiveEnding(caseStem(words[words.length - 1]).ending) });
  }
}

/** Regex source of how a region adjective ends ("-ской", "-ської"): text every one of them holds. */
export const REGION_ADJECTIVE_END = String.raw`(?:ск|цк|зьк|цьк|ськ)\p{Ll}{1,3}`;
/** Regex source of a region adjective in any case ("Херсонской", "Ниже Липецької"). */
export const REGION_ADJECTIVE = String.raw`(?:\p{Lu}\p{Ll}+ )?\p{Lu}\p{Ll}+${REGION_ADJECTIVE_END}`;
