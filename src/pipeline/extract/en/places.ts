import { defaultGazetteer, type Place } from '../../../knowledge/places/gazetteer.js';
import { defaultAgentRegistry } from '../../../knowledge/organisations/registry.js';
import { escapeRegExp, namedValue, wordsPattern } from '../provenance.js';
import { matchesWhere } from '../scan.js';
import { testCompiled } from '../machine-code.js';
import { KnownPlaceNames, REGION_WORD } from './known-place-names.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

const gazetteer = defaultGazetteer();
const LATIN_NAMES = gazetteer.names().filter((n) => /^[A-Z]/.test(n));
/** A known name, optionally preceded by a direction and followed by a region word. */
const KNOWN = new KnownPlaceNames(LATIN_NAMES);
/** An unknown "Xyz region" / "Xyz Oblast" (starting a word: matchesWhere checks). */
const UNKNOWN_REGION = compilePattern(`((?![A-Z][a-z]+(?:ian|ern|ese)\\b)[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?) ${REGION_WORD}(?![\\p{L}])`, 'gu');
/** "Kherson and Mykolaiv regions": two regions sharing one region word. */
const REGION_PAIR = compilePattern(`([A-Z][a-z]+) and ([A-Z][a-z]+) (regions|[Oo]blasts|territories)`, 'gu');
/** "Russian colonies", "Russian territory": the country adjective names where prisoners are held. */
const COUNTRY_ADJECTIVE =
  /(Russian|Ukrainian)(?: (?:penal|correctional|prison|federal|different))? (?:colon(?:y|ies)|prisons?|jails?|territory|regions|penal colonies|correctional (?:colonies|facilities)|facilities|detention (?:centres|centers|sites))(?![\p{L}])/gu;
/** Contexts in which a country name does not say where prisoners were: "war in Ukraine", "citizens of Ukraine", "used by Russia". */
const NOT_A_PLACE_BEFORE = /(?:war (?:in|on|against)|invasion of|losses in|attack on|aggression against|against|border with|borders? of|(?:citizens|nationals|residents|natives) of|by) $/u;
/** "sent to fight in the war against Ukraine", "taken to the border with Ukraine": where prisoners go is a place (GUIDE: Places). */
const SENT_TO_WAR = /\b(?:fight|fighting|go|going|went|sent|send|sending|taken|deployed|serve|serving) (?:in |to |at )?(?:the )?(?:war|border) (?:in|on|against|with) $/u;
/** After a country: a possessive, a person word, or a verb (the country is then the actor, not the place). */
const NOT_A_PLACE_AFTER =
  /^(?:[’']s\b|n\b| resident| native| man\b| woman\b|-\p{L}| (?:(?:has|had|have|is|was|were)(?: (?:also|likely|reportedly|allegedly|already|actively|now|still|initially|been))* (?:\p{L}+ed|\p{L}+ing|taken|sent|begun|been)|\p{Ll}+ed|began|started|took|sent|used|recruited|released|moved|turned|resorted|plans?|wants?|needs?|continues)\b)/u;

/**
 * Names of organisations and state bodies with a place in them, as etap's registry spells them
 * ("Russia Behind Bars", "National Police of Ukraine", "Supreme Court of Russia"): the place there
 * is part of a name, not where anything happened.
 */
const NAMED_AFTER_PLACES = namesWithPlaces();

function namesWithPlaces(): RegExp | undefined {
  const places = new Set(LATIN_NAMES);
  const names = defaultAgentRegistry()
    .agents.filter((agent) => agent.kind !== 'person')
    .flatMap((agent) => [agent.name, ...agent.aliases])
    .filter((name) => /^[A-Z]/.test(name) && !places.has(name) && name.split(/[^\p{L}]+/u).some((word) => places.has(word)));
  if (names.length === 0) return undefined;
  return wordsPattern([...new Set(names)].sort((a, b) => b.length - a.length).map(escapeRegExp), 'gu');
}

/** "Russia’s prison population", "Russia’s most notorious penal colonies": the country's own prisons are in it. */
const COUNTRY_PRISONS = compilePattern(String.raw`^[’']s (?:\p{L}+ ){0,2}(?:prison|penal|inmate|jail|correctional|colon|penitentiar|detention)`, 'u');
/** "prisoners in Russia has fallen": after a locative preposition the country is no subject. */
const LOCATIVE_BEFORE = /\b(?:in|into|across|throughout|within) $/u;
const PERSON_OR_POSSESSIVE_AFTER = compilePattern(String.raw`^(?:[’']s\b|n\b| resident| native| man\b| woman\b|-\p{L})`, 'u');

/** True when the country named at start…end of `sentence` is not where the claim happens. */
function countryNotPlace(sentence: string, start: number, end: number): boolean {
  const after = sentence.slice(end, end + 60);
  if (COUNTRY_PRISONS.test(after)) return false;
  if (LOCATIVE_BEFORE.test(sentence.slice(Math.max(0, start - 12), start))) return PERSON_OR_POSSESSIVE_AFTER.test(after);
  return testCompiled(NOT_A_PLACE_AFTER, sentence.slice(end));
}

/** Places named in a sentence: known names, unknown "X region"s, and "Russian colonies" → Russia. */
export function findPlaces(text: string, range: Span, exclude: Span[] = []): NamedValue[] {
  const sentence = text.slice(range.start, range.end);
  const found: NamedValue[] = [];
  if (NAMED_AFTER_PLACES) {
    const names = [...sentence.matchAll(NAMED_AFTER_PLACES)].map((m) => ({ start: range.start + m.index!, end: range.start + m.index! + m[0].length }));
    if (names.length > 0) exclude = [...exclude, ...names];
  }
  const add = (start: number, end: number, rule: string, name: string, place?: Place) => {
    const s = range.start + start;
    const e = range.start + end;
    if (exclude.some((x) => s < x.end && e > x.start)) return;
    if (found.some((f) => (s < f.span.end && e > f.span.start) || (place && f.entityId === place.id))) return;
    found.push({ ...namedValue(text, s, e, rule, { name, entityId: place?.id }), ...(place ? { lat: place.lat, lon: place.lon } : {}) });
  };
  for (const m of sentence.matchAll(REGION_PAIR)) {
    for (const part of [m[1], m[2]]) {
      const name = `${part} region`;
      const start = (m.index ?? 0) + m[0].indexOf(part);
      add(start, start + part.length, 'en.place.region-pair', name, gazetteer.lookup(name));
    }
  }
  for (const m of KNOWN.matchAll(sentence)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const place = gazetteer.lookup(m[2] + (m[0].length > m[1].length + m[2].length ? ' region' : '')) ?? gazetteer.lookup(m[2]);
    if (!place) continue;
    // Only countries keep a direction ("southern Russia"); "southern Krasnodar region" is the region.
    if (m[1] && place.kind !== 'country') {
      add(start + m[1].length, end, 'en.place.gazetteer', m[0].slice(m[1].length), place);
      continue;
    }
    if (place.kind === 'country' && !m[1] && ((NOT_A_PLACE_BEFORE.test(sentence.slice(Math.max(0, start - 24), start)) && !SENT_TO_WAR.test(sentence.slice(Math.max(0, start - 48), start))) || countryNotPlace(sentence, start, end))) continue;
    // "Ukraine's Kherson region" names the region; "a Kherson resident", "Kherson prisoners" describe people;
    // "Vladimir Osechkin" is a person whose first name is also a town.
    if (/^(?:[’']s\s+[A-Z]| (?:resident|native|prisoner|inmate|convict|detainee)s?\b)/u.test(sentence.slice(end))) continue;
    if (place.kind === 'settlement' && /^ [A-Z][a-z]+/u.test(sentence.slice(end))) continue;
    add(start, end, 'en.place.gazetteer', m[0], place);
  }
  for (const m of matchesWhere(UNKNOWN_REGION, sentence)) {
    const start = m.index ?? 0;
    add(start, start + m[0].length, 'en.place.region-word', m[0], gazetteer.lookup(m[0]));
  }
  for (const m of matchesWhere(COUNTRY_ADJECTIVE, sentence)) {
    const start = m.index ?? 0;
    const place = gazetteer.lookup(m[1] === 'Russian' ? 'Russia' : 'Ukraine');
    if (found.some((f) => f.entityId === place?.id)) continue;
    add(start, start + m[0].length, 'en.place.country-adjective', place?.name ?? m[1], place);
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}
