import givenNames from '../names/given-names.json' with { type: 'json' };
import type { Gazetteer, KnownName } from './gazetteer.js';
import { compilePattern } from '../text/compile-pattern.js';

const GIVEN_NAMES = new Set(givenNames.names.map((n) => n.toLowerCase()));

/** Capitalised words that start a phrase without naming anyone ("In Kherson", "From Snizhne"). */
const FUNCTION_WORDS = new Set(['in', 'from', 'to', 'at', 'near', 'of', 'the', 'and', 'or', 'but', 'by', 'for', 'on', 'into', 'outside', 'between', 'both', 'as', 'while', 'when', 'since', 'after', 'before', 'occupied', 'в', 'из', 'с', 'на', 'до', 'у', 'з', 'і', 'и']);
/** After a name: a person it describes ("a Kherson resident"), not where something happened. */
const DESCRIBES_PERSON = compilePattern(String.raw`^\s*(?:residents?|natives?|man|woman|men|women|citizens?|-born|житель|жителька|жители|мешканець|мешканка|мешканці|уроженец|уродженець)(?![\p{L}])`, 'u');

/**
 * Place names in running text (`range` of `text`), through the gazetteer's token index rather
 * than one huge regular expression: every known name in any spelling, the longest at each word,
 * minus those that are part of a person's name ("Vladimir Osechkin", "Sergei Kirov") or describe
 * a person ("a Kherson resident"). GeoNames settlements below `minPopulation` are left out
 * (default 1,000: small villages are named like common words); etap's own places always count.
 */
export function findPlaceMentions(gazetteer: Gazetteer, text: string, range = { start: 0, end: text.length }, minPopulation = 1000): KnownName[] {
  return gazetteer.findKnownNames(text, range, minPopulation).filter((known) => !partOfPersonName(gazetteer, text, known) && !DESCRIBES_PERSON.test(text.slice(known.end, known.end + 16)));
}

function partOfPersonName(gazetteer: Gazetteer, text: string, known: KnownName): boolean {
  const before = text.slice(Math.max(0, known.start - 40), known.start).match(/(\p{Lu}[\p{L}’'-]+)\s$/u)?.[1];
  if (before && GIVEN_NAMES.has(before.toLowerCase())) return true;
  if (before && !FUNCTION_WORDS.has(before.toLowerCase()) && !gazetteer.lookup(before.replace(/[’']s$/u, '')) && !sentenceStart(text, known.start - before.length - 1)) return true;
  const after = text.slice(known.end, known.end + 40).match(/^\s(\p{Lu}[\p{L}’'-]+)/u)?.[1];
  if (after === undefined || /^(?:Oblast|Region|Krai|Republic|Province|Territory|Raion|District)$/u.test(after)) return false;
  return GIVEN_NAMES.has(known.text.toLowerCase()) || (!gazetteer.lookup(after) && known.places.every((p) => p.kind === 'settlement'));
}

/** True when `at` (the start of a word) begins a sentence. */
function sentenceStart(text: string, at: number): boolean {
  return at <= 0 || /(?:^|[.!?]["”’»)]*\s+|\n\s*)$/u.test(text.slice(Math.max(0, at - 4), at));
}
