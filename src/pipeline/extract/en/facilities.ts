import { namedValue } from '../provenance.js';
import { LiteralPrefilter } from '../literal-prefilter.js';
import type { NamedValue, Span } from '../../../domain/types.js';
import { compilePattern } from '../../../knowledge/text/compile-pattern.js';

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const NUM = '(?:\\d{1,3}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|one|two|three|four|five|six|seven|eight|nine|ten)';
const NO = '(?:No\\.?|no\\.?|Number|number|#|№|N)\\s?';
const KIND = '(?:[Pp]enal|[Cc]orrectional|[Pp]re-?[Tt]rial [Dd]etention|[Dd]etention|[Cc]orrective [Ll]abou?r)';
const UNIT = '(?:[Cc]olony|[Ff]acility|[Cc]ent(?:re|er)|[Ii]solator|[Pp]rison)';
// A proper name, but not a nationality adjective ("Russian prison" is no facility's name).
const PLACE_NAME = "(?:(?!(?:Russian|Ukrainian|Russia|Ukraine|The|A|An|Its|Their|This|That)\\b)[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2})";

interface FacilityRule {
  id: string;
  re: RegExp;
  /**
   * The part every match ends with, as a pattern of its own: it starts with words V8 can skip to,
   * where the rule's optional lead-in ("Penal Colony", a place name) makes a scan slow to fail.
   */
  hint?: RegExp;
}

const CODE = '(?:IK|SIZO|Sizo|LIU|KP|VK|PKT|ShIZO|SHIZO|ИК|СИЗО)';
const FOR_WHOM = '(?: for [a-z-]+(?: [a-z-]+){0,2})?';
const PLACE_FIRST_KIND = `(?:${KIND} ${UNIT}|penal colony|prison|detention cent(?:re|er)|pre-trial detention cent(?:re|er))`;

/** Facility shapes, most specific first; an earlier match wins over an overlapping later one. */
export const RULES: readonly FacilityRule[] = [
  {
    id: 'en.facility.code',
    re: compilePattern(`(?<![\\p{L}])(?:${PLACE_NAME} )?${CODE}[- ]?(?:${NO})?\\d{1,3}(?!\\d)`, 'gu'),
    hint: compilePattern(`${CODE}[- ]?(?:${NO})?\\d`, 'u'),
  },
  { id: 'en.facility.sizo-number', re: compilePattern(`(?<![\\p{L}])(?:SIZO|Sizo|sizo) ${NO}${NUM}\\b`, 'gu') },
  {
    id: 'en.facility.numbered',
    re: compilePattern(`(?:(?:[A-Z][a-z]+ )?${KIND} )?${UNIT} ${NO}${NUM}(?![\\p{N}])(?: in ${PLACE_NAME})?`, 'gu'),
    hint: compilePattern(`${UNIT} ${NO}${NUM}`, 'u'),
  },
  { id: 'en.facility.number-name', re: compilePattern(`${KIND} ${UNIT} \\d{1,3}(?: [“"«][^”"»]{2,30}[”"»])?`, 'gu') },
  {
    id: 'en.facility.described',
    re: compilePattern(
      `(?:(?:women|men)[’']s )?(?:${KIND} |prison )?(?:${UNIT}|camp)${FOR_WHOM} (?:in|of|at) (?:the )?(?:Russian-occupied |Russia-occupied |occupied )?(?:(?:city|town|village|settlement) of )?${PLACE_NAME}(?: (?:region|Oblast|Region))?`,
      'gu',
    ),
    hint: compilePattern(`(?:${UNIT}|camp)${FOR_WHOM} (?:in|of|at) `, 'u'),
  },
  { id: 'en.facility.place-first', re: compilePattern(`${PLACE_NAME} ${PLACE_FIRST_KIND}`, 'gu'), hint: compilePattern(` ${PLACE_FIRST_KIND}`, 'u') },
];

/** Which rules may match a sentence (the others are not run). */
const PREFILTER = new LiteralPrefilter(RULES.map((rule) => rule.re.source), { anywhere: true });

/** Penal institutions named in a sentence: "IK-7", "Correctional Colony No. 2", "penal colony in Snizhne". */
export function findFacilities(text: string, range: Span): NamedValue[] {
  const sentence = text.slice(range.start, range.end);
  const found: NamedValue[] = [];
  const candidates = PREFILTER.candidates(sentence);
  for (const [i, rule] of RULES.entries()) {
    if (!candidates[i] || (rule.hint && !rule.hint.test(sentence))) continue;
    for (const m of sentence.matchAll(rule.re)) {
      if (/^[\p{L}\p{N}]/u.test(sentence.slice((m.index ?? 0) + m[0].length))) continue;
      const start = range.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (found.some((f) => start < f.span.end && end > f.span.start)) continue;
      // "prison in Russia" and "colony in Ukraine" describe a country, not one institution.
      if (/ (?:in|of) (?:the )?(?:Russia|Ukraine|Europe)$/.test(m[0])) continue;
      found.push(namedValue(text, start, end, rule.id, { entityId: facilityKey(m[0]) }));
    }
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** A rough identity for a facility mention: kind and number when given ("ik-7"), for linking back-references. */
export function facilityKey(name: string): string | undefined {
  const n = name.match(/(\d{1,3})(?!\d)/)?.[1] ?? name.match(compilePattern(`\\b${NUM}\\b`))?.[0];
  if (!n) return undefined;
  const number = /^\d+$/.test(n) ? Number(n) : NUMBER_WORDS[n.toLowerCase()];
  const kind = /sizo|pre-?trial|detention|isolator|сизо/i.test(name) ? 'sizo' : /liu/i.test(name) ? 'liu' : 'ik';
  return number ? `facility:${kind}-${number}` : undefined;
}

/** "prison population", "prison system": the facility word begins a compound that names no facility. */
const NOT_A_FACILITY_AFTER = String.raw` (?:population|system|service|statistics|authorit|official|sentence|term|guard|staff|reform|rule|condition|labou?r)\p{L}*`;
const FACILITY_WORD = String.raw`(?:colony|facility|prison|detention cent(?:re|er)|penal colony|camp|jail)\b(?!${NOT_A_FACILITY_AFTER})`;

/**
 * Words that refer back to a facility named earlier: "the colony", "the facility", with one lower-case
 * word between ("the infamous facility", "the correctional facility"; "the Russian prison" is any
 * prison), or after "this"/"that" with up to two ("this ordinary Russian detention centre"), and "its (first) inmates" (GUIDE); "the" not when a
 * place follows ("the correctional facility in Russia" is a description of its own); not the first word of
 * a compound ("the country’s prison population").
 */
export const FACILITY_BACK_REFERENCE = compilePattern(
  String.raw`\b(?:[Tt]he (?:\p{Ll}[\p{L}’'-]* )?${FACILITY_WORD}(?! (?:in|at|of) \p{Lu})|[Tt]h(?:is|at) (?:[\p{L}’'-]+ ){0,2}${FACILITY_WORD}|[Ii]ts (?:[\p{L}-]+ ){0,2}(?:inmates|prisoners|detainees)\b)`,
  'u',
);
