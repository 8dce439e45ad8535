import { defaultGazetteer, type Place } from '../../../knowledge/places/gazetteer.js';
import { PlaceNames, REGION_ADJECTIVE, REGION_ADJECTIVE_END } from './place-names.js';
import { namedValue } from '../provenance.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import type { CyrillicLanguage, CyrillicText } from './language.js';
import { matchesWhere, noLetterBefore } from '../scan.js';
import { testCompiled } from '../machine-code.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

const WORD = compilePattern(String.raw`[\p{L}][\p{L}'’ʼ-]*`, 'uy');
/** Where a known name may start (not after a letter, apostrophe or hyphen: checked by startsName). */
const CANDIDATE = compilePattern(String.raw`(?:\p{Lu}[\p{L}'’ʼ-]*|росси\p{Ll}*|росі\p{Ll}*|рф)`, 'gu');
const MAX_WORDS = 3;
/** What `(?<![\p{L}'’-])` asked of a name's start, checked in code (faster than a leading lookbehind). */
const startsName = (s: string, index: number): boolean => noLetterBefore(s, index) && !isNameJoiner(s.charCodeAt(index - 1));
/** An apostrophe or a hyphen, after which no name starts (asked of every capitalised word: by code, not a pattern). */
const isNameJoiner = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2d;
/** Quoted names ("«Защита заключенных Украины»") are organisations and outlets: a place inside one is not where anything happened. */
const QUOTED = /[«"„“][^»"“”]{2,80}[»"“”]/gu;
/** Contexts in which a country is no place: "war in Ukraine", "citizens of Ukraine", "invasion of Russia". */
const NOT_A_PLACE_BEFORE = compilePattern(String.raw`(?:вторжени\p{L}*|вторгнення|агресси\p{L}*|агресії) $|(?:вторжени\p{L}*|вторгнен\p{L}*|вторгнення) (?:(?:России|Росії|РФ) )?(?:в|на|до) $|(?:войн\p{L}*|війн\p{L}*|агресси\p{L}*|агресі\p{L}*) (?:(?:России|Росії|РФ) )?(?:против|проти|с|з) $|(?:против|проти) $|(?:граждан\p{L}*|громадян\p{L}*|гражданств\p{L}*|громадянств\p{L}*) $`, 'iu');
/** A country as the one who acted ("Россия отправила", "отправке Россией") is an actor, not a place. */
const COUNTRY_AS_DOER_AFTER = compilePattern(String.raw`^ (?:\p{L}+ )?\p{L}+(?:ла|ли|ло|ет|ит|ют|ят|ал|ил|ує|ють|ять)(?![\p{L}])`, 'u');

/** A place finder for one language: known names in any case form, "X-ская область" shapes, settlement words. */
export function createPlaceFinder(language: CyrillicLanguage): (doc: CyrillicText, range: Span, exclude?: Span[]) => NamedValue[] {
  const gazetteer = defaultGazetteer();
  const names = new PlaceNames(language);
  const lex = language.lexicons.places;
  const nouns = lex.regionNouns;
  const adjective = REGION_ADJECTIVE;
  // Region, list, settlement and country patterns must start a word: matchesWhere checks.
  const region = compilePattern(String.raw`(${adjective})[\s\u00a0]+(${nouns.map((n) => n.stem).join('|')})\p{Ll}{0,4}(?![\p{L}])`, 'gu');
  const regionList = compilePattern(
    String.raw`((?:${adjective}(?:,\s*|\s+(?:и|та|і|й)\s+))+${adjective})[\s\u00a0]+(${nouns.map((n) => n.plural).join('|')})(?![\p{L}])`,
    'gu',
  );
  // Both region shapes end in an adjective ending, space and a region noun: a sentence without that
  // text is not scanned for them (the adjective before it makes a scan slow to fail).
  const regionHint = compilePattern(String.raw`${REGION_ADJECTIVE_END}[\s\u00a0]+(?:${nouns.map((n) => n.stem).join('|')})`, 'u');
  const regionListHint = compilePattern(String.raw`${REGION_ADJECTIVE_END}[\s\u00a0]+(?:${nouns.map((n) => n.plural).join('|')})`, 'u');
  const settlement = compilePattern(String.raw`(?:${lex.settlementWords.join('|')})\s+(\p{Lu}[\p{L}-]+)`, 'gu');
  const countryAdjective = /(?:российск|російськ)\p{L}* (?:исправительн\p{L}* |виправн\p{L}* )?(?:колони|колоні|тюрьм|тюрем|тюрм|СИЗО|СІЗО|территори|територі|лагер|зон)\p{L}*/giu;

  return (doc, range, exclude = []) => {
    const sentence = doc.norm.slice(range.start, range.end);
    const found: NamedValue[] = [];
    /** Every place name read, repeats included, in sentence offsets: a country right after one only qualifies it. */
    const named: Span[] = [];
    const quoted = [...sentence.matchAll(QUOTED)].map((q) => ({ start: q.index ?? 0, end: (q.index ?? 0) + q[0].length }));
    const add = (start: number, end: number, rule: string, name: string, place?: Place) => {
      const s = range.start + start;
      const e = range.start + end;
      if (exclude.some((x) => s < x.end && e > x.start)) return;
      // «ДНР» alone is the place; «Защита заключенных Украины» is an organisation.
      if (quoted.some((q) => start > q.start && end < q.end && q.end - q.start > end - start + 2)) return;
      named.push({ start, end });
      if (found.some((f) => (s < f.span.end && e > f.span.start) || (place && f.entityId === place.id))) return;
      found.push({ ...namedValue(doc.text, s, e, rule, { name, entityId: place?.id }), ...(place ? { lat: place.lat, lon: place.lon } : {}) });
    };
    for (const m of regionListHint.test(sentence) ? matchesWhere(regionList, sentence) : []) {
      let at = m.index ?? 0;
      for (const part of m[1].split(/,\s*|\s+(?:и|та|і|й)\s+/u)) {
        const start = sentence.indexOf(part, at);
        at = start + part.length;
        const { name, place } = names.region(part, m[2]);
        add(start + (part.includes(' ') ? part.lastIndexOf(' ') + 1 : 0), at, `${language.code}.place.region-list`, name, place);
      }
    }
    for (const m of regionHint.test(sentence) ? matchesWhere(region, sentence) : []) {
      const { name, place } = names.region(m[1], m[2]);
      const start = (m.index ?? 0) + (m[1].includes(' ') ? m[1].lastIndexOf(' ') + 1 : 0);
      add(start, (m.index ?? 0) + m[0].length, `${language.code}.place.region`, name, place);
    }
    for (const m of matchesWhere(CANDIDATE, sentence, startsName)) readKnown(m.index ?? 0);
    for (const m of matchesWhere(settlement, sentence)) {
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      const entry = names.match([m[1]]);
      add(start, start + m[1].length, `${language.code}.place.settlement-word`, entry?.name ?? m[1], entry?.place);
    }
    for (const m of matchesWhere(countryAdjective, sentence)) {
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
        // Most capitalised words start no known name: nothing after them need be read.
        if (!words.length && !names.mayStart(w[0])) return;
        words.push({ text: w[0], end: WORD.lastIndex });
        if (sentence[WORD.lastIndex] !== ' ') break;
        at = WORD.lastIndex + 1;
      }
      for (let n = words.length; n >= 1; n--) {
        const entry = names.match(words.slice(0, n).map((w) => w.text));
        if (!entry) continue;
        const end = words[n - 1].end;
        if (entry.place?.kind === 'country' && !countryIsPlace(start, end)) return;
        add(start, end, `${language.code}.place.gazetteer`, entry.name, entry.place);
        return;
      }
    }

    function countryIsPlace(start: number, end: number): boolean {
      const before = sentence.slice(Math.max(0, start - 30), start);
      if (testCompiled(NOT_A_PLACE_BEFORE, before)) return false;
      // "Херсонской области Украины", "Чеченской Республики РФ": the country only qualifies the region before it.
      if (named.some((n) => n.end <= start && !/\S/u.test(sentence.slice(n.end, start)))) return false;
      const written = sentence.slice(start, end);
      if (/(?:ей|єю)$/u.test(written)) return false;
      if (/^(?:Россия|Росія|Украина|Україна|РФ)$/u.test(written) && COUNTRY_AS_DOER_AFTER.test(sentence.slice(end, end + 30))) return false;
      return true;
    }
  };
}
