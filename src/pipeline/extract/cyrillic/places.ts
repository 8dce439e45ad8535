import { defaultGazetteer, type Place } from '../../../knowledge/places/gazetteer.js';
import { caseStem, isAdjectiveEnding, nameStemKey, nominativeAdjective } from '../../morphology/stem.js';
import { namedValue } from '../provenance.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';

interface KnownName {
  name: string;
  place?: Place;
  /** The case ending of the name's last word as listed ("-ое" of "Снежное"): an adjectival one is no mismatch. */
  adjectival: boolean;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const WORD = /[\p{L}][\p{L}'’ʼ-]*/uy;
const CANDIDATE = /(?<![\p{L}'’-])(?:\p{Lu}[\p{L}'’ʼ-]*|росси\p{Ll}*|росі\p{Ll}*|рф)/gu;
const MAX_WORDS = 3;
/** Contexts in which a country is no place: "war in Ukraine", "citizens of Ukraine", "invasion of Russia". */
const NOT_A_PLACE_BEFORE = /(?:войн\p{L}*|війн\p{L}*|вторжени\p{L}*|вторгнен\p{L}*|агресс?і?и?\p{L}*) (?:(?:России|Росії|РФ) )?(?:в|на|против|проти|с|з)? ?$|(?:граждан\p{L}*|громадян\p{L}*|гражданств\p{L}*|громадянств\p{L}*) $/iu;
/** A country as the one who acted ("Россия отправила", "отправке Россией") is an actor, not a place. */
const COUNTRY_AS_DOER_AFTER = /^ (?:\p{L}+ )?\p{L}+(?:ла|ли|ло|ет|ит|ют|ят|ал|ил|ує|ють|ять)(?![\p{L}])/u;

/** A place finder for one language: known names in any case form, "X-ская область" shapes, settlement words. */
export function createPlaceFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span, exclude?: Span[]) => NamedValue[] {
  const gazetteer = defaultGazetteer();
  const lex = language.lexicons.places;
  const known = new Map<string, KnownName>();
  const remember = (name: string, place: Place | undefined) => {
    const words = name.split(/\s+/u);
    const key = nameStemKey(words);
    if (!known.has(key)) known.set(key, { name, place, adjectival: isAdjectiveEnding(caseStem(words[words.length - 1]).ending) });
  };
  for (const place of gazetteer.places) for (const alias of place.aliases) if (CYRILLIC.test(alias) || alias === 'РФ') remember(alias, place);
  for (const name of lex.names) remember(name, gazetteer.lookup(name));
  const notPlaces = new Set(lex.notPlaces.map((n) => caseStem(n).stem));
  const nouns = lex.regionNouns;
  const adjective = String.raw`(?:\p{Lu}\p{Ll}+ )?\p{Lu}\p{Ll}+(?:ск|цк|зьк|цьк|ськ)\p{Ll}{1,3}`;
  const region = new RegExp(String.raw`(?<![\p{L}])(${adjective})[\s\u00a0]+(${nouns.map((n) => n.stem).join('|')})\p{Ll}{0,4}(?![\p{L}])`, 'gu');
  const regionList = new RegExp(
    String.raw`(?<![\p{L}])((?:${adjective}(?:,\s*|\s+(?:и|та|і|й)\s+))+${adjective})[\s\u00a0]+(${nouns.map((n) => n.plural).join('|')})(?![\p{L}])`,
    'gu',
  );
  const settlement = new RegExp(String.raw`(?<![\p{L}])(?:${lex.settlementWords.join('|')})\s+(\p{Lu}[\p{L}-]+)`, 'gu');
  const adjectiveOnly = new RegExp(String.raw`^${adjective}$`, 'u');
  const countryAdjective = /(?<![\p{L}])(?:российск|російськ)\p{L}* (?:исправительн\p{L}* |виправн\p{L}* )?(?:колони|тюрьм|тюрем|тюрм|СИЗО|СІЗО|территори|територі|лагер|зон)\p{L}*/giu;

  return (doc, range, exclude = []) => {
    const sentence = doc.norm.slice(range.start, range.end);
    const found: NamedValue[] = [];
    const add = (start: number, end: number, rule: string, name: string, place?: Place) => {
      const s = range.start + start;
      const e = range.start + end;
      if (exclude.some((x) => s < x.end && e > x.start)) return;
      if (found.some((f) => (s < f.span.end && e > f.span.start) || (place && f.entityId === place.id))) return;
      found.push({ ...namedValue(doc.text, s, e, rule, { name, entityId: place?.id }), ...(place ? { lat: place.lat, lon: place.lon } : {}) });
    };
    const nounFor = (written: string) => nouns.find((n) => written.toLowerCase().startsWith(n.stem.toLowerCase()))!;
    const lemma = (adjectiveWords: string, written: string) => {
      const noun = nounFor(written);
      const words = adjectiveWords.split(/\s+/u);
      const last = nominativeAdjective(words[words.length - 1], noun.gender as 'feminine' | 'masculine', language.code);
      const name = `${last} ${noun.nominative}`;
      return { name, place: gazetteer.lookup(name) ?? known.get(nameStemKey(name.split(' ')))?.place };
    };
    for (const m of sentence.matchAll(regionList)) {
      let at = m.index ?? 0;
      for (const part of m[1].split(/,\s*|\s+(?:и|та|і|й)\s+/u)) {
        const start = sentence.indexOf(part, at);
        at = start + part.length;
        const { name, place } = lemma(part, m[2]);
        add(start + (part.includes(' ') ? part.lastIndexOf(' ') + 1 : 0), at, `${language.code}.place.region-list`, name, place);
      }
    }
    for (const m of sentence.matchAll(region)) {
      const { name, place } = lemma(m[1], m[2]);
      const start = (m.index ?? 0) + (m[1].includes(' ') ? m[1].lastIndexOf(' ') + 1 : 0);
      add(start, (m.index ?? 0) + m[0].length, `${language.code}.place.region`, name, place);
    }
    for (const m of sentence.matchAll(CANDIDATE)) readKnown(m.index ?? 0);
    for (const m of sentence.matchAll(settlement)) {
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      const entry = known.get(nameStemKey([m[1]]));
      add(start, start + m[1].length, `${language.code}.place.settlement-word`, entry?.name ?? m[1], entry?.place);
    }
    for (const m of sentence.matchAll(countryAdjective)) {
      const place = gazetteer.lookup('Russia');
      if (found.some((f) => f.entityId === place?.id)) continue;
      add(m.index ?? 0, (m.index ?? 0) + m[0].length, `${language.code}.place.country-adjective`, language.code === 'uk' ? 'Росія' : 'Россия', place);
    }
    return found.sort((a, b) => a.span.start - b.span.start);

    /** The longest known name starting at `start` (three words, then two, then one). */
    function readKnown(start: number): void {
      const words: { text: string; end: number }[] = [];
      let at = start;
      while (words.length < MAX_WORDS) {
        WORD.lastIndex = at;
        const w = WORD.exec(sentence);
        if (!w) break;
        words.push({ text: w[0], end: WORD.lastIndex });
        if (sentence[WORD.lastIndex] !== ' ') break;
        at = WORD.lastIndex + 1;
      }
      for (let n = words.length; n >= 1; n--) {
        const taken = words.slice(0, n).map((w) => w.text);
        const last = caseStem(taken[n - 1]);
        const entry = known.get(nameStemKey(taken));
        if (!entry || notPlaces.has(caseStem(taken[0]).stem)) continue;
        // "Донецкая" is not "Донецк", nor "Омская" "Омск": an adjective ending only fits a listed adjective.
        if (isAdjectiveEnding(last.ending) && !entry.adjectival) continue;
        if (last.stem.length < 4 && n === 1 && taken[0].toLowerCase() !== entry.name.toLowerCase()) continue;
        if (n === 1 && adjectiveOnly.test(taken[0]) && entry.place?.kind === 'region') continue;
        const end = words[n - 1].end;
        if (entry.place?.kind === 'country' && !countryIsPlace(start, end)) return;
        add(start, end, `${language.code}.place.gazetteer`, entry.name, entry.place);
        return;
      }
    }

    function countryIsPlace(start: number, end: number): boolean {
      const before = sentence.slice(Math.max(0, start - 30), start);
      if (NOT_A_PLACE_BEFORE.test(before)) return false;
      // "Херсонской области Украины", "Чеченской Республики РФ": the country only qualifies the region before it.
      if (found.some((f) => f.span.end - range.start <= start && !/\S/u.test(sentence.slice(f.span.end - range.start, start)))) return false;
      const written = sentence.slice(start, end);
      if (/(?:ей|єю)$/u.test(written)) return false;
      if (/^(?:Россия|Росія|Украина|Україна|РФ)$/u.test(written) && COUNTRY_AS_DOER_AFTER.test(sentence.slice(end, end + 30))) return false;
      return true;
    }
  };
}
